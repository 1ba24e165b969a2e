/**
 * The handshake of wire protocol v1, identical for registry, server and p2p
 * (DESIGN.md, "Wire protocol v1"):
 *
 * 1. listener → dialer `hello {v:1, role, name, nonce}`
 * 2. dialer → listener `auth {v:1, nonce, proof, nick?, host?, resume?}`
 * 3. listener → dialer `ok {proof, ...}` (sent by the caller, who adds its
 *    own fields) or `error {code:"auth"}` and the connection closes.
 *
 * Both sides prove they hold the circle key without sending it; the
 * dialer's proof binds its nick. Both functions resume the connection they
 * are given (`dialTls` hands it out paused) and resolve with it **paused**
 * again: install `onFrame`/`onClose`, then call `resume()`, and nothing the
 * peer sent in the meantime is lost. On failure the connection is closed
 * and the promise rejects with a {@linkcode HandshakeError}, never anything
 * else.
 *
 * @module
 */

import { Buffer } from "node:buffer";
import { randomBytes } from "node:crypto";
import { duration, number, t, template, wait as waitText } from "../i18n/mod.ts";
import { makeProof, verifyProof } from "../crypto/mod.ts";
import { getLogger } from "../log/mod.ts";
import {
  type ClientMessage,
  decodeClientMessage,
  decodeServerMessage,
  DEFAULT_MAX_FRAME_BYTES,
  encodeMessage,
  HANDSHAKE_TIMEOUT_MS,
  type MessageOf,
  NONCE_BYTES,
  PROTOCOL_VERSION,
  ProtocolError,
  type Role,
  type ServerMessage,
} from "../protocol/mod.ts";
import { addressKey } from "./_address_key.ts";
import type { AuthThrottle } from "./auth_throttle.ts";
import type { CloseReason, FramedConnection } from "./framed_connection.ts";
import { HandshakeError } from "./handshake_error.ts";

/** The dialer's `auth` message. */
export type AuthMessage = MessageOf<ClientMessage, "auth">;
/** The listener's `hello` message. */
export type HelloMessage = MessageOf<ServerMessage, "hello">;
/** The listener's `ok` message. */
export type OkMessage = MessageOf<ServerMessage, "ok">;
/** The listener's `error` message. */
export type ErrorMessage = MessageOf<ServerMessage, "error">;

/** Options for {@linkcode acceptHandshake}. */
export interface AcceptHandshakeOptions {
  /** This listener's role, sent in `hello` and bound into both proofs. */
  role: Role;
  /** This listener's name, sent in `hello` (server name, "registry", a p2p nick). */
  name: string;
  /** `authKey(secretKey)`. */
  authKey: Uint8Array;
  /** `hostAuthKey(hostKey)`, when this listener grants host powers. */
  hostAuthKey?: Uint8Array;
  /** The listener's failed-proof limiter, shared by all its connections. */
  throttle: AuthThrottle;
  /** Time the dialer has to send `auth` (default `HANDSHAKE_TIMEOUT_MS`, 10 s). */
  timeoutMs?: number;
  /** The clock, in ms (default `Date.now`): a frame arriving past the deadline is refused. */
  now?: () => number;
  /** Frame limit once the dialer proved the key (default `DEFAULT_MAX_FRAME_BYTES`). */
  maxFrameBytes?: number;
}

/** What {@linkcode acceptHandshake} learned; the caller answers with `ok {proof: okProof, ...}`. */
export interface AcceptedAuth {
  /** The dialer's `auth` message (nick, resume). */
  auth: AuthMessage;
  /** Whether the dialer also proved the host key. */
  isHost: boolean;
  /** Whether the dialer tried a host proof that was wrong (tell it "wrong host key"). */
  hostRefused: boolean;
  /** The listener's proof, base64url, for the `ok` frame. */
  okProof: string;
  /** The dialer's nonce. */
  clientNonce: Uint8Array;
  /** This listener's nonce. */
  serverNonce: Uint8Array;
}

/** Options for {@linkcode dialHandshake}. */
export interface DialHandshakeOptions {
  /** The role expected of the listener. */
  role: Role;
  /** `authKey(secretKey)`. */
  authKey: Uint8Array;
  /** The nick to join with (bound into the proof). */
  nick?: string;
  /** `hostAuthKey(hostKey)`, to ask for host powers. */
  hostAuthKey?: Uint8Array;
  /** A session to resume, and the last sequence number seen. */
  resume?: { session: string; after: number };
  /** Time for the whole handshake (default `HANDSHAKE_TIMEOUT_MS`, 10 s). */
  timeoutMs?: number;
  /** Called with the listener's `hello` as soon as it arrives (its `ts` tells the listener's clock). */
  onHello?: (hello: HelloMessage) => void;
  /** Frame limit once the listener said hello (default `DEFAULT_MAX_FRAME_BYTES`: `ok` may list many members). */
  maxFrameBytes?: number;
}

/** What {@linkcode dialHandshake} got: the listener's `hello` and its verified `ok`. */
export interface DialedHandshake {
  /** The listener's greeting. */
  hello: HelloMessage;
  /** The listener's welcome; its proof was verified. */
  ok: OkMessage;
}

/** Time a refused peer gets to read the `error` frame before the socket closes. */
const REFUSE_FLUSH_MS = 500;

const log = getLogger(["stealth", "net"]);
const ignoreFrame = (_payload: Uint8Array): void => {};
const ignoreClose = (_reason: CloseReason, _error?: unknown): void => {};

/**
 * The listener's side: sends `hello`, checks the dialer's `auth`. A throttled
 * address gets `error {code:"throttled", retryAfterMs}` before any proof is
 * checked; a wrong proof gets `error {code:"auth"}`, counts in the throttle
 * and is logged (address and count) at warning level. A wrong host proof does
 * not fail the handshake: `isHost` is false and `hostRefused` true.
 *
 * Resolves with the connection paused and its frame limit raised.
 *
 * @throws {HandshakeError} "throttled", "auth", "timeout", "protocol" or "closed".
 */
export function acceptHandshake(
  conn: FramedConnection,
  options: AcceptHandshakeOptions,
): Promise<AcceptedAuth> {
  const { role, name, authKey, hostAuthKey, throttle } = options;
  const timeoutMs = options.timeoutMs ?? HANDSHAKE_TIMEOUT_MS;
  const now = options.now ?? Date.now;
  const startedAt = now();
  const address = addressKey(conn.remoteAddress);

  return new Promise<AcceptedAuth>((resolve, reject) => {
    let settled = false;
    const timer = setTimeout(() => {
      refuse("timeout", `Cannot accept handshake: no auth within ${timeoutMs} ms`, "timeout");
    }, timeoutMs);

    function settle(): void {
      settled = true;
      clearTimeout(timer);
      conn.onFrame = ignoreFrame;
      conn.onClose = ignoreClose;
    }

    function refuse(
      code: string,
      message: string,
      wireCode?: string,
      extra: { retryAfterMs?: number; cause?: unknown } = {},
    ): void {
      if (settled) return;
      settle();
      if (wireCode !== undefined) {
        const frame: ErrorMessage = { t: "error", code: wireCode };
        if (extra.retryAfterMs !== undefined) frame.retryAfterMs = extra.retryAfterMs;
        conn.send(encodeMessage(frame));
      }
      void conn.close(REFUSE_FLUSH_MS);
      reject(new HandshakeError(code, message, extra));
    }

    function throttled(): boolean {
      const retryAfterMs = throttle.retryAfter(address);
      if (retryAfterMs === 0) return false;
      log.debug("Refusing a handshake from throttled {address}", { address: conn.remoteAddress });
      refuse(
        "throttled",
        `Cannot accept handshake: too many failed proofs, retry in ${retryAfterMs} ms`,
        "throttled",
        { retryAfterMs },
      );
      return true;
    }

    conn.onClose = (reason, cause) => {
      refuse(
        reason === "protocol" ? "protocol" : "closed",
        `Cannot accept handshake: connection closed (${reason})`,
        undefined,
        { cause },
      );
    };
    if (conn.closed) {
      refuse("closed", "Cannot accept handshake: connection already closed");
      return;
    }
    conn.resume();
    if (throttled()) return;

    const serverNonce = randomNonce();
    conn.send(
      encodeMessage({
        t: "hello",
        v: PROTOCOL_VERSION,
        role,
        name,
        nonce: base64url(serverNonce),
        ts: Math.max(0, Math.floor(startedAt)),
      }),
    );

    conn.onFrame = (payload) => {
      if (now() - startedAt > timeoutMs) {
        refuse("timeout", `Cannot accept handshake: auth came after ${timeoutMs} ms`, "timeout");
        return;
      }
      let auth: ClientMessage;
      try {
        auth = decodeClientMessage(payload);
      } catch (cause) {
        const code = cause instanceof ProtocolError ? cause.code : "json";
        refuse("protocol", `Cannot accept handshake: ${messageOf(cause)}`, code, { cause });
        return;
      }
      if (auth.t !== "auth") {
        refuse("protocol", `Cannot accept handshake: expected auth, got ${auth.t}`, "unexpected");
        return;
      }
      if (throttled()) return;
      const clientNonce = fromBase64url(auth.nonce);
      const expected = makeProof(authKey, "client", role, serverNonce, clientNonce, auth.nick);
      if (clientNonce.length !== NONCE_BYTES || !verifyProof(expected, fromBase64url(auth.proof))) {
        const failures = throttle.fail(address);
        log.warn(template("log.wrong_key"), {
          address: conn.remoteAddress,
          failures,
        });
        refuse("auth", "Cannot accept handshake: wrong proof", "auth");
        return;
      }
      let isHost = false;
      if (auth.host !== undefined && hostAuthKey !== undefined) {
        const hostProof = makeProof(hostAuthKey, "host", role, serverNonce, clientNonce, auth.nick);
        isHost = verifyProof(hostProof, fromBase64url(auth.host));
      }
      const hostRefused = auth.host !== undefined && !isHost;
      if (hostRefused) {
        log.warn(template("log.wrong_host_key"), {
          address: conn.remoteAddress,
        });
      }
      conn.pause();
      settle();
      conn.setMaxFrameBytes(options.maxFrameBytes ?? DEFAULT_MAX_FRAME_BYTES);
      resolve({
        auth,
        isHost,
        hostRefused,
        okProof: base64url(makeProof(authKey, "server", role, clientNonce, serverNonce)),
        clientNonce,
        serverNonce,
      });
    };
  });
}

/**
 * The dialer's side: checks the `hello`'s role, sends `auth`, verifies the
 * listener's proof in `ok` in constant time.
 *
 * Resolves with the connection paused and its frame limit raised.
 *
 * @throws {HandshakeError} "not-in-circle" ("this server is not in your
 *   circle — check secret.key"; for role p2p, "this peer ...") when the
 *   listener's proof is wrong or it refused ours; "throttled" with
 *   `retryAfterMs`; "role" (naming the command that fits), "timeout",
 *   "protocol", "closed"; or the listener's own code ("nick-taken",
 *   "banned", "full", "busy" from a p2p listener with its one peer, ...)
 *   with its `detail` and `retryAfterMs`.
 */
export function dialHandshake(
  conn: FramedConnection,
  options: DialHandshakeOptions,
): Promise<DialedHandshake> {
  const { role, authKey, nick, hostAuthKey, resume } = options;
  const timeoutMs = options.timeoutMs ?? HANDSHAKE_TIMEOUT_MS;

  return new Promise<DialedHandshake>((resolve, reject) => {
    let settled = false;
    let hello: HelloMessage | undefined;
    let serverNonce: Uint8Array;
    let clientNonce: Uint8Array;
    const timer = setTimeout(() => {
      fail(new HandshakeError("timeout", roleText(role, "timeout", { time: span(timeoutMs) })));
    }, timeoutMs);

    function settle(): void {
      settled = true;
      clearTimeout(timer);
      conn.onFrame = ignoreFrame;
      conn.onClose = ignoreClose;
    }

    function fail(error: HandshakeError): void {
      if (settled) return;
      settle();
      void conn.close(0);
      reject(error);
    }

    conn.onClose = (reason, cause) => {
      fail(
        new HandshakeError(
          reason === "protocol" ? "protocol" : "closed",
          roleText(role, "closed", { reason }),
          { cause },
        ),
      );
    };
    if (conn.closed) {
      fail(new HandshakeError("closed", t("net.closed_before_handshake")));
      return;
    }
    conn.resume();

    conn.onFrame = (payload) => {
      let message: ServerMessage;
      try {
        message = decodeServerMessage(payload);
      } catch (cause) {
        fail(
          new HandshakeError("protocol", t("net.not_stealth_v1", { reason: messageOf(cause) }), {
            cause,
          }),
        );
        return;
      }
      if (message.t === "error") {
        fail(refusal(message, role));
        return;
      }
      if (hello === undefined) {
        if (message.t !== "hello") {
          fail(
            new HandshakeError(
              "protocol",
              t("net.unexpected_frame", { expected: "hello", got: message.t }),
            ),
          );
          return;
        }
        if (message.role !== role) {
          fail(new HandshakeError("role", roleMismatch(message.role, role)));
          return;
        }
        hello = message;
        try {
          options.onHello?.(message);
        } catch {
          // A listener of ours must not break the handshake.
        }
        serverNonce = fromBase64url(message.nonce);
        clientNonce = randomNonce();
        const auth: AuthMessage = {
          t: "auth",
          v: PROTOCOL_VERSION,
          nonce: base64url(clientNonce),
          proof: base64url(makeProof(authKey, "client", role, serverNonce, clientNonce, nick)),
        };
        if (nick !== undefined) auth.nick = nick;
        if (hostAuthKey !== undefined) {
          auth.host = base64url(
            makeProof(hostAuthKey, "host", role, serverNonce, clientNonce, nick),
          );
        }
        if (resume !== undefined) auth.resume = { session: resume.session, after: resume.after };
        conn.setMaxFrameBytes(options.maxFrameBytes ?? DEFAULT_MAX_FRAME_BYTES);
        conn.send(encodeMessage(auth));
        return;
      }
      if (message.t !== "ok") {
        fail(
          new HandshakeError(
            "protocol",
            t("net.unexpected_frame", { expected: "ok", got: message.t }),
          ),
        );
        return;
      }
      const expected = makeProof(authKey, "server", role, clientNonce, serverNonce);
      if (!verifyProof(expected, fromBase64url(message.proof))) {
        fail(notInCircle(role));
        return;
      }
      conn.pause();
      settle();
      resolve({ hello, ok: message });
    };
  });
}

/**
 * The refusal of a listener's `error` frame, worded here from its code and
 * values (see {@linkcode refusalText}).
 */
function refusal(message: ErrorMessage, role: Role): HandshakeError {
  const { code, detail, retryAfterMs } = message;
  if (code === "auth") return notInCircle(role);
  if (code === "throttled") {
    return new HandshakeError(
      "throttled",
      retryAfterMs === undefined
        ? t("net.throttled_later")
        : t("net.throttled_wait", { wait: waitText(retryAfterMs) }),
      { retryAfterMs },
    );
  }
  return new HandshakeError(code, refusalText(code, detail, retryAfterMs), {
    detail,
    retryAfterMs,
  });
}

/**
 * One line for a listener's refusal `code` (of an `error` frame), in the
 * reader's language, made from the code and its values. `detail` is shown
 * only where it is the host's own words (the reason of "banned" and
 * "kicked") or the only words there are (a code this version does not
 * know); for the other codes it is the server's English fallback.
 */
export function refusalText(code: string, detail?: string, retryAfterMs?: number): string {
  switch (code) {
    case "banned":
      if (retryAfterMs === undefined) {
        return detail === undefined ? t("net.banned") : t("net.banned_reason", { reason: detail });
      }
      return detail === undefined
        ? t("net.banned_for", { wait: waitText(retryAfterMs) })
        : t("net.banned_for_reason", { wait: waitText(retryAfterMs), reason: detail });
    case "kicked":
      return detail === undefined ? t("net.kicked") : t("net.kicked_reason", { reason: detail });
    case "locked":
      return t("net.locked");
    case "busy":
      // A p2p listener talks with one peer at a time.
      return t("net.busy");
    case "nick-taken":
      return t("net.nick_taken");
    case "bad-nick":
      return t("net.bad_nick");
    case "full":
      return t("net.full");
    case "closed":
    case "shutdown":
      return t("net.shutting_down");
    default:
      return detail === undefined
        ? t("net.refused_code", { code })
        : t("net.refused_code_detail", { code, detail });
  }
}

function notInCircle(role: Role): HandshakeError {
  return new HandshakeError(
    "not-in-circle",
    role === "p2p" ? t("net.peer_not_in_circle") : t("net.server_not_in_circle"),
  );
}

/** The dialer's words for a handshake that timed out or was cut, by the role dialed. */
function roleText(
  role: Role,
  what: "timeout" | "closed",
  params: { time?: string; reason?: string },
): string {
  const time = params.time ?? "";
  const reason = params.reason ?? "";
  if (what === "timeout") {
    if (role === "registry") return t("net.timeout_registry", { time });
    if (role === "p2p") return t("net.timeout_p2p", { time });
    return t("net.timeout_server", { time });
  }
  if (role === "registry") return t("net.cut_registry", { reason });
  if (role === "p2p") return t("net.cut_p2p", { reason });
  return t("net.cut_server", { reason });
}

/** What to tell a dialer that reached a listener of another role, with the command that fits. */
function roleMismatch(found: Role, wanted: Role): string {
  if (found === "p2p") {
    return wanted === "registry" ? t("net.p2p_not_registry") : t("net.p2p_not_server");
  }
  if (found === "server") {
    return wanted === "p2p" ? t("net.server_not_p2p") : t("net.server_not_registry");
  }
  return wanted === "p2p" ? t("net.registry_not_p2p") : t("net.registry_not_server");
}

/** A time limit as people read it: "10 sec", or "200 ms" below a second. */
function span(ms: number): string {
  return ms >= 1000 && ms % 1000 === 0 ? duration(ms) : `${number(ms)} ms`;
}

function randomNonce(): Uint8Array {
  return new Uint8Array(randomBytes(NONCE_BYTES));
}

function base64url(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).toString("base64url");
}

function fromBase64url(text: string): Uint8Array {
  return new Uint8Array(Buffer.from(text, "base64url"));
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
