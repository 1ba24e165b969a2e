/**
 * The registry killed with SIGKILL and started again on the same port: the
 * chat server (a real process) registers again by itself within 15 s, and
 * while the registry is gone the members keep chatting on their server.
 */

import assert from "node:assert/strict";
import { listServers } from "../../registry/mod.ts";
import { figure } from "../support/figure.ts";
import { freePort } from "../support/free_port.ts";
import { circleHome } from "../support/circle_home.ts";
import { runStealth, StealthProcess } from "../support/stealth_process.ts";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

Deno.test("a registry killed with SIGKILL and restarted has the server back within 15 s; chat goes on meanwhile", async () => {
  const home = await circleHome();
  const registryPort = freePort();
  const processes: StealthProcess[] = [];
  const start = (args: string[], stdin = false) => {
    const p = new StealthProcess(args, { env: home.env, stdin });
    processes.push(p);
    return p;
  };
  const registryArgs = ["registry", "--host", "127.0.0.1", "--port", String(registryPort)];
  const listed = async () => {
    try {
      const list = await listServers({
        key: home.key,
        hostname: "127.0.0.1",
        port: registryPort,
        timeoutMs: 2_000,
      });
      return list.some((entry) => entry.name === "Cellar");
    } catch {
      return false;
    }
  };
  try {
    let registry = start(registryArgs);
    await registry.waitFor(/registry listening on/, { timeoutMs: 20_000 });
    const server = start([
      "server",
      "--host",
      "127.0.0.1",
      "--port",
      "0",
      "--name",
      "Cellar",
      "--registry",
      `127.0.0.1:${registryPort}`,
    ]);
    const line = await server.waitFor(/listening on 127\.0\.0\.1:\d+/, { timeoutMs: 20_000 });
    const serverPort = Number(/:(\d+)$/.exec(line)?.[1]);
    let registered = false;
    for (let i = 0; i < 100 && !registered; i++) {
      registered = await listed();
      if (!registered) await sleep(100);
    }
    assert.ok(registered, "the server registered at first");

    const alice = start(["chat", `127.0.0.1:${serverPort}`, "--plain", "--nick", "alice"], true);
    const bob = start(["chat", `127.0.0.1:${serverPort}`, "--plain", "--nick", "bob"], true);
    await alice.waitFor(/connected to Cellar/);
    await bob.waitFor(/connected to Cellar/);

    await registry.stop("SIGKILL");
    const killedAt = performance.now();
    // Members keep chatting; a member who asks the registry is told it is gone.
    for (let i = 0; i < 10; i++) await alice.writeLine(`while the registry is down ${i}`);
    await bob.waitFor(/<alice> while the registry is down 9/);
    const list = await runStealth(
      ["list", "--registry", `127.0.0.1:${registryPort}`],
      { env: home.env },
    );
    assert.equal(list.code, 1);
    assert.match(list.stderr, /connection refused/);
    await sleep(Math.max(0, 2_500 - (performance.now() - killedAt)));

    registry = start(registryArgs);
    await registry.waitFor(/registry listening on/, { timeoutMs: 20_000 });
    const restartedAt = performance.now();
    let back = false;
    while (!back && performance.now() - restartedAt < 15_000) {
      back = await listed();
      if (!back) await sleep(100);
    }
    const reregisteredMs = performance.now() - restartedAt;
    figure("faults.registry_sigkill", {
      down_ms: restartedAt - killedAt,
      reregistered_in_ms: reregisteredMs,
      messages_during_outage: 10,
      delivered_during_outage: bob.stdout.filter((l) => /while the registry is down/.test(l))
        .length,
    });
    assert.ok(back, "the server registered again within 15 s");

    await alice.writeLine("and after");
    await bob.waitFor(/<alice> and after/);
    for (const p of [alice, bob]) await p.closeStdin();
    assert.equal((await alice.status()).code, 0);
    assert.equal((await bob.status()).code, 0);
  } finally {
    for (const p of processes) await p.stop("SIGKILL").catch(() => {});
    await home.remove();
  }
});
