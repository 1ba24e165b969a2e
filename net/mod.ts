/**
 * The one place that touches TLS. Owns listeners (TLS 1.3 only, on
 * `node:tls`), dialers (`Deno.connectTls`-style, trusting only the circle
 * CA), frames on sockets ({@linkcode FramedConnection}: coalesced writes, a
 * bounded outbound queue that drops a peer that stops reading), every
 * connection deadline before the application takes over, and the protocol
 * handshake with its per-address throttle.
 *
 * Knows nothing of rooms, sessions, nicks beyond the handshake's proof, or
 * what a frame means after the handshake: callers decode frames with
 * `protocol/` and decide.
 *
 * @example
 * ```ts ignore
 * const throttle = new AuthThrottle();
 * const listener = await listenTls({
 *   hostname: "0.0.0.0", port: 5555, cert: leaf.certPem, key: leaf.keyPem,
 *   onConnection(conn) {
 *     acceptHandshake(conn, { role: "server", name, authKey, throttle }).then((accepted) => {
 *       conn.onFrame = (payload) => room.handle(decodeClientMessage(payload));
 *       conn.onClose = (reason) => room.away(reason);
 *       conn.send(encodeMessage({ t: "ok", proof: accepted.okProof }));
 *       conn.resume();
 *     }, () => {}); // a HandshakeError: the connection is closed already
 *   },
 * });
 * ```
 *
 * @module
 */

export {
  type CloseReason,
  DEFAULT_MAX_BULK_BYTES,
  DEFAULT_OUTBOUND_LIMITS,
  type FramedConnection,
  type OutboundLimits,
  type SendOptions,
} from "./framed_connection.ts";
export {
  DEFAULT_MAX_PENDING_PER_ADDRESS,
  listenTls,
  type ListenTlsOptions,
  type TlsListener,
} from "./listen_tls.ts";
export { DIAL_TIMEOUT_MS, dialTls, type DialTlsOptions, hostPort } from "./dial_tls.ts";
export { DialError, type DialErrorCode, type DialErrorOptions } from "./dial_error.ts";
export {
  type AcceptedAuth,
  acceptHandshake,
  type AcceptHandshakeOptions,
  type AuthMessage,
  type DialedHandshake,
  dialHandshake,
  type DialHandshakeOptions,
  type ErrorMessage,
  type HelloMessage,
  type OkMessage,
  refusalText,
} from "./handshake.ts";
export {
  HandshakeError,
  type HandshakeErrorCode,
  type HandshakeErrorOptions,
} from "./handshake_error.ts";
export {
  AUTH_FAILURE_BURST,
  AUTH_FAILURE_REFILL_MS,
  AUTH_THROTTLE_MAX_ADDRESSES,
  AuthThrottle,
  type AuthThrottleOptions,
} from "./auth_throttle.ts";
export {
  formatRange,
  inRange,
  type IpRange,
  parseAddress,
  parseCidr,
  rangeAround,
} from "./ip_range.ts";
