/**
 * The member's side of a chat: the connection to a server (dial, handshake,
 * session, pings, reconnect with resume, a bounded outbox acknowledged by
 * the server's own copies), the display model both front ends render
 * ({@linkcode ChatEvent}), the slash commands, the line-mode client
 * (`stealth chat HOST --plain|--json`), and the full-screen terminal client
 * (`stealth chat`, {@linkcode runChatUi}: ink and React, in `ui/`, loaded
 * only when it runs) with its small settings file. Both front ends also
 * run in direct (p2p) mode ({@linkcode DirectChat}): the same connection
 * to a p2p listener, shown as a chat between two. File sharing
 * ({@linkcode FileTransfers}: `/send`, `/accept`, `stealth send`) rides on
 * the same connection: offers and answers are sealed messages, chunks are
 * sealed frames the server relays without reading.
 *
 * The connection and the model write nothing to stdout: they tell a
 * listener, and a front end decides how it looks. Nothing here knows how
 * the server keeps its room.
 *
 * @example
 * ```ts ignore
 * import { runPlainChat } from "./client/mod.ts";
 *
 * const code = await runPlainChat({
 *   keyPath: "secret.key", server: "pi.local", nick: "alice", json: false,
 * });
 * ```
 *
 * @module
 */

export {
  ChatConnection,
  type ChatConnectionOptions,
  type ChatDialer,
  type ConnectionEvent,
  type ConnectionState,
  DEFAULT_BACKOFF_MS,
  DEFAULT_CLOSE_TIMEOUT_MS,
  DEFAULT_MAX_IN_FLIGHT,
  type DialedChat,
  type DialRequest,
  type DisplayEvent,
  type SayOptions,
  type ServerEvent,
  type StateEvent,
} from "./chat_connection.ts";
export { ChatError, type ChatErrorCode } from "./chat_error.ts";
export { DirectChat, type DirectMode, type Listening } from "./direct_chat.ts";
export {
  type AwayEvent,
  type ChatEvent,
  type ChatEventBase,
  type ChatEventContext,
  chatEventOf,
  type ErrorEvent,
  type FileEvent,
  type FileEventCode,
  type InfoCode,
  type InfoEvent,
  type JoinEvent,
  type LeaveEvent,
  type MembersEvent,
  type MessageEvent,
  type MessageStatus,
  type MuteEvent,
  type NickEvent,
  type NoticeEvent,
  openBody,
  type PrivateEvent,
  type RoomSettingsEvent,
  unreadableText,
} from "./chat_event.ts";
export {
  DEFAULT_MAX_OUTGOING,
  DEFAULT_STALL_MS,
  DEFAULT_WINDOW,
  type FileLink,
  type FileOptions,
  FileTransfers,
  type TransferInfo,
  type TransferState,
} from "./file_transfers.ts";
export { keepFile, numberedName, safeFileName } from "./file_name.ts";
export { DEFAULT_SEND_TIMEOUT_MS, runSendFile, type SendFileOptions } from "./send_file.ts";
export {
  DEFAULT_OUTBOX_LIMITS,
  Outbox,
  type OutboxLimits,
  type OutgoingMessage,
} from "./outbox.ts";
export { parseServerAddress, type ServerAddress } from "./parse_server_address.ts";
export { type OpResultContext, opResultText } from "./op_result_text.ts";
export {
  isShown,
  type LineFormat,
  localTime,
  renderEvent,
  type RenderOptions,
  safe,
} from "./render_event.ts";
export {
  type CommandArgs,
  type CommandContext,
  type CommandTarget,
  handleInput,
  SLASH_COMMANDS,
  type SlashCommand,
  splitQuoted,
  type UiControls,
} from "./slash_commands.ts";
export { type ClientSettings, readSettings, updateSettings, writeSettings } from "./settings.ts";
export { type ChatUiOptions, type ChatUiTuning, runChatUi } from "./chat_ui.ts";
export type { ThemeName } from "./ui/theme.ts";
export {
  EXIT_FAILURE,
  EXIT_NOT_IN_CIRCLE,
  EXIT_OK,
  EXIT_USAGE,
  type PlainChatOptions,
  type PlainChatTuning,
  runPlainChat,
} from "./plain_chat.ts";
