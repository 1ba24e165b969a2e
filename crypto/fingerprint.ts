/**
 * The fingerprint two people read aloud to check they hold the same key.
 *
 * @module
 */

import { deriveKey, LABELS } from "./derive.ts";
import type { SecretKey } from "./secret_key.ts";

const DIGITS = 24;
const MODULUS = 10n ** BigInt(DIGITS);

/**
 * 24 decimal digits in six groups of four ("0412 9981 …"): the first 10 bytes of
 * the key's `stealth/v1/fingerprint` derivation, read as a big-endian integer,
 * mod 10^24. Derived, not a hash of the key, so it reveals nothing usable about K.
 */
export function fingerprint(key: SecretKey): string {
  const bytes = deriveKey(key, LABELS.fingerprint).subarray(0, 10);
  let value = 0n;
  for (const byte of bytes) value = (value << 8n) | BigInt(byte);
  const digits = (value % MODULUS).toString().padStart(DIGITS, "0");
  return digits.match(/.{4}/g)!.join(" ");
}
