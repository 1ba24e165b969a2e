/**
 * The chat server: the room (members, sessions, the ring of recent events,
 * rate limits) apart from connections, the glue that joins them to TLS
 * connections, and the host's console. The room must not know sockets; the
 * glue must not know what a message says.
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
  type ConnectionInfo,
  DEFAULT_GRACE_MS,
  type JoinResult,
  type LeaveReason,
  type MemberLink,
  type ResumeResult,
  Room,
  RoomMember,
  type RoomOptions,
  type RoomStats,
  type SayResult,
  type Welcome,
} from "./room.ts";
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
  runConsoleLine,
} from "./host_console.ts";
