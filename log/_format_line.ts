/**
 * The one text layout of stealth's log lines, for stderr and for the log
 * file. Private to `log/`.
 *
 * @module
 */

import {
  getTextFormatter,
  type LogRecord,
  sanitizeControlSequences,
  type TextFormatter,
} from "@logtape/logtape";
import { redactByPattern } from "@logtape/redaction";
import { SECRET_TEXT_PATTERNS } from "./_redaction.ts";

/** Peers choose nicks and server names: no line breaks or escapes reach a terminal. */
const SANITIZE = { sgr: "escape", newlines: "escape" } as const;

/**
 * Returns the formatter for one record per line:
 * `2025-01-02 03:04:05.678 +01:00 [DBG] stealth.net: message {extra: 1}`.
 *
 * Properties the message template does not name are appended, so that
 * `debug("dialing", { host, port })` still says where. The finished line
 * goes through the secret text patterns once more, which catches what only
 * rendering reveals (an `Error`'s message, a class instance's fields).
 * Control characters are escaped and the lines of a multi-line value (a
 * stack trace) are indented, so peer-supplied text cannot pose as a record.
 *
 * @returns A text formatter whose output ends in a newline.
 */
export function getLineFormatter(): TextFormatter {
  const base = getTextFormatter({
    timestamp: "date-time-timezone",
    timeZone: null,
    level: "ABBR",
    category: ".",
    sanitize: SANITIZE,
    format: ({ timestamp, level, category, message, record }) =>
      indentContinuations(
        `${timestamp} [${level}] ${category}: ${message}${renderExtraProperties(record)}`,
      ),
  });
  return redactByPattern(base, SECRET_TEXT_PATTERNS);
}

/**
 * Rendered values (an `Error`'s stack) may span lines; indenting the rest
 * keeps every line that starts in column 0 the start of a real record.
 */
function indentContinuations(line: string): string {
  return line.replace(/\r?\n|\r/g, "\n    ");
}

/** Renders the properties the template leaves out, with a leading space, or "". */
function renderExtraProperties(record: LogRecord): string {
  const named = typeof record.rawMessage === "string"
    ? placeholderRoots(record.rawMessage)
    : new Set<string>();
  const extra: Record<string, unknown> = {};
  let count = 0;
  for (const [name, value] of Object.entries(record.properties)) {
    if (named.has(name)) continue;
    extra[name] = value;
    count++;
  }
  if (count === 0) return "";
  const text = Deno.inspect(extra, {
    colors: false,
    compact: true,
    breakLength: Infinity,
    depth: 4,
    iterableLimit: 20,
    strAbbreviateSize: 200,
  });
  return ` ${sanitizeControlSequences(text, SANITIZE)}`;
}

/** The first path segment of every `{placeholder}` in a template. */
function placeholderRoots(template: string): Set<string> {
  const roots = new Set<string>();
  for (const match of template.matchAll(/\{([^{}]+)\}/g)) {
    const root = match[1]!.trim().split(/[.[]/, 1)[0]!;
    roots.add(root);
  }
  return roots;
}
