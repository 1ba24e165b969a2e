/**
 * Reading `STEALTH_DEBUG`.
 *
 * @module
 */

/** Values of `STEALTH_DEBUG` that turn the trace on (compared trimmed, in lower case). */
const TRUE_VALUES: ReadonlySet<string> = new Set(["1", "true", "yes"]);

/**
 * Says whether the environment asks for the debug trace: `STEALTH_DEBUG` is
 * `1`, `true` or `yes` (any case). Anything else, an unset variable, or no
 * permission to read the environment means no.
 *
 * @example
 * ```ts
 * import { isDebugFromEnv } from "./is_debug_from_env.ts";
 *
 * isDebugFromEnv(new Map([["STEALTH_DEBUG", "yes"]])); // true
 * ```
 *
 * @param env Where to read the variable; the process environment by default.
 * @returns `true` when the trace should be on.
 */
export function isDebugFromEnv(
  env: { get(name: string): string | undefined } = Deno.env,
): boolean {
  let value: string | undefined;
  try {
    value = env.get("STEALTH_DEBUG");
  } catch (error) {
    // Without --allow-env the answer is simply "not asked for".
    if (error instanceof Deno.errors.NotCapable || error instanceof Deno.errors.PermissionDenied) {
      return false;
    }
    throw error;
  }
  return value !== undefined && TRUE_VALUES.has(value.trim().toLowerCase());
}
