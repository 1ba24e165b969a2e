/**
 * Fernet tokens, byte for byte as the spec and Python's `cryptography.fernet`
 * make them, so any Fernet implementation holding the circle key reads
 * stealth's message bodies.
 *
 * Spec: https://github.com/fernet/spec/blob/master/Spec.md
 *
 * ```text
 * token = base64url(0x80 ‖ timestamp (u64 BE, seconds) ‖ IV (16) ‖ AES-128-CBC ciphertext ‖ HMAC-SHA256 (32))
 * ```
 *
 * @module
 */

import { Buffer } from "node:buffer";
import {
  createCipheriv,
  createDecipheriv,
  createHmac,
  randomBytes,
  timingSafeEqual,
} from "node:crypto";
import type { SecretKey } from "./secret_key.ts";

const VERSION = 0x80;
const TIMESTAMP_LENGTH = 8;
const IV_LENGTH = 16;
const BLOCK_LENGTH = 16;
const HMAC_LENGTH = 32;
const HEADER_LENGTH = 1 + TIMESTAMP_LENGTH + IV_LENGTH;
/** Header, one cipher block (an empty message still pads to one), HMAC. */
const MIN_TOKEN_BYTES = HEADER_LENGTH + BLOCK_LENGTH + HMAC_LENGTH;
/** Seconds a token's timestamp may lie ahead of our clock (the spec's vectors, Python's `_MAX_CLOCK_SKEW`). */
const MAX_CLOCK_SKEW_SECONDS = 60n;
const MAX_TIMESTAMP = 2n ** 64n - 1n;

/** Why a token was refused; see {@linkcode FernetError}. */
export type FernetErrorReason = "malformed" | "version" | "mac" | "expired" | "future" | "padding";

const MESSAGES: Record<FernetErrorReason, string> = {
  malformed: "the token is not base64url or has an impossible length",
  version: "the token does not start with version 0x80",
  mac: "the token's HMAC does not match (wrong key or altered token)",
  expired: "the token is older than its time to live",
  future: "the token's timestamp is more than 60 s ahead of this clock",
  padding: "the decrypted message is not correctly padded",
};

/**
 * Thrown by {@linkcode fernetDecrypt} for any token it refuses. The `reason`
 * says which check failed; the message never contains the token or plaintext.
 */
export class FernetError extends Error {
  /** Which check refused the token. */
  readonly reason: FernetErrorReason;

  /** Makes the error for one refusal reason. */
  constructor(reason: FernetErrorReason, options?: ErrorOptions) {
    super(`Cannot decrypt token: ${MESSAGES[reason]}`, options);
    this.name = "FernetError";
    this.reason = reason;
  }
}

/** Options of {@linkcode fernetEncrypt}. */
export interface FernetEncryptOptions {
  /** The token's time in epoch milliseconds (stored in whole seconds); default `Date.now()`. */
  now?: number;
  /** A fixed 16-byte IV, only for test vectors; default 16 random bytes. */
  iv?: Uint8Array;
}

/** Options of {@linkcode fernetDecrypt}. */
export interface FernetDecryptOptions {
  /**
   * Refuse tokens older than this many seconds, and tokens more than 60 s in the
   * future. Without it, as in Python, the timestamp is not checked at all, so a
   * member whose clock is off can still be read.
   */
  ttlSeconds?: number;
  /** Our time in epoch milliseconds; default `Date.now()`. */
  now?: number;
}

/**
 * Encrypts `data` (a string is encoded as UTF-8) into a Fernet token with padding,
 * as Python's `Fernet.encrypt` writes it.
 *
 * @throws {RangeError} when `now` is not a time a token can hold or `iv` is not 16 bytes.
 */
export function fernetEncrypt(
  key: SecretKey,
  data: Uint8Array | string,
  options: FernetEncryptOptions = {},
): string {
  const seconds = secondsOf(options.now ?? Date.now(), "encrypt");
  const iv = options.iv ?? randomBytes(IV_LENGTH);
  if (iv.length !== IV_LENGTH) {
    throw new RangeError(`Cannot encrypt token: the IV has ${iv.length} bytes, not ${IV_LENGTH}`);
  }
  const plaintext = typeof data === "string" ? new TextEncoder().encode(data) : data;

  const cipher = createCipheriv("aes-128-cbc", key.encryptionKey, iv);
  const ciphertext = Buffer.concat([cipher.update(plaintext), cipher.final()]);

  const header = new Uint8Array(HEADER_LENGTH);
  header[0] = VERSION;
  new DataView(header.buffer).setBigUint64(1, seconds);
  header.set(iv, 1 + TIMESTAMP_LENGTH);

  const mac = createHmac("sha256", key.signingKey).update(header).update(ciphertext).digest();
  const text = Buffer.concat([header, ciphertext, mac]).toString("base64url");
  return text + "=".repeat((4 - text.length % 4) % 4);
}

/**
 * Decrypts a Fernet token made with `key` and returns the plaintext bytes.
 *
 * The checks, in order: base64url (padded or not), version 0x80, length, the HMAC
 * in constant time, then the time checks when `ttlSeconds` is given, then AES-CBC
 * and the padding. The spec checks the TTL before the HMAC; here the HMAC comes
 * first so that a forged timestamp is reported as `"mac"`, never as a clock problem.
 * The answer (accept or refuse) is the same either way.
 *
 * @throws {FernetError} for every token it refuses, and nothing else for any string.
 * @throws {RangeError} when `ttlSeconds` or `now` is not a usable number (a programmer error).
 */
export function fernetDecrypt(
  key: SecretKey,
  token: string,
  options: FernetDecryptOptions = {},
): Uint8Array<ArrayBuffer> {
  const { ttlSeconds } = options;
  if (ttlSeconds !== undefined && !(Number.isFinite(ttlSeconds) && ttlSeconds >= 0)) {
    throw new RangeError(
      `Cannot decrypt token: ttlSeconds must be a number >= 0, got ${ttlSeconds}`,
    );
  }
  const now = secondsOf(options.now ?? Date.now(), "decrypt");
  const bytes = parseToken(token);

  const signed = bytes.subarray(0, bytes.length - HMAC_LENGTH);
  const given = bytes.subarray(bytes.length - HMAC_LENGTH);
  const expected = createHmac("sha256", key.signingKey).update(signed).digest();
  if (!timingSafeEqual(expected, given)) throw new FernetError("mac");

  if (ttlSeconds !== undefined) {
    const timestamp = timestampOf(bytes);
    // Whole seconds, as Python compares them; a fractional TTL rounds down.
    if (timestamp + BigInt(Math.floor(ttlSeconds)) < now) {
      throw new FernetError("expired");
    }
    if (now + MAX_CLOCK_SKEW_SECONDS < timestamp) throw new FernetError("future");
  }

  const iv = bytes.subarray(1 + TIMESTAMP_LENGTH, HEADER_LENGTH);
  const ciphertext = signed.subarray(HEADER_LENGTH);
  const decipher = createDecipheriv("aes-128-cbc", key.encryptionKey, iv).setAutoPadding(false);
  // Copied out of the Buffer so callers get a plain Uint8Array.
  const padded = new Uint8Array(Buffer.concat([decipher.update(ciphertext), decipher.final()]));
  return unpad(padded);
}

/**
 * The time a well-formed token says it was made, in epoch milliseconds, without
 * a key and so without proof: for warnings about clock skew, never for trust.
 * `undefined` when the string is not a well-formed Fernet token.
 */
export function fernetTimestamp(token: string): number | undefined {
  try {
    return Number(timestampOf(parseToken(token))) * 1000;
  } catch (error) {
    if (error instanceof FernetError) return undefined;
    throw error;
  }
}

/** Decodes a token and checks everything that needs no key: alphabet, version, length. */
function parseToken(token: string): Uint8Array {
  if (typeof token !== "string") throw new FernetError("malformed");
  // Buffer's decoder skips characters outside the alphabet; check them first.
  const match = /^([A-Za-z0-9_-]*)(={0,2})$/.exec(token);
  if (match === null) throw new FernetError("malformed");
  const body = match[1]!;
  const padding = match[2]!;
  const rest = body.length % 4;
  if (rest === 1 || (padding.length > 0 && (body.length + padding.length) % 4 !== 0)) {
    throw new FernetError("malformed");
  }
  const bytes = new Uint8Array(Buffer.from(body, "base64url"));
  if (bytes.length === 0) throw new FernetError("malformed");
  if (bytes[0] !== VERSION) throw new FernetError("version");
  if (
    bytes.length < MIN_TOKEN_BYTES ||
    (bytes.length - HEADER_LENGTH - HMAC_LENGTH) % BLOCK_LENGTH !== 0
  ) {
    throw new FernetError("malformed");
  }
  return bytes;
}

function timestampOf(bytes: Uint8Array): bigint {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getBigUint64(1);
}

/** Strips PKCS#7 padding; runs after the HMAC, so its timing reveals nothing an attacker chose. */
function unpad(padded: Uint8Array<ArrayBuffer>): Uint8Array<ArrayBuffer> {
  const count = padded[padded.length - 1] ?? 0;
  if (count < 1 || count > BLOCK_LENGTH) throw new FernetError("padding");
  for (let i = padded.length - count; i < padded.length; i++) {
    if (padded[i] !== count) throw new FernetError("padding");
  }
  return padded.slice(0, padded.length - count);
}

/** Epoch milliseconds → whole epoch seconds as a token stores them. */
function secondsOf(ms: number, action: "encrypt" | "decrypt"): bigint {
  const seconds = Number.isFinite(ms) && ms >= 0 ? BigInt(Math.floor(ms / 1000)) : -1n;
  if (seconds < 0n || seconds > MAX_TIMESTAMP) {
    throw new RangeError(`Cannot ${action} token: now must be epoch milliseconds >= 0, got ${ms}`);
  }
  return seconds;
}
