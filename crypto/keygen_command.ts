/**
 * `stealth keygen`: makes a circle key (or the host key) and says what to do with it.
 *
 * @module
 */

import { t } from "../i18n/mod.ts";
import { fingerprint } from "./fingerprint.ts";
import { writeKeyFile } from "./key_file.ts";
import { generateKey, KeyError, parseKey } from "./secret_key.ts";

/** Options of {@linkcode runKeygen}; main.ts resolves the default paths. */
export interface KeygenOptions {
  /** Absolute path of the key file to write. */
  out: string;
  /** Replace an existing file. */
  force: boolean;
  /** Make the host key (`host.key`) instead of a circle key. */
  hostKey: boolean;
}

/**
 * Writes a new key to `options.out` and prints where it went, and for a circle key
 * its fingerprint and how to hand it over. A key problem is printed to stderr as
 * one `stealth: <message>` line.
 *
 * @returns the exit code: 0, or 1 when the key could not be written.
 */
export async function runKeygen(options: KeygenOptions): Promise<number> {
  const keyText = generateKey();
  try {
    await writeKeyFile(options.out, keyText, { force: options.force });
  } catch (error) {
    if (!(error instanceof KeyError)) throw error;
    console.error(`stealth: ${error.message}`);
    return 1;
  }
  console.log(t("key.wrote", { path: options.out }));
  if (options.hostKey) {
    console.log(t("key.host_key_stays"));
  } else {
    console.log(t("key.fingerprint_line", { fingerprint: fingerprint(parseKey(keyText)) }));
    console.log(t("key.hand_over"));
  }
  return 0;
}
