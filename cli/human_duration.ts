/**
 * Lengths of time as people read them, the same in every part: "40 s",
 * "5 min", "3 h 12 min", "2 d 4 h".
 *
 * @module
 */

/** "3 h 12 min", "5 min", "40 s", "2 d 4 h"; rounds down, never below "0 s". */
export function humanDuration(ms: number): string {
  const s = Math.max(0, Math.floor(ms / 1000));
  if (s < 60) return `${s} s`;
  const min = Math.floor(s / 60);
  if (min < 60) return `${min} min`;
  const h = Math.floor(min / 60);
  if (h < 48) return min % 60 === 0 ? `${h} h` : `${h} h ${min % 60} min`;
  const d = Math.floor(h / 24);
  return h % 24 === 0 ? `${d} d` : `${d} d ${h % 24} h`;
}

/**
 * A wait as people read it, rounded up so "1 s left" never shows as "0 s":
 * "1 s", "2 min", "1 h 30 min".
 */
export function humanWait(ms: number): string {
  const s = Math.max(1, Math.ceil(ms / 1000));
  if (s < 60) return `${s} s`;
  return humanDuration(Math.ceil(s / 60) * 60_000);
}
