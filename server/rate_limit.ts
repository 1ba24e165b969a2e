/**
 * A token bucket with a flood meter: pure, the time comes from an injected
 * clock, nothing sleeps.
 *
 * @module
 */

/** Default requests allowed at once: a 20-line paste must pass. */
export const DEFAULT_RATE_BURST = 30;
/** Default sustained requests per second. */
export const DEFAULT_RATE_PER_SECOND = 5;
/** Default flood threshold, in multiples of the burst. */
export const DEFAULT_FLOOD_FACTOR = 3;

/** Tolerance for float dust in token counts. */
const EPSILON = 1e-9;

/** Settings of a {@linkcode RateLimit}. */
export interface RateLimitOptions {
  /** Requests allowed at once; default {@linkcode DEFAULT_RATE_BURST}. */
  burst?: number;
  /** Sustained requests per second; default {@linkcode DEFAULT_RATE_PER_SECOND}. */
  perSecond?: number;
  /**
   * Attempts (allowed or refused) piling up faster than they drain, in
   * multiples of `burst`, that count as a flood; default
   * {@linkcode DEFAULT_FLOOD_FACTOR}.
   */
  floodFactor?: number;
}

/** What {@linkcode RateLimit.take} decided. */
export type RateDecision =
  | { readonly ok: true }
  | {
    readonly ok: false;
    /** Wait at least this long before the next attempt can pass. */
    readonly retryAfterMs: number;
    /** The attempts keep coming far over the limit: the sender should be cut off. */
    readonly flood: boolean;
  };

/**
 * Two meters draining at `perSecond`. The token bucket holds up to `burst`
 * tokens and each allowed request takes one. The flood meter counts every
 * attempt, refused ones too; when it reaches `floodFactor × burst` the
 * sender is flooding (with the defaults: 90 attempts at once, or any rate
 * above 5/s kept up long enough to pile up 90).
 *
 * @example Usage
 * ```ts
 * import { RateLimit } from "./rate_limit.ts";
 *
 * let now = 0;
 * const limit = new RateLimit({ burst: 2, perSecond: 1 }, () => now);
 * limit.take(); // { ok: true }
 * limit.take(); // { ok: true }
 * limit.take(); // { ok: false, retryAfterMs: 1000, flood: false }
 * now += 1000;
 * limit.take(); // { ok: true }
 * ```
 */
export class RateLimit {
  readonly #burst: number;
  readonly #perMs: number;
  readonly #floodAt: number;
  readonly #clock: () => number;
  #tokens: number;
  #flood = 0;
  #last: number;

  /**
   * Makes a full bucket.
   *
   * @throws {RangeError} when `burst` is not an integer ≥ 1, or `perSecond`
   *   or `floodFactor` is not positive.
   */
  constructor(options: RateLimitOptions, clock: () => number) {
    const burst = options.burst ?? DEFAULT_RATE_BURST;
    const perSecond = options.perSecond ?? DEFAULT_RATE_PER_SECOND;
    const floodFactor = options.floodFactor ?? DEFAULT_FLOOD_FACTOR;
    if (!Number.isInteger(burst) || burst < 1) {
      throw new RangeError(`Cannot make rate limit: burst must be an integer ≥ 1, got ${burst}`);
    }
    if (!(perSecond > 0) || !Number.isFinite(perSecond)) {
      throw new RangeError(`Cannot make rate limit: perSecond must be positive, got ${perSecond}`);
    }
    if (!(floodFactor >= 1) || !Number.isFinite(floodFactor)) {
      throw new RangeError(`Cannot make rate limit: floodFactor must be ≥ 1, got ${floodFactor}`);
    }
    this.#burst = burst;
    this.#perMs = perSecond / 1000;
    this.#floodAt = floodFactor * burst;
    this.#clock = clock;
    this.#tokens = burst;
    this.#last = clock();
  }

  /** Tokens available now (fractional while refilling). */
  get tokens(): number {
    this.#drain();
    return this.#tokens;
  }

  /** Counts one attempt; takes a token if there is one. */
  take(): RateDecision {
    this.#drain();
    this.#flood += 1;
    if (this.#flood >= this.#floodAt) {
      return { ok: false, retryAfterMs: this.#wait(), flood: true };
    }
    if (this.#tokens >= 1 - EPSILON) {
      this.#tokens = Math.max(0, this.#tokens - 1);
      return { ok: true };
    }
    return { ok: false, retryAfterMs: this.#wait(), flood: false };
  }

  #wait(): number {
    // EPSILON keeps float dust (0.998 tokens after 499 ms at 2/s) from adding a millisecond.
    return Math.max(1, Math.ceil((1 - EPSILON / 2 - this.#tokens) / this.#perMs));
  }

  #drain(): void {
    const now = this.#clock();
    // A clock that steps back refills nothing until it passes the last reading again.
    if (now <= this.#last) return;
    const elapsed = now - this.#last;
    this.#last = now;
    const refill = elapsed * this.#perMs;
    this.#tokens = Math.min(this.#burst, this.#tokens + refill);
    this.#flood = Math.max(0, this.#flood - refill);
  }
}
