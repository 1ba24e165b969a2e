/**
 * The outbound bound on real sockets: a peer that stops reading is dropped,
 * the others keep receiving.
 */

import assert from "node:assert/strict";
import { type CloseReason, dialTls, type FramedConnection } from "../../net/mod.ts";
import { DEFAULT_MAX_FRAME_BYTES, encodeFrame } from "../../protocol/mod.ts";
import { testCircle } from "../support/test_circle.ts";
import { waitFor } from "../support/wait_for.ts";
import { closeQuietly, rawTlsClient, testListener } from "./_fixtures.ts";

const FRAME = encodeFrame(new Uint8Array(100 * 1024).fill(42));

Deno.test("a FramedConnection drops a peer that stops reading while another keeps receiving", async () => {
  const closes = new Map<FramedConnection, CloseReason>();
  await using server = await testListener((conn) => {
    conn.onClose = (reason) => closes.set(conn, reason);
  });
  const circle = await testCircle();
  const stuck = await rawTlsClient(server.port); // never reads
  await waitFor(() => server.conns.length === 1, "the stuck peer's connection");
  const reader = await dialTls({ hostname: "127.0.0.1", port: server.port, caPem: circle.caPem });
  reader.setMaxFrameBytes(DEFAULT_MAX_FRAME_BYTES);
  let received = 0;
  reader.onFrame = (payload) => {
    assert.equal(payload.length, FRAME.length - 4);
    received++;
  };
  reader.resume();
  await waitFor(() => server.conns.length === 2, "the reader's connection");
  const [toStuck, toReader] = server.conns as [FramedConnection, FramedConnection];

  let sentToReader = 0;
  try {
    // 100 KiB frames to both, as fast as the reader takes them, for at most 20 s.
    const started = performance.now();
    while (!toStuck.closed && performance.now() - started < 20_000) {
      toStuck.send(FRAME);
      if (toReader.queuedBytes < 512 * 1024 && toReader.send(FRAME)) sentToReader++;
      await new Promise((resolve) => setTimeout(resolve, 1));
    }
    assert.equal(closes.get(toStuck), "slow");
    assert.equal(toReader.closed, false);
    await waitFor(() => received === sentToReader, "the reader to get every frame", 10_000);
    assert.ok(received > 10, `the reader got ${received} frames`);
  } finally {
    closeQuietly(stuck);
    await reader.close();
  }
});

Deno.test("a FramedConnection drops a peer whose queue makes no progress for maxStuckMs", async () => {
  const closes: CloseReason[] = [];
  await using server = await testListener((conn) => {
    conn.onClose = (reason) => closes.push(reason);
  }, { limits: { maxQueuedBytes: 256 * 1024 * 1024, maxStuckMs: 300 } });
  const stuck = await rawTlsClient(server.port);
  try {
    await waitFor(() => server.conns.length === 1, "the connection");
    const conn = server.conns[0]!;
    const started = performance.now();
    // Fill the socket buffers, then keep a little queued: no progress from here on.
    while (!conn.closed && performance.now() - started < 20_000) {
      if (conn.queuedBytes < 4 * 1024 * 1024) conn.send(FRAME);
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    assert.deepEqual(closes, ["slow"]);
  } finally {
    closeQuietly(stuck);
  }
});
