/**
 * The stderr sink. Private to `log/`.
 *
 * @module
 */

import type { Sink, TextFormatter } from "@logtape/logtape";

/**
 * Returns a sink that writes each formatted record to stderr at once.
 *
 * Synchronous on purpose: in quiet mode only warnings and errors for the
 * user come here, and they must be on screen even if the process dies right
 * after; a terminal takes a short line without a noticeable wait.
 *
 * @param formatter Turns a record into one line of text.
 * @param stderr Where to write; the process's stderr unless a test swaps it.
 * @returns The sink.
 */
export function getStderrSink(
  formatter: TextFormatter,
  stderr: { writeSync(p: Uint8Array): number } = Deno.stderr,
): Sink {
  const encoder = new TextEncoder();
  return (record) => {
    let bytes = encoder.encode(formatter(record));
    while (bytes.length > 0) bytes = bytes.subarray(stderr.writeSync(bytes));
  };
}
