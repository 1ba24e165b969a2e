/**
 * A fixed-size log-linear histogram of latencies in microseconds: exact below
 * 64 µs, then 32 buckets per power of two (at most ~3 % off), up to about
 * 35 minutes. Fixed memory whatever is recorded, and two histograms merge
 * by adding their counts, so each load worker keeps its own and the
 * coordinator sums them.
 *
 * @module
 */

const EXACT = 64;
const SUB_BITS = 5;
const SUB = 1 << SUB_BITS;
/** Highest power of two a value is bucketed under (2^31 µs ≈ 35 min). */
const TOP_EXPONENT = 30;
/** Number of buckets. */
export const HISTOGRAM_BUCKETS = EXACT + (TOP_EXPONENT - SUB_BITS) * SUB;

/** Latencies in µs, counted in {@linkcode HISTOGRAM_BUCKETS} buckets. */
export class LatencyHistogram {
  readonly #counts: Float64Array;
  #total = 0;
  #max = 0;

  /** An empty histogram, or one holding `counts` (as from {@linkcode LatencyHistogram.toJSON}). */
  constructor(counts?: readonly number[], max = 0) {
    this.#counts = new Float64Array(HISTOGRAM_BUCKETS);
    if (counts !== undefined) {
      if (counts.length !== HISTOGRAM_BUCKETS) {
        throw new RangeError(
          `Cannot load histogram: expected ${HISTOGRAM_BUCKETS} buckets, got ${counts.length}`,
        );
      }
      for (let i = 0; i < HISTOGRAM_BUCKETS; i++) {
        this.#counts[i] = counts[i]!;
        this.#total += counts[i]!;
      }
      this.#max = max;
    }
  }

  /** Values recorded. */
  get count(): number {
    return this.#total;
  }

  /** The largest value recorded, exactly (µs). */
  get max(): number {
    return this.#max;
  }

  /** Records one latency in µs; negative values (clock noise) count as 0. */
  record(micros: number): void {
    const value = micros > 0 ? Math.min(Math.floor(micros), 2 ** 31 - 1) : 0;
    this.#counts[bucketOf(value)]!++;
    this.#total++;
    if (value > this.#max) this.#max = value;
  }

  /** Adds another histogram's counts to this one. */
  merge(other: LatencyHistogram): void {
    const counts = other.#counts;
    for (let i = 0; i < HISTOGRAM_BUCKETS; i++) this.#counts[i]! += counts[i]!;
    this.#total += other.#total;
    if (other.#max > this.#max) this.#max = other.#max;
  }

  /**
   * The value under which a fraction `q` (0..1) of the recorded values lie,
   * as the middle of its bucket (never above the max); 0 when empty.
   */
  quantile(q: number): number {
    if (this.#total === 0) return 0;
    const rank = Math.max(1, Math.ceil(q * this.#total));
    let seen = 0;
    for (let i = 0; i < HISTOGRAM_BUCKETS; i++) {
      seen += this.#counts[i]!;
      if (seen >= rank) return Math.min(this.#max, middleOf(i));
    }
    return this.#max;
  }

  /** Counts by bucket and the max, for sending between processes. */
  toJSON(): { counts: number[]; max: number } {
    return { counts: Array.from(this.#counts), max: this.#max };
  }
}

/** The bucket of a non-negative integer below 2^31. */
export function bucketOf(value: number): number {
  if (value < EXACT) return value;
  const exponent = 31 - Math.clz32(value);
  const sub = (value >>> (exponent - SUB_BITS)) & (SUB - 1);
  return EXACT + (exponent - (SUB_BITS + 1)) * SUB + sub;
}

function middleOf(bucket: number): number {
  if (bucket < EXACT) return bucket;
  const exponent = Math.floor((bucket - EXACT) / SUB) + SUB_BITS + 1;
  const sub = (bucket - EXACT) % SUB;
  const low = (SUB + sub) * 2 ** (exponent - SUB_BITS);
  const width = 2 ** (exponent - SUB_BITS);
  return low + width / 2;
}
