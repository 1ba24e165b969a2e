/**
 * The chat server: the glue between TLS connections and the {@linkcode Room}.
 * It proves itself to each member, turns frames into room operations and
 * room refusals into frames, notices silent members, and shuts down cleanly.
 * The room knows nothing of sockets; this file knows nothing of what a
 * message says (bodies are sealed under the circle key and relayed as is).
 *
 * Nothing here writes to disk, and nothing about members or messages is
 * logged above debug.
 *
 * @module
 */

import { authKey, hostAuthKey, type SecretKey } from "../crypto/mod.ts";
import { type Leaf, ServingCertificate } from "../certs/mod.ts";
import { template } from "../i18n/mod.ts";
import { getLogger } from "../log/mod.ts";
import {
  type AcceptedAuth,
  acceptHandshake,
  AuthThrottle,
  type FramedConnection,
  listenTls,
  type OutboundLimits,
  type TlsListener,
} from "../net/mod.ts";
import {
  type ClientMessage,
  decodeClientMessage,
  DEFAULT_MAX_FRAME_BYTES,
  encodeMessage,
  type MessageOf,
  type OpResult,
  PEER_TIMEOUT_MS,
  ProtocolError,
  type ServerMessage,
} from "../protocol/mod.ts";
import { BanFileWriter, readBanFile } from "./ban_file.ts";
import { type Ban, BanList } from "./ban_list.ts";
import { FileRelay, type FileRelayOptions } from "./file_relay.ts";
import { type HostActor, type HostOp, runHostOp } from "./host_commands.ts";
import {
  DEFAULT_RATE_BURST,
  DEFAULT_RATE_PER_SECOND,
  RateLimit,
  type RateLimitOptions,
} from "./rate_limit.ts";
import type { RingOptions } from "./ring.ts";
import { type MemberLink, Room, type RoomMember, type Welcome } from "./room.ts";

const log = getLogger(["stealth", "server"]);

/** Most sessions a server holds by default: a circle is small; this bounds memory. */
export const DEFAULT_MAX_SESSIONS = 1_000;

/** How often the server looks for silent members and expired sessions. */
export const SWEEP_INTERVAL_MS = 5_000;

/** Settings of {@linkcode startChatServer}. */
export interface ChatServerOptions {
  /** The circle key: the server proves it holds it and seals its announcements with it. */
  key: SecretKey;
  /** The host's second secret: connections proving it get host powers. */
  hostKey?: SecretKey;
  /** Address to listen on. */
  hostname: string;
  /** Port to listen on; 0 picks a free one. */
  port: number;
  /** The server's name, shown in the registry and to members. */
  name: string;
  /** Extra names and addresses members may reach the server by (certificate SANs). */
  advertise?: string[];
  /** An external certificate to present instead of a circle leaf. */
  certificate?: Leaf;
  /** Welcome text: a Fernet token under the circle key. */
  motd?: string;
  /** The clock (ms); default `Date.now`. */
  clock?: () => number;
  /** Time a dropped member has to resume. */
  graceMs?: number;
  /** Bounds of the history kept for resumes. */
  ring?: RingOptions;
  /** Per-member message rate. */
  rate?: RateLimitOptions;
  /**
   * File chunks: bytes per second each member may send (default 16 MiB/s),
   * files at once (3), largest file (100 MiB). Chunks are metered by these,
   * not by `rate` or `frameRate`.
   */
  files?: FileRelayOptions;
  /**
   * Frames of any type per connection (pings, `who`, host commands...);
   * default: a burst of 200 and 100 per second, or twice `rate` when that is
   * higher. Past it frames are ignored; far past it the member is dropped.
   */
  frameRate?: RateLimitOptions;
  /** Most sessions, live or waiting for a resume, whatever `/limit` says (default 1,000). */
  maxSessions?: number;
  /** Most members. */
  maxMembers?: number;
  /** Largest frame a member may send (default 1 MiB). */
  maxFrameBytes?: number;
  /** Bounds of each member's outbound queue. */
  outbound?: Partial<OutboundLimits>;
  /** Silence after which a member is considered gone (default 45 s). */
  peerTimeoutMs?: number;
  /** How often to sweep (default 5 s). */
  sweepIntervalMs?: number;
  /** Time a connection has for the handshake. */
  handshakeTimeoutMs?: number;
  /** Called when the number of members changes (the registry link beats then). */
  onMembersChanged?: (count: number) => void;
  /**
   * Keep bans in this file (read at start, written 0600 on every change) so
   * they survive a restart; without it, bans live in memory only.
   */
  bansFile?: string;
  /**
   * The role sent in `hello` and bound into both proofs (default "server").
   * A "p2p" listener (`stealth p2p --listen`) is the same chat server for
   * two; with `maxMembers` reached it answers a join with `busy` rather
   * than `full`.
   */
  role?: "server" | "p2p";
}

/** A running chat server. */
export interface ChatServer {
  /** The server's name. */
  readonly name: string;
  /** The port it listens on. */
  readonly port: number;
  /** When it started (ms). */
  readonly startedAt: number;
  /** The room. */
  readonly room: Room;
  /** The listener (counters for the bench and `doctor`). */
  readonly listener: TlsListener;
  /** Connections open now, handshaking or joined. */
  readonly connections: number;
  /**
   * Runs a host command for the console or a member's connection (checks
   * included): what the console types and what an `op` frame asks go
   * through here alike.
   */
  runOp(op: HostOp, actor: HostActor): OpResult;
  /**
   * Tells every member the server is shutting down, closes every
   * connection (bounded wait) and stops listening.
   */
  close(): Promise<void>;
}

/** One member connection's state. */
interface Attached {
  conn: FramedConnection;
  member: RoomMember;
  lastHeard: number;
  left: boolean;
  /** Every frame counts here but file chunks and their acks: pings and `who` cost CPU too. */
  frames: RateLimit;
  /** File chunks and acks: bytes, not frames. Made by the first one: most members send no file. */
  files: FileRelay | undefined;
}

/** Starts a chat server; resolves once it listens. */
export async function startChatServer(options: ChatServerOptions): Promise<ChatServer> {
  const clock = options.clock ?? Date.now;
  // Read before listening: a bad bans file stops the start with one clear line (BanFileError).
  const bans = options.bansFile === undefined ? [] : await readBanFile(options.bansFile);
  const certificate = options.certificate
    ? ServingCertificate.external(options.certificate)
    : await ServingCertificate.forCircle(options.key, options.advertise ?? [], clock);
  const server = new Server(options, clock, bans);
  const leaf = certificate.leaf;
  const listener = await listenTls({
    hostname: options.hostname,
    port: options.port,
    cert: leaf.certPem,
    key: leaf.keyPem,
    ...(options.certificate ? { ca: leaf.caPem } : {}),
    limits: options.outbound,
    handshakeTimeoutMs: options.handshakeTimeoutMs,
    onConnection: (conn) => server.accept(conn),
  });
  const stopRenewal = certificate.keepFresh(
    (fresh) => listener.setCertificate(fresh.certPem, fresh.keyPem),
    { clock, onError: (error) => log.error(template("log.renew_failed"), { error }) },
  );
  return server.started(listener, stopRenewal);
}

class Server implements ChatServer {
  readonly room: Room;
  readonly startedAt: number;
  readonly #options: ChatServerOptions;
  readonly #clock: () => number;
  readonly #authKey: Uint8Array;
  readonly #hostAuthKey: Uint8Array | undefined;
  readonly #throttle: AuthThrottle;
  readonly #frameRate: RateLimitOptions;
  readonly #maxSessions: number;
  readonly #open = new Set<FramedConnection>();
  readonly #attached = new Set<Attached>();
  #listener: TlsListener | undefined;
  #sweep: ReturnType<typeof setInterval> | undefined;
  #stopRenewal: () => void = () => {};
  #closing: Promise<void> | undefined;
  #lastCount = 0;
  readonly #banFile: BanFileWriter | undefined;

  constructor(options: ChatServerOptions, clock: () => number, bans: readonly Ban[] = []) {
    this.#options = options;
    this.#clock = clock;
    this.startedAt = clock();
    this.#authKey = authKey(options.key);
    this.#hostAuthKey = options.hostKey ? hostAuthKey(options.hostKey) : undefined;
    this.#throttle = new AuthThrottle({ now: clock });
    const burst = options.rate?.burst ?? DEFAULT_RATE_BURST;
    const perSecond = options.rate?.perSecond ?? DEFAULT_RATE_PER_SECOND;
    this.#frameRate = options.frameRate ??
      { burst: Math.max(200, 2 * burst), perSecond: Math.max(100, 2 * perSecond) };
    this.#maxSessions = options.maxSessions ?? DEFAULT_MAX_SESSIONS;
    // The file settings are checked now (a RangeError at start), not at a member's first chunk.
    new FileRelay(options.files ?? {}, clock);
    const banList = new BanList({ clock, bans });
    if (options.bansFile !== undefined) {
      const writer = new BanFileWriter(
        options.bansFile,
        (error) => log.error(template("log.bans_failed"), { error: error.message }),
      );
      this.#banFile = writer;
      banList.onChange = () => writer.write(banList.list());
    }
    this.room = new Room({
      name: options.name,
      clock,
      graceMs: options.graceMs,
      ring: options.ring,
      rate: options.rate,
      maxMembers: options.maxMembers,
      motd: options.motd,
      bans: banList,
    });
  }

  get name(): string {
    return this.#options.name;
  }

  get port(): number {
    return this.listener.port;
  }

  get listener(): TlsListener {
    if (this.#listener === undefined) throw new Error("Cannot read listener: not started");
    return this.#listener;
  }

  get connections(): number {
    return this.#open.size;
  }

  runOp(op: HostOp, actor: HostActor): OpResult {
    const result = runHostOp(this.room, actor, op);
    if (result.ok) {
      log.info("Host command /{cmd} by the {who}", {
        cmd: result.cmd,
        who: actor.kind === "console" ? "console" : "host client",
      });
    }
    this.#membersMaybeChanged();
    return result;
  }

  started(listener: TlsListener, stopRenewal: () => void): this {
    this.#listener = listener;
    this.#stopRenewal = stopRenewal;
    this.#sweep = setInterval(
      () => this.#sweepNow(),
      this.#options.sweepIntervalMs ?? SWEEP_INTERVAL_MS,
    );
    log.debug("Chat server listening on {hostname}:{port}", {
      hostname: listener.hostname,
      port: listener.port,
    });
    return this;
  }

  accept(conn: FramedConnection): void {
    if (this.#closing) {
      conn.close(0);
      return;
    }
    this.#open.add(conn);
    acceptHandshake(conn, {
      role: this.#options.role ?? "server",
      name: this.#options.name,
      authKey: this.#authKey,
      hostAuthKey: this.#hostAuthKey,
      throttle: this.#throttle,
      timeoutMs: this.#options.handshakeTimeoutMs,
      now: this.#clock,
      maxFrameBytes: this.#options.maxFrameBytes ?? DEFAULT_MAX_FRAME_BYTES,
    }).then(
      (accepted) => this.#admit(conn, accepted),
      () => this.#open.delete(conn), // closed by the handshake already
    );
  }

  /** Joins or resumes the member behind a proven connection. */
  #admit(conn: FramedConnection, accepted: AcceptedAuth): void {
    if (conn.closed || this.#closing) {
      this.#open.delete(conn);
      conn.close(0);
      return;
    }
    const { auth } = accepted;
    const link = new ConnectionLink(conn);
    const info = { host: accepted.isHost, address: conn.remoteAddress };
    const okBase = {
      t: "ok" as const,
      proof: accepted.okProof,
      name: this.#options.name,
      ...(accepted.isHost ? { host: true } : {}),
      ...(accepted.hostRefused ? { hostRefused: true } : {}),
    };

    let member: RoomMember;
    let welcome: Welcome;
    let replay: readonly Uint8Array[] = [];
    const resumed = auth.resume
      ? this.room.resume(auth.resume.session, auth.resume.after, link, info)
      : undefined;
    if (resumed?.ok) {
      ({ member, welcome, replay } = resumed);
    } else if (resumed?.code === "kicked" || resumed?.code === "banned") {
      // The host ended this session: no quiet rejoin under it.
      this.#refuse(conn, resumed.code, resumed.detail, resumed.retryAfterMs);
      return;
    } else {
      if (auth.nick === undefined) {
        this.#refuse(conn, "bad-frame", "a nick is needed to join");
        return;
      }
      if (!info.host && this.room.memberCount >= this.#maxSessions) {
        this.#refuseFull(conn);
        return;
      }
      const joined = this.room.join(auth.nick, link, info, { takeOverDropped: true });
      if (!joined.ok) {
        if (joined.code === "banned") {
          this.#refuse(conn, joined.code, joined.detail, joined.retryAfterMs);
        } else if (joined.code === "full" || this.#busyAnyway(joined.code)) {
          this.#refuseFull(conn);
        } else {
          this.#refuse(conn, joined.code, JOIN_REFUSALS[joined.code]);
        }
        return;
      }
      ({ member, welcome } = joined);
      if (auth.resume) welcome = { ...welcome, resumed: false };
    }
    // The link is live from here: ok first, then the replay, before any await.
    conn.send(encodeMessage({ ...okBase, ...welcome }), { release: true });
    for (const frame of replay) conn.send(frame);

    const attached: Attached = {
      conn,
      member,
      lastHeard: this.#clock(),
      left: false,
      frames: new RateLimit(this.#frameRate, this.#clock),
      files: undefined,
    };
    this.#attached.add(attached);
    conn.onFrame = (payload) => this.#onFrame(attached, payload);
    conn.onClose = (reason) => {
      this.#attached.delete(attached);
      this.#open.delete(conn);
      if (!attached.left) this.room.drop(member);
      log.debug("Member connection closed ({reason})", { reason });
      this.#membersMaybeChanged();
    };
    conn.resume();
    this.#membersMaybeChanged();
  }

  #refuse(conn: FramedConnection, code: string, detail?: string, retryAfterMs?: number): void {
    conn.send(encodeMessage(errorFrame(code, detail, retryAfterMs)));
    this.#open.delete(conn);
    conn.close();
  }

  /** No room for one more: a p2p listener is busy with its one peer, a server is full. */
  #refuseFull(conn: FramedConnection): void {
    const code = this.#options.role === "p2p" ? "busy" : "full";
    this.#refuse(conn, code, JOIN_REFUSALS[code]);
  }

  /** A third party on a full p2p listener hears "busy", whatever nick it picked. */
  #busyAnyway(code: string): boolean {
    return this.#options.role === "p2p" && code === "nick-taken" &&
      this.room.memberCount >= (this.#options.maxMembers ?? Infinity);
  }

  #onFrame(attached: Attached, payload: Uint8Array): void {
    attached.lastHeard = this.#clock();
    // File chunks are metered by bytes, not by the frame budget (a transfer
    // is many frames a second). Which meter is chosen from the first bytes,
    // before decoding; a frame that claims to be a chunk and is not one is
    // a bad frame.
    const bulk = isFileFrame(payload);
    if (!bulk && !this.#withinBudget(attached)) return;
    let message: ClientMessage;
    try {
      message = decodeClientMessage(payload);
    } catch (error) {
      if (!(error instanceof ProtocolError)) throw error;
      log.debug("Bad frame from a member: {code}", { code: error.code });
      attached.conn.send(encodeMessage({ t: "error", code: "bad-frame", detail: error.message }));
      attached.conn.close();
      return;
    }
    if (message.t === "chunk" || message.t === "chunkack") {
      if (bulk) this.#relayFile(attached, message, payload.length);
      else this.#badFrame(attached, `a ${message.t} must start with its type`);
      return;
    }
    if (bulk) {
      this.#badFrame(attached, "not a chunk");
      return;
    }
    this.#handle(attached, message);
  }

  /** Charges one frame; false when it is over the budget (a flooder is dropped). */
  #withinBudget(attached: Attached): boolean {
    const budget = attached.frames.take();
    if (budget.ok) return true;
    if (!budget.flood) return false; // over the frame budget: not read, not answered
    log.debug("A member floods frames: dropping it");
    attached.left = true;
    attached.conn.send(encodeMessage(errorFrame("flood", "too many frames, too fast")));
    attached.conn.close();
    this.room.leave(attached.member, "flood");
    this.#membersMaybeChanged();
    return false;
  }

  #badFrame(attached: Attached, detail: string): void {
    attached.conn.send(encodeMessage({ t: "error", code: "bad-frame", detail }));
    attached.conn.close();
  }

  /**
   * Relays a file chunk or its ack to the member it names, without reading
   * the chunk, under the member's byte rate and file limits. Chunks go out
   * as bulk (behind chat frames), and are not kept: a member away gets
   * them again when it asks for them again.
   */
  #relayFile(
    attached: Attached,
    message: MessageOf<ClientMessage, "chunk" | "chunkack">,
    bytes: number,
  ): void {
    const { member } = attached;
    const files = attached.files ??= new FileRelay(this.#options.files ?? {}, this.#clock);
    if (message.t === "chunkack") {
      // An ack over the rate is dropped: the sender resends after a while. Refusals count as frames.
      if (!files.ack(bytes)) {
        this.#withinBudget(attached);
        return;
      }
      const { file, i } = message;
      this.room.relay(
        member,
        message.to,
        (from) => encodeMessage({ t: "chunkack", file, i, from }),
      );
      return;
    }
    const { file, i, to, body } = message;
    const refuse = (code: string, retryAfterMs?: number) => {
      // Every refusal is a frame answered: a sender that ignores them meets the frame budget.
      if (!this.#withinBudget(attached)) return;
      const refused: MessageOf<ServerMessage, "refused"> = { t: "refused", code, file, i, to };
      if (retryAfterMs !== undefined) refused.retryAfterMs = Math.max(1, Math.round(retryAfterMs));
      const detail = REFUSALS[code];
      if (detail !== undefined) refused.detail = detail;
      attached.conn.send(encodeMessage(refused));
    };
    const decided = files.chunk(file, i, to, bytes, message.last === true);
    if (!decided.ok) {
      refuse(decided.code, decided.code === "file-rate" ? decided.retryAfterMs : undefined);
      return;
    }
    const relayed = this.room.relay(
      member,
      to,
      (from) => encodeMessage({ t: "chunk", file, i, from, body }),
      { bulk: true },
    );
    if (relayed.ok) return;
    switch (relayed.code) {
      case "gone":
        attached.left = true;
        attached.conn.close();
        return;
      case "busy":
        refuse("file-rate", BUSY_RETRY_MS);
        return;
      case "no-such-nick":
        files.forget(file, to);
        refuse(relayed.code);
        return;
      default:
        refuse(relayed.code);
    }
  }

  #handle(attached: Attached, message: ClientMessage): void {
    const { conn, member } = attached;
    const room = this.room;
    switch (message.t) {
      case "say": {
        const said = room.say(member, {
          id: message.id,
          body: message.body,
          ...(message.to === undefined ? {} : { to: message.to }),
        });
        if (!said.ok) this.#answerRefusal(attached, said, message.id);
        return;
      }
      case "away": {
        const changed = room.setAway(member, message.away);
        if (!changed.ok) this.#answerRefusal(attached, changed);
        return;
      }
      case "nick": {
        const changed = room.changeNick(member, message.nick);
        if (!changed.ok) this.#answerRefusal(attached, changed);
        return;
      }
      case "who":
        conn.send(encodeMessage({ t: "members", list: room.who({ forHost: member.host }) }));
        return;
      case "ping":
        conn.send(encodeMessage({ t: "pong", ts: message.ts }));
        return;
      case "pong":
        return;
      case "bye":
        attached.left = true;
        room.leave(member);
        conn.close();
        this.#membersMaybeChanged();
        return;
      case "op": {
        const op: HostOp = message.body === undefined
          ? { cmd: message.cmd, args: message.args }
          : { cmd: message.cmd, args: message.args, body: message.body };
        const result = this.runOp(op, { kind: "member", member, address: conn.remoteAddress });
        // The member may have kicked or banned others, never itself: this connection stays.
        conn.send(encodeMessage({ t: "opresult", ...result }));
        return;
      }
      default:
        conn.send(encodeMessage({
          t: "refused",
          code: "unexpected",
          detail: `a chat server does not take "${message.t}"`,
        }));
    }
  }

  #answerRefusal(
    attached: Attached,
    refusal: { code: string; retryAfterMs?: number },
    id?: string,
  ): void {
    switch (refusal.code) {
      case "gone":
        // This connection no longer speaks for its session (resumed elsewhere).
        attached.left = true;
        attached.conn.close();
        return;
      case "flood":
        attached.left = true; // the room ended the session and disconnected it
        this.#membersMaybeChanged();
        return;
    }
    const refused: MessageOf<ServerMessage, "refused"> = { t: "refused", code: refusal.code };
    if (id !== undefined) refused.id = id;
    if (refusal.retryAfterMs !== undefined) refused.retryAfterMs = refusal.retryAfterMs;
    const detail = REFUSALS[refusal.code];
    if (detail !== undefined) refused.detail = detail;
    attached.conn.send(encodeMessage(refused));
  }

  #sweepNow(): void {
    const now = this.#clock();
    const timeout = this.#options.peerTimeoutMs ?? PEER_TIMEOUT_MS;
    for (const attached of this.#attached) {
      if (now - attached.lastHeard > timeout) {
        log.debug("Member silent for {ms} ms: dropping", { ms: now - attached.lastHeard });
        attached.conn.close(0);
      }
    }
    const { expired } = this.room.tick();
    if (expired > 0) this.#membersMaybeChanged();
  }

  #membersMaybeChanged(): void {
    const count = this.room.memberCount;
    if (count === this.#lastCount) return;
    this.#lastCount = count;
    this.#options.onMembersChanged?.(count);
  }

  close(): Promise<void> {
    this.#closing ??= this.#shutdown();
    return this.#closing;
  }

  async #shutdown(): Promise<void> {
    clearInterval(this.#sweep);
    this.#stopRenewal();
    await this.#listener?.close();
    for (const attached of this.#attached) attached.left = true;
    this.room.shutdown(); // tells every live member, via its link
    const closing = [...this.#open].map((conn) => conn.close(1_000));
    await Promise.all(closing);
    this.#open.clear();
    this.#attached.clear();
    await this.#banFile?.flush();
    log.debug("Chat server closed");
  }
}

/**
 * The room's view of a connection: one small object per member, its methods
 * shared (three closures each would cost a big room about 250 bytes a member).
 */
class ConnectionLink implements MemberLink {
  readonly #conn: FramedConnection;

  constructor(conn: FramedConnection) {
    this.#conn = conn;
  }

  deliver(frame: Uint8Array): boolean {
    return this.#conn.send(frame);
  }

  deliverBulk(frame: Uint8Array): boolean {
    return this.#conn.send(frame, { bulk: true });
  }

  disconnect(code: string, detail?: string, retryAfterMs?: number): void {
    this.#conn.send(encodeMessage(errorFrame(code, detail, retryAfterMs)));
    this.#conn.close();
  }
}

/** A fatal `error` frame with only the fields given. */
function errorFrame(code: string, detail?: string, retryAfterMs?: number): ServerMessage {
  const frame: MessageOf<ServerMessage, "error"> = { t: "error", code };
  if (detail !== undefined) frame.detail = detail;
  if (retryAfterMs !== undefined) frame.retryAfterMs = Math.max(0, Math.round(retryAfterMs));
  return frame;
}

/**
 * The `detail` of join refusals: protocol English, for clients that do not
 * know the code. The protocol is language-neutral — a client words the
 * codes it knows in its own person's language and shows these only for
 * codes it does not know (see `docs/PROTOCOL.md`).
 */
const JOIN_REFUSALS: Record<string, string> = {
  "nick-taken": "that nick is taken — pick another with --nick",
  "bad-nick": "a nick is 1–24 letters, digits, '_', '-' or '.'",
  "full": "the server is full",
  "closed": "the server is shutting down",
  "locked": "the host has locked the server: no new members for now",
  "busy": "already talking with someone — try again later",
};

/** The `detail` of request refusals: protocol English, like {@linkcode JOIN_REFUSALS}. */
const REFUSALS: Record<string, string> = {
  "rate": "slow down: too many messages at once",
  "no-such-nick": "nobody here has that nick",
  "nick-taken": "that nick is taken",
  "bad-nick": "a nick is 1–24 letters, digits, '_', '-' or '.'",
  "muted": "the host has muted you",
  "away": "that member's connection dropped: ask again once it is back",
  "file-rate": "slow down: too many file bytes at once",
  "file-busy": "too many files at once: wait for one to finish",
  "file-size": "that file is larger than this server relays",
};

/** Wait asked of a sender whose receiver's bulk queue is full. */
const BUSY_RETRY_MS = 100;

/** `{"t":"chunk`: the start of a `chunk` or `chunkack` frame as clients encode it. */
const FILE_FRAME_PREFIX = new TextEncoder().encode('{"t":"chunk');

/** Whether a payload starts as a chunk or chunk ack (checked again once decoded). */
function isFileFrame(payload: Uint8Array): boolean {
  if (payload.length < FILE_FRAME_PREFIX.length) return false;
  for (let i = 0; i < FILE_FRAME_PREFIX.length; i++) {
    if (payload[i] !== FILE_FRAME_PREFIX[i]) return false;
  }
  return true;
}
