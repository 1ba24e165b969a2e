import assert from "node:assert/strict";
import { SecretKey } from "../../crypto/mod.ts";
import { dialHandshake, dialTls, HandshakeError } from "../../net/mod.ts";
import { encodeFrame } from "../../protocol/mod.ts";
import { startChatServer } from "../../server/mod.ts";
import { RawMember } from "../support/raw_member.ts";
import { TcpProxy } from "../support/tcp_proxy.ts";
import { testCircle } from "../support/test_circle.ts";
import { waitFor, within } from "../support/wait_for.ts";

const token = (n: number) => `gAAAAA${String(n).padStart(8, "0")}`;

async function server(options: Partial<Parameters<typeof startChatServer>[0]> = {}) {
  const circle = await testCircle();
  const chat = await startChatServer({
    key: circle.key,
    hostKey: new SecretKey(new Uint8Array(32).fill(101)),
    hostname: "127.0.0.1",
    port: 0,
    name: "test room",
    ...options,
  });
  return { circle, chat };
}

Deno.test("startChatServer() fans a message out to every member with the same seq", async () => {
  const { circle, chat } = await server();
  const members: RawMember[] = [];
  try {
    for (let i = 0; i < 20; i++) members.push(await RawMember.join(circle, chat.port, `m${i}`));
    members[3]!.send({ t: "say", id: "hello-1", body: token(1) });
    for (const m of members) {
      await m.waitFor("the msg", (e) => e.t === "msg" && e.id === "hello-1");
    }
    const seqs = new Set(members.map((m) => m.all("msg")[0]!.seq));
    assert.equal(seqs.size, 1);
    assert.equal(members[0]!.all("msg")[0]!.from, "m3");
    assert.equal(members[0]!.all("msg")[0]!.body, token(1));
    assert.equal(chat.room.memberCount, 20);
  } finally {
    for (const m of members) await m.conn.close(100);
    await chat.close();
  }
});

Deno.test("startChatServer() delivers a private message only to its target and sender", async () => {
  const { circle, chat } = await server();
  const [a, b, c] = [
    await RawMember.join(circle, chat.port, "alice"),
    await RawMember.join(circle, chat.port, "bob"),
    await RawMember.join(circle, chat.port, "carol"),
  ];
  try {
    a.send({ t: "say", id: "p1", to: "bob", body: token(2) });
    a.send({ t: "say", id: "pub", body: token(3) });
    for (const m of [a, b, c]) {
      await m.waitFor("the public msg", (e) => e.t === "msg" && e.id === "pub");
    }
    assert.ok(a.all("msg").some((e) => e.id === "p1" && e.to === "bob"));
    assert.ok(b.all("msg").some((e) => e.id === "p1"));
    assert.ok(!c.all("msg").some((e) => e.id === "p1"));
    a.send({ t: "say", id: "p2", to: "nobody", body: token(4) });
    const refused = await a.waitFor("refusal", (e) => e.t === "refused");
    assert.deepEqual(
      [refused.t === "refused" && refused.code, refused.t === "refused" && refused.id],
      ["no-such-nick", "p2"],
    );
  } finally {
    for (const m of [a, b, c]) await m.conn.close(100);
    await chat.close();
  }
});

Deno.test("startChatServer() refuses a nick in use, case-insensitively, with a clear code", async () => {
  const { circle, chat } = await server();
  const a = await RawMember.join(circle, chat.port, "Alice");
  try {
    await assert.rejects(
      RawMember.join(circle, chat.port, "alice"),
      (e) => e instanceof HandshakeError && e.code === "nick-taken" && /taken/.test(e.message),
    );
  } finally {
    await a.conn.close(100);
    await chat.close();
  }
});

Deno.test("startChatServer() lets a member resume after a cut with no loss and no duplicates", async () => {
  const { circle, chat } = await server({ rate: { burst: 1_000, perSecond: 1_000 } });
  await using proxy = await TcpProxy.start({ port: chat.port });
  const sender = await RawMember.join(circle, chat.port, "sender");
  let reader = await RawMember.join(circle, proxy.port, "reader");
  const session = reader.ok.session!;
  const seen: number[] = [];
  try {
    for (let i = 0; i < 100; i++) sender.send({ t: "say", id: `a${i}`, body: token(i) });
    await sender.waitFor("first half acked", (e) => e.t === "msg" && e.id === "a99");
    proxy.cut();
    await waitFor(() => reader.closedReason !== undefined, "the reader to see the cut");
    for (let i = 100; i < 200; i++) sender.send({ t: "say", id: `a${i}`, body: token(i) });
    await sender.waitFor("second half acked", (e) => e.t === "msg" && e.id === "a199");
    const before = reader.all("msg").map((e) => Number(e.id.slice(1)));
    const last = Math.max(0, ...reader.received.map((e) => "seq" in e ? e.seq ?? 0 : 0));
    reader = await RawMember.join(circle, chat.port, "reader", {
      resume: { session, after: last },
    });
    assert.equal(reader.ok.resumed, true);
    await reader.waitFor("the replay", (e) => e.t === "msg" && e.id === "a199");
    seen.push(...before, ...reader.all("msg").map((e) => Number(e.id.slice(1))));
    assert.deepEqual(seen, Array.from({ length: 200 }, (_, i) => i));
    const away = sender.all("away").map((e) => e.away);
    assert.deepEqual(away, [true, false], "the room saw the reader away, then back");
  } finally {
    await sender.conn.close(100);
    await reader.conn.close(100);
    await chat.close();
  }
});

Deno.test("startChatServer() drops a member that stops reading while others keep receiving", async () => {
  const { circle, chat } = await server({
    outbound: { maxStuckMs: 1_000 },
    rate: { burst: 10_000, perSecond: 10_000 },
  });
  const stalled = await TcpProxy.start({ port: chat.port });
  const talker = await RawMember.join(circle, chat.port, "talker");
  const healthy = await RawMember.join(circle, chat.port, "healthy");
  const stuck = await RawMember.join(circle, stalled.port, "stuck");
  try {
    stalled.stall();
    const big = "gAAAAA" + "x".repeat(16 * 1024);
    const stuckIsAway = () => chat.room.who().some((m) => m.nick === "stuck" && m.away);
    // Kernel buffers on loopback hold megabytes: keep talking until the bound bites.
    let sent = 0;
    for (let batch = 0; batch < 200 && !stuckIsAway(); batch++) {
      for (let i = 0; i < 20; i++) talker.send({ t: "say", id: `b${sent++}`, body: big });
      const last = `b${sent - 1}`;
      await talker.waitFor("the batch's ack", (e) => e.t === "msg" && e.id === last, 10_000);
    }
    await waitFor(stuckIsAway, "the stalled member to be dropped (shown away)", 10_000);
    const last = `b${sent - 1}`;
    await healthy.waitFor("every message", (e) => e.t === "msg" && e.id === last, 10_000);
    assert.equal(healthy.all("msg").length, sent);
    assert.equal(healthy.closedReason, undefined);
    assert.ok(healthy.all("away").some((e) => e.nick === "stuck" && e.away));
  } finally {
    await talker.conn.close(100);
    await healthy.conn.close(100);
    await stuck.conn.close(100);
    await stalled.close();
    await chat.close();
  }
});

Deno.test("startChatServer() answers a bad frame with an error and survives", async () => {
  const { circle, chat } = await server();
  const bad = await RawMember.join(circle, chat.port, "bad");
  const good = await RawMember.join(circle, chat.port, "good");
  try {
    bad.conn.send(encodeFrame(new TextEncoder().encode("{not json")));
    await bad.waitFor("an error frame", (e) => e.t === "error" && e.code === "bad-frame");
    await waitFor(() => bad.closedReason !== undefined, "the bad member to be closed");
    good.send({ t: "say", id: "still", body: token(9) });
    await good.waitFor("its own message", (e) => e.t === "msg" && e.id === "still");
  } finally {
    await good.conn.close(100);
    await chat.close();
  }
});

Deno.test("startChatServer() takes over a nick held by a dropped session", async () => {
  const { circle, chat } = await server();
  await using proxy = await TcpProxy.start({ port: chat.port });
  const _ghost = await RawMember.join(circle, proxy.port, "zoe");
  const witness = await RawMember.join(circle, chat.port, "witness");
  try {
    proxy.cut();
    await witness.waitFor("zoe away", (e) => e.t === "away" && e.nick === "zoe");
    const again = await RawMember.join(circle, chat.port, "zoe");
    await witness.waitFor("zoe replaced", (e) => e.t === "leave" && e.reason === "replaced");
    assert.equal(chat.room.memberCount, 2);
    await again.conn.close(100);
  } finally {
    await witness.conn.close(100);
    await chat.close();
  }
});

Deno.test("startChatServer() tells members it is shutting down", async () => {
  const { circle, chat } = await server();
  const a = await RawMember.join(circle, chat.port, "a");
  await chat.close();
  await a.waitFor("shutdown", (e) => e.t === "error" && e.code === "shutdown");
  await waitFor(() => a.closedReason !== undefined, "the connection to close");
});

Deno.test("startChatServer() answers who, ping, and rejects a wrong key", async () => {
  const { circle, chat } = await server();
  const a = await RawMember.join(circle, chat.port, "a");
  try {
    a.send({ t: "who" });
    a.send({ t: "ping", ts: 42 });
    const members = await a.waitFor("members", (e) => e.t === "members");
    assert.deepEqual(members.t === "members" && members.list.map((m) => m.nick), ["a"]);
    await a.waitFor("pong", (e) => e.t === "pong" && e.ts === 42);
    const other = await testCircle(7);
    const conn = await dialTls({ hostname: "127.0.0.1", port: chat.port, caPem: circle.caPem });
    await assert.rejects(
      within(dialHandshake(conn, { role: "server", authKey: other.authKey, nick: "x" }), "refusal"),
      (e) => e instanceof HandshakeError && e.code === "not-in-circle",
    );
    assert.equal(chat.room.memberCount, 1);
  } finally {
    await a.conn.close(100);
    await chat.close();
  }
});
