/**
 * The one error a peer's bytes can cause: a typed code, never a crash.
 *
 * @module
 */

/** Why a frame or message was refused. Codes go on the wire in `error` frames. */
export type ProtocolErrorCode =
  | "frame-size"
  | "json"
  | "type"
  | "field"
  | "version";

/** A peer sent something malformed; `code` says what kind of wrong. */
export class ProtocolError extends Error {
  /** What kind of wrong. */
  readonly code: ProtocolErrorCode;

  /** Makes a protocol error. */
  constructor(code: ProtocolErrorCode, message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = "ProtocolError";
    this.code = code;
  }
}
