/**
 * A per-address limiter of failed handshake proofs: a token bucket for each
 * address that failed recently.
 *
 * Limits (defaults): **5** failed proofs allowed per address at once, then
 * **one more every 12 s**; an address that stays quiet for 60 s (5 × 12 s)
 * is forgotten. At most **10,000** addresses are remembered; past that the
 * one that failed longest ago is forgotten first, so the map's memory is
 * bounded whatever a flood does. A successful proof does not reset an
 * address (it may be shared by a member and whoever is guessing).
 *
 * Callers pass the address key they count by; the handshake counts IPv4
 * addresses one by one and IPv6 by /64.
 *
 * Pure: no timers, no I/O; the clock is injected.
 *
 * @module
 */

/** Options for {@linkcode AuthThrottle}. */
export interface AuthThrottleOptions {
  /** Failures allowed at once (default 5). */
  burst?: number;
  /** Time in which one more failure is allowed, in ms (default 12,000). */
  refillMs?: number;
  /** Most addresses remembered (default 10,000). */
  maxAddresses?: number;
  /** The clock, in ms (default `Date.now`). */
  now?: () => number;
}

/** Default failures allowed at once. */
export const AUTH_FAILURE_BURST = 5;
/** Default time in which one more failure is allowed. */
export const AUTH_FAILURE_REFILL_MS = 12_000;
/** Default bound of the remembered addresses. */
export const AUTH_THROTTLE_MAX_ADDRESSES = 10_000;

interface Bucket {
  /** Failures still allowed (fractional while refilling). */
  tokens: number;
  /** When `tokens` was computed. */
  at: number;
  /** Failures since the address was last forgotten. */
  failures: number;
}

/** Per-address failed-proof limiter; see the module doc for the limits. */
export class AuthThrottle {
  #burst: number;
  #refillMs: number;
  #max: number;
  #now: () => number;
  /** Oldest failure first: a Map keeps insertion order, and a failure re-inserts. */
  #buckets = new Map<string, Bucket>();

  /** A limiter with the given (or default) limits. */
  constructor(options: AuthThrottleOptions = {}) {
    this.#burst = options.burst ?? AUTH_FAILURE_BURST;
    this.#refillMs = options.refillMs ?? AUTH_FAILURE_REFILL_MS;
    this.#max = options.maxAddresses ?? AUTH_THROTTLE_MAX_ADDRESSES;
    this.#now = options.now ?? Date.now;
    if (!(this.#burst >= 1) || !(this.#refillMs > 0) || !(this.#max >= 1)) {
      throw new RangeError(
        "Cannot make an auth throttle: burst, refillMs and maxAddresses must be positive",
      );
    }
  }

  /** Addresses remembered now. */
  get size(): number {
    return this.#buckets.size;
  }

  /** 0 when `address` may try a proof now, else the milliseconds until it may. */
  retryAfter(address: string): number {
    const bucket = this.#current(address);
    if (bucket === undefined || bucket.tokens >= 1) return 0;
    return Math.ceil((1 - bucket.tokens) * this.#refillMs);
  }

  /** Counts a failed proof from `address`; returns its failures so far (for the log). */
  fail(address: string): number {
    const now = this.#now();
    const bucket = this.#current(address) ?? { tokens: this.#burst, at: now, failures: 0 };
    bucket.tokens = Math.max(0, bucket.tokens - 1);
    bucket.failures += 1;
    this.#buckets.delete(address);
    this.#buckets.set(address, bucket);
    while (this.#buckets.size > this.#max) {
      this.#buckets.delete(this.#buckets.keys().next().value!);
    }
    return bucket.failures;
  }

  /** The bucket of `address` refilled to now, or undefined (and forgotten) when full. */
  #current(address: string): Bucket | undefined {
    const bucket = this.#buckets.get(address);
    if (bucket === undefined) return undefined;
    const now = this.#now();
    const elapsed = Math.max(0, now - bucket.at);
    bucket.tokens = Math.min(this.#burst, bucket.tokens + elapsed / this.#refillMs);
    bucket.at = now;
    if (bucket.tokens >= this.#burst) {
      this.#buckets.delete(address);
      return undefined;
    }
    return bucket;
  }
}
