/**
 * Connections cut mid-stream: two members chat through misbehaving TCP
 * proxies (cut, stall, half-close, at random, seeded) while one of them
 * says 1,000 numbered messages. Every message must reach the other member
 * exactly once, in order, and come back to its sender as confirmed; the
 * clients must resume by themselves, never going offline.
 *
 * Real TLS sockets on 127.0.0.1, the real ChatConnection and chat server.
 */

import assert from "node:assert/strict";
import { ChatConnection, type ConnectionEvent } from "../../client/mod.ts";
import { startChatServer } from "../../server/mod.ts";
import { figure } from "../support/figure.ts";
import { TcpProxy } from "../support/tcp_proxy.ts";
import { testCircle } from "../support/test_circle.ts";
import { waitFor } from "../support/wait_for.ts";

const MESSAGES = 1_000;

/** A small seeded generator, so a failing run can be replayed (mulberry32). */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** What one client lived through. */
interface Tally {
  texts: string[];
  confirmed: number;
  failed: number;
  resumed: number;
  newSessions: number;
  offline: number;
}

function tally(): Tally {
  return { texts: [], confirmed: 0, failed: 0, resumed: 0, newSessions: 0, offline: 0 };
}

function listener(t: Tally, self: string) {
  return (event: ConnectionEvent) => {
    if (event.kind === "state" && event.state === "offline") t.offline++;
    if (event.kind !== "chat") return;
    const e = event.event;
    if (e.type === "message") {
      if (e.self && e.status === "confirmed") t.confirmed++;
      if (e.self && e.status === "failed") t.failed++;
      if (!e.self && e.from !== self) t.texts.push(e.text);
    } else if (e.type === "info") {
      if (e.code === "resumed") t.resumed++;
      if (e.code === "new-session") t.newSessions++;
    }
  };
}

Deno.test("ChatConnection resumes through cuts, stalls and half-closes: 1,000 messages, none lost or doubled", async () => {
  const seed = Number(Deno.env.get("STEALTH_FAULT_SEED") ?? 7);
  const rand = random(seed);
  const circle = await testCircle();
  const chat = await startChatServer({
    key: circle.key,
    hostname: "127.0.0.1",
    port: 0,
    name: "faults",
    // The rate limit is not under test here: let 1,000 messages through quickly.
    rate: { burst: 2_000, perSecond: 2_000 },
  });
  const proxies = [
    await TcpProxy.start({ port: chat.port }),
    await TcpProxy.start({ port: chat.port }),
  ];
  const tuning = {
    backoffMs: [50, 150, 400, 800, 1_500, 3_000],
    pingIntervalMs: 200,
    peerTimeoutMs: 900,
  };
  const sent = tally();
  const got = tally();
  const alice = new ChatConnection({
    key: circle.key,
    hostname: "127.0.0.1",
    port: proxies[0]!.port,
    nick: "alice",
    onEvent: listener(sent, "alice"),
    ...tuning,
  });
  const bob = new ChatConnection({
    key: circle.key,
    hostname: "127.0.0.1",
    port: proxies[1]!.port,
    nick: "bob",
    onEvent: listener(got, "bob"),
    ...tuning,
  });
  const faults = { cuts: 0, stalls: 0, halfCloses: 0 };
  let stop = false;
  const started = performance.now();
  try {
    await alice.connect();
    await bob.connect();

    const injecting = (async () => {
      while (!stop) {
        await sleep(100 + rand() * 200);
        if (stop) break;
        const proxy = proxies[Math.floor(rand() * 2)]!;
        const pick = rand();
        if (pick < 0.4) {
          proxy.cut();
          faults.cuts++;
        } else if (pick < 0.7) {
          proxy.stall();
          faults.stalls++;
          await sleep(250 + rand() * 750);
          proxy.unstall();
        } else {
          const side = (["client", "server", "both"] as const)[Math.floor(rand() * 3)]!;
          await proxy.halfClose(side);
          faults.halfCloses++;
        }
      }
    })();

    for (let i = 0; i < MESSAGES; i++) {
      while (alice.pending >= 64) await alice.waitForPending(32, 1_000);
      alice.say(`fault-${i}`);
      if (i % 2 === 1) await sleep(14); // about 7 s of traffic: faults land mid-stream
    }
    await waitFor(
      () => got.texts.length >= MESSAGES && alice.pending === 0,
      "every message to arrive and be confirmed",
      60_000,
    );
    stop = true;
    await injecting;
    proxies.forEach((p) => p.unstall());
    await sleep(300); // anything doubled would show up by now

    const expected = Array.from({ length: MESSAGES }, (_, i) => `fault-${i}`);
    const distinct = new Set(got.texts);
    const lost = expected.filter((text) => !distinct.has(text)).length;
    const duplicated = got.texts.length - distinct.size;
    figure("faults.cut_resume", {
      messages: MESSAGES,
      received: got.texts.length,
      lost,
      duplicated,
      cuts: faults.cuts,
      stalls: faults.stalls,
      half_closes: faults.halfCloses,
      resumes: sent.resumed + got.resumed,
      new_sessions: sent.newSessions + got.newSessions,
      offline: sent.offline + got.offline,
      seconds: (performance.now() - started) / 1000,
      seed,
    });
    assert.equal(lost, 0, "messages lost");
    assert.equal(duplicated, 0, "messages doubled");
    assert.deepEqual(got.texts, expected, "in the order they were said");
    assert.equal(sent.confirmed, MESSAGES);
    assert.equal(sent.failed, 0);
    assert.equal(sent.offline + got.offline, 0, "no client gave up");
    assert.ok(faults.cuts + faults.stalls + faults.halfCloses >= 12, "faults were injected");
    assert.ok(sent.resumed + got.resumed >= 1, "the clients resumed");
  } finally {
    stop = true;
    for (const proxy of proxies) proxy.unstall();
    await alice.close(500);
    await bob.close(500);
    for (const proxy of proxies) await proxy.close();
    await chat.close();
  }
});
