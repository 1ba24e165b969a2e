/**
 * What counts as a secret in a log record, and the sink wrapper that takes it
 * out before any sink sees the record. Private to `log/`.
 *
 * Two nets, because either alone has holes: field names catch a secret that
 * looks like anything (a nick in `text`, a Fernet token in `body`), and
 * text patterns catch a secret that was put under an innocent name or pasted
 * into the message itself.
 *
 * @module
 */

import type { ConsoleFormatter, Drainable, LogRecord, Sink } from "@logtape/logtape";
import { redactByField, redactByPattern, type RedactionPattern } from "@logtape/redaction";

/** What a redacted value or text run is replaced with. */
export const REDACTED = "[REDACTED]";

/**
 * Property (and template placeholder) names whose values never reach a sink.
 * Matched case-insensitively anywhere in the name, at any depth: `key`
 * covers `hostKey`, `authKey` and `keyText`; `text` covers `plaintext` and
 * `messageText` but not `context`.
 */
export const SECRET_FIELD_PATTERNS: readonly RegExp[] = [
  /key/i,
  /secret/i,
  /token/i,
  /proof/i,
  /nonce/i,
  /body/i,
  /(?<!con)text/i,
  /pass(?:word|phrase|code)/i,
  /seed/i,
  /signature/i,
  /hmac/i,
  /credential/i,
];

/**
 * Text shapes that are secrets wherever they appear: in the message, in a
 * string property under any name, or in the formatted line.
 */
export const SECRET_TEXT_PATTERNS: readonly RedactionPattern[] = [
  // A Fernet token: version byte 0x80 and a timestamp whose high bytes are 0.
  { pattern: /gAAAAA[A-Za-z0-9_-]{20,}={0,2}/g, replacement: REDACTED },
  // A key text: 32 bytes as padded URL-safe base64 (secret.key, host.key).
  { pattern: /[A-Za-z0-9_-]{43}=/g, replacement: REDACTED },
  // 32 bytes or more as URL-safe base64 or hex: proofs, nonces, derived keys.
  { pattern: /[A-Za-z0-9_-]{43,}={0,2}/g, replacement: REDACTED },
  // The same in standard base64, recognised by its padding so paths survive.
  { pattern: /[A-Za-z0-9+/]{43,}={1,2}/g, replacement: REDACTED },
];

/**
 * Redacts the text patterns in a record's message, raw message and
 * properties. Written as a console formatter so that `@logtape/redaction`
 * does the bounded, cycle-safe traversal.
 */
const redactRecordText: ConsoleFormatter = redactByPattern(
  ((
    record: LogRecord,
  ) => [record.message, record.properties, record.rawMessage]) as ConsoleFormatter,
  SECRET_TEXT_PATTERNS,
);

/**
 * Wraps a sink so that every record it receives has had its secret fields
 * and secret-looking text replaced by {@linkcode REDACTED}. Disposal and
 * draining pass through to the wrapped sink.
 *
 * @param sink The sink to protect.
 * @returns A sink that only ever hands redacted records to `sink`.
 */
export function redactSink(sink: Sink): Sink {
  const byText: Sink = (record) => {
    const [message, properties, rawMessage] = redactRecordText(record);
    sink({
      ...record,
      message: message as unknown[],
      properties: properties as Record<string, unknown>,
      // A tagged template's static parts are source code, not data.
      rawMessage: typeof record.rawMessage === "string" ? rawMessage as string : record.rawMessage,
    });
  };
  const redacted = redactByField(byText, {
    fieldPatterns: [...SECRET_FIELD_PATTERNS],
    action: () => REDACTED,
  });
  return forwardLifecycle(redacted, sink);
}

/** Gives `wrapper` the dispose and drain hooks of the sink it wraps. */
function forwardLifecycle(wrapper: Sink, inner: Sink): Sink {
  const from = inner as Sink & Partial<AsyncDisposable & Disposable & Drainable>;
  const to = wrapper as Sink & Partial<AsyncDisposable & Disposable & Drainable>;
  if (from[Symbol.asyncDispose]) to[Symbol.asyncDispose] = () => from[Symbol.asyncDispose]!();
  if (from[Symbol.dispose]) to[Symbol.dispose] = () => from[Symbol.dispose]!();
  if (from.drain) to.drain = () => from.drain!();
  return to;
}
