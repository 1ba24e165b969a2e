/**
 * Reading the circle key for a command: one `stealth: …` line on any
 * problem, never a stack trace.
 *
 * @module
 */

import { KeyError, readKeyFile, type SecretKey } from "../crypto/mod.ts";

/**
 * Reads the key at `path`; on a {@linkcode KeyError} prints its one line to
 * `stderr` and returns undefined. A key readable by others loads with a warning.
 */
export async function loadKey(
  path: string,
  stderr: (line: string) => void,
): Promise<SecretKey | undefined> {
  try {
    return await readKeyFile(path, { warn: (line) => stderr(`stealth: ${line}`) });
  } catch (error) {
    if (!(error instanceof KeyError)) throw error;
    stderr(`stealth: ${error.message}`);
    return undefined;
  }
}

/** Where a command writes: one call per line. */
export interface Output {
  /** Normal output (default `console.log`). */
  stdout?: (line: string) => void;
  /** Errors and warnings (default `console.error`). */
  stderr?: (line: string) => void;
}
