/**
 * The proofs of the handshake (DESIGN.md, "Wire protocol v1"): each side shows
 * it holds the key by an HMAC over both nonces, and the key never crosses the wire.
 *
 * ```text
 * client: HMAC(authKey,     "stealth/v1/client" ‖ role ‖ serverNonce ‖ clientNonce ‖ nick)
 * server: HMAC(authKey,     "stealth/v1/server" ‖ role ‖ clientNonce ‖ serverNonce)
 * host:   HMAC(hostAuthKey, "stealth/v1/host"   ‖ role ‖ serverNonce ‖ clientNonce ‖ nick)
 * ```
 *
 * @module
 */

import { createHmac, timingSafeEqual } from "node:crypto";
import { deriveKey, LABELS } from "./derive.ts";
import type { SecretKey } from "./secret_key.ts";

/** Who makes a proof: a client, a server, or a client proving the host key. */
export type ProofDirection = "client" | "server" | "host";

const DIRECTIONS: readonly ProofDirection[] = ["client", "server", "host"];

/**
 * HMAC-SHA256(authKey, utf8("stealth/v1/" + direction) ‖ utf8(role) ‖ firstNonce ‖
 * secondNonce ‖ utf8(nick ?? "")).
 *
 * The fields are joined without lengths, so callers must check that each nonce is
 * exactly 32 bytes (DESIGN.md) and that `role` is one of the fixed role names.
 *
 * @param authKey {@linkcode authKey} of the circle key, or {@linkcode hostAuthKey} for `"host"`.
 * @param firstNonce the server's nonce for `"client"` and `"host"`, the client's for `"server"`.
 * @param secondNonce the other nonce.
 * @throws {TypeError} when `direction` is not one of the three directions.
 */
export function makeProof(
  authKey: Uint8Array,
  direction: ProofDirection,
  role: string,
  firstNonce: Uint8Array,
  secondNonce: Uint8Array,
  nick?: string,
): Uint8Array<ArrayBuffer> {
  if (!DIRECTIONS.includes(direction)) {
    throw new TypeError(`Cannot make proof: unknown direction ${JSON.stringify(direction)}`);
  }
  return new Uint8Array(
    createHmac("sha256", authKey)
      .update(`stealth/v1/${direction}`, "utf8")
      .update(role, "utf8")
      .update(firstNonce)
      .update(secondNonce)
      .update(nick ?? "", "utf8")
      .digest(),
  );
}

/** Whether a received proof equals the expected one, in constant time; false when the lengths differ. */
export function verifyProof(expected: Uint8Array, given: Uint8Array): boolean {
  if (!(expected instanceof Uint8Array) || !(given instanceof Uint8Array)) return false;
  if (expected.length !== given.length || expected.length === 0) return false;
  return timingSafeEqual(expected, given);
}

/** The 32-byte HMAC key of the challenge-response, derived from the circle key. */
export function authKey(key: SecretKey): Uint8Array<ArrayBuffer> {
  return deriveKey(key, LABELS.auth);
}

/** The 32-byte HMAC key of the host's proof, derived from `host.key`. */
export function hostAuthKey(hostKey: SecretKey): Uint8Array<ArrayBuffer> {
  return deriveKey(hostKey, LABELS.host);
}
