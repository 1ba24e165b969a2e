/**
 * The key check: the file is there, holds a key, and only its owner can
 * read it.
 *
 * @module
 */

import { fingerprint, KeyError, readKeyFile, type SecretKey } from "../crypto/mod.ts";
import { t } from "../i18n/mod.ts";
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
  const subject = check === "key"
    ? t("doctor.subject_key", { path })
    : t("doctor.subject_host_key", { path });
  const warnings: string[] = [];
  let key: SecretKey;
  try {
    key = await readKeyFile(path, { warn: (line) => warnings.push(line) });
  } catch (error) {
    if (!(error instanceof KeyError)) throw error;
    return { findings: [fail(check, subject, error.message)] };
  }
  const params = { fingerprint: fingerprint(key) };
  const findings = [
    ok(
      check,
      subject,
      check === "key" ? t("doctor.circle_key", params) : t("doctor.host_key", params),
    ),
  ];
  if (warnings.length > 0) {
    findings.push(
      fail(check, subject, t("doctor.key_readable"), t("doctor.fix_chmod", { path })),
    );
  } else if (Deno.build.os !== "windows") {
    findings.push(ok(check, subject, t("doctor.key_private")));
  }
  return { findings, key };
}
