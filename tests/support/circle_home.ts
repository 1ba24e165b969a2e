/**
 * A temporary home holding a fresh circle key, for tests that run the real
 * `main.ts` as processes and also need the key in the test itself.
 *
 * @module
 */

import { generateKey, readKeyFile, type SecretKey, writeKeyFile } from "../../crypto/mod.ts";
import { tempHome } from "./stealth_process.ts";

/** A home with `secret.key` in it. */
export interface CircleHome {
  /** The home folder. */
  dir: string;
  /** `STEALTH_HOME` for the processes. */
  env: Record<string, string>;
  /** The key file. */
  keyPath: string;
  /** The key text as written to the file. */
  keyText: string;
  /** The key. */
  key: SecretKey;
  /** Removes the folder. */
  remove(): Promise<void>;
}

/** Makes a temporary home and writes a new circle key into it (mode 0600). */
export async function circleHome(): Promise<CircleHome> {
  const home = await tempHome();
  const keyPath = `${home.dir}/secret.key`;
  const keyText = generateKey();
  await writeKeyFile(keyPath, keyText);
  const key = await readKeyFile(keyPath);
  return { ...home, keyPath, keyText, key };
}
