import assert from "node:assert/strict";
import { DialError, dialTls, hostPort } from "../../net/mod.ts";
import { encodeFrame } from "../../protocol/mod.ts";
import { testCircle } from "../support/test_circle.ts";
import { waitFor } from "../support/wait_for.ts";
import { echoListener, testListener } from "./_fixtures.ts";

async function dialError(
  options: { hostname?: string; port: number; timeoutMs?: number; seed?: number },
): Promise<DialError> {
  const circle = await testCircle(options.seed ?? 1);
  try {
    const conn = await dialTls({
      hostname: options.hostname ?? "127.0.0.1",
      port: options.port,
      caPem: circle.caPem,
      timeoutMs: options.timeoutMs,
    });
    await conn.close();
  } catch (error) {
    assert.ok(error instanceof DialError, `a DialError, got ${error}`);
    assert.equal(error.name, "DialError");
    assert.doesNotMatch(error.message, /\n/, "one line");
    return error;
  }
  assert.fail("the dial succeeded");
}

/** A port nobody listens on (just closed). */
function closedPort(): number {
  const listener = Deno.listen({ hostname: "127.0.0.1", port: 0 });
  const port = listener.addr.port;
  listener.close();
  return port;
}

Deno.test("dialTls() to a closed port fails with DialError 'refused'", async () => {
  const port = closedPort();
  const error = await dialError({ port });
  assert.equal(error.code, "refused");
  assert.equal(
    error.message,
    `cannot reach 127.0.0.1:${port} — is the server running? (connection refused)`,
  );
  assert.equal(error.hostname, "127.0.0.1");
  assert.equal(error.port, port);
});

Deno.test("dialTls() to a server of another circle fails with DialError 'foreign'", async () => {
  await using server = await echoListener({ seed: 2 });
  const error = await dialError({ port: server.port, seed: 1 });
  assert.equal(error.code, "foreign");
  assert.equal(
    error.message,
    `127.0.0.1:${server.port} is not a stealth server of your circle — check secret.key (certificate not signed by the circle CA)`,
  );
});

Deno.test("dialTls() to a server that does not speak TLS fails with DialError 'tls'", async () => {
  const listener = Deno.listen({ hostname: "127.0.0.1", port: 0 });
  const serving = (async () => {
    const conn = await listener.accept();
    await conn.write(new TextEncoder().encode("SSH-2.0-OpenSSH_9.6\r\n")).catch(() => {});
    await conn.read(new Uint8Array(1024)).catch(() => {});
    conn.close();
  })();
  try {
    const error = await dialError({ port: listener.addr.port });
    assert.equal(error.code, "tls");
    assert.match(error.message, /does not speak TLS 1\.3 — is it a stealth server\?/);
  } finally {
    listener.close();
    await serving;
  }
});

Deno.test("dialTls() to a server that never answers the handshake fails with DialError 'timeout'", async () => {
  const listener = Deno.listen({ hostname: "127.0.0.1", port: 0 });
  let accepted: Deno.Conn | undefined;
  const accepting = listener.accept().then((conn) => accepted = conn);
  try {
    const started = performance.now();
    const error = await dialError({ port: listener.addr.port, timeoutMs: 200 });
    assert.ok(performance.now() - started < 2_000);
    assert.equal(error.code, "timeout");
    assert.equal(
      error.message,
      `127.0.0.1:${listener.addr.port} did not answer within 200 ms — is the address right and the port open? (timed out)`,
    );
  } finally {
    await accepting;
    accepted?.close();
    listener.close();
  }
});

Deno.test("dialTls() to a name that does not resolve fails with DialError 'dns'", async () => {
  const error = await dialError({ hostname: "no-such-host.invalid", port: 5555, timeoutMs: 5_000 });
  // Some sandboxes answer every name or block DNS: accept a timeout there.
  assert.ok(["dns", "timeout"].includes(error.code), error.message);
  if (error.code === "dns") {
    assert.equal(
      error.message,
      "cannot find no-such-host.invalid — check the name, or use its IP address (DNS lookup failed)",
    );
  }
});

Deno.test("hostPort() brackets IPv6 addresses", () => {
  assert.equal(hostPort("pi.local", 5555), "pi.local:5555");
  assert.equal(hostPort("::1", 5555), "[::1]:5555");
  assert.equal(hostPort("[::1]", 5555), "[::1]:5555");
});

Deno.test("dialTls() hands out a paused connection: what the peer sends first waits for resume()", async () => {
  await using server = await testListener((conn) => {
    conn.send(encodeFrame(new TextEncoder().encode("first")));
  });
  const circle = await testCircle();
  const conn = await dialTls({ hostname: "127.0.0.1", port: server.port, caPem: circle.caPem });
  await new Promise((resolve) => setTimeout(resolve, 100)); // the caller is busy elsewhere
  const got: string[] = [];
  conn.onFrame = (payload) => got.push(new TextDecoder().decode(payload));
  conn.resume();
  await waitFor(() => got.length === 1, "the first frame");
  assert.deepEqual(got, ["first"]);
  await conn.close();
});
