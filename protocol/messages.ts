/**
 * Every message of wire protocol v1, as valibot schemas, and the TypeScript
 * types inferred from them: one source of truth for what a peer may send.
 * A frame's payload is UTF-8 JSON whose field `t` is its type.
 *
 * Messages are split by direction: {@linkcode ClientMessage} travels from the
 * side that dialed (member, server registering, p2p dialer) to the side that
 * listens; {@linkcode ServerMessage} travels back.
 *
 * @module
 */

import * as v from "valibot";
import { FILE_ID_PATTERN } from "./body.ts";
import {
  MAX_ID_LENGTH,
  MAX_LIST_LENGTH,
  MAX_NAME_LENGTH,
  MAX_NICK_LENGTH,
  MAX_TEXT_LENGTH,
  NONCE_BYTES,
  PROOF_BYTES,
  PROTOCOL_VERSION,
  ROLES,
} from "./constants.ts";

/** Length of `n` bytes as unpadded base64url. */
function b64Length(n: number): number {
  return Math.ceil((n * 4) / 3);
}

const B64URL = /^[A-Za-z0-9_-]*$/;

/** Nicks: letters, digits, `_ - .`, no spaces (so `/msg NICK text` parses). */
export const NICK_PATTERN = new RegExp(`^[\\p{L}\\p{N}_.\\-]{1,${MAX_NICK_LENGTH}}$`, "u");

const bytes64 = (n: number) => v.pipe(v.string(), v.length(b64Length(n)), v.regex(B64URL));
const nonce = bytes64(NONCE_BYTES);
const proof = bytes64(PROOF_BYTES);
const session = bytes64(32);
const nick = v.pipe(v.string(), v.regex(NICK_PATTERN));
const text = v.pipe(v.string(), v.maxLength(MAX_TEXT_LENGTH));
const name = v.pipe(v.string(), v.minLength(1), v.maxLength(MAX_NAME_LENGTH));
const id = v.pipe(v.string(), v.minLength(1), v.maxLength(MAX_ID_LENGTH));
const count = v.pipe(v.number(), v.safeInteger(), v.minValue(0));
const time = count;
const port = v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(65535));
/** A Fernet token: URL-safe base64, length bounded by the frame limit. */
const token = v.pipe(v.string(), v.minLength(1), v.regex(/^[A-Za-z0-9_-]+=*$/));
const code = v.pipe(v.string(), v.regex(/^[a-z][a-z0-9-]{0,31}$/));
const list = <T extends v.GenericSchema>(item: T) =>
  v.pipe(v.array(item), v.maxLength(MAX_LIST_LENGTH));
const version = v.literal(PROTOCOL_VERSION);
/** A file id, as offers carry it. */
const fileId = v.pipe(v.string(), v.regex(FILE_ID_PATTERN));

/** A member as the room shows it. */
export const MemberSchema = v.object({
  nick,
  away: v.boolean(),
  since: time,
  host: v.optional(v.boolean()),
  /** Muted by the host. */
  muted: v.optional(v.boolean()),
  /** Only in lists sent to the host. */
  address: v.optional(text),
});

/** A ban as the host lists it (`opresult {code:"bans"}`). */
export const BanSchema = v.object({
  /** The nick, address or CIDR range, as the server normalised it. */
  target: text,
  kind: v.picklist(["nick", "address", "cidr"]),
  /** When it was made (ms). */
  since: time,
  /** When it ends (ms); absent: until the host lifts it. */
  until: v.optional(time),
  reason: v.optional(text),
});

/** A server as the registry lists it. */
export const ServerEntrySchema = v.object({
  name,
  host: v.pipe(v.string(), v.minLength(1), v.maxLength(255)),
  port,
  users: count,
  since: time,
});

// ---- side that dialed → side that listens -------------------------------

const clientSchemas = [
  v.object({
    t: v.literal("auth"),
    v: version,
    nonce,
    proof,
    nick: v.optional(nick),
    host: v.optional(proof),
    resume: v.optional(v.object({ session, after: count })),
  }),
  v.object({ t: v.literal("say"), id, to: v.optional(nick), body: token }),
  v.object({ t: v.literal("away"), away: v.boolean() }),
  v.object({ t: v.literal("nick"), nick }),
  v.object({ t: v.literal("who") }),
  /** A host command; `body` is the sealed text of `/announce` and `/motd`. */
  v.object({
    t: v.literal("op"),
    cmd: code,
    args: v.pipe(v.array(text), v.maxLength(16)),
    body: v.optional(token),
  }),
  v.object({ t: v.literal("ping"), ts: time }),
  v.object({ t: v.literal("pong"), ts: time }),
  v.object({ t: v.literal("bye") }),
  /**
   * Chunk `i` of file `file` for the member `to`: `body` is a Fernet token
   * of the chunk's bytes. Relayed point to point, never kept in the ring.
   */
  v.object({
    t: v.literal("chunk"),
    file: fileId,
    i: count,
    to: nick,
    body: token,
    /** The file's last chunk: the server stops counting the transfer as running. */
    last: v.optional(v.literal(true)),
  }),
  /** The receiver has every chunk up to `i` of `file` from `to`. */
  v.object({ t: v.literal("chunkack"), file: fileId, i: count, to: nick }),
  v.object({
    t: v.literal("register"),
    name,
    host: v.optional(v.pipe(v.string(), v.minLength(1), v.maxLength(255))),
    port,
    users: count,
    since: v.optional(time),
  }),
  v.object({ t: v.literal("beat"), users: count }),
  v.object({ t: v.literal("list") }),
] as const;

/** Messages from the side that dialed. */
export const ClientMessageSchema = v.variant("t", clientSchemas);

/** A message from the side that dialed. */
export type ClientMessage = v.InferOutput<typeof ClientMessageSchema>;

// ---- side that listens → side that dialed -------------------------------

/** Room events carry the room's sequence number and the server's time. */
const event = { seq: count, ts: time };

const serverSchemas = [
  /** `ts`: the listener's clock (ms), so a dialer can tell a clock far off (Fernet tokens carry time). */
  v.object({
    t: v.literal("hello"),
    v: version,
    role: v.picklist(ROLES),
    name,
    nonce,
    ts: v.optional(time),
  }),
  v.object({
    t: v.literal("ok"),
    proof,
    name: v.optional(name),
    session: v.optional(session),
    seq: v.optional(count),
    members: v.optional(list(MemberSchema)),
    motd: v.optional(token),
    host: v.optional(v.boolean()),
    hostRefused: v.optional(v.boolean()),
    resumed: v.optional(v.boolean()),
    /** Events the resuming member missed that the ring no longer holds. */
    missed: v.optional(count),
  }),
  v.object({
    t: v.literal("error"),
    code,
    detail: v.optional(text),
    retryAfterMs: v.optional(count),
  }),
  /** A request refused without closing (rate limit, unknown nick, nick taken...). */
  v.object({
    t: v.literal("refused"),
    code,
    id: v.optional(id),
    detail: v.optional(text),
    retryAfterMs: v.optional(count),
    /** A refused `chunk`: which file, which chunk, for whom. */
    file: v.optional(fileId),
    i: v.optional(count),
    to: v.optional(nick),
  }),
  v.object({
    t: v.literal("msg"),
    ...event,
    from: nick,
    to: v.optional(nick),
    id,
    body: token,
  }),
  v.object({ t: v.literal("join"), ...event, nick }),
  v.object({ t: v.literal("leave"), ...event, nick, reason: code, detail: v.optional(text) }),
  v.object({ t: v.literal("away"), ...event, nick, away: v.boolean() }),
  v.object({ t: v.literal("nick"), ...event, old: nick, new: nick }),
  v.object({ t: v.literal("notice"), ...event, body: token }),
  /** The host muted (or unmuted) a member; `until` absent: until unmuted. */
  v.object({
    t: v.literal("mute"),
    ...event,
    nick,
    muted: v.boolean(),
    until: v.optional(time),
  }),
  /** The host changed who may join: locked (no new members), at most `limit` members. */
  v.object({ t: v.literal("room"), ...event, locked: v.boolean(), limit: v.optional(count) }),
  v.object({ t: v.literal("members"), list: list(MemberSchema) }),
  /**
   * The answer to an `op`, in codes and values (the client words it): `ok`
   * and what was done, or why not. Only the fields the command needs.
   */
  v.object({
    t: v.literal("opresult"),
    cmd: code,
    ok: v.boolean(),
    code,
    /** The nick, address or range acted on. */
    target: v.optional(text),
    /** The reason given. */
    detail: v.optional(text),
    /** A ban's or mute's length; absent: until lifted. */
    durationMs: v.optional(count),
    /** Members removed by a ban; the member limit. */
    count: v.optional(count),
    /** The welcome text (`/motd`). */
    body: v.optional(token),
    /** `/who`. */
    members: v.optional(list(MemberSchema)),
    /** `/bans`. */
    bans: v.optional(list(BanSchema)),
  }),
  /** A chunk relayed from `from` (see the client's `chunk`). */
  v.object({ t: v.literal("chunk"), file: fileId, i: count, from: nick, body: token }),
  /** `from` has every chunk up to `i` of our `file`. */
  v.object({ t: v.literal("chunkack"), file: fileId, i: count, from: nick }),
  v.object({ t: v.literal("ping"), ts: time }),
  v.object({ t: v.literal("pong"), ts: time }),
  v.object({ t: v.literal("servers"), list: list(ServerEntrySchema) }),
] as const;

/** Messages from the side that listens. */
export const ServerMessageSchema = v.variant("t", serverSchemas);

/** A message from the side that listens. */
export type ServerMessage = v.InferOutput<typeof ServerMessageSchema>;

/** A member entry. */
export type Member = v.InferOutput<typeof MemberSchema>;

/** A ban entry. */
export type BanEntry = v.InferOutput<typeof BanSchema>;

/** The answer to a host command, without its `t`. */
export type OpResult = Omit<MessageOf<ServerMessage, "opresult">, "t">;

/** A registry entry. */
export type ServerEntry = v.InferOutput<typeof ServerEntrySchema>;

/** The message of type `T` among `M`. */
export type MessageOf<M extends { t: string }, T extends M["t"]> = Extract<M, { t: T }>;

/** Room events: the messages that carry a sequence number and are replayed on resume. */
export type RoomEvent = MessageOf<
  ServerMessage,
  "msg" | "join" | "leave" | "away" | "nick" | "notice" | "mute" | "room"
>;
