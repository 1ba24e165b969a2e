/**
 * Exit codes, the same for every command.
 *
 * @module
 */

/** Exit codes of `stealth`. */
export const EXIT = {
  /** Done, or stopped on request. */
  ok: 0,
  /** Something went wrong; one line on stderr said what to do. */
  failed: 1,
  /** The command line was wrong. */
  usage: 2,
  /** The other side is not in the circle: a different key. */
  notInCircle: 3,
} as const;
