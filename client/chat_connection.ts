/**
 * A member's link to a chat server: dial, handshake, keep the session, and
 * keep it alive — pings, reconnect with resume after a drop, a bounded
 * outbox whose messages stay pending until the server's own copy comes
 * back, sent again after a resume so nothing is lost and nothing doubled.
 *
 * It writes nothing anywhere: everything it has to say goes to one
 * listener as {@linkcode ConnectionEvent}s (state changes, decoded server
 * messages, and the {@linkcode ChatEvent}s a person sees), so the line-mode
 * client and the terminal UI render the same thing.
 *
 * @module
 */

import { t, template, wait } from "../i18n/mod.ts";
import { CertError, circleCA, loadServerCa } from "../certs/mod.ts";
import {
  authKey,
  fernetDecrypt,
  fernetEncrypt,
  hostAuthKey,
  randomId,
  type SecretKey,
} from "../crypto/mod.ts";
import { getLogger } from "../log/mod.ts";
import {
  type CloseReason,
  DialError,
  dialHandshake,
  dialTls,
  type FramedConnection,
  HandshakeError,
  type HelloMessage,
  type OkMessage,
} from "../net/mod.ts";
import {
  type ClientMessage,
  decodeMessageBody,
  decodeServerMessage,
  encodeBody,
  encodeMessage,
  type FileBody,
  isFileBody,
  MAX_BODY_TEXT,
  MAX_TEXT_LENGTH,
  type Member,
  type MessageOf,
  NICK_PATTERN,
  nickKey,
  PEER_TIMEOUT_MS,
  PING_INTERVAL_MS,
  type RoomEvent,
  sameNick,
  type ServerMessage,
} from "../protocol/mod.ts";
import { ChatError } from "./chat_error.ts";
import {
  type ChatEvent,
  chatEventOf,
  type InfoCode,
  type InfoEvent,
  type MessageEvent,
  type MessageStatus,
  openBody,
  type PrivateEvent,
} from "./chat_event.ts";
import { type FileOptions, FileTransfers, type TransferInfo } from "./file_transfers.ts";
import { opResultText } from "./op_result_text.ts";
import { Outbox, type OutboxLimits, type OutgoingMessage } from "./outbox.ts";

/** Waits before each reconnect attempt: three attempts, backing off. */
export const DEFAULT_BACKOFF_MS: readonly number[] = [500, 1_500, 4_000];

/**
 * Waits between the quiet attempts after going offline (the last repeats),
 * for clients that stay open (the chat screen): a host whose Pi rebooted
 * finds its members back without anyone typing `/reconnect`.
 */
export const DEFAULT_KEEP_TRYING_MS: readonly number[] = [10_000, 20_000, 30_000, 60_000];

/**
 * Our messages sent and not yet acknowledged, at most. Below the server's
 * default burst (30), so a 20-line paste goes out at once without a
 * refusal, and a refused window never looks like a flood.
 */
export const DEFAULT_MAX_IN_FLIGHT = 16;

/** Default time {@linkcode ChatConnection.close} waits for the outbox to drain. */
export const DEFAULT_CLOSE_TIMEOUT_MS = 5_000;

/** Extra wait after a rate refusal's `retryAfterMs`, for the network's jitter. */
const RATE_MARGIN_MS = 50;

/** Where the connection stands. */
export type ConnectionState =
  | "idle" // made, connect() not called yet
  | "connecting" // the first dial and handshake
  | "connected"
  | "reconnecting" // lost without bye; attempt n of 3 under way
  | "offline" // gave up (or the first connect failed); messages stay queued; may try again quietly
  | "closed"; // close() ran

/** A state change, as told to the listener. */
export interface StateEvent {
  /** State change. */
  kind: "state";
  /** The new state. */
  state: ConnectionState;
  /** For "reconnecting": the attempt under way, from 1. */
  attempt?: number;
  /** For "reconnecting": how many attempts there will be. */
  attempts?: number;
  /** For "offline": why, as an error whose message is one line for a person. */
  error?: Error;
  /** For "offline": when (ms since the epoch) the next quiet attempt is due, if one is. */
  retryAt?: number;
}

/** A message from the server, decoded (room events only once each, in order). */
export interface ServerEvent {
  /** Server message. */
  kind: "server";
  /** The message. */
  message: ServerMessage;
}

/** Something to show the member. */
export interface DisplayEvent {
  /** Display event. */
  kind: "chat";
  /** What to show. */
  event: ChatEvent;
}

/** What a {@linkcode ChatConnection} tells its listener. */
export type ConnectionEvent = StateEvent | ServerEvent | DisplayEvent;

/** A proven connection to a chat server, paused, with the server's hello and ok. */
export interface DialedChat {
  /** The connection, paused: the replay after `ok` waits for our handlers. */
  conn: FramedConnection;
  /** The server's greeting. */
  hello: HelloMessage;
  /** The server's welcome. */
  ok: OkMessage;
}

/** What a {@linkcode ChatDialer} is asked for. */
export interface DialRequest {
  /** The nick to join with (bound into the proof). */
  nick: string;
  /** A session to resume and the last seq seen. */
  resume?: { session: string; after: number };
}

/**
 * Dials and handshakes; rejects with a {@linkcode DialError} or a
 * {@linkcode HandshakeError}. The default dials TLS trusting the circle CA.
 */
export type ChatDialer = (request: DialRequest) => Promise<DialedChat>;

/** Settings of a {@linkcode ChatConnection}. */
export interface ChatConnectionOptions {
  /** The circle key: proves membership and seals bodies. */
  key: SecretKey;
  /** The host key, to ask for host powers. */
  hostKey?: SecretKey;
  /** The server's host name or address (IPv6 without brackets). */
  hostname: string;
  /** The server's port. */
  port: number;
  /** The nick to join with. */
  nick: string;
  /** Gets every event; it may be set later through {@linkcode ChatConnection.onEvent}. */
  onEvent?: (event: ConnectionEvent) => void;
  /** The clock, in ms since the epoch (default `Date.now`). */
  clock?: () => number;
  /** Waits before each reconnect attempt; its length is the number of attempts. */
  backoffMs?: readonly number[];
  /**
   * After the attempts fail (for a reason worth retrying, such as an
   * unreachable server), one quiet attempt after each of these waits, the
   * last repeating, until one gets through or close() runs. Empty (the
   * default): offline stays offline until {@linkcode ChatConnection.reconnect}.
   */
  keepTryingMs?: readonly number[];
  /** How often to ping (default `PING_INTERVAL_MS`, 15 s). */
  pingIntervalMs?: number;
  /** Silence after which the server counts as gone (default `PEER_TIMEOUT_MS`, 45 s). */
  peerTimeoutMs?: number;
  /** Bounds of the outbox (default 1,000 messages, 4 MiB). */
  outbox?: Partial<OutboxLimits>;
  /** Most messages in flight at once (default {@linkcode DEFAULT_MAX_IN_FLIGHT}). */
  maxInFlight?: number;
  /** Replaces the TLS dialer (tests). */
  dial?: ChatDialer;
  /**
   * The CA of a server with an external certificate (`--ca FILE`); without
   * it the server must show a leaf of the circle CA.
   */
  serverCaFile?: string;
  /**
   * The listener's role the TLS dialer expects, bound into both proofs:
   * "server" (default) for `stealth chat`, "p2p" for `stealth p2p`.
   */
  role?: "server" | "p2p";
  /** File sharing: the download folder, auto-accept, limits (see {@linkcode FileOptions}). */
  files?: FileOptions;
}

/** Options of {@linkcode ChatConnection.say}. */
export interface SayOptions {
  /** A nick: a private message to that member only. */
  to?: string;
  /** A line (default) or an action (`/me`). */
  kind?: "text" | "me";
}

/** Server `error` codes after which reconnecting makes sense. */
const RECONNECT_AFTER = new Set(["shutdown", "slow", "timeout", "restart"]);

/** Handshake refusals meaning the server does not know our session. */
const UNKNOWN_SESSION = new Set(["unknown-session", "no-session"]);

/** Handshake codes worth another attempt; any other refusal is final. */
const RETRY_HANDSHAKE = new Set(["closed", "timeout", "protocol", "throttled", "full"]);

const log = getLogger(["stealth", "client"]);
const ignoreFrame = (_payload: Uint8Array): void => {};
const ignoreClose = (_reason: CloseReason, _error?: unknown): void => {};

/**
 * One member's connection to one chat server. Call
 * {@linkcode ChatConnection.connect} once, then {@linkcode ChatConnection.say}
 * and friends; {@linkcode ChatConnection.close} leaves.
 *
 * @example Usage
 * ```ts ignore
 * const chat = new ChatConnection({
 *   key, hostname: "pi.local", port: 5555, nick: "alice",
 *   onEvent(event) { if (event.kind === "chat") show(event.event); },
 * });
 * await chat.connect(); // DialError, or HandshakeError "not-in-circle"...
 * chat.say("hi");       // pending until the server's copy comes back
 * await chat.close();   // flushes (bounded), says bye
 * ```
 */
export class ChatConnection {
  /** Gets every event. Exceptions it throws are logged and swallowed. */
  onEvent: (event: ConnectionEvent) => void;

  readonly #key: SecretKey;
  readonly #hostname: string;
  readonly #port: number;
  readonly #clock: () => number;
  readonly #backoffMs: readonly number[];
  readonly #keepTryingMs: readonly number[];
  /** The next quiet attempt while offline, and how many came before it. */
  #retryTimer: ReturnType<typeof setTimeout> | undefined;
  #retries = 0;
  readonly #pingIntervalMs: number;
  readonly #peerTimeoutMs: number;
  readonly #maxInFlight: number;
  readonly #dial: ChatDialer;
  readonly #outbox: Outbox;
  readonly #files: FileTransfers;

  #nick: string;
  #state: ConnectionState = "idle";
  #error: Error | undefined;
  #conn: FramedConnection | undefined;
  /** Bumped whenever a connection ends: callbacks of older ones are ignored. */
  #generation = 0;
  #session: string | undefined;
  #lastSeq = 0;
  #everConnected = false;
  #serverName = "";
  #host = false;
  readonly #members = new Map<string, Member>();
  /** What we last asked for with setAway. */
  #away = false;
  /**
   * Away changes we asked for whose event has not come back, oldest first:
   * our own away/back events that answer none of them come from a drop and
   * its resume, and are not news.
   */
  #awayAsked: boolean[] = [];
  /**
   * After a rate refusal: one message at a time, spaced by the longest wait
   * the server asked for, until the outbox drains. Refused attempts count
   * towards the server's flood meter, so they must stay rare.
   */
  #slow = false;
  #slowIntervalMs = 0;
  /** Earliest time (performance.now) of the next send in slow mode. */
  #nextSendAt = 0;
  #rateTimer: ReturnType<typeof setTimeout> | undefined;
  #ticker: ReturnType<typeof setInterval> | undefined;
  #lastHeard = 0;
  #lastPing = 0;
  /** The server's `error` frame on the current connection, read when it closes. */
  #serverError: { code: string; detail?: string; retryAfterMs?: number } | undefined;
  #sleep: { timer: ReturnType<typeof setTimeout>; wake: () => void } | undefined;
  #closing = false;
  #closePromise: Promise<void> | undefined;
  readonly #waiters = new Set<() => void>();

  /**
   * Makes a connection; nothing is dialed before {@linkcode connect}.
   *
   * @throws {TypeError} for a nick the server would refuse.
   * @throws {RangeError} for a bad bound.
   */
  constructor(options: ChatConnectionOptions) {
    const nick = options.nick.normalize("NFC");
    if (!NICK_PATTERN.test(nick)) {
      throw new TypeError(t("chat.cannot_use_nick", { nick: options.nick }));
    }
    this.#key = options.key;
    this.#hostname = options.hostname;
    this.#port = options.port;
    this.#nick = nick;
    this.onEvent = options.onEvent ?? (() => {});
    this.#clock = options.clock ?? Date.now;
    this.#backoffMs = options.backoffMs ?? DEFAULT_BACKOFF_MS;
    this.#keepTryingMs = options.keepTryingMs ?? [];
    this.#pingIntervalMs = options.pingIntervalMs ?? PING_INTERVAL_MS;
    this.#peerTimeoutMs = options.peerTimeoutMs ?? PEER_TIMEOUT_MS;
    this.#maxInFlight = options.maxInFlight ?? DEFAULT_MAX_IN_FLIGHT;
    if (!Number.isInteger(this.#maxInFlight) || this.#maxInFlight < 1) {
      throw new RangeError(
        `Cannot make connection: maxInFlight must be an integer ≥ 1, got ${this.#maxInFlight}`,
      );
    }
    if (!(this.#pingIntervalMs > 0) || !(this.#peerTimeoutMs > 0)) {
      throw new RangeError("Cannot make connection: ping interval and peer timeout must be > 0");
    }
    this.#outbox = new Outbox(options.outbox);
    this.#dial = options.dial ?? tlsDialer(options);
    this.#files = new FileTransfers(
      this.#key,
      {
        connected: () => this.#state === "connected",
        say: (body, to) => this.#sayFileBody(body, to),
        send: (message) => {
          const conn = this.#conn;
          if (conn === undefined || this.#state !== "connected") return false;
          return conn.send(encodeMessage(message), { bulk: message.t === "chunk" });
        },
        show: (event) => this.#show(event),
      },
      this.#clock,
      options.files,
    );
  }

  /** Where the connection stands. */
  get state(): ConnectionState {
    return this.#state;
  }

  /** Why it is offline, when it is. */
  get error(): Error | undefined {
    return this.#error;
  }

  /** Our nick now (as the server knows it). */
  get nick(): string {
    return this.#nick;
  }

  /** The server's name, once connected. */
  get serverName(): string {
    return this.#serverName;
  }

  /** The session id (a secret: never log it), once connected. */
  get session(): string | undefined {
    return this.#session;
  }

  /** The seq of the last room event seen. */
  get lastSeq(): number {
    return this.#lastSeq;
  }

  /** Whether the server granted host powers. */
  get host(): boolean {
    return this.#host;
  }

  /** Whether we asked to be shown away. */
  get away(): boolean {
    return this.#away;
  }

  /** The members as we know them, in join order. */
  get members(): Member[] {
    return [...this.#members.values()].map((member) => ({ ...member }));
  }

  /** Our messages not yet acknowledged by the server. */
  get pending(): number {
    return this.#outbox.size;
  }

  /** Our messages not yet acknowledged, oldest first. */
  pendingMessages(): OutgoingMessage[] {
    return [...this.#outbox.messages()];
  }

  /**
   * Dials and joins. Rejects (and goes "offline") with the
   * {@linkcode DialError} or {@linkcode HandshakeError} of the first
   * attempt: a first connection is not retried. A wrong key is a
   * HandshakeError "not-in-circle": "this server is not in your circle —
   * check secret.key".
   */
  async connect(): Promise<void> {
    if (this.#state !== "idle") {
      throw new Error(`Cannot connect: the connection is ${this.#state} already`);
    }
    this.#setState({ state: "connecting" });
    let dialed: DialedChat;
    try {
      dialed = await this.#dial({ nick: this.#nick });
    } catch (error) {
      if (this.#stateIs("connecting")) this.#goOffline(asError(error), false);
      throw error;
    }
    if (this.#closing || !this.#stateIs("connecting")) {
      void dialed.conn.close(0);
      throw new ChatError("closed", t("chat.connect_closed"));
    }
    this.#attach(dialed, false);
  }

  /**
   * Tries again after going offline: a new series of attempts, resuming
   * the session. Resolves once connected, or offline again.
   */
  async reconnect(): Promise<void> {
    if (this.#state !== "offline" || this.#closing || !this.#everConnected) {
      throw new Error(`Cannot reconnect: the connection is ${this.#state}`);
    }
    this.#error = undefined;
    this.#stopTimers(); // the quiet attempt, if one is due: this one replaces it
    await this.#reconnect();
  }

  /**
   * Queues a message: sealed under the circle key, sent at once when
   * connected, and pending (a "pending" event) until the server's copy
   * comes back ("confirmed"). Kept across reconnects.
   *
   * @throws {ChatError} "outbox-full" past the outbox's bound; "closed" after close().
   * @throws {RangeError} for a text longer than `MAX_BODY_TEXT`.
   * @throws {TypeError} for a `to` that is not a nick.
   */
  say(text: string, options: SayOptions = {}): OutgoingMessage {
    if (this.#closing || this.#state === "closed") {
      throw new ChatError("closed", t("chat.send_closing"));
    }
    if (text.length > MAX_BODY_TEXT) {
      throw new RangeError(t("chat.send_too_long", { count: text.length, max: MAX_BODY_TEXT }));
    }
    const { to } = options;
    if (to !== undefined && !NICK_PATTERN.test(to)) {
      throw new TypeError(t("chat.send_not_nick", { nick: to }));
    }
    const kind = options.kind ?? "text";
    const id = randomId();
    const now = this.#clock();
    const body = fernetEncrypt(this.#key, encodeBody({ kind, text }), { now: Math.max(0, now) });
    const frame = encodeMessage(
      to === undefined ? { t: "say", id, body } : { t: "say", id, to, body },
    );
    const message: OutgoingMessage = to === undefined
      ? { id, kind, text, frame, queuedAt: now }
      : { id, to, kind, text, frame, queuedAt: now };
    this.#outbox.add(message);
    this.#show(this.#ownEvent(message, "pending", now));
    this.#pump();
    return message;
  }

  /**
   * Offers a file to everyone, or to `to` only (see {@linkcode FileTransfers.offer}):
   * it is read once for its SHA-256, then the offer is said like a message;
   * each member who accepts gets the chunks. Resolves with the transfer's
   * number (what `/cancel` takes).
   *
   * @throws {ChatError} "file" with a line for a person; "closed" when leaving.
   * @throws {TypeError} for a `to` that is not a nick.
   */
  sendFile(path: string, to?: string): Promise<number> {
    if (to !== undefined && !NICK_PATTERN.test(to)) {
      return Promise.reject(new TypeError(t("chat.send_not_nick", { nick: to })));
    }
    return this.#files.offer(path, to);
  }

  /** Accepts an offer by its number. @throws {ChatError} "file" */
  acceptFile(ref: string): Promise<void> {
    return this.#files.accept(ref);
  }

  /** Declines an offer by its number. @throws {ChatError} "file" */
  rejectFile(ref: string): void {
    this.#files.reject(ref);
  }

  /** Stops a transfer, either way, by its number. @throws {ChatError} "file" */
  cancelFile(ref: string): void {
    this.#files.cancel(ref);
  }

  /** Shows every transfer (`/files`). */
  showFiles(): void {
    this.#files.showList();
  }

  /** Every file transfer of this connection, oldest first. */
  get transfers(): TransferInfo[] {
    return this.#files.list();
  }

  /**
   * Resolves true once no file transfer is under way, or false after
   * `timeoutMs` or when the connection goes offline or closes.
   */
  async waitForFiles(timeoutMs = Infinity): Promise<boolean> {
    const deadline = performance.now() + timeoutMs;
    while (this.#files.busy) {
      if (this.#state === "offline" || this.#state === "closed") return false;
      const left = deadline - performance.now();
      if (left <= 0) return false;
      await Promise.race([this.#files.settled(Math.min(left, 250)), this.#changed(left)]);
    }
    return true;
  }

  /**
   * Asks to be shown away (or back).
   *
   * @throws {ChatError} "not-connected" when not connected; "closed" after close().
   */
  setAway(away: boolean): void {
    const conn = this.#live(t("chat.action_away"));
    if (away === this.#away) return; // the server would not announce it either
    conn.send(encodeMessage({ t: "away", away }));
    this.#away = away;
    this.#awayAsked.push(away);
    if (this.#awayAsked.length > 16) this.#awayAsked.shift();
  }

  /**
   * Asks for a new nick; the `nick` event that follows confirms it.
   *
   * @throws {TypeError} for a string that is not a nick.
   * @throws {ChatError} "not-connected" when not connected; "closed" after close().
   */
  changeNick(nick: string): void {
    const wanted = nick.normalize("NFC");
    if (!NICK_PATTERN.test(wanted)) {
      throw new TypeError(t("chat.nick_not_nick", { nick }));
    }
    this.#request(t("chat.action_nick"), { t: "nick", nick: wanted });
  }

  /**
   * Asks for the member list; a "members" event answers.
   *
   * @throws {ChatError} "not-connected" when not connected; "closed" after close().
   */
  who(): void {
    this.#request(t("chat.action_who"), { t: "who" });
  }

  /**
   * Runs a host command on the server (`op {cmd, args, body?}`); its answer
   * comes back as one "op" info event, or an error event with the refusal's
   * code ("not-host" when we are not the host). A `text` (`/announce`,
   * `/motd`) is sealed here under the circle key, like any message: the
   * server never sees it.
   *
   * @throws {TypeError} for a name that is not a command name.
   * @throws {RangeError} for too many or too long arguments, or a text too long.
   * @throws {ChatError} "not-connected" when not connected; "closed" after close().
   */
  op(cmd: string, args: readonly string[], text?: string): void {
    if (!/^[a-z][a-z0-9-]{0,31}$/.test(cmd)) {
      throw new TypeError(`Cannot run /${cmd}: not a command name`);
    }
    if (args.length > 16) throw new RangeError(t("chat.op_too_many_words", { cmd }));
    if (args.some((arg) => arg.length > MAX_TEXT_LENGTH)) {
      throw new RangeError(t("chat.op_word_too_long", { cmd, max: MAX_TEXT_LENGTH }));
    }
    if (text !== undefined && text.length > MAX_BODY_TEXT) {
      throw new RangeError(
        t("chat.op_text_too_long", { cmd, count: text.length, max: MAX_BODY_TEXT }),
      );
    }
    const message: ClientMessage = { t: "op", cmd, args: [...args] };
    if (text !== undefined) {
      const now = Math.max(0, this.#clock());
      message.body = fernetEncrypt(this.#key, encodeBody({ kind: "announce", text }), { now });
    }
    this.#request(t("chat.action_op", { cmd }), message);
  }

  /**
   * Resolves once at most `count` messages are pending (true), or when the
   * connection is offline or closed, or after `timeoutMs` (false).
   */
  async waitForPending(count: number, timeoutMs = Infinity): Promise<boolean> {
    const deadline = performance.now() + timeoutMs;
    while (this.#outbox.size > count) {
      if (this.#state === "offline" || this.#state === "closed") return false;
      const left = deadline - performance.now();
      if (left <= 0) return false;
      await this.#changed(left);
    }
    return true;
  }

  /**
   * Leaves: waits for the outbox to drain (at most `timeoutMs`, through
   * reconnects), sends `bye`, closes. Messages still pending stay in
   * {@linkcode pendingMessages}. Never rejects.
   */
  close(timeoutMs: number = DEFAULT_CLOSE_TIMEOUT_MS): Promise<void> {
    this.#closePromise ??= this.#close(timeoutMs);
    return this.#closePromise;
  }

  /** For `await using`. */
  [Symbol.asyncDispose](): Promise<void> {
    return this.close();
  }

  // ---- connection life ---------------------------------------------------

  /** Takes over a proven connection: welcome, handlers, replay, resend. */
  #attach(dialed: DialedChat, resuming: boolean): void {
    const { conn, hello, ok } = dialed;
    const generation = ++this.#generation;
    const now = this.#clock();
    const resumed = resuming && ok.resumed === true;
    const first = !this.#everConnected;
    this.#conn = conn;
    this.#serverError = undefined;
    this.#lastHeard = now;
    this.#lastPing = now;
    this.#serverName = ok.name ?? hello.name;
    this.#host = ok.host === true;
    this.#everConnected = true;
    this.#error = undefined;
    this.#retries = 0;
    if (!resumed) {
      // A new session: the room's seq starts wherever this server is now.
      this.#session = ok.session;
      this.#lastSeq = ok.seq ?? 0;
      this.#away = false;
      this.#awayAsked = [];
      this.#slow = false;
      this.#slowIntervalMs = 0;
    }
    // The list as of now; the replay's presence events apply on top harmlessly.
    if (ok.members !== undefined || !resumed) this.#setMembers(ok.members ?? []);
    conn.onFrame = (payload) => this.#onFrame(generation, payload);
    conn.onClose = (reason, error) => this.#onClose(generation, reason, error);
    this.#setState({ state: "connected" });

    if (resumed) {
      const missed = ok.missed ?? 0;
      this.#info(
        "resumed",
        missed > 0 ? t("chat.resumed_missed", { count: missed }) : t("chat.resumed"),
        missed > 0 ? { missed } : {},
      );
    } else if (first) {
      this.#info(
        "connected",
        t("chat.connected", { server: this.#serverName, nick: this.#nick }),
        { server: this.#serverName, nick: this.#nick },
      );
    } else {
      this.#info("new-session", t("chat.new_session"));
    }
    if (!resumed) {
      if (ok.host === true) this.#info("host", t("chat.host_granted"));
      if (ok.hostRefused === true) this.#info("host-refused", t("chat.host_refused"));
      if (ok.motd !== undefined) this.#motd(ok.motd);
      this.#show({ type: "members", ts: now, self: false, members: this.members });
    }
    log.debug("Connected to {server} ({mode})", {
      server: this.#serverName,
      mode: resumed ? "resumed" : first ? "joined" : "joined again",
    });
    // The replay is delivered now, before anything is sent again: what it
    // acknowledges leaves the outbox and is not sent twice.
    conn.resume();
    if (this.#generation !== generation) return; // dropped during the replay
    this.#startTicker(generation);
    this.#pump();
    this.#files.onConnected();
  }

  #onClose(generation: number, reason: CloseReason, error: unknown): void {
    if (generation !== this.#generation) return;
    this.#lose(reason, error);
  }

  /** The current connection is gone (or must go): reconnect, or go offline. */
  #lose(reason: string, error?: unknown): void {
    const conn = this.#conn;
    this.#conn = undefined;
    this.#generation++;
    this.#stopTimers();
    if (conn !== undefined) {
      conn.onFrame = ignoreFrame;
      conn.onClose = ignoreClose;
      void conn.close(0);
    }
    this.#outbox.requeueAll();
    const serverError = this.#serverError;
    this.#serverError = undefined;
    log.debug("Connection lost ({reason})", { reason, error });
    if (this.#state === "closed") return;
    if (serverError !== undefined && !RECONNECT_AFTER.has(serverError.code)) {
      this.#goOffline(new ChatError("server-closed", serverClosedText(serverError)));
      return;
    }
    const why = serverError?.code === "shutdown" ? t("net.shutting_down") : reasonText(reason);
    this.#info("connection-lost", t("chat.connection_lost", { reason: why }));
    void this.#reconnect();
  }

  /** Up to {@linkcode DEFAULT_BACKOFF_MS}.length attempts, each a resume, then offline. */
  async #reconnect(): Promise<void> {
    const attempts = this.#backoffMs.length;
    let lastError: Error = new Error("no attempt was made");
    let worthRetrying = true;
    for (let i = 0; i < attempts; i++) {
      const attempt = i + 1;
      this.#setState({ state: "reconnecting", attempt, attempts });
      this.#info("reconnecting", t("chat.reconnecting", { attempt, attempts }), {
        attempt,
        attempts,
      });
      await this.#pause(this.#backoffMs[i]!);
      if (this.#state !== "reconnecting") return; // closed meanwhile
      let dialed: DialedChat;
      try {
        dialed = await this.#dialResuming();
      } catch (error) {
        if (this.#state !== "reconnecting") return;
        lastError = asError(error);
        log.debug("Reconnect attempt {attempt} failed: {error}", { attempt, error: lastError });
        worthRetrying = retryable(error);
        if (!worthRetrying) break;
        continue;
      }
      if (this.#state !== "reconnecting") {
        void dialed.conn.close(0);
        return;
      }
      this.#attach(dialed, this.#session !== undefined);
      return;
    }
    this.#goOffline(lastError, true, worthRetrying);
  }

  /**
   * One attempt while offline, without lines in the pane: the state shows
   * "reconnecting" while it runs, then "connected" (and the resume's line)
   * or "offline" again with the next one due — or, refused for good (a
   * ban, say), offline with the reason told.
   */
  async #retryQuietly(): Promise<void> {
    this.#retryTimer = undefined;
    if (this.#state !== "offline" || this.#closing) return;
    this.#retries++;
    this.#setState({ state: "reconnecting" });
    let dialed: DialedChat;
    try {
      dialed = await this.#dialResuming();
    } catch (error) {
      if (!this.#stateIs("reconnecting")) return;
      log.debug("Quiet reconnect attempt failed: {error}", { error });
      const again = retryable(error);
      this.#goOffline(asError(error), !again, again);
      return;
    }
    if (!this.#stateIs("reconnecting")) {
      void dialed.conn.close(0);
      return;
    }
    this.#attach(dialed, this.#session !== undefined);
  }

  /**
   * Resumes the session; a server that answers it does not know it (it
   * restarted, or the grace passed) is joined again as a new session.
   */
  async #dialResuming(): Promise<DialedChat> {
    const session = this.#session;
    if (session !== undefined) {
      try {
        return await this.#dial({
          nick: this.#nick,
          resume: { session, after: this.#lastSeq },
        });
      } catch (error) {
        if (!(error instanceof HandshakeError && UNKNOWN_SESSION.has(error.code))) throw error;
        if (this.#state !== "reconnecting") throw error;
      }
    }
    return await this.#dial({ nick: this.#nick });
  }

  /**
   * Offline, with `error` as the reason; with `keepTrying` (and
   * `keepTryingMs` set, and a session that was once connected) the next
   * quiet attempt is scheduled.
   */
  #goOffline(error: Error, tell = true, keepTrying = false): void {
    this.#error = error;
    this.#stopTimers();
    const waits = this.#keepTryingMs;
    const wait = keepTrying && waits.length > 0 && this.#everConnected && !this.#closing
      ? waits[Math.min(this.#retries, waits.length - 1)]!
      : undefined;
    this.#setState(
      wait === undefined
        ? { state: "offline", error }
        : { state: "offline", error, retryAt: this.#clock() + wait },
    );
    if (tell) {
      const waiting = this.#outbox.size;
      this.#info(
        "offline",
        waiting === 0
          ? t("chat.offline", { reason: error.message })
          : t("chat.offline_queued", { reason: error.message, count: waiting }),
      );
      if (wait !== undefined) this.#info("offline", t("chat.keep_trying"));
    }
    if (wait !== undefined) this.#retryTimer = setTimeout(() => void this.#retryQuietly(), wait);
  }

  async #close(timeoutMs: number): Promise<void> {
    // Transfers under way are cancelled first: the other sides are told while the outbox drains.
    const files = this.#files.close();
    this.#closing = true;
    const deadline = performance.now() + timeoutMs;
    const live = new Set<ConnectionState>(["connecting", "connected", "reconnecting"]);
    while (this.#outbox.size > 0 && live.has(this.#state)) {
      const left = deadline - performance.now();
      if (left <= 0) break;
      await this.#changed(left);
    }
    const conn = this.#conn;
    this.#conn = undefined;
    this.#generation++;
    this.#stopTimers();
    this.#wake();
    this.#setState({ state: "closed" });
    if (conn !== undefined) {
      conn.onFrame = ignoreFrame;
      conn.onClose = ignoreClose;
      conn.send(encodeMessage({ t: "bye" }));
      this.#info("left", t("chat.left_chat"));
      await conn.close(1_000);
    }
    await files;
  }

  // ---- frames ------------------------------------------------------------

  #onFrame(generation: number, payload: Uint8Array): void {
    if (generation !== this.#generation) return;
    this.#lastHeard = this.#clock();
    let message: ServerMessage;
    try {
      message = decodeServerMessage(payload);
    } catch (error) {
      log.debug("The server sent a bad frame: {error}", { error });
      this.#lose("protocol", error);
      return;
    }
    switch (message.t) {
      case "ping":
        this.#conn?.send(encodeMessage({ t: "pong", ts: message.ts }));
        return;
      case "pong":
        return;
      case "msg":
      case "join":
      case "leave":
      case "away":
      case "nick":
      case "notice":
      case "mute":
      case "room":
        this.#onRoomEvent(message);
        return;
      case "members":
        this.#emit({ kind: "server", message });
        this.#setMembers(message.list);
        this.#show({ type: "members", ts: this.#clock(), self: false, members: this.members });
        return;
      case "refused":
        this.#emit({ kind: "server", message });
        if (message.file !== undefined) this.#files.onChunkRefused(message);
        else this.#onRefused(message);
        return;
      case "chunk":
        this.#files.onChunk(message);
        return;
      case "chunkack":
        this.#files.onChunkAck(message);
        return;
      case "opresult": {
        this.#emit({ kind: "server", message });
        const { t: _t, ...result } = message;
        const text = opResultText(result, { key: this.#key, now: this.#clock() });
        const ts = this.#clock();
        if (result.ok) {
          this.#show({ type: "info", code: "op", ts, self: true, text, result });
        } else {
          this.#show({ type: "error", code: result.code, ts, self: true, text });
        }
        return;
      }
      case "error":
        this.#emit({ kind: "server", message });
        this.#serverError = { code: message.code };
        if (message.detail !== undefined) this.#serverError.detail = message.detail;
        if (message.retryAfterMs !== undefined) {
          this.#serverError.retryAfterMs = message.retryAfterMs;
        }
        return;
      default:
        log.debug("Ignoring an unexpected {t} from the server", { t: message.t });
    }
  }

  /** A room event: once each (by seq), in order; our messages' copies are their acks. */
  #onRoomEvent(message: RoomEvent): void {
    if (message.seq <= this.#lastSeq) return;
    this.#lastSeq = message.seq;
    this.#emit({ kind: "server", message });
    switch (message.t) {
      case "msg": {
        const own = this.#outbox.remove(message.id);
        if (own?.kind === "file") {
          // A file body of ours was said: only an offer is news (the others are signals).
          if (this.#outbox.size === 0) {
            this.#slow = false;
            this.#slowIntervalMs = 0;
          }
          this.#changedNow();
          this.#pump();
          if (own.fileBody?.kind === "file") {
            this.#files.onBody(own.fileBody, message.from, message.to, true, message.ts);
          }
          return;
        }
        if (own !== undefined) {
          const event = this.#ownEvent(own, "confirmed", message.ts);
          event.seq = message.seq;
          this.#show(event);
          if (this.#outbox.size === 0) {
            this.#slow = false;
            this.#slowIntervalMs = 0;
          }
          this.#changedNow();
          this.#pump();
          return;
        }
        const body = openMessageBody(this.#key, message.body);
        if (body !== undefined && isFileBody(body)) {
          // Offers and the signals of file sharing are not chat lines.
          const self = sameNick(message.from, this.#nick);
          this.#files.onBody(body, message.from, message.to, self, message.ts);
          return;
        }
        break;
      }
      case "join":
        this.#members.set(nickKey(message.nick), {
          nick: message.nick,
          away: false,
          since: message.ts,
        });
        break;
      case "leave":
        this.#members.delete(nickKey(message.nick));
        this.#files.onLeave(message.nick);
        break;
      case "away": {
        const member = this.#members.get(nickKey(message.nick));
        if (member !== undefined) member.away = message.away;
        // Our own away/back from a drop and its resume is noise: show only what we asked for.
        if (sameNick(message.nick, this.#nick)) {
          if (this.#awayAsked[0] !== message.away) return;
          this.#awayAsked.shift();
        }
        break;
      }
      case "mute": {
        const member = this.#members.get(nickKey(message.nick));
        if (member !== undefined) {
          if (message.muted) member.muted = true;
          else delete member.muted;
        }
        break;
      }
      case "nick": {
        const key = nickKey(message.old);
        const member = this.#members.get(key);
        if (member !== undefined) {
          this.#members.delete(key);
          this.#members.set(nickKey(message.new), { ...member, nick: message.new });
        }
        this.#files.onNick(message.old, message.new);
        break;
      }
    }
    const event = chatEventOf(message, { key: this.#key, nick: this.#nick });
    if (message.t === "nick" && event.self) this.#nick = message.new;
    this.#show(event);
  }

  #onRefused(message: MessageOf<ServerMessage, "refused">): void {
    const { code, id, retryAfterMs } = message;
    const waiting = id === undefined ? undefined : this.#outbox.get(id);
    if (waiting?.kind === "file" && code !== "rate") {
      // A file body refused for good: the transfer says what it means.
      this.#outbox.remove(waiting.id);
      if (waiting.fileBody !== undefined) {
        this.#files.onSayRefused(waiting.fileBody, waiting.to, code);
      }
      this.#changedNow();
      this.#pump();
      return;
    }
    if (waiting !== undefined) {
      if (code === "rate") {
        // Not lost: this one and every later one go again, one at a time.
        const wait = (retryAfterMs ?? 1_000) + RATE_MARGIN_MS;
        this.#outbox.requeueFrom(waiting.id);
        this.#slow = true;
        this.#slowIntervalMs = Math.max(this.#slowIntervalMs, wait);
        this.#nextSendAt = Math.max(this.#nextSendAt, performance.now() + wait);
        this.#pump();
        return;
      }
      this.#outbox.remove(waiting.id);
      this.#show(this.#ownEvent(waiting, "failed", this.#clock()));
      const text = code === "no-such-nick" && waiting.to !== undefined
        ? t("chat.not_here_undelivered", { nick: waiting.to })
        : code === "muted"
        ? t("chat.muted_unsent", { muted: mutedText(retryAfterMs) })
        : t("chat.message_refused", { reason: refusedText(message) });
      this.#show({
        type: "error",
        code: "refused",
        ts: this.#clock(),
        self: true,
        id: waiting.id,
        text,
      });
      this.#changedNow();
      this.#pump();
      return;
    }
    this.#show({
      type: "error",
      code: "refused",
      ts: this.#clock(),
      self: true,
      text: code === "rate"
        ? t("chat.slow_down", { wait: wait(retryAfterMs ?? 1_000) })
        : code === "muted"
        ? mutedText(retryAfterMs)
        : refusedText(message),
    });
  }

  // ---- sending -----------------------------------------------------------

  /** Sends what waits, in order, within the in-flight window (or paced, in slow mode). */
  #pump(): void {
    const conn = this.#conn;
    if (conn === undefined || this.#state !== "connected" || this.#rateTimer !== undefined) return;
    if (this.#slow) {
      if (this.#outbox.inFlight > 0) return;
      const wait = this.#nextSendAt - performance.now();
      if (wait > 0) {
        this.#rateTimer = setTimeout(() => {
          this.#rateTimer = undefined;
          this.#pump();
        }, wait);
        return;
      }
      const next = this.#outbox.takeNext();
      if (next === undefined) return;
      this.#nextSendAt = performance.now() + this.#slowIntervalMs;
      conn.send(next.frame); // false: closing, and onClose requeues it
      return;
    }
    while (this.#outbox.inFlight < this.#maxInFlight) {
      const next = this.#outbox.takeNext();
      if (next === undefined) return;
      if (!conn.send(next.frame)) return; // closing: onClose requeues it
    }
  }

  /** Seals a file body and queues it like a message, never shown as one; returns its id. */
  #sayFileBody(body: FileBody, to?: string): string {
    if (this.#state === "closed") throw new ChatError("closed", t("chat.send_closing"));
    const id = randomId();
    const now = this.#clock();
    const token = fernetEncrypt(this.#key, encodeBody(body), { now: Math.max(0, now) });
    const frame = encodeMessage(
      to === undefined ? { t: "say", id, body: token } : { t: "say", id, to, body: token },
    );
    const text = "";
    this.#outbox.add(
      to === undefined
        ? { id, kind: "file", text, frame, queuedAt: now, fileBody: body }
        : { id, to, kind: "file", text, frame, queuedAt: now, fileBody: body },
    );
    this.#pump();
    return id;
  }

  #request(action: string, message: ClientMessage): void {
    this.#live(action).send(encodeMessage(message));
  }

  /** The connection, for a request that cannot wait for one. @throws {ChatError} */
  #live(action: string): FramedConnection {
    if (this.#closing || this.#state === "closed") {
      throw new ChatError("closed", t("chat.cannot_closing", { action }));
    }
    const conn = this.#conn;
    if (conn === undefined || this.#state !== "connected") {
      throw new ChatError("not-connected", t("chat.cannot_offline", { action }));
    }
    return conn;
  }

  // ---- keeping alive -----------------------------------------------------

  #startTicker(generation: number): void {
    const every = Math.max(
      5,
      Math.min(this.#pingIntervalMs, Math.floor(this.#peerTimeoutMs / 3)),
    );
    this.#ticker = setInterval(() => {
      if (generation !== this.#generation) return;
      const now = this.#clock();
      if (now - this.#lastHeard >= this.#peerTimeoutMs) {
        this.#lose("silent");
        return;
      }
      if (now - this.#lastPing >= this.#pingIntervalMs) {
        this.#lastPing = now;
        this.#conn?.send(encodeMessage({ t: "ping", ts: Math.max(0, Math.floor(now)) }));
      }
    }, every);
  }

  #stopTimers(): void {
    clearTimeout(this.#retryTimer);
    this.#retryTimer = undefined;
    clearInterval(this.#ticker);
    this.#ticker = undefined;
    clearTimeout(this.#rateTimer);
    this.#rateTimer = undefined;
  }

  /** Waits `ms` before an attempt; close() cuts it short. */
  #pause(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const wake = () => {
        clearTimeout(timer);
        this.#sleep = undefined;
        resolve();
      };
      const timer = setTimeout(wake, ms);
      this.#sleep = { timer, wake };
    });
  }

  #wake(): void {
    this.#sleep?.wake();
  }

  // ---- telling -----------------------------------------------------------

  /** Reads the state afresh (after an await, where narrowing would mislead). */
  #stateIs(state: ConnectionState): boolean {
    return this.#state === state;
  }

  #setState(change: Omit<StateEvent, "kind">): void {
    this.#state = change.state;
    this.#emit({ kind: "state", ...change });
    this.#changedNow();
  }

  #info(
    code: InfoCode,
    text: string,
    extra: Partial<Pick<InfoEvent, "attempt" | "attempts" | "server" | "nick" | "missed">> = {},
  ): void {
    this.#show({ type: "info", code, ts: this.#clock(), self: false, text, ...extra });
  }

  #motd(token: string): void {
    const body = openBody(this.#key, token);
    if (body === undefined) return; // a motd sealed with another key: nothing worth showing
    this.#show({ type: "notice", ts: this.#clock(), self: false, from: "Server", text: body.text });
  }

  #ownEvent(
    message: OutgoingMessage,
    status: MessageStatus,
    ts: number,
  ): MessageEvent | PrivateEvent {
    if (message.to !== undefined) {
      const event: PrivateEvent = {
        type: "private",
        ts,
        self: true,
        id: message.id,
        from: this.#nick,
        to: message.to,
        text: message.text,
        status,
      };
      if (message.kind === "me") event.me = true;
      return event;
    }
    return {
      type: message.kind === "me" ? "me" : "message",
      ts,
      self: true,
      id: message.id,
      from: this.#nick,
      text: message.text,
      status,
    };
  }

  #show(event: ChatEvent): void {
    this.#emit({ kind: "chat", event });
  }

  #emit(event: ConnectionEvent): void {
    try {
      this.onEvent(event);
    } catch (error) {
      log.error(template("log.listener_threw"), { error });
    }
  }

  #setMembers(list: readonly Member[]): void {
    this.#members.clear();
    for (const member of list) this.#members.set(nickKey(member.nick), { ...member });
  }

  /** Resolves on the next change of state or outbox, or after `ms`. */
  #changed(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.#waiters.delete(done);
        resolve();
      };
      const timer = setTimeout(done, ms === Infinity ? 2 ** 31 - 1 : ms);
      this.#waiters.add(done);
    });
  }

  #changedNow(): void {
    for (const waiter of [...this.#waiters]) waiter();
  }
}

/** The default dialer: TLS trusting the circle CA, then the handshake. */
function tlsDialer(options: ChatConnectionOptions): ChatDialer {
  const { key, hostKey, hostname, port } = options;
  const role = options.role ?? "server";
  let caPem: Promise<string> | undefined;
  const auth = authKey(key);
  const hostAuth = hostKey === undefined ? undefined : hostAuthKey(hostKey);
  return async ({ nick, resume }) => {
    caPem ??= options.serverCaFile === undefined
      ? circleCA(key).then((ca) => ca.certPem)
      : loadServerCa(options.serverCaFile);
    let conn: FramedConnection;
    try {
      conn = await dialTls({
        hostname,
        port,
        caPem: await caPem,
        ...(options.serverCaFile === undefined ? {} : { trust: "external" as const }),
      });
    } catch (error) {
      // A certificate from another CA: with a circle server, that is another key.
      if (error instanceof DialError && error.code === "foreign") {
        throw new HandshakeError(
          "not-in-circle",
          role === "p2p" ? t("net.peer_not_in_circle") : t("net.server_not_in_circle"),
          { cause: error },
        );
      }
      throw error;
    }
    const { hello, ok } = await dialHandshake(conn, {
      role,
      authKey: auth,
      nick,
      ...(hostAuth === undefined ? {} : { hostAuthKey: hostAuth }),
      ...(resume === undefined ? {} : { resume }),
    });
    return { conn, hello, ok };
  };
}

function retryable(error: unknown): boolean {
  if (error instanceof CertError) return false; // the --ca file: retrying reads it again
  if (error instanceof DialError) return true;
  if (error instanceof HandshakeError) return RETRY_HANDSHAKE.has(error.code);
  return true;
}

function asError(error: unknown): Error {
  return error instanceof Error ? error : new Error(String(error));
}

/** A body of any kind under `key`; undefined when it does not open or is not one. */
function openMessageBody(key: SecretKey, token: string) {
  try {
    return decodeMessageBody(fernetDecrypt(key, token));
  } catch {
    return undefined;
  }
}

function reasonText(reason: string): string {
  switch (reason) {
    case "remote":
      return t("chat.lost_remote");
    case "error":
      return t("chat.lost_error");
    case "timeout":
    case "silent":
      return t("chat.lost_silent");
    case "slow":
      return t("chat.lost_slow");
    case "protocol":
      return t("chat.lost_protocol");
    default:
      return reason;
  }
}

/**
 * Why the server ended the session (its fatal `error` frame), in the
 * member's words: from the code and its values; `detail` only where it is
 * the host's reason, or the words of a code this version does not know.
 */
function serverClosedText(error: { code: string; detail?: string; retryAfterMs?: number }): string {
  const { code, detail, retryAfterMs } = error;
  switch (code) {
    case "replaced":
      return t("chat.ended_replaced");
    case "flood":
      return t("chat.ended_flood");
    case "kicked":
      return detail === undefined
        ? t("chat.ended_kicked")
        : t("chat.ended_kicked_reason", { reason: detail });
    case "banned":
      if (retryAfterMs === undefined) {
        return detail === undefined
          ? t("chat.ended_banned")
          : t("chat.ended_banned_reason", { reason: detail });
      }
      return detail === undefined
        ? t("chat.ended_banned_for", { wait: wait(retryAfterMs) })
        : t("chat.ended_banned_for_reason", { reason: detail, wait: wait(retryAfterMs) });
    case "closed":
    case "shutdown":
      return t("net.shutting_down");
    default:
      return detail === undefined
        ? t("chat.ended", { code })
        : t("chat.ended_detail", { code, detail });
  }
}

function mutedText(retryAfterMs: number | undefined): string {
  return retryAfterMs === undefined
    ? t("chat.you_are_muted")
    : t("chat.you_are_muted_for", { wait: wait(retryAfterMs) });
}

/**
 * A `refused` frame's code in the member's words; the server's `detail`
 * only for a code this version does not know.
 */
function refusedText(message: { code: string; detail?: string }): string {
  switch (message.code) {
    case "no-such-nick":
      return t("chat.refused_no_such_nick");
    case "nick-taken":
      return t("chat.refused_nick_taken");
    case "bad-nick":
      return t("net.bad_nick");
    case "rate":
      return t("chat.refused_rate");
    case "muted":
      return t("chat.you_are_muted");
    default:
      return message.detail === undefined ? message.code : `${message.code}: ${message.detail}`;
  }
}
