/**
 * End to end: the real main.ts as processes — registry, server, two line-mode
 * clients, `list --json` — all on 127.0.0.1.
 */

import assert from "node:assert/strict";
import { runStealth, StealthProcess, tempHome } from "../support/stealth_process.ts";

/** Waits for the `… listening on 127.0.0.1:PORT` line and returns the port. */
async function portOf(process: StealthProcess, pattern: RegExp): Promise<number> {
  const line = await process.waitFor(pattern, { timeoutMs: 20_000 });
  const port = Number(line.match(/:(\d+)\b(?!.*:\d)/)?.[1]);
  assert.ok(port > 0, line);
  return port;
}

async function filesUnder(dir: string): Promise<string[]> {
  const names: string[] = [];
  for await (const entry of Deno.readDir(dir)) names.push(entry.name);
  return names.sort();
}

Deno.test("registry, server and two plain clients chat; list --json shows the server", async () => {
  const home = await tempHome();
  const work = await Deno.makeTempDir({ prefix: "stealth-cwd-" });
  const processes: StealthProcess[] = [];
  const start = (args: string[], stdin = false) => {
    const p = new StealthProcess(args, { env: home.env, cwd: work, stdin });
    processes.push(p);
    return p;
  };
  try {
    assert.equal((await runStealth(["keygen"], { env: home.env })).code, 0);
    const before = await filesUnder(home.dir);

    const registry = start(["registry", "--host", "127.0.0.1", "--port", "0", "--debug"]);
    const registryPort = await portOf(registry, /registry listening on/);
    const server = start([
      "server",
      "--host",
      "127.0.0.1",
      "--port",
      "0",
      "--name",
      "Kitchen",
      "--registry",
      `127.0.0.1:${registryPort}`,
      "--debug",
    ]);
    const serverPort = await portOf(server, /listening on 127\.0\.0\.1:\d+/);

    const alice = start(["chat", `127.0.0.1:${serverPort}`, "--plain", "--nick", "alice"], true);
    await alice.waitFor(/connected to Kitchen/);
    const bob = start(["chat", `127.0.0.1:${serverPort}`, "--plain", "--nick", "bob"], true);
    await bob.waitFor(/connected to Kitchen/);
    await alice.waitFor(/bob joined/);

    const secret = "the-cake-is-in-the-oven-4242";
    await alice.writeLine(`hello bob ${secret}`);
    await bob.waitFor(new RegExp(`<alice> hello bob ${secret}`));
    await bob.writeLine("/me waves");
    await alice.waitFor(/\* bob waves/);
    await bob.writeLine("/msg alice just you");
    await alice.waitFor(/<bob → you> just you/);

    // The registry lists the server with both members (beats are immediate on change).
    let listed: { name: string; users: number; port: number }[] = [];
    for (let i = 0; i < 50; i++) {
      const list = await runStealth(["list", "--registry", `127.0.0.1:${registryPort}`, "--json"], {
        env: home.env,
      });
      assert.equal(list.code, 0, list.stderr);
      listed = JSON.parse(list.stdout);
      if (listed[0]?.users === 2) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    assert.equal(listed.length, 1);
    assert.equal(listed[0]!.name, "Kitchen");
    assert.equal(listed[0]!.port, serverPort);
    assert.equal(listed[0]!.users, 2);

    await bob.closeStdin();
    assert.equal((await bob.status()).code, 0);
    await alice.waitFor(/bob left \(quit\)/);
    await alice.closeStdin();
    assert.equal((await alice.status()).code, 0);

    await server.stop();
    await registry.stop();
    // Nothing was written: not in the home, not in the working folder.
    assert.deepEqual(await filesUnder(home.dir), before);
    assert.deepEqual(await filesUnder(work), []);
    // The message text never appears in the server's or registry's output, even with --debug.
    for (const p of [server, registry]) {
      assert.ok(p.stderr.length > 0, "--debug printed a trace");
      assert.ok(!p.output.includes(secret), "message text leaked");
      assert.ok(!p.output.includes("just you"), "private text leaked");
      assert.ok(!/\b(alice|bob)\b/.test(p.stdout.join("\n")), "nicks on stdout");
    }
  } finally {
    for (const p of processes) await p.stop("SIGKILL").catch(() => {});
    await home.remove();
    await Deno.remove(work, { recursive: true }).catch(() => {});
  }
});

Deno.test("stealth up makes a key when the home has none and says how to share it", async () => {
  const home = await tempHome();
  const up = new StealthProcess([
    "up",
    "--host",
    "127.0.0.1",
    "--port",
    "0",
    "--registry-port",
    "0",
  ], {
    env: home.env,
  });
  try {
    await up.waitFor(/members join with/, { timeoutMs: 20_000 });
    assert.match(up.stdout.join("\n"), /made a new circle key: .*secret\.key/);
    assert.match(up.stdout.join("\n"), /fingerprint: \d{4}( \d{4}){5}/);
    const stat = await Deno.stat(`${home.dir}/secret.key`);
    assert.equal(stat.mode! & 0o777, 0o600);
    const status = await up.stop("SIGTERM");
    assert.equal(status.code, 0);
    assert.match(up.stdout.join("\n"), /shutting down/);
  } finally {
    await up.stop("SIGKILL").catch(() => {});
    await home.remove();
  }
});

Deno.test("stealth chat with the wrong key exits 3 with a clear line", async () => {
  const hostHome = await tempHome();
  const memberHome = await tempHome();
  const up = new StealthProcess([
    "up",
    "--host",
    "127.0.0.1",
    "--port",
    "0",
    "--registry-port",
    "0",
  ], {
    env: hostHome.env,
  });
  try {
    const line = await up.waitFor(/stealth is up/, { timeoutMs: 20_000 });
    const port = Number(line.match(/chat server .* on port (\d+)/)?.[1]);
    assert.equal((await runStealth(["keygen"], { env: memberHome.env })).code, 0);
    const chat = await runStealth(["chat", `127.0.0.1:${port}`, "--plain", "--nick", "eve"], {
      env: memberHome.env,
      stdin: "",
    });
    assert.equal(chat.code, 3);
    assert.match(chat.stderr, /this server is not in your circle — check secret\.key/);
    assert.equal(chat.stderr.trim().split("\n").length, 1, chat.stderr);
  } finally {
    await up.stop("SIGKILL").catch(() => {});
    await hostHome.remove();
    await memberHome.remove();
  }
});
