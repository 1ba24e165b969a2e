import assert from "node:assert/strict";
import { DialError, dialHandshake, dialTls, HandshakeError } from "../../net/mod.ts";
import { encodeFrame } from "../../protocol/mod.ts";
import { startRegistry } from "../../registry/mod.ts";
import { testCircle } from "../support/test_circle.ts";
import { waitFor } from "../support/wait_for.ts";
import { lanAddress, ManualClock, RawRegistryClient, testRegistry } from "./_fixtures.ts";

const SINCE = 1_700_000_000_000;

Deno.test("startRegistry() lists a registered server", async () => {
  await using registry = await testRegistry();
  const server = await RawRegistryClient.connect(registry.port);
  const member = await RawRegistryClient.connect(registry.port);
  try {
    server.send({
      t: "register",
      name: "living room",
      host: "192.168.1.20",
      port: 5555,
      users: 3,
      since: SINCE,
    });
    await server.sync();
    assert.deepEqual(await member.list(), [
      { name: "living room", host: "192.168.1.20", port: 5555, users: 3, since: SINCE },
    ]);
    assert.equal(registry.entries().length, 1);
  } finally {
    await server.close();
    await member.close();
  }
});

Deno.test("startRegistry() lists the connection's address when register gives no host or a wildcard", async () => {
  const clock = new ManualClock();
  await using registry = await testRegistry({ clock: clock.read });
  const server = await RawRegistryClient.connect(registry.port);
  try {
    server.send({ t: "register", name: "den", port: 5557, users: 0 });
    await server.sync();
    assert.deepEqual(registry.entries(), [
      { name: "den", host: "127.0.0.1", port: 5557, users: 0, since: clock.now },
    ]);
    server.send({ t: "register", name: "den", host: "0.0.0.0", port: 5557, users: 0 });
    await server.sync();
    assert.equal(registry.entries()[0]?.host, "127.0.0.1", "a wildcard is no address");
  } finally {
    await server.close();
  }
});

Deno.test("startRegistry() updates the user count on beat", async () => {
  await using registry = await testRegistry();
  const server = await RawRegistryClient.connect(registry.port);
  try {
    server.send({ t: "register", name: "den", port: 5555, users: 1, since: SINCE });
    server.send({ t: "beat", users: 7 });
    await server.sync();
    assert.equal(registry.entries()[0]?.users, 7);
    server.send({ t: "beat", users: 2 });
    await server.sync();
    assert.equal(registry.entries()[0]?.users, 2);
  } finally {
    await server.close();
  }
});

Deno.test("startRegistry() refuses a beat without register, and keeps the connection", async () => {
  await using registry = await testRegistry();
  const server = await RawRegistryClient.connect(registry.port);
  try {
    server.send({ t: "beat", users: 1 });
    const refused = await server.waitFor("refused", (m) => m.t === "refused");
    assert.equal(refused.t === "refused" && refused.code, "not-registered");
    await server.sync();
    assert.equal(server.closedReason, undefined);
    assert.deepEqual(registry.entries(), []);
  } finally {
    await server.close();
  }
});

Deno.test("startRegistry() forgets an entry when its connection ends", async () => {
  await using registry = await testRegistry();
  const server = await RawRegistryClient.connect(registry.port);
  server.send({ t: "register", name: "den", port: 5555, users: 1 });
  await server.sync();
  assert.equal(registry.entries().length, 1);
  await server.close(); // no bye: a dropped connection
  await waitFor(() => registry.entries().length === 0, "the entry to go");
  await waitFor(() => registry.connections === 0, "the connection to be forgotten");
});

Deno.test("startRegistry() forgets an entry on bye", async () => {
  await using registry = await testRegistry();
  const server = await RawRegistryClient.connect(registry.port);
  server.send({ t: "register", name: "den", port: 5555, users: 1 });
  await server.sync();
  server.send({ t: "bye" });
  await waitFor(() => server.closedReason !== undefined, "the registry to close on bye");
  assert.deepEqual(registry.entries(), []);
  await server.close();
});

Deno.test("startRegistry() drops an entry 30 s after its last beat", async () => {
  const clock = new ManualClock();
  await using registry = await testRegistry({ clock: clock.read, sweepIntervalMs: 60_000 });
  const server = await RawRegistryClient.connect(registry.port);
  try {
    server.send({ t: "register", name: "den", port: 5555, users: 1 });
    await server.sync();
    clock.advance(25_000);
    server.send({ t: "beat", users: 2 });
    await server.sync();
    clock.advance(29_000);
    assert.equal(registry.sweep(), 0);
    assert.equal(registry.entries().length, 1, "beaten 29 s ago: still there");
    clock.advance(2_000);
    assert.equal(registry.sweep(), 1);
    assert.deepEqual(registry.entries(), []);
    const error = await server.waitFor("the expiry", (m) => m.t === "error");
    assert.equal(error.t === "error" && error.code, "expired");
    await waitFor(() => server.closedReason !== undefined, "the connection to close");
  } finally {
    await server.close();
  }
});

Deno.test("startRegistry() closes a connection that stays silent", async () => {
  const clock = new ManualClock();
  await using registry = await testRegistry({
    clock: clock.read,
    sweepIntervalMs: 60_000,
    limits: { idleMs: 5_000 },
  });
  const member = await RawRegistryClient.connect(registry.port);
  try {
    await member.sync();
    clock.advance(4_000);
    assert.equal(registry.sweep(), 0);
    clock.advance(2_000);
    assert.equal(registry.sweep(), 1);
    await waitFor(() => member.closedReason !== undefined, "the silent connection to close");
  } finally {
    await member.close();
  }
});

Deno.test("startRegistry() answers ping with pong", async () => {
  await using registry = await testRegistry();
  const client = await RawRegistryClient.connect(registry.port);
  try {
    client.send({ t: "ping", ts: 42 });
    const pong = await client.waitFor("pong", (m) => m.t === "pong");
    assert.deepEqual(pong, { t: "pong", ts: 42 });
  } finally {
    await client.close();
  }
});

Deno.test("startRegistry() refuses a dialer with another key", async () => {
  await using registry = await testRegistry();
  const mine = await testCircle(1);
  const theirs = await testCircle(2);
  // TLS passes (our CA), the proof does not (their key).
  const conn = await dialTls({ hostname: "127.0.0.1", port: registry.port, caPem: mine.caPem });
  await assert.rejects(
    dialHandshake(conn, { role: "registry", authKey: theirs.authKey }),
    (error) => error instanceof HandshakeError && error.code === "not-in-circle",
  );
  // A member of another circle does not even get past TLS.
  await assert.rejects(
    dialTls({ hostname: "127.0.0.1", port: registry.port, caPem: theirs.caPem }),
    (error) => error instanceof DialError && error.code === "foreign",
  );
  assert.deepEqual(registry.entries(), []);
});

Deno.test("startRegistry() answers bad frames with bad-frame and goes on serving", async () => {
  await using registry = await testRegistry();
  const garbage: Uint8Array[] = [
    new TextEncoder().encode("not json"),
    new Uint8Array([0xff, 0xfe, 0x00]),
    new TextEncoder().encode("[1,2,3]"),
    new TextEncoder().encode('{"t":"register","name":"","port":0,"users":-1}'),
    new TextEncoder().encode('{"t":"nope"}'),
    new TextEncoder().encode('{"t":"say","id":"x","body":"gAAAAA"}'),
  ];
  for (const payload of garbage) {
    const client = await RawRegistryClient.connect(registry.port);
    try {
      client.conn.send(encodeFrame(payload));
      const error = await client.waitFor("an error", (m) => m.t === "error");
      assert.equal(error.t === "error" && error.code, "bad-frame");
      await waitFor(() => client.closedReason !== undefined, "the registry to close");
    } finally {
      await client.close();
    }
  }
  // A frame over the limit ends the connection at the frame layer.
  const big = await RawRegistryClient.connect(registry.port);
  big.conn.send(encodeFrame(new Uint8Array(64 * 1024).fill(0x20)));
  await waitFor(() => big.closedReason !== undefined, "an oversized frame to close it");
  await big.close();
  // Still serving.
  const member = await RawRegistryClient.connect(registry.port);
  try {
    assert.deepEqual(await member.list(), []);
  } finally {
    await member.close();
  }
});

Deno.test("startRegistry() closes a connection that floods it", async () => {
  await using registry = await testRegistry({ limits: { frameBurst: 5, framesPerSecond: 1 } });
  const client = await RawRegistryClient.connect(registry.port);
  try {
    for (let i = 0; i < 10; i++) client.send({ t: "ping", ts: i });
    const error = await client.waitFor("an error", (m) => m.t === "error");
    assert.equal(error.t === "error" && error.code, "rate-limited");
    assert.equal(client.received.filter((m) => m.t === "pong").length, 5);
  } finally {
    await client.close();
  }
});

Deno.test("startRegistry() limits entries per address", async () => {
  await using registry = await testRegistry({ limits: { maxPerAddress: 2 } });
  const clients = await Promise.all([0, 1, 2].map(() => RawRegistryClient.connect(registry.port)));
  try {
    for (const [i, client] of clients.entries()) {
      client.send({ t: "register", name: `s${i}`, port: 5555 + i, users: 0 });
      if (i < 2) await client.sync();
    }
    const error = await clients[2]!.waitFor("an error", (m) => m.t === "error");
    assert.equal(error.t === "error" && error.code, "too-many-from-address");
    assert.equal(registry.entries().length, 2);
  } finally {
    await Promise.all(clients.map((client) => client.close()));
  }
});

Deno.test("startRegistry() refuses connections past its cap", async () => {
  await using registry = await testRegistry({ limits: { maxConnections: 1 } });
  const first = await RawRegistryClient.connect(registry.port);
  try {
    await assert.rejects(
      RawRegistryClient.connect(registry.port),
      (error) => error instanceof HandshakeError && error.code === "full",
    );
  } finally {
    await first.close();
  }
});

Deno.test("startRegistry() close() tells servers it shuts down", async () => {
  const registry = await testRegistry();
  const server = await RawRegistryClient.connect(registry.port);
  server.send({ t: "register", name: "den", port: 5555, users: 1 });
  await server.sync();
  await registry.close();
  const error = await server.waitFor("shutdown", (m) => m.t === "error");
  assert.equal(error.t === "error" && error.code, "shutdown");
  await waitFor(() => server.closedReason !== undefined, "the connection to close");
  assert.deepEqual(registry.entries(), []);
  await server.close();
  await registry.close(); // twice is fine
});

Deno.test("startRegistry() lists a loopback server under the address a remote lister used", async (t) => {
  const lan = lanAddress();
  if (lan === undefined) {
    await t.step({ name: "no LAN address on this machine", ignore: true, fn: () => {} });
    return;
  }
  const circle = await testCircle(1);
  const registry = await startRegistry({ key: circle.key, hostname: "0.0.0.0", port: 0 });
  const server = await RawRegistryClient.connect(registry.port); // from 127.0.0.1
  const local = await RawRegistryClient.connect(registry.port);
  const remote = await RawRegistryClient.connect(registry.port, { hostname: lan });
  try {
    server.send({ t: "register", name: "up", port: 5555, users: 1 });
    server.send({ t: "register", name: "up", port: 5555, users: 1 }); // again: replaces
    const elsewhere = await RawRegistryClient.connect(registry.port);
    elsewhere.send({ t: "register", name: "other", host: "10.9.8.7", port: 6000, users: 0 });
    await elsewhere.sync();
    await server.sync();
    assert.deepEqual(
      (await local.list()).map((s) => s.host),
      ["10.9.8.7", "127.0.0.1"],
      "a lister on this machine sees loopback",
    );
    assert.deepEqual(
      (await remote.list()).map((s) => s.host),
      ["10.9.8.7", lan],
      "a lister from elsewhere sees the address it reached",
    );
    assert.deepEqual(registry.entries().map((s) => s.host), ["10.9.8.7", "127.0.0.1"]);
    await elsewhere.close();
  } finally {
    await Promise.all([server.close(), local.close(), remote.close()]);
    await registry.close();
  }
});

Deno.test("startRegistry() lists loopback servers under its listen address when it has one", async (t) => {
  const lan = lanAddress();
  if (lan === undefined) {
    await t.step({ name: "no LAN address on this machine", ignore: true, fn: () => {} });
    return;
  }
  const circle = await testCircle(1);
  // Listening on one address: that is where every lister arrived, whatever the interfaces say.
  const registry = await startRegistry({
    key: circle.key,
    hostname: lan,
    port: 0,
    interfaces: () => [],
  });
  const server = await RawRegistryClient.connect(registry.port, { hostname: lan });
  try {
    server.send({ t: "register", name: "up", host: "127.0.0.1", port: 5555, users: 1 });
    await server.sync();
    assert.deepEqual((await server.list()).map((s) => s.host), [lan]);
  } finally {
    await server.close();
    await registry.close();
  }
});
