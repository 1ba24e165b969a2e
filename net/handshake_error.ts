/**
 * The error of a handshake that did not end in `ok`.
 *
 * @module
 */

/**
 * Why a handshake failed. Besides these, a dialer gets the server's own
 * `error` codes ("nick-taken", "banned", "full", ...) as they came.
 */
export type HandshakeErrorCode =
  | "auth" // (listener) the peer's proof was wrong
  | "not-in-circle" // (dialer) the server's proof was wrong, or it refused ours
  | "throttled" // too many failed proofs from this address
  | "timeout" // the handshake did not finish in time
  | "protocol" // a bad frame, or the wrong one
  | "role" // (dialer) the listener has another role than the one dialed
  | "closed" // the connection ended during the handshake
  | (string & Record<never, never>);

/** Options for {@linkcode HandshakeError}. */
export interface HandshakeErrorOptions extends ErrorOptions {
  /** The server's `detail`, when it sent one. */
  detail?: string;
  /** When to try again, for "throttled" and server codes that carry it. */
  retryAfterMs?: number;
}

/** A handshake failed; `code` says why, `message` is one line for a person. */
export class HandshakeError extends Error {
  /** Why the handshake failed. */
  readonly code: HandshakeErrorCode;
  /** The server's `detail`, when it sent one. */
  readonly detail?: string;
  /** When to try again, when known. */
  readonly retryAfterMs?: number;

  /** Makes a handshake error. */
  constructor(code: HandshakeErrorCode, message: string, options: HandshakeErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = "HandshakeError";
    this.code = code;
    if (options.detail !== undefined) this.detail = options.detail;
    if (options.retryAfterMs !== undefined) this.retryAfterMs = options.retryAfterMs;
  }
}
