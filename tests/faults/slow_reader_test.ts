/**
 * A member that stops reading (its network frozen by a stalled proxy) is
 * dropped by its outbound bound, and the rest of the room does not notice:
 * the test measures how long a message takes to reach the healthy members
 * before and while the stuck one's queue fills, and checks that they got
 * every message.
 *
 * Real TLS sockets on 127.0.0.1, the chat server with its default outbound
 * bound (1 MiB, or 5 s without progress).
 */

import assert from "node:assert/strict";
import { decodeServerMessage } from "../../protocol/mod.ts";
import { startChatServer } from "../../server/mod.ts";
import { figure, spread } from "../support/figure.ts";
import { RawMember } from "../support/raw_member.ts";
import { TcpProxy } from "../support/tcp_proxy.ts";
import { testCircle } from "../support/test_circle.ts";
import { waitFor } from "../support/wait_for.ts";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const token = (n: number) => `gAAAAA${String(n).padStart(10, "0")}`;
const BIG = "gAAAAA" + "x".repeat(16 * 1024);

/** Records when each message id reached this member. */
function timeArrivals(member: RawMember): Map<string, number> {
  const arrivals = new Map<string, number>();
  member.conn.onFrame = (payload) => {
    const message = decodeServerMessage(payload);
    member.received.push(message);
    if (message.t === "msg") arrivals.set(message.id, performance.now());
  };
  return arrivals;
}

Deno.test("a member that stops reading is dropped by its outbound bound; the others' latency stays low", async () => {
  const circle = await testCircle();
  const chat = await startChatServer({
    key: circle.key,
    hostname: "127.0.0.1",
    port: 0,
    name: "slow reader",
    rate: { burst: 100_000, perSecond: 100_000 },
  });
  await using frozen = await TcpProxy.start({ port: chat.port });
  const talker = await RawMember.join(circle, chat.port, "talker");
  const prober = await RawMember.join(circle, chat.port, "prober");
  const healthy = [
    await RawMember.join(circle, chat.port, "healthy1"),
    await RawMember.join(circle, chat.port, "healthy2"),
    await RawMember.join(circle, chat.port, "healthy3"),
  ];
  const stuck = await RawMember.join(circle, frozen.port, "stuck");
  const arrivals = healthy.map(timeArrivals);
  const sentAt = new Map<string, number>();
  let probes = 0;
  const probe = () => {
    const id = `p${probes++}`;
    sentAt.set(id, performance.now());
    prober.send({ t: "say", id, body: token(probes) });
    return id;
  };
  const latencies = (ids: string[]) =>
    ids.flatMap((id) => arrivals.map((a) => (a.get(id) ?? Infinity) - sentAt.get(id)!));
  try {
    // Before: probes alone.
    const before: string[] = [];
    for (let i = 0; i < 100; i++) {
      before.push(probe());
      await sleep(10);
    }
    await waitFor(() => arrivals.every((a) => a.has(before.at(-1)!)), "the first probes");

    // During: the stuck member stops reading while the talker keeps the room busy.
    frozen.stall();
    const stalledAt = performance.now();
    const stuckIsAway = () => chat.room.who().some((m) => m.nick === "stuck" && m.away);
    const during: string[] = [];
    let big = 0;
    let droppedAt: number | undefined;
    while (performance.now() - stalledAt < 20_000) {
      for (let i = 0; i < 8; i++) talker.send({ t: "say", id: `b${big++}`, body: BIG });
      during.push(probe());
      await sleep(10);
      if (droppedAt === undefined && stuckIsAway()) droppedAt = performance.now();
      if (droppedAt !== undefined && performance.now() - droppedAt > 1_000) break;
    }
    const lastBig = `b${big - 1}`;
    const lastProbe = during.at(-1)!;
    await waitFor(
      () => arrivals.every((a) => a.has(lastProbe) && a.has(lastBig)),
      "every message at every healthy member",
      15_000,
    );
    const beforeSpread = spread(latencies(before));
    const duringSpread = spread(latencies(during));
    figure("faults.slow_reader", {
      dropped_after_ms: droppedAt === undefined ? -1 : droppedAt - stalledAt,
      bytes_sent_to_room_mb: (big * BIG.length) / 1024 / 1024,
      healthy_members: healthy.length,
      latency_before_p50_ms: beforeSpread.p50,
      latency_before_p99_ms: beforeSpread.p99,
      latency_during_p50_ms: duringSpread.p50,
      latency_during_p99_ms: duringSpread.p99,
      latency_during_max_ms: duringSpread.max,
      probes: before.length + during.length,
    });
    assert.ok(droppedAt !== undefined, "the stuck member was dropped");
    for (const member of healthy) {
      assert.equal(member.closedReason, undefined, "a healthy member was never dropped");
      const ids = member.all("msg").map((m) => m.id);
      assert.equal(new Set(ids).size, ids.length, "no duplicates");
      assert.equal(ids.length, before.length + during.length + big, "every message");
    }
    assert.ok(duringSpread.p99 < 1_000, `p99 while a member is stuck: ${duringSpread.p99} ms`);
  } finally {
    frozen.unstall();
    for (const m of [talker, prober, ...healthy, stuck]) await m.conn.close(100);
    await chat.close();
  }
});
