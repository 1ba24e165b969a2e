/**
 * The key check: the file is there, holds a key, and only its owner can
 * read it.
 *
 * @module
 */

import { fingerprint, KeyError, readKeyFile, type SecretKey } from "../crypto/mod.ts";
import { fail, type Finding, ok } from "./finding.ts";

/** The findings about one key file, and the key when it could be read. */
export interface KeyCheck {
  /** Findings, in order. */
  findings: Finding[];
  /** The key, when the file holds one. */
  key?: SecretKey;
}

/**
 * Reads the key at `path` (never printing it): a missing, unreadable or
 * malformed file is one failure with the key module's own advice; a file
 * others can read is a second failure with the `chmod` that fixes it.
 */
export async function checkKey(
  path: string,
  check: "key" | "host-key",
): Promise<KeyCheck> {
  const subject = `${check === "key" ? "key" : "host key"} ${path}`;
  const warnings: string[] = [];
  let key: SecretKey;
  try {
    key = await readKeyFile(path, { warn: (line) => warnings.push(line) });
  } catch (error) {
    if (!(error instanceof KeyError)) throw error;
    return { findings: [fail(check, subject, error.message)] };
  }
  const what = check === "key" ? "a circle key" : "a host key";
  const findings = [ok(check, subject, `${what}, fingerprint ${fingerprint(key)}`)];
  if (warnings.length > 0) {
    findings.push(
      fail(check, subject, "other users of this computer can read it", `run: chmod 600 ${path}`),
    );
  } else if (Deno.build.os !== "windows") {
    findings.push(ok(check, subject, "only you can read it (mode 0600)"));
  }
  return { findings, key };
}
