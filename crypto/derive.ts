/**
 * Keys derived from the circle key with HKDF-SHA256 (salt "stealth"), one
 * label a use, so no derived key reveals K or another derived key.
 *
 * @module
 */

import { hkdfSync } from "node:crypto";
import { keyBytes, type SecretKey } from "./secret_key.ts";

/** The HKDF labels of DESIGN.md, in one place. */
export const LABELS = {
  auth: "stealth/v1/auth",
  ca: "stealth/v1/ca",
  fingerprint: "stealth/v1/fingerprint",
  host: "stealth/v1/host",
} as const;

/** One of the derivation labels. */
export type Label = typeof LABELS[keyof typeof LABELS];

const SALT = new TextEncoder().encode("stealth");

/** Derives `length` bytes (default 32) from the key for one label. */
export function deriveKey(key: SecretKey, label: Label, length = 32): Uint8Array<ArrayBuffer> {
  return new Uint8Array(hkdfSync("sha256", keyBytes(key), SALT, label, length));
}
