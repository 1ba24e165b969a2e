/**
 * The error of a dial that did not get a TLS connection, with a message a
 * person can act on.
 *
 * @module
 */

/** Why a dial failed. */
export type DialErrorCode =
  | "refused" // nothing listens on that port
  | "timeout" // no TCP or TLS answer in time
  | "foreign" // the peer's certificate is not from our circle: another circle's server, or not stealth
  | "tls" // the TLS handshake failed otherwise (not TLS 1.3, bad dates, closed)
  | "dns" // the host name does not resolve
  | "unreachable"; // no route to the host

/** Options of {@linkcode DialError}. */
export interface DialErrorOptions extends ErrorOptions {
  /** A "tls" failure because the peer's certificate is outside its dates by our clock. */
  outsideValidity?: boolean;
}

/**
 * A dial failed. `message` is one line for a person, in their language,
 * e.g. "cannot reach pi.local:5555 — is the server running? (connection
 * refused)"; code reads `code` and `outsideValidity`, never the message.
 */
export class DialError extends Error {
  /** Why the dial failed. */
  readonly code: DialErrorCode;
  /** The host that was dialed. */
  readonly hostname: string;
  /** The port that was dialed. */
  readonly port: number;
  /** A "tls" failure on the certificate's dates: one of the two clocks is off. */
  readonly outsideValidity: boolean;

  /** Makes a dial error. */
  constructor(
    code: DialErrorCode,
    hostname: string,
    port: number,
    message: string,
    options?: DialErrorOptions,
  ) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.name = "DialError";
    this.code = code;
    this.hostname = hostname;
    this.port = port;
    this.outsideValidity = options?.outsideValidity === true;
  }
}
