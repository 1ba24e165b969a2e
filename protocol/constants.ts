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

/** Bytes of a file id (`file` in offers and chunks): random, unpadded base64url. */
export const FILE_ID_BYTES = 16;

/** Plaintext bytes of one file chunk a sender uses by default. */
export const DEFAULT_CHUNK_BYTES = 128 * 1024;

/** Smallest chunk an offer may announce (a file smaller than this is one chunk). */
export const MIN_CHUNK_BYTES = 1024;

/** Largest chunk an offer may announce: its Fernet token must fit in a frame. */
export const MAX_CHUNK_BYTES = 256 * 1024;

/** Largest file a member accepts, and a server relays, by default (100 MiB). */
export const DEFAULT_MAX_FILE_BYTES = 100 * 1024 * 1024;

/** Longest file name an offer may carry, in UTF-16 units. */
export const MAX_FILE_NAME_LENGTH = 255;
