import assert from "node:assert/strict";
import type { LogRecord } from "@logtape/logtape";
import { type ByteWriter, getBufferedSink } from "../../log/_file_sink.ts";

function record(text: string): LogRecord {
  return {
    category: ["stealth", "test"],
    level: "debug",
    message: [text],
    rawMessage: text,
    timestamp: 0,
    properties: {},
  };
}

const formatter = (r: LogRecord) => `${r.message.join("")}\n`;

/** A writer that takes at most `chunk` bytes per call and can be held shut. */
class FakeWriter implements ByteWriter {
  readonly written: Uint8Array[] = [];
  closed = false;
  calls = 0;
  #gate: Promise<void> = Promise.resolve();
  #open: () => void = () => {};

  constructor(readonly chunk = Infinity, readonly fail = false) {}

  hold(): void {
    this.#gate = new Promise((resolve) => this.#open = resolve);
  }

  release(): void {
    this.#open();
  }

  async write(p: Uint8Array): Promise<number> {
    this.calls++;
    await this.#gate;
    if (this.fail) throw new Error("disk full");
    const n = Math.min(p.length, this.chunk);
    this.written.push(p.slice(0, n));
    return n;
  }

  close(): void {
    this.closed = true;
  }

  text(): string {
    return this.written.map((b) => new TextDecoder().decode(b)).join("");
  }
}

Deno.test("getBufferedSink() writes records in order, finishing partial writes", async () => {
  const writer = new FakeWriter(3);
  const sink = getBufferedSink(writer, { formatter });
  sink(record("one"));
  sink(record("two"));
  await sink.drain();
  sink(record("three"));
  await sink[Symbol.asyncDispose]();
  assert.equal(writer.text(), "one\ntwo\nthree\n");
  assert.equal(writer.closed, true);
});

Deno.test("getBufferedSink() drain() waits until the queued records are written", async () => {
  const writer = new FakeWriter();
  writer.hold();
  const sink = getBufferedSink(writer, { formatter });
  sink(record("one"));
  let drained = false;
  const draining = sink.drain().then(() => drained = true);
  for (let i = 0; i < 10; i++) await Promise.resolve();
  assert.equal(drained, false);
  assert.equal(writer.text(), "");
  writer.release();
  await draining;
  assert.equal(writer.text(), "one\n");
  await sink[Symbol.asyncDispose]();
});

Deno.test("getBufferedSink() batches what queued while a write was in flight", async () => {
  const writer = new FakeWriter();
  writer.hold();
  const sink = getBufferedSink(writer, { formatter });
  sink(record("a"));
  await Promise.resolve();
  for (const text of ["b", "c", "d"]) sink(record(text));
  writer.release();
  await sink[Symbol.asyncDispose]();
  assert.equal(writer.text(), "a\nb\nc\nd\n");
  assert.equal(writer.calls, 2);
});

Deno.test("getBufferedSink() drops records beyond its bound and says how many", async () => {
  const writer = new FakeWriter();
  writer.hold();
  const sink = getBufferedSink(writer, { formatter, maxPendingBytes: 8 });
  sink(record("a"));
  await Promise.resolve();
  await Promise.resolve();
  // "a\n" is in flight; the queue holds 8 bytes at most.
  for (const text of ["bbb", "ccc", "ddd", "eee"]) sink(record(text));
  writer.release();
  await sink[Symbol.asyncDispose]();
  assert.equal(writer.text(), "a\nbbb\nccc\n[2 log records dropped: log file too slow]\n");
});

Deno.test("getBufferedSink() stops writing after a failed write and reports it once", async () => {
  const writer = new FakeWriter(Infinity, true);
  const errors: unknown[] = [];
  const sink = getBufferedSink(writer, { formatter, onError: (error) => errors.push(error) });
  sink(record("one"));
  await sink.drain();
  sink(record("two"));
  await sink[Symbol.asyncDispose]();
  assert.equal(errors.length, 1);
  assert.equal(writer.calls, 1);
  assert.equal(writer.closed, true);
});

Deno.test("getBufferedSink() ignores records after disposal", async () => {
  const writer = new FakeWriter();
  const sink = getBufferedSink(writer, { formatter });
  await sink[Symbol.asyncDispose]();
  sink(record("late"));
  await sink.drain();
  assert.equal(writer.text(), "");
});
