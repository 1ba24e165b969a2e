/**
 * What a receiver checks in a file offer before anything touches its disk:
 * a name that is a file name and not a path, a size within its limit, a
 * chunk size a frame can carry, a chunk count that matches the size, a
 * SHA-256 that is one. Pure: the answer is a code, the client words it.
 *
 * @module
 */

import type { FileOffer } from "./body.ts";
import { MAX_CHUNK_BYTES, MAX_FILE_NAME_LENGTH, MIN_CHUNK_BYTES } from "./constants.ts";

/** Why an offer is refused. */
export type OfferProblem =
  | "name" // empty, a path (`/`, `\`, `.`, `..`), control or bidi characters, too long
  | "size" // larger than the receiver takes
  | "chunk-size" // outside MIN_CHUNK_BYTES..MAX_CHUNK_BYTES
  | "chunks" // not ceil(size / chunkSize)
  | "hash"; // not 64 hex digits

/** C0 and C1 controls, DEL, and the bidirectional controls that can disguise a name. */
// deno-lint-ignore no-control-regex
const UNSAFE_NAME = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;

/**
 * Whether `name` is hostile rather than merely odd: empty, a path or a
 * path step, control or bidi characters, or too long. Odd names (spaces at
 * the ends, reserved Windows names, a leading dot) are made safe when the
 * file is kept; hostile ones are refused.
 */
export function isHostileFileName(name: string): boolean {
  const trimmed = name.trim();
  return trimmed === "" || trimmed === "." || trimmed === ".." ||
    name.length > MAX_FILE_NAME_LENGTH || name.includes("/") || name.includes("\\") ||
    UNSAFE_NAME.test(name);
}

/**
 * The first problem of `offer` for a receiver that takes files up to
 * `maxFileBytes`, or undefined when it may be accepted.
 */
export function checkFileOffer(
  offer: FileOffer,
  limits: { maxFileBytes: number },
): OfferProblem | undefined {
  if (isHostileFileName(offer.name)) return "name";
  if (offer.size < 0 || offer.size > limits.maxFileBytes) return "size";
  if (offer.chunkSize < MIN_CHUNK_BYTES || offer.chunkSize > MAX_CHUNK_BYTES) return "chunk-size";
  if (offer.chunks !== Math.ceil(offer.size / offer.chunkSize)) return "chunks";
  if (!/^[0-9a-f]{64}$/.test(offer.sha256)) return "hash";
  return undefined;
}

/** Plaintext bytes of chunk `i` of an offer: `chunkSize`, except the last. */
export function chunkLength(offer: Pick<FileOffer, "size" | "chunkSize">, i: number): number {
  return Math.max(0, Math.min(offer.chunkSize, offer.size - i * offer.chunkSize));
}
