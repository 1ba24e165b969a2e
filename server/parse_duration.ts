/**
 * Durations the host types: `30s`, `10m`, `2h`, `7d`, `1w`.
 *
 * @module
 */

/** The longest ban or mute with a duration (a longer one is "until lifted"). */
export const MAX_DURATION_MS = 366 * 24 * 3_600_000;

const UNITS: Record<string, number> = {
  s: 1_000,
  m: 60_000,
  min: 60_000,
  h: 3_600_000,
  d: 24 * 3_600_000,
  w: 7 * 24 * 3_600_000,
};

/**
 * Milliseconds of `10m`, `2h`, `7d` (units s, m or min, h, d, w; a whole
 * number above zero, at most {@linkcode MAX_DURATION_MS}); undefined when the
 * text is not a duration.
 */
export function parseDuration(text: string): number | undefined {
  const match = /^(\d{1,6})(s|m|min|h|d|w)$/i.exec(text.trim());
  if (match === null) return undefined;
  const ms = Number(match[1]) * UNITS[match[2]!.toLowerCase()]!;
  if (!(ms > 0) || ms > MAX_DURATION_MS) return undefined;
  return ms;
}
