/**
 * Floods: a member sending faster than the limit (its own process) is
 * slowed or dropped while the test measures the rest of the room; 2,000 TCP
 * connections that never finish a TLS handshake do not keep a real member
 * out for more than 2 s; wrong-key guessing is throttled per address and
 * the host gets one clear line per guess, without the proof.
 */

import assert from "node:assert/strict";
import { circleCA } from "../../certs/mod.ts";
import { authKey, keyBytes, writeKeyFile } from "../../crypto/mod.ts";
import { dialHandshake, dialTls } from "../../net/mod.ts";
import { decodeServerMessage, encodeMessage } from "../../protocol/mod.ts";
import { startChatServer } from "../../server/mod.ts";
import { type CircleHome, circleHome } from "../support/circle_home.ts";
import { figure, spread } from "../support/figure.ts";
import { RawMember } from "../support/raw_member.ts";
import { StealthProcess } from "../support/stealth_process.ts";
import { testCircle } from "../support/test_circle.ts";
import { waitFor } from "../support/wait_for.ts";
import { type IdleSocket, idleSocket, RawTlsPeer } from "./_raw_tls_peer.ts";

const FLOODER = new URL("./_flooder.ts", import.meta.url).pathname;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface FloodResult {
  sent: number;
  counts: Record<string, number>;
  closed: string | null;
  error: string | null;
}

/** Runs `_flooder.ts` against `port` for `ms` and returns what it saw. */
async function flood(port: number, keyPath: string, kind: string, ms: number) {
  const out = await new Deno.Command(Deno.execPath(), {
    args: ["run", "--allow-all", FLOODER, String(port), keyPath, kind, String(ms)],
    stdout: "piped",
    stderr: "piped",
  }).output();
  const text = new TextDecoder().decode(out.stdout).trim();
  assert.equal(out.code, 0, new TextDecoder().decode(out.stderr));
  return JSON.parse(text.split("\n").at(-1)!) as FloodResult;
}

/** The test circle's key in a file, for the flooder process. */
async function circleKeyFile(): Promise<{ path: string; remove(): Promise<void> }> {
  const dir = await Deno.makeTempDir({ prefix: "stealth-flood-" });
  const bytes = keyBytes((await testCircle()).key);
  const text = btoa(String.fromCharCode(...bytes)).replaceAll("+", "-").replaceAll("/", "_");
  await writeKeyFile(`${dir}/secret.key`, text);
  return {
    path: `${dir}/secret.key`,
    remove: () => Deno.remove(dir, { recursive: true }),
  };
}

/**
 * Measures the room while `during` runs: one member pings every 20 ms (round
 * trip), another says a line every 250 ms (within the limit) and a third
 * times its arrival.
 */
async function measureRoom(port: number, during: () => Promise<void>) {
  const circle = await testCircle();
  const pinger = await RawMember.join(circle, port, "pinger");
  const speaker = await RawMember.join(circle, port, "speaker");
  const hearer = await RawMember.join(circle, port, "hearer");
  const pongs = new Map<number, number>();
  pinger.conn.onFrame = (payload) => {
    const message = decodeServerMessage(payload);
    pinger.received.push(message);
    if (message.t === "pong") pongs.set(message.ts, performance.now());
  };
  const heard = new Map<string, number>();
  hearer.conn.onFrame = (payload) => {
    const message = decodeServerMessage(payload);
    hearer.received.push(message);
    if (message.t === "msg") heard.set(message.id, performance.now());
  };
  const pinged = new Map<number, number>();
  const said = new Map<string, number>();
  let running = true;
  const probing = (async () => {
    for (let i = 0; running; i++) {
      pinged.set(i, performance.now());
      pinger.send({ t: "ping", ts: i });
      if (i % 12 === 0) {
        const id = `s${i}`;
        said.set(id, performance.now());
        speaker.send({ t: "say", id, body: "gAAAAA" });
      }
      await sleep(20);
    }
  })();
  try {
    await during();
  } finally {
    running = false;
    await probing;
  }
  await sleep(500);
  const rtt = spread([...pinged].map(([ts, at]) => (pongs.get(ts) ?? Infinity) - at));
  const delivery = spread([...said].map(([id, at]) => (heard.get(id) ?? Infinity) - at));
  const refusedSpeaker = speaker.all("refused").length;
  for (const m of [pinger, speaker, hearer]) await m.conn.close(100);
  return { rtt, delivery, refusedSpeaker, hearer };
}

/** A chat server (in this process) and a key file for the flooder; both gone after `fn`. */
async function withServer<T>(fn: (port: number, keyPath: string) => Promise<T>): Promise<T> {
  const circle = await testCircle();
  const keyFile = await circleKeyFile();
  const chat = await startChatServer({
    key: circle.key,
    hostname: "127.0.0.1",
    port: 0,
    name: "r",
  });
  try {
    return await fn(chat.port, keyFile.path);
  } finally {
    await chat.close();
    await keyFile.remove();
  }
}

/** The rest of the room kept its pace while the flood ran. */
function assertRoomKeptPace(room: { rtt: { p99: number }; delivery: { p99: number } }): void {
  assert.ok(room.delivery.p99 < 500, `delivery p99 ${room.delivery.p99} ms`);
  assert.ok(room.rtt.p99 < 500, `ping p99 ${room.rtt.p99} ms`);
}

Deno.test("a member saying faster than the limit is refused, then dropped; the room keeps its pace", async () => {
  await withServer(async (port, keyPath) => {
    let result: FloodResult | undefined;
    const started = performance.now();
    const room = await measureRoom(port, async () => {
      result = await flood(port, keyPath, "say", 3_000);
    });
    const seconds = (performance.now() - started) / 1000;
    const accepted = result!.counts.msg ?? 0;
    figure("flood.say", {
      flooder_sent: result!.sent,
      flooder_accepted: accepted,
      flooder_refused_rate: result!.counts["refused:rate"] ?? 0,
      flooder_dropped: result!.error ?? "no",
      room_ping_p50_ms: room.rtt.p50,
      room_ping_p99_ms: room.rtt.p99,
      room_delivery_p99_ms: room.delivery.p99,
      room_refused: room.refusedSpeaker,
    });
    assert.equal(result!.error, "flood", "the flooder was dropped for flooding");
    assert.ok(accepted <= 30 + 5 * seconds, `${accepted} messages got through`);
    assert.ok(
      room.hearer.all("leave").some((e) => e.nick === "flooder" && e.reason === "flood"),
      "the room was told why the flooder left",
    );
    assert.equal(room.refusedSpeaker, 0, "the others were never refused");
    assertRoomKeptPace(room);
  });
});

Deno.test("a member flooding frames the rate limit does not meter (ping) is slowed or dropped, not the room", async () => {
  await withServer(async (port, keyPath) => {
    let result: FloodResult | undefined;
    const room = await measureRoom(port, async () => {
      result = await flood(port, keyPath, "ping", 3_000);
    });
    figure("flood.ping", {
      flooder_sent: result!.sent,
      flooder_answered: result!.counts.pong ?? 0,
      flooder_refused: Object.entries(result!.counts).filter(([k]) => k.startsWith("refused"))
        .reduce((n, [, v]) => n + v, 0),
      flooder_dropped: result!.error ?? result!.closed ?? "no",
      room_ping_p50_ms: room.rtt.p50,
      room_ping_p99_ms: room.rtt.p99,
      room_delivery_p99_ms: room.delivery.p99,
    });
    assertRoomKeptPace(room);
  });
});

Deno.test("a member flooding pings is dropped like one flooding messages", async () => {
  await withServer(async (port, keyPath) => {
    const result = await flood(port, keyPath, "ping", 1_000);
    // The frame budget: past it pings go unanswered, far past it the member is dropped.
    assert.equal(result.error, "flood", JSON.stringify(result));
    assert.ok((result.counts["pong"] ?? 0) < 1_000, JSON.stringify(result.counts));
  });
});

async function startServer(home: CircleHome, args: string[] = []) {
  const server = new StealthProcess(
    ["server", "--host", "127.0.0.1", "--port", "0", "--name", "Door", ...args],
    { env: home.env },
  );
  const line = await server.waitFor(/listening on 127\.0\.0\.1:\d+/, { timeoutMs: 20_000 });
  return { server, port: Number(/:(\d+)$/.exec(line)?.[1]) };
}

/** Joins as `nick`, says one line and waits for its copy: the whole way in, timed. */
async function timedJoin(home: CircleHome, port: number, nick: string): Promise<number> {
  const started = performance.now();
  const conn = await dialTls({
    hostname: "127.0.0.1",
    port,
    caPem: (await circleCA(home.key)).certPem,
  });
  await dialHandshake(conn, { role: "server", authKey: authKey(home.key), nick });
  const echoed = new Promise<void>((resolve) => {
    conn.onFrame = (payload) => {
      const message = decodeServerMessage(payload);
      if (message.t === "msg" && message.from === nick) resolve();
    };
  });
  conn.resume();
  conn.send(encodeMessage({ t: "say", id: "in", body: "gAAAAA" }));
  await echoed;
  const ms = performance.now() - started;
  await conn.close(100);
  return ms;
}

Deno.test("2,000 connections that never finish TLS keep no member out for 2 s, and the deadline clears them", async () => {
  const home = await circleHome();
  const { server, port } = await startServer(home);
  const stuck: IdleSocket[] = [];
  try {
    // From the member's own address: the per-address cap pushes the oldest out.
    for (let batch = 0; batch < 20; batch++) {
      stuck.push(
        ...await Promise.all(Array.from({ length: 100 }, () => idleSocket(port, "127.0.0.1"))),
      );
    }
    const sameAddressJoinMs = await timedJoin(home, port, "alice");
    const pushedOut = stuck.filter((s) => s.closed).length;

    // From 40 other addresses, 50 each: under the cap, held until the 10 s deadline.
    const spreadOut: IdleSocket[] = [];
    for (let a = 0; a < 40; a++) {
      spreadOut.push(
        ...await Promise.all(
          Array.from({ length: 50 }, () => idleSocket(port, `127.0.1.${a + 1}`)),
        ),
      );
    }
    const openedAt = performance.now();
    const otherAddressesJoinMs = await timedJoin(home, port, "bob");
    const heldAtJoin = spreadOut.filter((s) => !s.closed).length;
    await waitFor(
      () => spreadOut.every((s) => s.closed),
      "the handshake deadline to close every stuck connection",
      15_000,
    );
    const clearedAfterMs = performance.now() - openedAt;
    stuck.push(...spreadOut);
    figure("flood.stuck_tls", {
      connections: stuck.length,
      same_address_join_ms: sameAddressJoinMs,
      pushed_out_by_cap: pushedOut,
      other_addresses_join_ms: otherAddressesJoinMs,
      held_at_join: heldAtJoin,
      cleared_by_deadline_ms: clearedAfterMs,
      server_alive: server.child.pid > 0,
    });
    assert.ok(sameAddressJoinMs < 2_000, `joined in ${sameAddressJoinMs} ms`);
    assert.ok(otherAddressesJoinMs < 2_000, `joined in ${otherAddressesJoinMs} ms`);
    assert.ok(pushedOut >= 2_000 - 64, "the cap let at most 64 wait from one address");
    assert.ok(clearedAfterMs < 13_000);
  } finally {
    for (const s of stuck) s.destroy();
    await server.stop("SIGKILL");
    await home.remove();
  }
});

Deno.test("wrong-key guesses are throttled per address and logged for the host without the proof", async () => {
  const home = await circleHome();
  const { server, port } = await startServer(home);
  const sent: string[] = [];
  const outcomes: Record<string, number> = {};
  try {
    const attacker = "127.0.0.9";
    let retryAfterMs = 0;
    for (let i = 0; i < 20; i++) {
      const peer = await RawTlsPeer.connect(port, attacker);
      const hello = await peer.next("hello", 2_000);
      if (hello !== undefined) {
        const nonce = crypto.getRandomValues(new Uint8Array(32));
        const proof = crypto.getRandomValues(new Uint8Array(32));
        const b64 = (bytes: Uint8Array) =>
          btoa(String.fromCharCode(...bytes))
            .replaceAll("+", "-").replaceAll("/", "_").replace(/=+$/, "");
        sent.push(b64(nonce), b64(proof));
        peer.send({ t: "auth", v: 1, nonce: b64(nonce), proof: b64(proof), nick: "mallory" });
      }
      const error = await peer.next("error", 2_000);
      const code = error?.code ?? "none";
      outcomes[code] = (outcomes[code] ?? 0) + 1;
      if (error?.retryAfterMs !== undefined) retryAfterMs = error.retryAfterMs;
      assert.ok(await peer.untilClosed(2_000), "the server hung up");
    }

    // The right proof from the attacker's address waits too (the address is
    // throttled, whoever uses it); a member elsewhere gets in at once.
    const honest = await RawTlsPeer.connect(port, attacker);
    const refusedHonest = (await honest.next("error", 2_000))?.code;
    honest.destroy();
    const otherAddressMs = await timedJoin(home, port, "alice");

    await sleep(200);
    const warnings = server.stderr.filter((line) => /wrong key/.test(line));
    figure("flood.brute_force", {
      guesses: 20,
      proofs_checked: outcomes.auth ?? 0,
      throttled: outcomes.throttled ?? 0,
      retry_after_ms: retryAfterMs,
      host_log_lines: warnings.length,
      other_address_join_ms: otherAddressMs,
    });
    assert.equal(outcomes.auth, 5, "five proofs are checked");
    assert.equal(outcomes.throttled, 15, "then the address waits");
    assert.ok(retryAfterMs > 0 && retryAfterMs <= 12_000);
    assert.equal(refusedHonest, "throttled");
    assert.ok(otherAddressMs < 2_000);
    assert.equal(warnings.length, 5, server.output);
    for (const line of warnings) {
      assert.match(line, /127\.0\.0\.9/);
      assert.match(line, /wrong key \(\d+ failed so far\)/);
    }
    for (const secret of [...sent, "mallory"]) {
      assert.ok(!server.output.includes(secret), "no proof, nonce or nick in the host's output");
    }
  } finally {
    await server.stop("SIGKILL");
    await home.remove();
  }
});
