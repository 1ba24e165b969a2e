/**
 * `stealth fingerprint`: prints the fingerprint of a key file, to read aloud.
 *
 * @module
 */

import { fingerprint } from "./fingerprint.ts";
import { readKeyFile } from "./key_file.ts";
import { KeyError } from "./secret_key.ts";

/** Options of {@linkcode runFingerprint}; main.ts resolves the default path. */
export interface FingerprintOptions {
  /** Absolute path of the key file. */
  keyPath: string;
}

/**
 * Prints the fingerprint of the key at `options.keyPath` to stdout. A key problem
 * is printed to stderr as one `stealth: <message>` line.
 *
 * @returns the exit code: 0, or 1 when the key could not be read.
 */
export async function runFingerprint(options: FingerprintOptions): Promise<number> {
  try {
    const key = await readKeyFile(options.keyPath);
    console.log(fingerprint(key));
    return 0;
  } catch (error) {
    if (!(error instanceof KeyError)) throw error;
    console.error(`stealth: ${error.message}`);
    return 1;
  }
}
