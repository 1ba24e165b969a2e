/**
 * The circle's one secret, `secret.key`: 32 bytes K, written as Python's
 * `Fernet.generate_key()` writes it (44 characters of URL-safe base64).
 *
 * @module
 */

import { Buffer } from "node:buffer";
import { randomBytes } from "node:crypto";
import { t } from "../i18n/mod.ts";

/** Length of the key text: 32 bytes as padded URL-safe base64. */
export const KEY_TEXT_LENGTH = 44;

/** Thrown when key text or a key file cannot be used; `message` is one line for a person. */
export class KeyError extends Error {
  /** Makes a key error with a message a person can act on. */
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = "KeyError";
  }
}

/** Reads the bytes of a key; set once by the class below, so only this module holds it. */
let bytesOf: (key: SecretKey) => Uint8Array;

/**
 * The 32 bytes of a circle key. The bytes live in a `#private` field and are
 * reachable only through {@linkcode keyBytes}; every way of printing the object
 * prints `[secret key]`, and `structuredClone` drops the bytes, so a key that slips
 * into a log line or a JSON dump stays hidden.
 */
export class SecretKey {
  readonly #bytes: Uint8Array;

  static {
    bytesOf = (key) => key.#bytes;
  }

  /** Wraps 32 key bytes (copied, so the caller may wipe its own array). */
  constructor(bytes: Uint8Array) {
    if (!(bytes instanceof Uint8Array)) {
      throw new TypeError("Cannot make a key: expected a Uint8Array");
    }
    if (bytes.length !== 32) {
      throw new RangeError(`Cannot make a key: expected 32 bytes, got ${bytes.length}`);
    }
    this.#bytes = new Uint8Array(bytes);
  }

  /** A copy of the first 16 bytes: Fernet's HMAC-SHA256 signing key. */
  get signingKey(): Uint8Array<ArrayBuffer> {
    return this.#bytes.slice(0, 16);
  }

  /** A copy of the last 16 bytes: Fernet's AES-128-CBC encryption key. */
  get encryptionKey(): Uint8Array<ArrayBuffer> {
    return this.#bytes.slice(16, 32);
  }

  /** Never the key. */
  toString(): string {
    return "[secret key]";
  }

  /** Never the key. */
  toJSON(): string {
    return "[secret key]";
  }

  /** Never the key, in Deno's and Node's inspectors. */
  [Symbol.for("Deno.customInspect")](): string {
    return "[secret key]";
  }

  /** Never the key, in Node's inspector. */
  [Symbol.for("nodejs.util.inspect.custom")](): string {
    return "[secret key]";
  }
}

/**
 * A copy of the raw 32 bytes of a key, for the crypto code that needs them.
 *
 * @throws {TypeError} when `key` is not a {@linkcode SecretKey}.
 */
export function keyBytes(key: SecretKey): Uint8Array<ArrayBuffer> {
  return new Uint8Array(bytesOf(key));
}

/** A new key as text, exactly as Python's `Fernet.generate_key()` makes it. */
export function generateKey(): string {
  return Buffer.from(randomBytes(32)).toString("base64url") + "=";
}

/**
 * Parses key text (surrounding white space allowed) into a {@linkcode SecretKey}.
 *
 * @throws {KeyError} when the text is empty, the wrong length or not URL-safe base64.
 */
export function parseKey(text: string): SecretKey {
  const trimmed = text.trim();
  if (trimmed.length === 0) {
    throw new KeyError(t("key.empty"));
  }
  if (trimmed.length !== KEY_TEXT_LENGTH) {
    throw new KeyError(
      t("key.wrong_length", { count: trimmed.length, length: KEY_TEXT_LENGTH }),
    );
  }
  if (!/^[A-Za-z0-9_-]{43}=$/.test(trimmed)) throw new KeyError(t("key.not_base64"));
  const bytes = Buffer.from(trimmed, "base64url");
  if (bytes.length !== 32 || Buffer.from(bytes).toString("base64url") + "=" !== trimmed) {
    throw new KeyError(t("key.not_base64"));
  }
  return new SecretKey(bytes);
}
