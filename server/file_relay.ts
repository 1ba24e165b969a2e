/**
 * What a server decides about one member's file chunks, without reading
 * them: a byte rate (a token bucket of bytes), how many files the member
 * sends at once, and how many bytes one file may grow to (a sender lying
 * about a size cannot push more through than the largest file allowed).
 * Pure: the time comes from an injected clock, nothing sleeps.
 *
 * @module
 */

import { DEFAULT_MAX_FILE_BYTES } from "../protocol/mod.ts";

/** Default chunk bytes a member may send per second: generous, for a LAN (16 MiB/s). */
export const DEFAULT_FILE_RATE_BYTES = 16 * 1024 * 1024;

/** Default files a member may send at once. */
export const DEFAULT_MAX_TRANSFERS = 3;

/** A file with no chunk for this long no longer counts as being sent. */
export const FILE_IDLE_MS = 30_000;

/** Least a frame costs of the byte rate: acks are small but not free. */
export const MIN_FILE_FRAME_CHARGE = 1024;

/** Fernet adds at most this much (version, time, IV, padding, HMAC) to one chunk, before base64. */
const TOKEN_OVERHEAD_BYTES = 1 + 8 + 16 + 16 + 32;

/** Settings of a {@linkcode FileRelay}. */
export interface FileRelayOptions {
  /** Chunk bytes per second (default {@linkcode DEFAULT_FILE_RATE_BYTES}); also the burst. */
  bytesPerSecond?: number;
  /** Files sent at once (default {@linkcode DEFAULT_MAX_TRANSFERS}). */
  maxTransfers?: number;
  /** Largest file, in plaintext bytes (default 100 MiB). */
  maxFileBytes?: number;
}

/** What {@linkcode FileRelay.chunk} decided. */
export type ChunkDecision =
  | { readonly ok: true }
  | { readonly ok: false; readonly code: "file-rate"; readonly retryAfterMs: number }
  | { readonly ok: false; readonly code: "file-busy" | "file-size" };

interface Stream {
  /** Highest chunk index relayed. */
  high: number;
  /** Token bytes of chunks relayed up to `high` (resent chunks are not counted again). */
  bytes: number;
}

interface Transfer {
  lastAt: number;
  /** By receiver nick. */
  streams: Map<string, Stream>;
}

/**
 * One member's file chunks, as the server relays them.
 *
 * @example Usage
 * ```ts
 * import { FileRelay } from "./file_relay.ts";
 *
 * const relay = new FileRelay({ bytesPerSecond: 1024 * 1024 }, Date.now);
 * relay.chunk("AAAAAAAAAAAAAAAAAAAAAA", 0, "bob", 90_000, false); // { ok: true }
 * ```
 */
export class FileRelay {
  readonly #perMs: number;
  readonly #burst: number;
  readonly #maxTransfers: number;
  readonly #maxFileBytes: number;
  readonly #clock: () => number;
  #tokens: number;
  #last: number;
  readonly #transfers = new Map<string, Transfer>();

  /**
   * Makes a full bucket.
   *
   * @throws {RangeError} for a rate that is not positive, or limits below 1.
   */
  constructor(options: FileRelayOptions, clock: () => number) {
    const rate = options.bytesPerSecond ?? DEFAULT_FILE_RATE_BYTES;
    if (!(rate > 0) || !Number.isFinite(rate)) {
      throw new RangeError(`Cannot make file relay: bytesPerSecond must be positive, got ${rate}`);
    }
    this.#maxTransfers = options.maxTransfers ?? DEFAULT_MAX_TRANSFERS;
    this.#maxFileBytes = options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
    if (!(this.#maxTransfers >= 1) || !(this.#maxFileBytes >= 1)) {
      throw new RangeError("Cannot make file relay: maxTransfers and maxFileBytes must be ≥ 1");
    }
    this.#perMs = rate / 1000;
    this.#burst = rate;
    this.#clock = clock;
    this.#tokens = rate;
    this.#last = clock();
  }

  /** Files counted as being sent now. */
  get transfers(): number {
    this.#expire();
    return this.#transfers.size;
  }

  /**
   * Decides on chunk `i` of `file` for `to`, `bytes` long (the frame). A
   * new file past the member's limit is `file-busy`; a file grown past the
   * largest allowed is `file-size`; over the byte rate is `file-rate` with
   * the wait. `last` ends the file's count for that receiver.
   */
  chunk(file: string, i: number, to: string, bytes: number, last: boolean): ChunkDecision {
    const now = this.#clock();
    this.#expire();
    let transfer = this.#transfers.get(file);
    if (transfer === undefined) {
      if (this.#transfers.size >= this.#maxTransfers) return { ok: false, code: "file-busy" };
      transfer = { lastAt: now, streams: new Map() };
      this.#transfers.set(file, transfer);
    }
    let stream = transfer.streams.get(to);
    if (stream === undefined) {
      stream = { high: -1, bytes: 0 };
      transfer.streams.set(to, stream);
    }
    if (i > stream.high && stream.bytes + bytes > this.#limit(i)) {
      return { ok: false, code: "file-size" };
    }
    const wait = this.#take(Math.max(bytes, MIN_FILE_FRAME_CHARGE));
    if (wait > 0) return { ok: false, code: "file-rate", retryAfterMs: wait };
    transfer.lastAt = now;
    if (i > stream.high) {
      stream.high = i;
      stream.bytes += bytes;
    }
    if (last) {
      transfer.streams.delete(to);
      if (transfer.streams.size === 0) this.#transfers.delete(file);
    }
    return { ok: true };
  }

  /** Forgets `file` for `to` (nobody by that name): it no longer counts as being sent. */
  forget(file: string, to: string): void {
    const transfer = this.#transfers.get(file);
    if (transfer === undefined) return;
    transfer.streams.delete(to);
    if (transfer.streams.size === 0) this.#transfers.delete(file);
  }

  /** Charges an ack; false when over the rate (the ack is dropped). */
  ack(bytes: number): boolean {
    return this.#take(Math.max(bytes, MIN_FILE_FRAME_CHARGE)) === 0;
  }

  /** Token bytes chunks up to index `i` may add up to: the largest file, sealed and encoded. */
  #limit(i: number): number {
    return Math.ceil(((this.#maxFileBytes + TOKEN_OVERHEAD_BYTES * (i + 1)) * 4) / 3) + 1024;
  }

  /** Takes `bytes` when the bucket is not empty (it may go into debt); else the wait in ms. */
  #take(bytes: number): number {
    const now = this.#clock();
    if (now > this.#last) {
      this.#tokens = Math.min(this.#burst, this.#tokens + (now - this.#last) * this.#perMs);
      this.#last = now;
    }
    if (this.#tokens <= 0) return Math.max(1, Math.ceil((1 - this.#tokens) / this.#perMs));
    this.#tokens -= bytes;
    return 0;
  }

  #expire(): void {
    const now = this.#clock();
    for (const [file, transfer] of this.#transfers) {
      if (now - transfer.lastAt >= FILE_IDLE_MS) this.#transfers.delete(file);
    }
  }
}
