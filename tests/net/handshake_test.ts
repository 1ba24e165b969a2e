import assert from "node:assert/strict";
import { Buffer } from "node:buffer";
import { makeProof, verifyProof } from "../../crypto/mod.ts";
import { flushLogging, type LogRecord, setupLogging } from "../../log/mod.ts";
import {
  type AcceptedAuth,
  acceptHandshake,
  type AcceptHandshakeOptions,
  AuthThrottle,
  dialHandshake,
  type DialHandshakeOptions,
  dialTls,
  type FramedConnection,
  HandshakeError,
} from "../../net/mod.ts";
import {
  decodeServerMessage,
  encodeFrame,
  encodeMessage,
  type Role,
  type ServerMessage,
} from "../../protocol/mod.ts";
import { testCircle } from "../support/test_circle.ts";
import { waitFor, within } from "../support/wait_for.ts";
import { closeQuietly, rawTlsClient, readFrames, testListener } from "./_fixtures.ts";

const NOT_IN_CIRCLE = "this server is not in your circle — check secret.key";
const b64 = (bytes: Uint8Array) => Buffer.from(bytes).toString("base64url");
const fromB64 = (text: string) => new Uint8Array(Buffer.from(text, "base64url"));

type Outcome = { accepted: AcceptedAuth; conn: FramedConnection } | { error: unknown };

interface Options {
  /** Options for acceptHandshake, over circle 1's defaults. */
  accept?: Partial<AcceptHandshakeOptions>;
  /** What the server does once the handshake succeeded (default: ok with its proof). */
  after?: (conn: FramedConnection, accepted: AcceptedAuth) => void;
}

/** A listener running acceptHandshake on each connection, recording outcomes. */
async function handshakeServer(options: Options = {}) {
  const circle = await testCircle(1);
  const outcomes: Outcome[] = [];
  const throttle = options.accept?.throttle ?? new AuthThrottle();
  const server = await testListener((conn) => {
    acceptHandshake(conn, {
      role: "server",
      name: "test room",
      authKey: circle.authKey,
      hostAuthKey: circle.hostAuthKey,
      throttle,
      ...options.accept,
    }).then(
      (accepted) => {
        outcomes.push({ accepted, conn });
        if (options.after) {
          options.after(conn, accepted);
        } else {
          conn.send(encodeMessage({ t: "ok", proof: accepted.okProof }));
          conn.resume();
        }
      },
      (error) => outcomes.push({ error }),
    );
  });
  return { ...server, outcomes, throttle };
}

async function dialAndHandshake(port: number, options: Partial<DialHandshakeOptions> = {}) {
  const circle = await testCircle(1);
  const conn = await dialTls({ hostname: "127.0.0.1", port, caPem: circle.caPem });
  try {
    const result = await dialHandshake(conn, {
      role: "server",
      authKey: circle.authKey,
      ...options,
    });
    return { conn, ...result };
  } catch (error) {
    assert.ok(conn.closed, "a failed handshake closes the connection");
    throw error;
  }
}

function serverError(outcome: Outcome | undefined): HandshakeError {
  assert.ok(outcome !== undefined && "error" in outcome, "the server rejected");
  assert.ok(outcome.error instanceof HandshakeError, `a HandshakeError, got ${outcome.error}`);
  return outcome.error;
}

Deno.test("dialHandshake() and acceptHandshake() agree with the right key", async () => {
  const circle = await testCircle(1);
  await using server = await handshakeServer();
  const { conn, hello, ok } = await dialAndHandshake(server.port, { nick: "ada" });
  await waitFor(() => server.outcomes.length === 1, "the server's outcome");
  const outcome = server.outcomes[0]!;
  assert.ok("accepted" in outcome);
  const { accepted } = outcome;
  assert.equal(hello.role, "server");
  assert.equal(hello.name, "test room");
  assert.equal(accepted.auth.nick, "ada");
  assert.equal(accepted.isHost, false);
  assert.equal(accepted.hostRefused, false);
  assert.equal(ok.proof, accepted.okProof);
  // Both proofs, checked from the outside.
  const serverNonce = fromB64(hello.nonce);
  assert.deepEqual(accepted.serverNonce, serverNonce);
  assert.deepEqual(accepted.clientNonce, fromB64(accepted.auth.nonce));
  assert.ok(verifyProof(
    makeProof(circle.authKey, "client", "server", serverNonce, accepted.clientNonce, "ada"),
    fromB64(accepted.auth.proof),
  ));
  assert.ok(verifyProof(
    makeProof(circle.authKey, "server", "server", accepted.clientNonce, serverNonce),
    fromB64(ok.proof),
  ));
  await conn.close();
});

Deno.test("dialHandshake() returns the connection paused, holding frames sent right after ok", async () => {
  await using server = await handshakeServer({
    after(conn, accepted) {
      conn.send(encodeMessage({ t: "ok", proof: accepted.okProof }));
      for (let i = 0; i < 3; i++) conn.send(encodeMessage({ t: "ping", ts: i }));
      conn.resume();
    },
  });
  const { conn } = await dialAndHandshake(server.port, { nick: "ada" });
  // Let the pings arrive before anyone listens.
  await new Promise((resolve) => setTimeout(resolve, 50));
  const got: ServerMessage[] = [];
  conn.onFrame = (payload) => got.push(decodeServerMessage(payload));
  conn.resume();
  await waitFor(() => got.length === 3, "the three pings");
  assert.deepEqual(got.map((m) => m.t === "ping" && m.ts), [0, 1, 2]);
  await conn.close();
});

Deno.test("acceptHandshake() raises the frame limit once the key is proven", async () => {
  const got: number[] = [];
  await using server = await handshakeServer({
    after(conn, accepted) {
      conn.onFrame = (payload) => got.push(payload.length);
      conn.send(encodeMessage({ t: "ok", proof: accepted.okProof }));
      conn.resume();
    },
  });
  const { conn } = await dialAndHandshake(server.port);
  conn.send(encodeFrame(new Uint8Array(100_000)));
  await waitFor(() => got.length === 1, "the big frame");
  assert.deepEqual(got, [100_000]);
  await conn.close();
});

Deno.test("dialHandshake() with a wrong key fails with 'not-in-circle'; the server rejects with 'auth'", async () => {
  const other = await testCircle(2);
  await using server = await handshakeServer();
  await assert.rejects(
    dialAndHandshake(server.port, { authKey: other.authKey, nick: "eve" }),
    { name: "HandshakeError", code: "not-in-circle", message: NOT_IN_CIRCLE },
  );
  await waitFor(() => server.outcomes.length === 1, "the server's outcome");
  const error = serverError(server.outcomes[0]);
  assert.equal(error.code, "auth");
});

Deno.test("dialHandshake() refuses a server whose proof is wrong", async () => {
  const other = await testCircle(2);
  // A listener of another key, with a leaf of our CA (what a stolen leaf would give).
  await using server = await handshakeServer({
    accept: { authKey: other.authKey },
    after(conn) {
      conn.send(encodeMessage({ t: "ok", proof: b64(new Uint8Array(32)) }));
      conn.resume();
    },
  });
  // The server refuses our proof (it holds another key): still "not in circle".
  await assert.rejects(dialAndHandshake(server.port), { code: "not-in-circle" });

  // A server that skips the check and answers ok with a made-up proof.
  await using liar = await testListener((conn) => {
    conn.send(
      encodeMessage({
        t: "hello",
        v: 1,
        role: "server",
        name: "liar",
        nonce: b64(new Uint8Array(32)),
      }),
    );
    conn.onFrame = () => conn.send(encodeMessage({ t: "ok", proof: b64(new Uint8Array(32)) }));
  });
  await assert.rejects(dialAndHandshake(liar.port), {
    name: "HandshakeError",
    code: "not-in-circle",
    message: NOT_IN_CIRCLE,
  });
});

Deno.test("acceptHandshake() grants host powers to a right host proof only", async () => {
  const circle = await testCircle(1);
  const stranger = await testCircle(3);
  await using server = await handshakeServer();
  const host = await dialAndHandshake(server.port, {
    nick: "ada",
    hostAuthKey: circle.hostAuthKey,
  });
  const pretender = await dialAndHandshake(server.port, {
    nick: "bob",
    hostAuthKey: stranger.hostAuthKey,
  });
  await waitFor(() => server.outcomes.length === 2, "both outcomes");
  const byNick = new Map(
    server.outcomes.map((o) => {
      assert.ok("accepted" in o);
      return [o.accepted.auth.nick, o.accepted] as const;
    }),
  );
  assert.equal(byNick.get("ada")!.isHost, true);
  assert.equal(byNick.get("ada")!.hostRefused, false);
  assert.equal(byNick.get("bob")!.isHost, false);
  assert.equal(byNick.get("bob")!.hostRefused, true, "the handshake itself succeeded");
  await host.conn.close();
  await pretender.conn.close();
});

Deno.test("acceptHandshake() passes resume through", async () => {
  await using server = await handshakeServer();
  const session = b64(new Uint8Array(32).fill(5));
  const { conn } = await dialAndHandshake(server.port, {
    nick: "ada",
    resume: { session, after: 41 },
  });
  await waitFor(() => server.outcomes.length === 1, "the outcome");
  const outcome = server.outcomes[0]!;
  assert.ok("accepted" in outcome);
  assert.deepEqual(outcome.accepted.auth.resume, { session, after: 41 });
  await conn.close();
});

Deno.test("acceptHandshake() rejects garbage before the handshake with 'protocol'", async () => {
  await using server = await handshakeServer();
  const raw = await rawTlsClient(server.port);
  try {
    await raw.write(new TextEncoder().encode("GET / HTTP/1.1\r\nHost: x\r\n\r\n"));
    await waitFor(() => server.outcomes.length === 1, "the outcome");
    assert.equal(serverError(server.outcomes[0]).code, "protocol");
  } finally {
    closeQuietly(raw);
  }
});

Deno.test("acceptHandshake() answers a frame that is not JSON with an error frame and closes", async () => {
  await using server = await handshakeServer();
  const raw = await rawTlsClient(server.port);
  try {
    await raw.write(encodeFrame(new TextEncoder().encode("{not json")));
    const frames = await within(readFrames(raw, 3), "hello, error, EOF");
    assert.deepEqual(frames.map((f) => decodeServerMessage(f).t), ["hello", "error"]);
    assert.deepEqual(decodeServerMessage(frames[1]!), { t: "error", code: "json" });
    assert.equal(serverError(server.outcomes[0]).code, "protocol");
  } finally {
    closeQuietly(raw);
  }
});

Deno.test("acceptHandshake() rejects a first frame that is not auth", async () => {
  await using server = await handshakeServer();
  const raw = await rawTlsClient(server.port);
  try {
    await raw.write(encodeMessage({ t: "who" }));
    const frames = await within(readFrames(raw, 3), "hello, error, EOF");
    assert.deepEqual(decodeServerMessage(frames[1]!), { t: "error", code: "unexpected" });
    assert.equal(serverError(server.outcomes[0]).code, "protocol");
  } finally {
    closeQuietly(raw);
  }
});

Deno.test("acceptHandshake() rejects a frame over the handshake limit", async () => {
  await using server = await handshakeServer();
  const raw = await rawTlsClient(server.port);
  try {
    await raw.write(encodeFrame(new Uint8Array(5_000).fill(32)));
    await waitFor(() => server.outcomes.length === 1, "the outcome");
    assert.equal(serverError(server.outcomes[0]).code, "protocol");
  } finally {
    closeQuietly(raw);
  }
});

Deno.test("acceptHandshake() gives up on a silent client at the deadline", async () => {
  await using server = await handshakeServer({ accept: { timeoutMs: 100 } });
  const raw = await rawTlsClient(server.port);
  try {
    const started = performance.now();
    const frames = await within(readFrames(raw, 3), "hello, error, EOF");
    assert.ok(performance.now() - started < 2_000);
    assert.deepEqual(frames.map((f) => decodeServerMessage(f).t), ["hello", "error"]);
    assert.deepEqual(decodeServerMessage(frames[1]!), { t: "error", code: "timeout" });
    await waitFor(() => server.outcomes.length === 1, "the outcome");
    assert.equal(serverError(server.outcomes[0]).code, "timeout");
  } finally {
    closeQuietly(raw);
  }
});

Deno.test("acceptHandshake() refuses an auth that arrives past the deadline on its clock", async () => {
  const time = { now: 0 };
  await using server = await handshakeServer({
    accept: { timeoutMs: 10_000, now: () => time.now },
  });
  const circle = await testCircle(1);
  const conn = await dialTls({ hostname: "127.0.0.1", port: server.port, caPem: circle.caPem });
  const original = conn.send.bind(conn);
  conn.send = (frame) => {
    time.now += 10_001; // the auth leaves "ten seconds later"
    return original(frame);
  };
  await assert.rejects(dialHandshake(conn, { role: "server", authKey: circle.authKey }), {
    name: "HandshakeError",
    code: "timeout",
  });
  await waitFor(() => server.outcomes.length === 1, "the outcome");
  assert.equal(serverError(server.outcomes[0]).code, "timeout");
});

Deno.test("acceptHandshake() throttles an address after the allowed failures", async () => {
  const time = { now: 0 };
  const throttle = new AuthThrottle({ burst: 2, refillMs: 12_000, now: () => time.now });
  await using server = await handshakeServer({ accept: { throttle } });
  const other = await testCircle(2);
  for (let i = 0; i < 2; i++) {
    await assert.rejects(dialAndHandshake(server.port, { authKey: other.authKey }), {
      code: "not-in-circle",
    });
  }
  // Now even the right key is refused, before any proof is checked.
  await assert.rejects(dialAndHandshake(server.port), (error: unknown) => {
    assert.ok(error instanceof HandshakeError);
    assert.equal(error.code, "throttled");
    assert.equal(error.retryAfterMs, 12_000);
    assert.equal(error.message, "too many failed attempts from this address — try again in 12 sec");
    return true;
  });
  await waitFor(() => server.outcomes.length === 3, "three outcomes");
  assert.equal(serverError(server.outcomes[2]).code, "throttled");
  time.now += 12_000;
  const { conn } = await dialAndHandshake(server.port);
  await conn.close();
});

Deno.test("dialHandshake() refuses a listener of another role", async () => {
  await using server = await handshakeServer({ accept: { role: "registry" as Role } });
  await assert.rejects(dialAndHandshake(server.port), {
    name: "HandshakeError",
    code: "role",
    message: "this is a stealth registry, not a chat server — check the port",
  });
});

Deno.test("dialHandshake() passes the server's own refusals up, worded from their codes", async () => {
  await using server = await handshakeServer({
    after(conn) {
      conn.send(encodeMessage({ t: "error", code: "nick-taken", detail: "ada is here" }));
      void conn.close();
    },
  });
  await assert.rejects(dialAndHandshake(server.port, { nick: "ada" }), (error: unknown) => {
    assert.ok(error instanceof HandshakeError);
    assert.equal(error.code, "nick-taken");
    assert.equal(error.detail, "ada is here");
    // A code this client knows is worded in the reader's language; the detail is a fallback.
    assert.equal(error.message, "that nick is taken — pick another with --nick");
    return true;
  });
});

Deno.test("dialHandshake() shows the detail of a refusal whose code it does not know", async () => {
  await using server = await handshakeServer({
    after(conn) {
      conn.send(encodeMessage({ t: "error", code: "too-early", detail: "come back at noon" }));
      void conn.close();
    },
  });
  await assert.rejects(dialAndHandshake(server.port, { nick: "ada" }), (error: unknown) => {
    assert.ok(error instanceof HandshakeError);
    assert.equal(error.code, "too-early");
    assert.equal(error.message, "the server refused the connection (too-early: come back at noon)");
    return true;
  });
});

Deno.test("dialHandshake() gives up on a listener that never says hello", async () => {
  await using server = await testListener();
  await assert.rejects(dialAndHandshake(server.port, { timeoutMs: 100 }), {
    name: "HandshakeError",
    code: "timeout",
  });
});

Deno.test("dialHandshake() reports a listener that hangs up as 'closed'", async () => {
  await using server = await testListener((conn) => void conn.close());
  await assert.rejects(dialAndHandshake(server.port), { name: "HandshakeError", code: "closed" });
});

Deno.test("acceptHandshake() logs a failed proof at warning: the address and the count, not the nick", async () => {
  const records: LogRecord[] = [];
  await setupLogging({ debug: false, sink: (record) => records.push(record), stderr: false });
  try {
    const other = await testCircle(2);
    await using server = await handshakeServer();
    for (let i = 1; i <= 2; i++) {
      await assert.rejects(
        dialAndHandshake(server.port, { authKey: other.authKey, nick: "mallory" }),
        {
          code: "not-in-circle",
        },
      );
    }
    await waitFor(() => records.length === 2, "two warnings");
    for (const [i, record] of records.entries()) {
      assert.equal(record.level, "warning");
      assert.deepEqual(record.category, ["stealth", "net"]);
      assert.equal(record.properties.address, "127.0.0.1");
      assert.equal(record.properties.failures, i + 1);
      assert.doesNotMatch(JSON.stringify(record), /mallory/);
    }
  } finally {
    await flushLogging();
  }
});
