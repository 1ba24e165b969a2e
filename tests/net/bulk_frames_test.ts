/**
 * Bulk frames (file chunks) on a framed connection, over a fake driver:
 * behind every ordinary frame, a slice per write, their own bound, dropped
 * on close.
 */

import assert from "node:assert/strict";
import { BULK_SLICE_BYTES, FramedSocket, type SocketDriver } from "../../net/_framed_socket.ts";
import type { CloseReason } from "../../net/mod.ts";
import { encodeFrame } from "../../protocol/mod.ts";
import { nextTurn } from "../support/wait_for.ts";

/** A driver with one write in flight at a time, like a node socket holding unwritten bytes. */
class OneWriteDriver implements SocketDriver {
  writes: Uint8Array[] = [];
  pendingBytes = 0;
  destroyed = false;

  get idle(): boolean {
    return this.pendingBytes === 0;
  }
  write(bytes: Uint8Array): void {
    this.writes.push(bytes);
    this.pendingBytes += bytes.length;
  }
  pauseReading(): void {}
  resumeReading(): void {}
  end(): Promise<void> {
    return Promise.resolve();
  }
  destroy(): void {
    this.destroyed = true;
  }
}

function setup(maxBulkBytes = 4 * 1024 * 1024) {
  const driver = new OneWriteDriver();
  const conn = new FramedSocket(driver, "192.0.2.1", 4242, {
    maxQueuedBytes: 64 * 1024,
    maxStuckMs: 5_000,
    maxBulkBytes,
  });
  const closes: CloseReason[] = [];
  conn.onClose = (reason) => closes.push(reason);
  const drain = () => {
    driver.pendingBytes = 0;
    conn.written();
  };
  return { driver, conn, closes, drain };
}

/** A frame of `size` payload bytes, all `mark`. */
const frame = (mark: number, size: number) => encodeFrame(new Uint8Array(size).fill(mark));

/** The marks of the frames in one write, in order. */
function marks(write: Uint8Array): number[] {
  const found: number[] = [];
  for (let at = 0; at < write.length;) {
    const length = new DataView(write.buffer, write.byteOffset + at).getUint32(0);
    found.push(write[at + 4]!);
    at += 4 + length;
  }
  return found;
}

Deno.test("FramedSocket.send({bulk}) writes ordinary frames first, then a slice of bulk", async () => {
  const { driver, conn, drain } = setup();
  const chunk = 100 * 1024;
  for (let i = 0; i < 10; i++) assert.ok(conn.send(frame(100 + i, chunk), { bulk: true }));
  assert.ok(conn.send(frame(1, 10)));
  await nextTurn();
  assert.equal(driver.writes.length, 1);
  const perSlice = Math.floor(BULK_SLICE_BYTES / (chunk + 4));
  assert.deepEqual(marks(driver.writes[0]!), [
    1,
    ...Array.from({ length: perSlice }, (_, i) => 100 + i),
  ]);
  // A chat frame queued while the slice is in flight goes before the next slice.
  assert.ok(conn.send(frame(2, 10)));
  await nextTurn();
  assert.equal(driver.writes.length, 1, "one write in flight at a time");
  drain();
  assert.deepEqual(marks(driver.writes[1]!)[0], 2);
  assert.ok(marks(driver.writes[1]!).slice(1).every((m) => m >= 100));
  while (conn.queuedBytes > 0) drain();
  const all = driver.writes.flatMap(marks).filter((m) => m >= 100);
  assert.deepEqual(
    all,
    Array.from({ length: 10 }, (_, i) => 100 + i),
    "every chunk once, in order",
  );
  await conn.close();
});

Deno.test("FramedSocket.send({bulk}) refuses past its own bound and keeps the connection", async () => {
  const { conn, closes } = setup(300 * 1024);
  assert.ok(conn.send(frame(1, 200 * 1024), { bulk: true }));
  assert.equal(conn.send(frame(2, 200 * 1024), { bulk: true }), false);
  assert.equal(conn.closed, false);
  assert.ok(conn.send(frame(3, 50 * 1024), { bulk: true }));
  // Bulk bytes do not count against the ordinary bound (64 KiB here).
  assert.ok(conn.send(frame(4, 10)));
  assert.deepEqual(closes, []);
  await conn.close(0);
});

Deno.test("FramedSocket.close() drops bulk frames and flushes the ordinary ones", async () => {
  const { driver, conn, drain } = setup();
  for (let i = 0; i < 4; i++) assert.ok(conn.send(frame(100 + i, 100 * 1024), { bulk: true }));
  assert.ok(conn.send(frame(7, 10)));
  await nextTurn();
  assert.ok(conn.send(frame(8, 10)));
  let closed = false;
  const closing = conn.close(1_000).then(() => closed = true);
  while (!closed) {
    drain();
    await nextTurn();
  }
  await closing;
  const written = driver.writes.flatMap(marks);
  assert.ok(written.includes(7) && written.includes(8));
  assert.ok(written.filter((m) => m >= 100).length < 4, "bulk not flushed on close");
});
