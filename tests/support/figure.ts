/**
 * Figures the fault and security suites measure, printed in one greppable
 * form so `docs/SECURITY.md` can quote them and anyone can rerun them:
 *
 * ```text
 * FIGURE faults.cut messages=1000 lost=0 duplicated=0 cuts=9
 * ```
 *
 * `deno task test 2>&1 | grep '^FIGURE'` collects them all.
 *
 * @module
 */

/** Prints one `FIGURE name key=value …` line. */
export function figure(name: string, values: Record<string, number | string | boolean>): void {
  const fields = Object.entries(values).map(([key, value]) =>
    `${key}=${typeof value === "number" ? round(value) : String(value).replaceAll(" ", "_")}`
  );
  console.log(`FIGURE ${name} ${fields.join(" ")}`);
}

/** Percentiles of a set of samples (ms), rounded. */
export interface Spread {
  /** How many samples. */
  n: number;
  /** Median. */
  p50: number;
  /** 99th percentile. */
  p99: number;
  /** Largest. */
  max: number;
}

/** The spread of `samples`; zeros when there are none. */
export function spread(samples: readonly number[]): Spread {
  if (samples.length === 0) return { n: 0, p50: 0, p99: 0, max: 0 };
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;
  return {
    n: sorted.length,
    p50: round(at(0.5)),
    p99: round(at(0.99)),
    max: round(sorted.at(-1)!),
  };
}

function round(value: number): number {
  return Number.isInteger(value) ? value : Math.round(value * 10) / 10;
}
