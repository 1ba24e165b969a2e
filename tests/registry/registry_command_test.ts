import assert from "node:assert/strict";
import { runRegistry } from "../../registry/mod.ts";
import { waitFor } from "../support/wait_for.ts";
import { RawRegistryClient, tempKeyFile, testRegistry } from "./_fixtures.ts";

Deno.test("runRegistry() serves until its signal aborts", async () => {
  const keyFile = await tempKeyFile();
  const stdout: string[] = [];
  const stderr: string[] = [];
  const controller = new AbortController();
  try {
    const running = runRegistry({
      keyPath: keyFile.path,
      hostname: "127.0.0.1",
      port: 0,
      signal: controller.signal,
      stdout: (line) => stdout.push(line),
      stderr: (line) => stderr.push(line),
    });
    await waitFor(() => stdout.length > 0, "the listening line");
    const match = /^registry listening on 127\.0\.0\.1:(\d+)$/.exec(stdout[0]!);
    assert.ok(match, stdout[0]);
    const client = await RawRegistryClient.connect(Number(match[1]));
    assert.deepEqual(await client.list(), []);
    controller.abort();
    assert.equal(await running, 0);
    const error = await client.waitFor("shutdown", (m) => m.t === "error");
    assert.equal(error.t === "error" && error.code, "shutdown");
    await client.close();
    assert.deepEqual(stderr, []);
    assert.equal(stdout.length, 1);
  } finally {
    await keyFile.remove();
  }
});

Deno.test("runRegistry() says so when the port is in use", async () => {
  await using other = await testRegistry();
  const keyFile = await tempKeyFile();
  const stderr: string[] = [];
  try {
    const code = await runRegistry({
      keyPath: keyFile.path,
      hostname: "127.0.0.1",
      port: other.port,
      stdout: () => assert.fail("nothing on stdout"),
      stderr: (line) => stderr.push(line),
    });
    assert.equal(code, 1);
    assert.deepEqual(stderr, [
      `stealth: port ${other.port} is already in use — is another registry running? choose another with --port`,
    ]);
  } finally {
    await keyFile.remove();
  }
});

Deno.test("runRegistry() exits 1 with one line when the key cannot be read", async () => {
  const stderr: string[] = [];
  const code = await runRegistry({
    keyPath: "/nonexistent/secret.key",
    hostname: "127.0.0.1",
    port: 0,
    stderr: (line) => stderr.push(line),
  });
  assert.equal(code, 1);
  assert.equal(stderr.length, 1);
  assert.match(stderr[0]!, /^stealth: /);
});
