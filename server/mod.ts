/**
 * The chat server: the room (members, sessions, the ring of recent events,
 * rate limits, bans, mutes) apart from connections, the glue that joins them
 * to TLS connections, the host commands (one table for the console and for
 * a host's `op` frames), the host's console, `--bans FILE`, and the relay of
 * file chunks (metered by bytes, never read). The room must not know
 * sockets; the glue must not know what a message or a chunk says.
 *
 * @module
 */

export {
  type ChatServer,
  type ChatServerOptions,
  startChatServer,
  SWEEP_INTERVAL_MS,
} from "./chat_server.ts";
export {
  type BanResult,
  type ConnectionInfo,
  DEFAULT_GRACE_MS,
  type DetailedRefusal,
  type JoinResult,
  type LeaveReason,
  type MemberLink,
  type RelayResult,
  type ResumeResult,
  Room,
  RoomMember,
  type RoomOptions,
  type RoomStats,
  type SayResult,
  type Welcome,
} from "./room.ts";
export {
  type ChunkDecision,
  DEFAULT_FILE_RATE_BYTES,
  DEFAULT_MAX_TRANSFERS,
  FILE_IDLE_MS,
  FileRelay,
  type FileRelayOptions,
} from "./file_relay.ts";
export {
  DEFAULT_RATE_BURST,
  DEFAULT_RATE_PER_SECOND,
  type RateLimitOptions,
} from "./rate_limit.ts";
export {
  DEFAULT_RING_MAX_AGE_MS,
  DEFAULT_RING_MAX_BYTES,
  DEFAULT_RING_MAX_EVENTS,
  type RingOptions,
} from "./ring.ts";
export { type HostOptions, lanAddresses, runHost } from "./host_session.ts";
export {
  CONSOLE_COMMANDS,
  type ConsoleCommand,
  type ConsoleContext,
  describeOpResult,
  runConsoleLine,
} from "./host_console.ts";
export {
  HOST_COMMANDS,
  type HostActor,
  type HostCommand,
  type HostOp,
  isHost,
  MAX_LIMIT,
  runHostOp,
} from "./host_commands.ts";
export {
  type AddBanResult,
  type Ban,
  type BanKind,
  BanList,
  type BanListOptions,
  type BanTarget,
  DEFAULT_MAX_BANS,
  parseBanTarget,
} from "./ban_list.ts";
export { BanFileError, BanFileWriter, readBanFile, writeBanFile } from "./ban_file.ts";
export { MAX_DURATION_MS, parseDuration } from "./parse_duration.ts";
