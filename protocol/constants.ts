/**
 * Protocol constants, in one place. The wire protocol is described in
 * `docs/PROTOCOL.md`; every number a peer could notice is here.
 *
 * @module
 */

/** Version carried in `hello` and `auth`. */
export const PROTOCOL_VERSION = 1;

/** Bytes of the big-endian length in front of every frame. */
export const FRAME_HEADER_BYTES = 4;

/** Largest frame payload accepted by default (1 MiB). */
export const DEFAULT_MAX_FRAME_BYTES = 1024 * 1024;

/** Largest frame accepted before the handshake is done: nobody unproven sends much. */
export const HANDSHAKE_MAX_FRAME_BYTES = 4 * 1024;

/** Random bytes in a handshake nonce. */
export const NONCE_BYTES = 32;

/** Bytes of an HMAC-SHA256 proof. */
export const PROOF_BYTES = 32;

/** Time a connection has to finish the handshake. */
export const HANDSHAKE_TIMEOUT_MS = 10_000;

/** How often each side pings. */
export const PING_INTERVAL_MS = 15_000;

/** Silence after which a peer is gone. */
export const PEER_TIMEOUT_MS = 45_000;

/** How often a server beats to the registry. */
export const BEAT_INTERVAL_MS = 10_000;

/** Silence after which the registry forgets a server. */
export const REGISTRY_ENTRY_TTL_MS = 30_000;

/** Longest nick, in characters. */
export const MAX_NICK_LENGTH = 24;

/** Longest server name, in characters. */
export const MAX_NAME_LENGTH = 64;

/** Longest client message id. */
export const MAX_ID_LENGTH = 64;

/** Longest text field that is not a body (reasons, motd, args). */
export const MAX_TEXT_LENGTH = 1024;

/** Most entries in any list a peer sends (members, servers, op args). */
export const MAX_LIST_LENGTH = 10_000;

/** Default ports. */
export const DEFAULT_SERVER_PORT = 5555;
/** Default registry port. */
export const DEFAULT_REGISTRY_PORT = 5556;
/** Default port of a p2p listener (`stealth p2p --listen`). */
export const DEFAULT_P2P_PORT = 5557;

/** Roles a listener can announce in `hello`; none is a prefix of another (proofs concatenate). */
export const ROLES = ["server", "registry", "p2p"] as const;

/** A listener's role. */
export type Role = typeof ROLES[number];
