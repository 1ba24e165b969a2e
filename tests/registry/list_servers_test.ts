import assert from "node:assert/strict";
import { DialError, HandshakeError } from "../../net/mod.ts";
import { listServers, startRegistry } from "../../registry/mod.ts";
import { testCircle } from "../support/test_circle.ts";
import { waitFor } from "../support/wait_for.ts";
import { lanAddress, RawRegistryClient, testRegistry } from "./_fixtures.ts";

Deno.test("listServers() returns the registry's entries and leaves nothing open", async () => {
  await using registry = await testRegistry();
  const circle = await testCircle(1);
  assert.deepEqual(
    await listServers({ key: circle.key, hostname: "127.0.0.1", port: registry.port }),
    [],
  );
  const server = await RawRegistryClient.connect(registry.port);
  try {
    server.send({ t: "register", name: "den", host: "10.0.0.5", port: 5555, users: 2, since: 1 });
    await server.sync();
    assert.deepEqual(
      await listServers({ key: circle.key, hostname: "127.0.0.1", port: registry.port }),
      [{ name: "den", host: "10.0.0.5", port: 5555, users: 2, since: 1 }],
    );
    await waitFor(
      () => registry.connections === 1,
      "the list connection to go, the server's to stay",
    );
  } finally {
    await server.close();
  }
});

Deno.test("listServers() rejects with a one-line DialError when nothing listens", async () => {
  const probe = Deno.listen({ hostname: "127.0.0.1", port: 0 });
  const port = probe.addr.port;
  probe.close();
  const circle = await testCircle(1);
  await assert.rejects(
    listServers({ key: circle.key, hostname: "127.0.0.1", port }),
    (error) =>
      error instanceof DialError && error.code === "refused" && !error.message.includes("\n"),
  );
});

Deno.test("listServers() rejects a registry of another circle", async () => {
  await using registry = await testRegistry({ seed: 2 });
  const circle = await testCircle(1);
  await assert.rejects(
    listServers({ key: circle.key, hostname: "127.0.0.1", port: registry.port }),
    (error) => error instanceof DialError && error.code === "foreign",
  );
});

Deno.test("listServers() rejects a chat port with a role error", async () => {
  // A registry answering as another role is the closest stand-in for a chat server here.
  const { listenTls, acceptHandshake, AuthThrottle } = await import("../../net/mod.ts");
  const circle = await testCircle(1);
  const listener = await listenTls({
    hostname: "127.0.0.1",
    port: 0,
    cert: circle.certPem,
    key: circle.keyPem,
    onConnection(conn) {
      acceptHandshake(conn, {
        role: "server",
        name: "room",
        authKey: circle.authKey,
        throttle: new AuthThrottle(),
        timeoutMs: 1_000,
      }).catch(() => {});
    },
  });
  try {
    await assert.rejects(
      listServers({ key: circle.key, hostname: "127.0.0.1", port: listener.port }),
      (error) => error instanceof HandshakeError && error.code === "role",
    );
  } finally {
    await listener.close();
  }
});

Deno.test("listServers() gives loopback entries the address it dialed", async (t) => {
  const lan = lanAddress();
  if (lan === undefined) {
    await t.step({ name: "no LAN address on this machine", ignore: true, fn: () => {} });
    return;
  }
  const circle = await testCircle(1);
  // No interfaces known to the registry: the client's substitution does the work.
  const registry = await startRegistry({
    key: circle.key,
    hostname: "0.0.0.0",
    port: 0,
    interfaces: () => [],
  });
  const server = await RawRegistryClient.connect(registry.port);
  try {
    server.send({ t: "register", name: "up", port: 5555, users: 0 });
    await server.sync();
    const remote = await listServers({ key: circle.key, hostname: lan, port: registry.port });
    assert.equal(remote[0]?.host, lan);
    const local = await listServers({
      key: circle.key,
      hostname: "127.0.0.1",
      port: registry.port,
    });
    assert.equal(local[0]?.host, "127.0.0.1");
  } finally {
    await server.close();
    await registry.close();
  }
});
