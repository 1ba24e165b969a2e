/**
 * The log file sink: opened 0600 in append mode, written in the background
 * in batches, bounded in memory. Private to `log/`.
 *
 * @module
 */

import type { Drainable, Sink, TextFormatter } from "@logtape/logtape";

/** Bytes of formatted lines allowed to wait for the disk before new ones are dropped. */
export const MAX_PENDING_BYTES = 1024 * 1024;

/** Somewhere bytes can be written asynchronously and which can be closed. */
export interface ByteWriter {
  /** Writes some of `p`, resolving to how many bytes were written. */
  write(p: Uint8Array): Promise<number>;
  /** Releases the underlying resource. */
  close(): void;
}

/** Options for {@linkcode getBufferedSink}. */
export interface BufferedSinkOptions {
  /** Turns a record into one line of text. */
  formatter: TextFormatter;
  /** Bound on bytes waiting to be written; {@linkcode MAX_PENDING_BYTES} by default. */
  maxPendingBytes?: number;
  /** Told once, on the first failed write; the sink drops everything after it. */
  onError?: (error: unknown) => void;
}

/** A sink that writes in the background; `drain()` waits, disposal also closes. */
export type BufferedSink = Sink & AsyncDisposable & Drainable;

/**
 * Opens (creating if needed) `path` for appending with mode 0600 and returns
 * a {@linkcode BufferedSink} writing to it. An existing regular file with
 * looser permissions is narrowed to 0600, since a debug trace names peers.
 *
 * @param path The log file.
 * @param options Formatter, bound and error report.
 * @returns The sink; dispose of it to close the file.
 * @throws {Deno.errors.NotFound} and the like when the file cannot be opened.
 */
export async function openFileSink(
  path: string,
  options: BufferedSinkOptions,
): Promise<BufferedSink> {
  const file = await Deno.open(path, { append: true, create: true, mode: 0o600 });
  try {
    const info = await file.stat();
    if (Deno.build.os !== "windows" && info.isFile && ((info.mode ?? 0) & 0o077) !== 0) {
      await Deno.chmod(path, 0o600);
    }
  } catch (error) {
    file.close();
    throw error;
  }
  return getBufferedSink(file, options);
}

/**
 * Returns a sink that formats each record at once (so later changes to
 * logged objects do not show) and queues the bytes; a single background
 * loop writes whatever has queued as one batch, so logging never waits for
 * the disk. When more than `maxPendingBytes` wait, new records are dropped
 * and a line saying how many is written in their place.
 *
 * @param writer Where the bytes go; closed on disposal.
 * @param options Formatter, bound and error report.
 * @returns The sink.
 */
export function getBufferedSink(writer: ByteWriter, options: BufferedSinkOptions): BufferedSink {
  const { formatter, maxPendingBytes = MAX_PENDING_BYTES, onError } = options;
  const encoder = new TextEncoder();
  let pending: Uint8Array[] = [];
  let pendingBytes = 0;
  let dropped = 0;
  let pump: Promise<void> | null = null;
  let closed = false;
  let failed = false;

  async function writeQueued(): Promise<void> {
    try {
      while (!failed && (pending.length > 0 || dropped > 0)) {
        if (dropped > 0) {
          const notice = encoder.encode(`[${dropped} log records dropped: log file too slow]\n`);
          pending.push(notice);
          pendingBytes += notice.length;
          dropped = 0;
        }
        const batch = concat(pending, pendingBytes);
        pending = [];
        pendingBytes = 0;
        try {
          await writeAll(writer, batch);
        } catch (error) {
          failed = true;
          pending = [];
          pendingBytes = 0;
          onError?.(error);
        }
      }
    } finally {
      pump = null;
    }
  }

  const sink = ((record) => {
    if (closed || failed) return;
    const bytes = encoder.encode(formatter(record));
    if (pendingBytes + bytes.length > maxPendingBytes && pending.length > 0) {
      dropped++;
      return;
    }
    pending.push(bytes);
    pendingBytes += bytes.length;
    // Started from a microtask so `pump` is set before the loop can clear it.
    pump ??= Promise.resolve().then(writeQueued);
  }) as BufferedSink;

  sink.drain = async () => {
    while (pump !== null) await pump;
  };
  sink[Symbol.asyncDispose] = async () => {
    if (closed) return;
    closed = true;
    await sink.drain();
    writer.close();
  };
  return sink;
}

function concat(chunks: readonly Uint8Array[], length: number): Uint8Array {
  if (chunks.length === 1) return chunks[0]!;
  const out = new Uint8Array(length);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.length;
  }
  return out;
}

async function writeAll(writer: ByteWriter, bytes: Uint8Array): Promise<void> {
  while (bytes.length > 0) bytes = bytes.subarray(await writer.write(bytes));
}
