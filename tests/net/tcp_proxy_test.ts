/**
 * The test proxy of tests/support, with TLS dialers through it.
 */

import assert from "node:assert/strict";
import { type CloseReason, dialTls, type FramedConnection } from "../../net/mod.ts";
import { encodeFrame } from "../../protocol/mod.ts";
import { TcpProxy } from "../support/tcp_proxy.ts";
import { testCircle } from "../support/test_circle.ts";
import { waitFor, within } from "../support/wait_for.ts";
import { echoListener } from "./_fixtures.ts";

const encoder = new TextEncoder();

async function dialThrough(proxy: TcpProxy) {
  const circle = await testCircle();
  const conn = await dialTls({ hostname: "127.0.0.1", port: proxy.port, caPem: circle.caPem });
  const got: string[] = [];
  const closed = Promise.withResolvers<CloseReason>();
  conn.onFrame = (payload) => got.push(new TextDecoder().decode(payload));
  conn.onClose = (reason) => closed.resolve(reason);
  conn.resume();
  return { conn, got, closed: closed.promise };
}

function say(conn: FramedConnection, text: string): void {
  conn.send(encodeFrame(encoder.encode(text)));
}

Deno.test("TcpProxy forwards TLS end to end", async () => {
  await using server = await echoListener();
  await using proxy = await TcpProxy.start({ port: server.port });
  const { conn, got } = await dialThrough(proxy);
  say(conn, "hello");
  await waitFor(() => got.length === 1, "the echo");
  assert.deepEqual(got, ["hello"]);
  assert.equal(proxy.connections, 1);
  await conn.close();
});

Deno.test("TcpProxy.cut() ends every proxied connection and keeps accepting", async () => {
  await using server = await echoListener();
  await using proxy = await TcpProxy.start({ port: server.port });
  const first = await dialThrough(proxy);
  proxy.cut();
  assert.match(await within(first.closed, "the dialer's close"), /^(remote|error)$/);
  const second = await dialThrough(proxy);
  say(second.conn, "again");
  await waitFor(() => second.got.length === 1, "an echo on a new connection");
  assert.equal(proxy.accepted, 2);
  await second.conn.close();
});

Deno.test("TcpProxy.stall() stops forwarding until unstall()", async () => {
  await using server = await echoListener();
  await using proxy = await TcpProxy.start({ port: server.port });
  const { conn, got } = await dialThrough(proxy);
  proxy.stall();
  say(conn, "held");
  await new Promise((resolve) => setTimeout(resolve, 100));
  assert.deepEqual(got, [], "nothing passes while stalled");
  proxy.unstall();
  await waitFor(() => got.length === 1, "the echo after unstall");
  assert.deepEqual(got, ["held"]);
  await conn.close();
});

Deno.test("TcpProxy.stall() makes a busy sender drop its peer as 'slow'", async () => {
  const closes: CloseReason[] = [];
  await using server = await echoListener({ limits: { maxQueuedBytes: 1 << 30, maxStuckMs: 200 } });
  await using proxy = await TcpProxy.start({ port: server.port });
  const { conn } = await dialThrough(proxy);
  await waitFor(() => server.conns.length === 1, "the server's side");
  const toClient = server.conns[0]!;
  toClient.onClose = (reason) => closes.push(reason);
  proxy.stall();
  const frame = encodeFrame(new Uint8Array(64 * 1024));
  const started = performance.now();
  while (!toClient.closed && performance.now() - started < 20_000) {
    if (toClient.queuedBytes < 1 << 20) toClient.send(frame);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  assert.deepEqual(closes, ["slow"]);
  proxy.unstall();
  await conn.close();
});

Deno.test("TcpProxy.halfClose('client') ends the dialer's stream", async () => {
  await using server = await echoListener();
  await using proxy = await TcpProxy.start({ port: server.port });
  const { conn, closed } = await dialThrough(proxy);
  await proxy.halfClose("client");
  assert.match(await within(closed, "the dialer's close"), /^(remote|error)$/);
  assert.ok(conn.closed);
});

Deno.test("TcpProxy.halfClose('server') ends the listener's side", async () => {
  const reasons: CloseReason[] = [];
  await using server = await echoListener();
  await using proxy = await TcpProxy.start({ port: server.port });
  const { conn } = await dialThrough(proxy);
  await waitFor(() => server.conns.length === 1, "the server's side");
  server.conns[0]!.onClose = (reason) => reasons.push(reason);
  await proxy.halfClose("server");
  await waitFor(() => reasons.length === 1, "the listener's close");
  assert.match(reasons[0]!, /^(remote|error)$/);
  await conn.close();
});
