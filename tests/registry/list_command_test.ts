import assert from "node:assert/strict";
import { formatTable, formatUptime, runList, type RunListOptions } from "../../registry/mod.ts";
import { RawRegistryClient, tempKeyFile, testRegistry } from "./_fixtures.ts";

const NOW = 1_700_000_000_000;
const MIN = 60_000;
const HOUR = 60 * MIN;

async function list(options: Partial<RunListOptions> & { registry: string }, seed = 1) {
  const keyFile = await tempKeyFile(seed);
  const stdout: string[] = [];
  const stderr: string[] = [];
  try {
    const code = await runList({
      keyPath: keyFile.path,
      json: false,
      now: () => NOW,
      stdout: (line) => stdout.push(line),
      stderr: (line) => stderr.push(line),
      ...options,
    });
    return { code, stdout, stderr };
  } finally {
    await keyFile.remove();
  }
}

async function registryWithServers() {
  const registry = await testRegistry();
  const servers = await Promise.all([0, 1].map(() => RawRegistryClient.connect(registry.port)));
  servers[0]!.send({
    t: "register",
    name: "living room",
    host: "192.168.1.20",
    port: 5555,
    users: 3,
    since: NOW - 3 * HOUR - 12 * MIN,
  });
  servers[1]!.send({
    t: "register",
    name: "den",
    host: "10.0.0.2",
    port: 5557,
    users: 1,
    since: NOW - 42_000,
  });
  await Promise.all(servers.map((server) => server.sync()));
  return {
    port: registry.port,
    async [Symbol.asyncDispose]() {
      await Promise.all(servers.map((server) => server.close()));
      await registry.close();
    },
  };
}

Deno.test("runList() prints a line per server", async () => {
  await using registry = await registryWithServers();
  const { code, stdout, stderr } = await list({ registry: `127.0.0.1:${registry.port}` });
  assert.equal(code, 0);
  assert.deepEqual(stderr, []);
  assert.deepEqual(stdout, [
    `2 servers at 127.0.0.1:${registry.port}`,
    "  den           10.0.0.2:5557       1 online   up 42 sec",
    "  living room   192.168.1.20:5555   3 online   up 3 hr 12 min",
  ]);
});

Deno.test("runList() prints one JSON array with json", async () => {
  await using registry = await registryWithServers();
  const { code, stdout } = await list({ registry: `127.0.0.1:${registry.port}`, json: true });
  assert.equal(code, 0);
  assert.equal(stdout.length, 1);
  assert.deepEqual(JSON.parse(stdout[0]!), [
    { name: "den", host: "10.0.0.2", port: 5557, users: 1, since: NOW - 42_000 },
    { name: "living room", host: "192.168.1.20", port: 5555, users: 3, since: NOW - 192 * MIN },
  ]);
});

Deno.test("runList() says how to start a server when none is registered", async () => {
  await using registry = await testRegistry();
  const text = await list({ registry: `127.0.0.1:${registry.port}` });
  assert.equal(text.code, 0);
  assert.deepEqual(text.stdout, [
    `no servers are registered at 127.0.0.1:${registry.port} — start one with \`stealth up\` or \`stealth server --registry 127.0.0.1\``,
  ]);
  const json = await list({ registry: `127.0.0.1:${registry.port}`, json: true });
  assert.deepEqual(json.stdout, ["[]"]);
});

Deno.test("runList() exits 1 with one line when the registry is unreachable", async () => {
  const probe = Deno.listen({ hostname: "127.0.0.1", port: 0 });
  const port = probe.addr.port;
  probe.close();
  const { code, stdout, stderr } = await list({ registry: `127.0.0.1:${port}`, json: true });
  assert.equal(code, 1);
  assert.deepEqual(stdout, []);
  assert.equal(stderr.length, 1);
  assert.match(
    stderr[0]!,
    /^stealth: cannot reach the registry at 127\.0\.0\.1:\d+ — is it running\?/,
  );
});

Deno.test("runList() exits 3 when the registry is of another circle", async () => {
  await using registry = await testRegistry({ seed: 2 });
  const { code, stderr } = await list({ registry: `127.0.0.1:${registry.port}` });
  assert.equal(code, 3);
  assert.equal(stderr.length, 1);
  assert.match(stderr[0]!, /this registry is not in your circle — check secret\.key$/);
});

Deno.test("runList() exits 2 on a bad HOST[:PORT] and 1 on a missing key", async () => {
  const bad = await list({ registry: "pi.local:nope" });
  assert.equal(bad.code, 2);
  assert.match(bad.stderr[0]!, /^stealth: Cannot read "pi.local:nope" as HOST\[:PORT\]/);
  const stderr: string[] = [];
  const code = await runList({
    keyPath: "/nonexistent/secret.key",
    registry: "127.0.0.1",
    json: false,
    stdout: () => {},
    stderr: (line) => stderr.push(line),
  });
  assert.equal(code, 1);
  assert.equal(stderr.length, 1);
});

Deno.test("formatUptime() reads like people talk", () => {
  assert.equal(formatUptime(-5_000), "just started");
  assert.equal(formatUptime(500), "just started");
  assert.equal(formatUptime(42_000), "up 42 sec");
  assert.equal(formatUptime(12 * MIN + 5_000), "up 12 min 5 sec");
  assert.equal(formatUptime(3 * HOUR + 12 * MIN), "up 3 hr 12 min");
  assert.equal(formatUptime(52 * HOUR), "up 2 days 4 hr");
});

Deno.test("formatTable() escapes control characters in names", () => {
  const [line] = formatTable(
    [{ name: "evil\u001b[2J", host: "::1", port: 5555, users: 0, since: NOW }],
    NOW,
  );
  assert.equal(line, "  evil?[2J   [::1]:5555   0 online   just started");
});
