import assert from "node:assert/strict";
import { dialTls, type FramedConnection } from "../../net/mod.ts";
import { DEFAULT_MAX_FRAME_BYTES, encodeFrame } from "../../protocol/mod.ts";
import { testCircle } from "../support/test_circle.ts";
import { waitFor, within } from "../support/wait_for.ts";
import {
  closeQuietly,
  echoListener,
  peerEnded,
  rawTlsClient,
  readFrames,
  testListener,
} from "./_fixtures.ts";

const encoder = new TextEncoder();

/** Dials and resumes at once: the tests install onFrame before any frame can come. */
async function dial(port: number, seed = 1): Promise<FramedConnection> {
  const circle = await testCircle(seed);
  const conn = await dialTls({ hostname: "127.0.0.1", port, caPem: circle.caPem });
  conn.resume();
  return conn;
}

Deno.test("listenTls() and dialTls() carry frames both ways", async () => {
  await using server = await echoListener();
  const conn = await dial(server.port);
  conn.setMaxFrameBytes(DEFAULT_MAX_FRAME_BYTES);
  const got: Uint8Array[] = [];
  conn.onFrame = (payload) => got.push(payload.slice());
  const small = Array.from({ length: 50 }, (_, i) => encoder.encode(`frame ${i}`));
  const big = new Uint8Array(300_000).map((_, i) => i % 251);
  for (const payload of small) assert.ok(conn.send(encodeFrame(payload)));
  assert.ok(conn.send(encodeFrame(big)));
  await waitFor(() => got.length === small.length + 1, "51 echoes");
  assert.deepEqual(got, [...small, big]);
  assert.equal(server.conns[0]!.remoteAddress, "127.0.0.1");
  assert.ok(server.conns[0]!.remotePort > 0);
  assert.equal(conn.remoteAddress, "127.0.0.1");
  assert.equal(conn.remotePort, server.port);
  assert.equal(server.listener.accepted, 1);
  assert.equal(server.listener.pendingHandshakes, 0);
  await conn.close();
});

Deno.test("listenTls() leaves an established connection alone past the TLS deadline", async () => {
  await using server = await echoListener({ handshakeTimeoutMs: 100 });
  const conn = await dial(server.port);
  const got: Uint8Array[] = [];
  conn.onFrame = (p) => got.push(p.slice());
  await waitFor(() => server.conns.length === 1, "the listener's side");
  await new Promise((resolve) => setTimeout(resolve, 300));
  conn.send(encodeFrame(encoder.encode("still here")));
  await waitFor(() => got.length === 1, "an echo after the deadline");
  assert.equal(server.listener.failedHandshakes, 0);
  await conn.close();
});

Deno.test("listenTls() and dialTls() work over IPv6", async () => {
  let server;
  try {
    server = await echoListener({ hostname: "::1" });
  } catch (error) {
    console.log(`skipped: no IPv6 loopback here (${(error as Error).message})`);
    return;
  }
  await using _ = server;
  const circle = await testCircle();
  const conn = await dialTls({ hostname: "::1", port: server.port, caPem: circle.caPem });
  const got: Uint8Array[] = [];
  conn.onFrame = (p) => got.push(p.slice());
  conn.resume();
  conn.send(encodeFrame(encoder.encode("v6")));
  await waitFor(() => got.length === 1, "the echo");
  assert.equal(server.listener.hostname, "::1");
  assert.equal(server.conns[0]!.remoteAddress, "::1");
  await conn.close();
});

Deno.test("listenTls() reassembles a frame split across many writes", async () => {
  await using server = await echoListener();
  const conn = await rawTlsClient(server.port);
  try {
    const frame = encodeFrame(encoder.encode("split into one-byte TLS records"));
    for (const byte of frame) await conn.write(new Uint8Array([byte]));
    const [echo] = await within(readFrames(conn, 1), "the echo");
    assert.deepEqual(echo, frame.subarray(4));
  } finally {
    closeQuietly(conn);
  }
});

Deno.test("listenTls() splits many frames written at once", async () => {
  await using server = await echoListener();
  const conn = await rawTlsClient(server.port);
  try {
    const payloads = Array.from({ length: 200 }, (_, i) => encoder.encode(`#${i}`));
    const all = new Uint8Array(payloads.reduce((n, p) => n + 4 + p.length, 0));
    let at = 0;
    for (const p of payloads) {
      all.set(encodeFrame(p), at);
      at += 4 + p.length;
    }
    await conn.write(all);
    const echoes = await within(readFrames(conn, payloads.length), "200 echoes");
    assert.deepEqual(echoes, payloads);
  } finally {
    closeQuietly(conn);
  }
});

async function openssl(port: number, version: "-tls1_2" | "-tls1_3"): Promise<string | number> {
  let child: Deno.ChildProcess;
  try {
    child = new Deno.Command("openssl", {
      args: ["s_client", "-connect", `127.0.0.1:${port}`, version],
      stdin: "null",
      stdout: "piped",
      stderr: "piped",
    }).spawn();
  } catch (error) {
    if (error instanceof Deno.errors.NotFound) return "missing";
    throw error;
  }
  const timer = setTimeout(() => child.kill(), 5_000);
  try {
    const { code, stdout } = await child.output();
    const text = new TextDecoder().decode(stdout);
    return code === 0 && /TLSv1\.3/.test(text) ? "TLSv1.3" : code;
  } finally {
    clearTimeout(timer);
  }
}

Deno.test("listenTls() refuses TLS 1.2 and accepts TLS 1.3 (openssl s_client)", async () => {
  await using server = await echoListener();
  const tls12 = await openssl(server.port, "-tls1_2");
  if (tls12 === "missing") {
    console.log("skipped: openssl is not installed");
    return;
  }
  assert.notEqual(tls12, "TLSv1.3");
  assert.notEqual(tls12, 0, "openssl -tls1_2 must fail");
  assert.equal(await openssl(server.port, "-tls1_3"), "TLSv1.3");
  await waitFor(() => server.listener.pendingHandshakes === 0, "no handshake left pending");
});

Deno.test("TlsListener.setCertificate() serves the new certificate and still refuses TLS 1.2", async () => {
  await using server = await echoListener();
  const other = await testCircle(2);
  await (await dial(server.port, 1)).close();
  server.listener.setCertificate(other.certPem, other.keyPem);
  await (await dial(server.port, 2)).close();
  await assert.rejects(dial(server.port, 1), { name: "DialError", code: "foreign" });
  const tls12 = await openssl(server.port, "-tls1_2");
  if (tls12 !== "missing") assert.notEqual(tls12, 0, "TLS 1.2 must stay refused after a swap");
  assert.throws(
    () => server.listener.setCertificate("not a cert", "not a key"),
    /^Error: Cannot use the new certificate: the certificate is not PEM$/,
  );
  const first = await testCircle(1);
  assert.throws(
    () => server.listener.setCertificate(first.certPem, other.keyPem),
    /the private key does not belong to the certificate/,
  );
  await (await dial(server.port, 2)).close();
});

Deno.test("listenTls() drops a connection that does not finish the TLS handshake in time", async () => {
  await using server = await echoListener({ handshakeTimeoutMs: 150 });
  const silent = await Deno.connect({ hostname: "127.0.0.1", port: server.port });
  try {
    await waitFor(() => server.listener.pendingHandshakes === 1, "the pending handshake");
    const started = performance.now();
    assert.ok(await peerEnded(silent, 3_000), "the listener hangs up");
    assert.ok(performance.now() - started < 2_000);
    await waitFor(() => server.listener.pendingHandshakes === 0, "the pending count to drop");
    await waitFor(() => server.listener.failedHandshakes === 1, "the failure count");
  } finally {
    closeQuietly(silent);
  }
});

Deno.test("listenTls() counts the deadline from the accept, however the peer dribbles", async () => {
  await using server = await echoListener({ handshakeTimeoutMs: 300 });
  const slow = await Deno.connect({ hostname: "127.0.0.1", port: server.port });
  try {
    // A TLS record header, one byte every 50 ms: never a complete ClientHello.
    const started = performance.now();
    const header = [0x16, 0x03, 0x01, 0x02, 0x00];
    let ended = false;
    for (let i = 0; i < 40 && !ended; i++) {
      await slow.write(new Uint8Array([header[i % header.length]!])).catch(() => ended = true);
      await new Promise((resolve) => setTimeout(resolve, 50));
      ended ||= server.listener.pendingHandshakes === 0;
    }
    assert.ok(ended, "dropped");
    assert.ok(performance.now() - started < 1_500);
  } finally {
    closeQuietly(slow);
  }
});

Deno.test("listenTls() drops the oldest pending handshake of an address past the cap", async () => {
  await using server = await echoListener({ maxPendingPerAddress: 3 });
  const raws: Deno.TcpConn[] = [];
  try {
    for (let i = 0; i < 3; i++) {
      raws.push(await Deno.connect({ hostname: "127.0.0.1", port: server.port }));
      await waitFor(() => server.listener.pendingHandshakes === i + 1, `pending ${i + 1}`);
    }
    raws.push(await Deno.connect({ hostname: "127.0.0.1", port: server.port }));
    assert.ok(await peerEnded(raws[0]!, 3_000), "the oldest is dropped");
    assert.equal(server.listener.pendingHandshakes, 3);
    for (const raw of raws.slice(1)) assert.equal(await peerEnded(raw, 100), false, "newer stay");
  } finally {
    for (const raw of raws) closeQuietly(raw);
  }
});

Deno.test("listenTls() lets a member in within 2 s past 2,000 stuck connections from its address", async () => {
  await using server = await echoListener();
  const stuck: Deno.TcpConn[] = [];
  try {
    for (let batch = 0; batch < 20; batch++) {
      const conns = await Promise.all(
        Array.from(
          { length: 100 },
          () => Deno.connect({ hostname: "127.0.0.1", port: server.port }),
        ),
      );
      stuck.push(...conns);
    }
    await waitFor(
      () => server.listener.failedHandshakes >= 2_000 - 64,
      "the cap to push out the crowd",
    );
    assert.ok(server.listener.pendingHandshakes <= 64);
    const started = performance.now();
    const member = await within(dial(server.port), "the member's dial", 2_000);
    const echoed = new Promise<Uint8Array>((resolve) => member.onFrame = (p) => resolve(p.slice()));
    member.send(encodeFrame(encoder.encode("hi")));
    assert.deepEqual(await within(echoed, "the echo", 2_000), encoder.encode("hi"));
    assert.ok(performance.now() - started < 2_000, "in within 2 s");
    await member.close();
  } finally {
    for (const conn of stuck) closeQuietly(conn);
  }
});

Deno.test("TlsListener.close() stops accepting and leaves open connections open", async () => {
  await using server = await echoListener();
  const conn = await dial(server.port);
  const echoed: Uint8Array[] = [];
  conn.onFrame = (p) => echoed.push(p.slice());
  await waitFor(() => server.conns.length === 1, "the listener's side of the connection");
  await server.listener.close();
  await assert.rejects(dial(server.port), { name: "DialError", code: "refused" });
  conn.send(encodeFrame(encoder.encode("still here")));
  await waitFor(() => echoed.length === 1, "an echo after close()");
  await conn.close();
});

Deno.test("listenTls() reports a port in use in one clear line", async () => {
  await using server = await testListener();
  const circle = await testCircle();
  await assert.rejects(
    testListener(() => {}, { port: server.port, cert: circle.certPem, key: circle.keyPem }),
    /Cannot listen on 127\.0\.0\.1:\d+: the port is already in use/,
  );
});

Deno.test("a FramedConnection reports a peer that goes away as 'remote' or 'error'", async () => {
  const closed = Promise.withResolvers<string>();
  await using _server = await testListener((conn) => {
    conn.onClose = (reason) => closed.resolve(reason);
  });
  const raw = await rawTlsClient(_server.port);
  raw.close();
  assert.match(await within(closed.promise, "onClose"), /^(remote|error)$/);
});
