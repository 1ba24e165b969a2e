/**
 * What `stealth doctor` found: one line per check, with a mark a person
 * reads at a glance and, when something is wrong, what to do.
 *
 * @module
 */

/** How a check came out: passed, failed, or not checked (with why, in the text). */
export type FindingStatus = "ok" | "fail" | "skip";

/** What was checked. */
export type CheckName =
  | "key"
  | "host-key"
  | "ca"
  | "clock"
  | "dns"
  | "tcp"
  | "tls"
  | "proof"
  | "list"
  | "port"
  | "lan";

/** One finding of `stealth doctor`. */
export interface Finding {
  /** What was checked. */
  check: CheckName;
  /** What it was checked on: `key FILE`, `registry HOST:PORT`, `server HOST:PORT`, `port 5555`, `clock`. */
  subject: string;
  /** How it came out. */
  status: FindingStatus;
  /** What was found, one line. */
  text: string;
  /** What to do about it, one line (failures only). */
  fix?: string;
}

const MARKS: Record<FindingStatus, string> = { ok: "✓", fail: "✗", skip: "–" };

/**
 * The finding as one line: `✓ key secret.key: a circle key …` or `✗ …: what
 * — fix`. Control characters (a registered server's name is anyone's text)
 * become `�`, so nothing printed can move the cursor or recolour a terminal.
 */
export function renderFinding(finding: Finding): string {
  const fix = finding.fix === undefined ? "" : ` — ${finding.fix}`;
  const line = `${MARKS[finding.status]} ${finding.subject}: ${finding.text}${fix}`;
  return line.replace(UNPRINTABLE, "\ufffd");
}

/** C0 and C1 controls (ESC starts terminal sequences), DEL, and bidirectional overrides. */
// deno-lint-ignore no-control-regex
const UNPRINTABLE = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** A passed check. */
export function ok(check: CheckName, subject: string, text: string): Finding {
  return { check, subject, status: "ok", text };
}

/** A failed check and what to do. */
export function fail(check: CheckName, subject: string, text: string, fix?: string): Finding {
  return fix === undefined
    ? { check, subject, status: "fail", text }
    : { check, subject, status: "fail", text, fix };
}

/** A check that was not made, and why (in `text`). */
export function skip(check: CheckName, subject: string, text: string): Finding {
  return { check, subject, status: "skip", text };
}
