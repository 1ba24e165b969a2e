/**
 * The framed connection's own logic, over a fake driver: no sockets.
 */

import assert from "node:assert/strict";
import fc from "fast-check";
import { FramedSocket, roundBudgetBytes, type SocketDriver } from "../../net/_framed_socket.ts";
import type { CloseReason } from "../../net/mod.ts";
import { encodeFrame, HANDSHAKE_MAX_FRAME_BYTES, ProtocolError } from "../../protocol/mod.ts";
import { nextTurn, waitFor } from "../support/wait_for.ts";

class FakeDriver implements SocketDriver {
  writes: Uint8Array[] = [];
  pendingBytes = 0;
  idle = true;
  reading = true;
  destroyed = false;
  ended = false;

  write(bytes: Uint8Array): void {
    this.writes.push(bytes);
    this.pendingBytes += bytes.length;
  }
  pauseReading(): void {
    this.reading = false;
  }
  resumeReading(): void {
    this.reading = true;
  }
  end(): Promise<void> {
    this.ended = true;
    return Promise.resolve();
  }
  destroy(): void {
    this.destroyed = true;
  }
}

function setup(limits = { maxQueuedBytes: 1024, maxStuckMs: 5_000 }) {
  const driver = new FakeDriver();
  const conn = new FramedSocket(driver, "192.0.2.1", 4242, limits);
  const frames: Uint8Array[] = [];
  const closes: [CloseReason, unknown][] = [];
  conn.onFrame = (payload) => frames.push(payload.slice());
  conn.onClose = (reason, error) => closes.push([reason, error]);
  /** The driver wrote everything: report it like a socket would. */
  const drain = () => {
    driver.pendingBytes = 0;
    conn.written();
  };
  return { driver, conn, frames, closes, drain };
}

const bytes = (...values: number[]) => new Uint8Array(values);

Deno.test("FramedSocket.send() coalesces the frames of one turn into one write", async () => {
  const { driver, conn, drain } = setup();
  const a = encodeFrame(bytes(1));
  const b = encodeFrame(bytes(2, 2));
  const c = encodeFrame(bytes(3, 3, 3));
  assert.ok(conn.send(a));
  assert.ok(conn.send(b));
  assert.ok(conn.send(c));
  assert.equal(driver.writes.length, 0, "nothing written within the turn");
  assert.equal(conn.queuedBytes, a.length + b.length + c.length);
  await nextTurn();
  assert.equal(driver.writes.length, 1);
  assert.deepEqual(driver.writes[0], bytes(0, 0, 0, 1, 1, 0, 0, 0, 2, 2, 2, 0, 0, 0, 3, 3, 3, 3));
  drain();
  await conn.close();
});

Deno.test("FramedSocket.send() with release gives a lone frame's memory back once written", async () => {
  const { driver, conn, drain } = setup();
  const frame = encodeFrame(bytes(7, 7, 7));
  conn.send(frame, { release: true });
  await nextTurn();
  assert.equal(driver.writes[0], frame);
  assert.equal(frame.buffer.byteLength, 7, "kept while the write is in flight");
  drain();
  assert.equal(frame.buffer.byteLength, 0, "detached once written");
  await conn.close();
});

Deno.test("FramedSocket.send() with release gives a copied frame back at once, the copy once written", async () => {
  const { driver, conn, drain } = setup();
  const shared = encodeFrame(bytes(1));
  const own = encodeFrame(bytes(2, 2));
  conn.send(shared);
  conn.send(own, { release: true });
  await nextTurn();
  const written = driver.writes[0]!;
  assert.deepEqual(written, bytes(0, 0, 0, 1, 1, 0, 0, 0, 2, 2, 2));
  assert.equal(own.buffer.byteLength, 0, "copied into the write: released");
  assert.equal(shared.buffer.byteLength, 5, "a frame sent without release is never touched");
  drain();
  assert.equal(written.buffer.byteLength, 0, "the copy holding it, once written");
  await conn.close();
});

Deno.test("FramedSocket.send() hands a lone frame down without copying it", async () => {
  const { driver, conn, drain } = setup();
  const frame = encodeFrame(bytes(9, 9));
  conn.send(frame);
  await nextTurn();
  assert.equal(driver.writes[0], frame);
  drain();
  await conn.close();
});

Deno.test("FramedSocket.send() holds frames while the driver is busy and writes them together", async () => {
  const { driver, conn, drain } = setup();
  driver.idle = false;
  conn.send(encodeFrame(bytes(1)));
  conn.send(encodeFrame(bytes(2)));
  await nextTurn();
  assert.equal(driver.writes.length, 0);
  driver.idle = true;
  drain();
  assert.equal(driver.writes.length, 1, "written as soon as the driver is idle");
  assert.equal(driver.writes[0]!.length, 10);
  drain();
  await conn.close();
});

Deno.test("FramedSocket.send() closes with 'slow' past maxQueuedBytes", async () => {
  const { driver, conn, closes } = setup({ maxQueuedBytes: 1_000, maxStuckMs: 5_000 });
  assert.ok(conn.send(new Uint8Array(600)));
  await nextTurn();
  assert.equal(conn.queuedBytes, 600, "the driver holds it");
  assert.ok(conn.send(new Uint8Array(300)));
  assert.equal(conn.send(new Uint8Array(200)), false);
  assert.deepEqual(closes, [["slow", undefined]]);
  assert.ok(conn.closed);
  assert.ok(driver.destroyed);
  assert.equal(conn.send(new Uint8Array(1)), false, "closed: no effect");
  assert.equal(closes.length, 1);
});

Deno.test("FramedSocket.send() accepts one frame bigger than the bound into an empty queue", async () => {
  const { conn, closes, drain } = setup({ maxQueuedBytes: 100, maxStuckMs: 5_000 });
  assert.ok(conn.send(new Uint8Array(500)));
  await nextTurn();
  drain();
  assert.deepEqual(closes, []);
  await conn.close();
});

Deno.test("FramedSocket closes with 'slow' when the queue makes no progress for maxStuckMs", async () => {
  const { conn, closes } = setup({ maxQueuedBytes: 1 << 20, maxStuckMs: 40 });
  conn.send(new Uint8Array(10));
  await waitFor(() => closes.length > 0, "the stuck timer", 2_000);
  assert.deepEqual(closes, [["slow", undefined]]);
});

Deno.test("FramedSocket keeps a slow queue that makes progress", async () => {
  const { driver, conn, closes } = setup({ maxQueuedBytes: 1 << 20, maxStuckMs: 60 });
  const started = performance.now();
  while (performance.now() - started < 300) {
    conn.send(new Uint8Array(100));
    await new Promise((resolve) => setTimeout(resolve, 15));
    driver.pendingBytes = Math.max(0, driver.pendingBytes - 50);
    conn.written();
  }
  assert.deepEqual(closes, []);
  driver.pendingBytes = 0;
  await conn.close();
});

Deno.test("FramedSocket.receive() hands out every frame, however the bytes are cut", () => {
  fc.assert(fc.property(
    fc.array(fc.uint8Array({ minLength: 1, maxLength: 200 }), { minLength: 1, maxLength: 10 }),
    fc.array(fc.nat(), { maxLength: 20 }),
    (payloads, cuts) => {
      const { conn, frames, closes } = setup();
      const stream = new Uint8Array(payloads.reduce((n, p) => n + 4 + p.length, 0));
      let at = 0;
      for (const p of payloads) {
        stream.set(encodeFrame(p), at);
        at += 4 + p.length;
      }
      const points = [...new Set(cuts.map((c) => c % stream.length))].sort((a, b) => a - b);
      let last = 0;
      for (const point of [...points, stream.length]) {
        conn.receive(stream.slice(last, point));
        last = point;
      }
      assert.deepEqual(frames, payloads);
      assert.deepEqual(closes, []);
    },
  ));
});

Deno.test("FramedSocket.receive() closes with 'protocol' on a frame over the limit", () => {
  const { conn, driver, frames, closes } = setup();
  conn.receive(encodeFrame(new Uint8Array(HANDSHAKE_MAX_FRAME_BYTES + 1)));
  assert.equal(frames.length, 0);
  assert.equal(closes.length, 1);
  assert.equal(closes[0]![0], "protocol");
  assert.ok(closes[0]![1] instanceof ProtocolError);
  assert.ok(driver.destroyed);
});

Deno.test("FramedSocket.setMaxFrameBytes() raises the limit", () => {
  const { conn, frames, closes } = setup();
  conn.setMaxFrameBytes(10_000);
  conn.receive(encodeFrame(new Uint8Array(HANDSHAKE_MAX_FRAME_BYTES + 1)));
  assert.equal(frames.length, 1);
  assert.deepEqual(closes, []);
});

Deno.test("FramedSocket.pause() holds frames and the close until resume()", () => {
  const { conn, driver, frames, closes } = setup();
  conn.onFrame = (payload) => {
    frames.push(payload.slice());
    if (payload[0] === 1) conn.pause();
  };
  const chunk = new Uint8Array([
    ...encodeFrame(bytes(1)),
    ...encodeFrame(bytes(2)),
    ...encodeFrame(bytes(3)),
  ]);
  conn.receive(chunk);
  chunk.fill(0); // a reused read buffer
  assert.deepEqual(frames, [bytes(1)]);
  assert.equal(driver.reading, false);
  conn.ended();
  assert.deepEqual(closes, [], "the close waits too");
  assert.ok(conn.closed);
  conn.resume();
  assert.deepEqual(frames, [bytes(1), bytes(2), bytes(3)]);
  assert.deepEqual(closes, [["remote", undefined]]);
});

Deno.test("FramedSocket.resume() goes on reading when nothing was held", () => {
  const { conn, driver } = setup();
  conn.pause();
  assert.equal(driver.reading, false);
  conn.resume();
  assert.equal(driver.reading, true);
});

Deno.test("FramedSocket closes with 'error' when onFrame throws", () => {
  const { conn, closes, driver } = setup();
  const boom = new Error("boom");
  conn.onFrame = () => {
    throw boom;
  };
  conn.receive(new Uint8Array([...encodeFrame(bytes(1)), ...encodeFrame(bytes(2))]));
  assert.deepEqual(closes, [["error", boom]]);
  assert.ok(driver.destroyed);
});

Deno.test("FramedSocket.close() flushes what is queued, ends the stream, reports 'local'", async () => {
  const { conn, driver, closes, drain } = setup();
  conn.send(encodeFrame(bytes(7)));
  const closing = conn.close(1_000);
  assert.ok(conn.closed);
  assert.equal(conn.send(encodeFrame(bytes(8))), false);
  await nextTurn();
  assert.equal(driver.writes.length, 1);
  assert.equal(driver.ended, false, "waits for the write");
  drain();
  await closing;
  assert.ok(driver.ended);
  assert.deepEqual(closes, [["local", undefined]]);
});

Deno.test("FramedSocket.close() gives up waiting after timeoutMs", async () => {
  const { conn, driver, closes } = setup();
  conn.send(encodeFrame(bytes(7)));
  await conn.close(30);
  assert.ok(driver.destroyed);
  assert.deepEqual(closes, [["local", undefined]]);
});

Deno.test("FramedSocket reports a socket error once, with the error", () => {
  const { conn, closes } = setup();
  const error = new Error("reset");
  conn.failed(error);
  conn.ended();
  assert.deepEqual(closes, [["error", error]]);
});

Deno.test("FramedSocket stops reading while a round holds more than its budget, and goes on after it", async () => {
  const big = { maxQueuedBytes: 1024 * 1024 * 1024, maxStuckMs: 5_000 };
  const reader = setup(big);
  const writer = setup(big);
  const payload = new Uint8Array(Math.ceil(roundBudgetBytes() * 0.7));
  // Each frame read makes the process hold 70 % of the round's budget more.
  reader.conn.onFrame = (frame) => {
    reader.frames.push(frame.slice());
    writer.conn.send(encodeFrame(payload));
  };
  const stream = new Uint8Array([
    ...encodeFrame(bytes(1)),
    ...encodeFrame(bytes(2)),
    ...encodeFrame(bytes(3)),
  ]);
  reader.conn.receive(stream);
  assert.deepEqual(reader.frames, [bytes(1), bytes(2)], "the third waits for the round");
  assert.equal(reader.driver.reading, false, "reading stopped");
  await nextTurn();
  assert.equal(writer.driver.writes.length, 1, "the round wrote what was held");
  assert.deepEqual(reader.frames, [bytes(1), bytes(2), bytes(3)], "then the rest came");
  await nextTurn();
  assert.equal(reader.driver.reading, true, "and reading went on");
  assert.deepEqual(reader.closes, []);
  writer.drain();
  await nextTurn();
  writer.drain();
  await Promise.all([reader.conn.close(), writer.conn.close()]);
});

Deno.test("FramedSocket delivers a close that came while reading waited for the round", async () => {
  const big = { maxQueuedBytes: 1024 * 1024 * 1024, maxStuckMs: 5_000 };
  const reader = setup(big);
  const writer = setup(big);
  reader.conn.onFrame = (frame) => {
    reader.frames.push(frame.slice());
    writer.conn.send(encodeFrame(new Uint8Array(Math.ceil(roundBudgetBytes() * 1.1))));
  };
  reader.conn.receive(new Uint8Array([...encodeFrame(bytes(1)), ...encodeFrame(bytes(2))]));
  reader.conn.ended();
  assert.deepEqual(reader.closes, [], "held behind the waiting frame");
  await nextTurn();
  assert.deepEqual(reader.frames, [bytes(1), bytes(2)]);
  await waitFor(() => reader.closes.length === 1, "the close");
  assert.equal(reader.closes[0]![0], "remote");
  writer.drain();
  await nextTurn();
  writer.drain();
  await writer.conn.close();
});

Deno.test("FramedSocket writes the same bytes to every connection that holds the same frames in a round", async () => {
  const [a, b, c] = [setup(), setup(), setup()];
  const one = encodeFrame(bytes(1));
  const two = encodeFrame(bytes(2, 2));
  for (const member of [a, b, c]) member.conn.send(one);
  a.conn.send(two);
  b.conn.send(two);
  c.conn.send(encodeFrame(bytes(2, 2))); // equal bytes, another frame: written on its own
  await nextTurn();
  const [wa, wb, wc] = [a.driver.writes[0]!, b.driver.writes[0]!, c.driver.writes[0]!];
  assert.equal(wa, wb, "one concatenation for both");
  assert.notEqual(wa, wc);
  for (const written of [wa, wb, wc]) {
    assert.deepEqual(written, bytes(0, 0, 0, 1, 1, 0, 0, 0, 2, 2, 2));
  }
  for (const member of [a, b, c]) {
    member.drain();
    await member.conn.close();
  }
});
