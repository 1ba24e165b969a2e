/**
 * Fakes for client unit tests: a framed connection the test drives by hand,
 * a dialer that hands them out, and a recorder of connection events.
 *
 * @module
 */

import type { ChatDialer, ConnectionEvent, DialRequest } from "../../client/mod.ts";
import { fernetEncrypt, SecretKey } from "../../crypto/mod.ts";
import type { CloseReason, FramedConnection, HelloMessage, OkMessage } from "../../net/mod.ts";
import {
  type Body,
  type ClientMessage,
  decodeClientMessage,
  encodeBody,
  encodeMessage,
  type ServerMessage,
} from "../../protocol/mod.ts";

/** The circle key of these tests. */
export const KEY = new SecretKey(new Uint8Array(32).fill(7));
/** Another circle's key. */
export const OTHER_KEY = new SecretKey(new Uint8Array(32).fill(8));

/** A body sealed under `key` (default {@linkcode KEY}). */
export function seal(body: Body, key: SecretKey = KEY): string {
  return fernetEncrypt(key, encodeBody(body));
}

/** A session id of the right shape. */
export function sessionId(n: number): string {
  return `s${String(n).padStart(42, "0")}`;
}

/** A proof of the right shape (the fake dialer checks nothing). */
export const PROOF = "A".repeat(43);

/** A connection the test plays the server of. */
export class FakeConn implements FramedConnection {
  onFrame: (payload: Uint8Array) => void = () => {};
  onClose: (reason: CloseReason, error?: unknown) => void = () => {};
  readonly remoteAddress = "127.0.0.1";
  readonly localAddress = "127.0.0.1";
  readonly remotePort = 5555;
  readonly queuedBytes = 0;
  /** What the client sent, decoded. */
  readonly sent: ClientMessage[] = [];
  #closed = false;
  #paused = true;
  #backlog: Uint8Array[] = [];

  get closed(): boolean {
    return this.#closed;
  }

  send(frame: Uint8Array): boolean {
    if (this.#closed) return false;
    this.sent.push(decodeClientMessage(frame.subarray(4)));
    return true;
  }

  setMaxFrameBytes(_bytes: number): void {}

  pause(): void {
    this.#paused = true;
  }

  resume(): void {
    this.#paused = false;
    while (this.#backlog.length > 0 && !this.#paused) this.onFrame(this.#backlog.shift()!);
  }

  close(_timeoutMs?: number): Promise<void> {
    this.#finish("local");
    return Promise.resolve();
  }

  /** The server sends a message (held while paused, like the real one). */
  deliver(message: ServerMessage): void {
    if (this.#closed) return;
    const payload = encodeMessage(message).subarray(4);
    if (this.#paused) this.#backlog.push(payload);
    else this.onFrame(payload);
  }

  /** The link drops (no bye). */
  drop(reason: CloseReason = "remote"): void {
    this.#finish(reason);
  }

  /** The client messages of type `t`. */
  sentOf<T extends ClientMessage["t"]>(t: T): Extract<ClientMessage, { t: T }>[] {
    return this.sent.filter((m): m is Extract<ClientMessage, { t: T }> => m.t === t);
  }

  #finish(reason: CloseReason): void {
    if (this.#closed) return;
    this.#closed = true;
    const onClose = this.onClose;
    this.onClose = () => {};
    onClose(reason);
  }
}

/** What the fake dialer does with one request. */
export type DialScript = (request: DialRequest) => { ok: Partial<OkMessage> } | Error;

/** A dialer that answers each request by the script and keeps what it made. */
export class FakeDialer {
  readonly requests: DialRequest[] = [];
  readonly conns: FakeConn[] = [];
  script: DialScript;
  /** Runs on each new connection while it is still paused (to queue a replay after `ok`). */
  onConnection: (conn: FakeConn) => void = () => {};

  constructor(script: DialScript = () => ({ ok: { session: sessionId(1), seq: 1 } })) {
    this.script = script;
  }

  /** The dialer to hand to the connection. */
  readonly dial: ChatDialer = (request) => {
    this.requests.push(structuredClone(request));
    const answer = this.script(request);
    if (answer instanceof Error) return Promise.reject(answer);
    const conn = new FakeConn();
    this.conns.push(conn);
    this.onConnection(conn);
    const hello: HelloMessage = { t: "hello", v: 1, role: "server", name: "kitchen", nonce: PROOF };
    const ok: OkMessage = { t: "ok", proof: PROOF, name: "kitchen", members: [], ...answer.ok };
    return Promise.resolve({ conn, hello, ok });
  };

  /** The latest connection. */
  get conn(): FakeConn {
    const conn = this.conns.at(-1);
    if (conn === undefined) throw new Error("Cannot get connection: nothing was dialed");
    return conn;
  }
}

/** Records what a connection tells its listener. */
export class Recorder {
  readonly events: ConnectionEvent[] = [];
  readonly listen = (event: ConnectionEvent): void => {
    this.events.push(event);
  };

  /** The display events. */
  chat() {
    return this.events.flatMap((e) => e.kind === "chat" ? [e.event] : []);
  }

  /** The states, in order. */
  states(): string[] {
    return this.events.flatMap((e) =>
      e.kind === "state" ? [e.attempt ? `${e.state} ${e.attempt}/${e.attempts}` : e.state] : []
    );
  }

  /** The info texts, in order. */
  infos(): string[] {
    return this.chat().flatMap((e) => e.type === "info" ? [e.text] : []);
  }

  /** Confirmed messages' texts (ours and others'), in order. */
  texts(): string[] {
    return this.chat().flatMap((e) =>
      (e.type === "message" || e.type === "me" || e.type === "private") &&
        e.status === "confirmed"
        ? [e.text]
        : []
    );
  }
}

/** The frames a room would send for a `say`: the sender's copy. */
export function copyOf(
  say: Extract<ClientMessage, { t: "say" }>,
  from: string,
  seq: number,
  ts = 1_700_000_000_000,
): ServerMessage {
  return say.to === undefined
    ? { t: "msg", seq, ts, from, id: say.id, body: say.body }
    : { t: "msg", seq, ts, from, to: say.to, id: say.id, body: say.body };
}
