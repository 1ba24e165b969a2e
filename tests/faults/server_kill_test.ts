/**
 * The chat server killed with SIGKILL and started again on the same port:
 * the line-mode clients (real processes) reconnect by themselves, get a new
 * session, the room is told they joined, and what a member typed while the
 * server was dead is delivered.
 *
 * Alice reaches the server through a TCP proxy the test can hold shut for a
 * moment, so that Bob is back in the room before Alice's queued messages
 * go out: otherwise who hears them would depend on which client's backoff
 * fires first.
 */

import assert from "node:assert/strict";
import { figure } from "../support/figure.ts";
import { freePort } from "../support/free_port.ts";
import { circleHome } from "../support/circle_home.ts";
import { StealthProcess } from "../support/stealth_process.ts";
import { TcpProxy } from "../support/tcp_proxy.ts";
import { waitFor } from "../support/wait_for.ts";

type Line = Record<string, unknown>;

/** The JSON lines a `chat --json` process printed so far. */
function events(process: StealthProcess): Line[] {
  return process.stdout.flatMap((line) => {
    try {
      return [JSON.parse(line) as Line];
    } catch {
      return [];
    }
  });
}

async function waitForEvent(
  process: StealthProcess,
  what: string,
  match: (event: Line) => boolean,
  timeoutMs = 15_000,
): Promise<Line> {
  await waitFor(() => events(process).some(match), what, timeoutMs);
  return events(process).find(match)!;
}

function startServer(env: Record<string, string>, port: number): StealthProcess {
  return new StealthProcess(
    ["server", "--host", "127.0.0.1", "--port", String(port), "--name", "Attic"],
    { env },
  );
}

Deno.test("a chat server killed with SIGKILL and restarted gets its members back, with what they queued", async () => {
  const home = await circleHome();
  const port = freePort();
  const processes: StealthProcess[] = [];
  let server = startServer(home.env, port);
  processes.push(server);
  await using gate = await TcpProxy.start({ port });
  try {
    await server.waitFor(/listening on 127\.0\.0\.1:\d+/, { timeoutMs: 20_000 });
    const chat = (nick: string, to: number) => {
      const p = new StealthProcess(["chat", `127.0.0.1:${to}`, "--json", "--nick", nick], {
        env: home.env,
        stdin: true,
      });
      processes.push(p);
      return p;
    };
    const alice = chat("alice", gate.port);
    const bob = chat("bob", port);
    const connected = (e: Line) => e.type === "info" && e.code === "connected";
    await waitForEvent(alice, "alice connected", connected, 20_000);
    await waitForEvent(bob, "bob connected", connected, 20_000);
    await alice.writeLine("before the crash");
    await waitForEvent(bob, "the first message", (e) => e.text === "before the crash");

    const killedAt = performance.now();
    await server.stop("SIGKILL");
    const lost = (e: Line) => e.type === "info" && e.code === "connection-lost";
    await waitForEvent(alice, "alice to notice", lost);
    await waitForEvent(bob, "bob to notice", lost);

    const queued = Array.from({ length: 20 }, (_, i) => `typed while the server was down ${i}`);
    for (const line of queued) await alice.writeLine(line);

    gate.stall(); // Alice's next attempt waits here until Bob is back in.
    server = startServer(home.env, port);
    processes.push(server);
    await server.waitFor(/listening on 127\.0\.0\.1:\d+/, { timeoutMs: 20_000 });
    const newSession = (e: Line) => e.type === "info" && e.code === "new-session";
    await waitForEvent(bob, "bob's new session", newSession);
    gate.unstall();
    await waitForEvent(alice, "alice's new session", newSession);
    const back = performance.now() - killedAt;

    await waitForEvent(
      bob,
      "the room to be told alice joined",
      (e) => e.type === "join" && e.nick === "alice",
    );
    await waitForEvent(bob, "every queued message", (e) => e.text === queued.at(-1), 15_000);
    const heard = events(bob).filter((e) => e.type === "message" && e.from === "alice")
      .map((e) => e.text);
    const confirmed = events(alice).filter((e) => e.type === "message" && e.self === true)
      .map((e) => e.text);
    figure("faults.server_sigkill", {
      queued: queued.length,
      delivered: heard.length - 1,
      lost: queued.filter((text) => !heard.includes(text)).length,
      duplicated: heard.length - new Set(heard).size,
      back_in_ms: back,
    });
    assert.deepEqual(heard, ["before the crash", ...queued], "in order, each once");
    assert.deepEqual(confirmed, ["before the crash", ...queued]);
    for (const p of [alice, bob]) {
      assert.ok(!events(p).some((e) => e.type === "info" && e.code === "offline"), "never offline");
    }

    for (const p of [alice, bob]) await p.closeStdin();
    assert.equal((await alice.status()).code, 0, alice.output);
    assert.equal((await bob.status()).code, 0, bob.output);
  } finally {
    for (const p of processes) await p.stop("SIGKILL").catch(() => {});
    await home.remove();
  }
});
