import assert from "node:assert/strict";
import { join } from "node:path";
import { fernetDecrypt, fernetEncrypt, SecretKey } from "../../crypto/mod.ts";
import { dialHandshake, dialTls, HandshakeError } from "../../net/mod.ts";
import {
  decodeBody,
  encodeBody,
  HOST_OPS,
  type MessageOf,
  type ServerMessage,
} from "../../protocol/mod.ts";
import {
  BanFileError,
  type ChatServer,
  type ChatServerOptions,
  runConsoleLine,
  startChatServer,
} from "../../server/mod.ts";
import { RawMember } from "../support/raw_member.ts";
import { TcpProxy } from "../support/tcp_proxy.ts";
import { type TestCircle, testCircle } from "../support/test_circle.ts";
import { waitFor, within } from "../support/wait_for.ts";

type OpResultFrame = MessageOf<ServerMessage, "opresult">;

const token = (n: number) => `gAAAAA${String(n).padStart(8, "0")}`;

/** A server whose host key matches `RawMember.join(..., { host: true })`. */
async function server(options: Partial<ChatServerOptions> = {}) {
  const circle = await testCircle();
  const chat = await startChatServer({
    key: circle.key,
    hostKey: new SecretKey(new Uint8Array(32).fill(101)),
    hostname: "127.0.0.1",
    port: 0,
    name: "host powers",
    rate: { burst: 1_000, perSecond: 1_000 },
    ...options,
  });
  return { circle, chat };
}

/** A clock the test moves: real time plus an offset. */
function movableClock() {
  let offset = 0;
  return { now: () => Date.now() + offset, advance: (ms: number) => offset += ms };
}

/** Sends an `op` and waits for its answer. */
async function op(
  member: RawMember,
  cmd: string,
  args: string[] = [],
  body?: string,
): Promise<OpResultFrame> {
  const before = member.all("opresult").length;
  member.send(body === undefined ? { t: "op", cmd, args } : { t: "op", cmd, args, body });
  await waitFor(() => member.all("opresult").length > before, `the answer to /${cmd}`);
  return member.all("opresult")[before]!;
}

/** The server's console, driven in the test. */
function hostConsole(chat: ChatServer, circle: TestCircle) {
  const lines: string[] = [];
  const context = {
    server: chat,
    print: (line: string) => lines.push(line),
    quit: () => {},
    clock: Date.now,
    seal: (text: string) => seal(circle, text),
    open: (t: string) => decodeBody(fernetDecrypt(circle.key, t)).text,
  };
  return {
    lines,
    /** Runs a line; returns the lines it printed. */
    run(line: string): string[] {
      const from = lines.length;
      runConsoleLine(context, line);
      return lines.slice(from);
    },
  };
}

function seal(circle: TestCircle, text: string): string {
  return fernetEncrypt(circle.key, encodeBody({ kind: "announce", text }));
}

async function refusedJoin(
  circle: TestCircle,
  port: number,
  nick: string,
  options: { resume?: { session: string; after: number } } = {},
): Promise<HandshakeError> {
  try {
    const member = await RawMember.join(circle, port, nick, options);
    await member.conn.close(0);
  } catch (error) {
    if (error instanceof HandshakeError) return error;
    throw error;
  }
  throw new Error(`${nick} was let in`);
}

async function closeAll(chat: ChatServer, ...members: RawMember[]): Promise<void> {
  for (const m of members) await m.conn.close(100);
  await chat.close();
}

Deno.test("host client: /kick removes a member, everyone sees why, and its resume is refused", async () => {
  const { circle, chat } = await server();
  const boss = await RawMember.join(circle, chat.port, "boss", { host: true });
  const alice = await RawMember.join(circle, chat.port, "alice");
  const bob = await RawMember.join(circle, chat.port, "bob");
  try {
    assert.equal(boss.ok.host, true);
    const result = await op(boss, "kick", ["Bob", "spamming links"]);
    assert.deepEqual(result, {
      t: "opresult",
      cmd: "kick",
      ok: true,
      code: "kicked",
      target: "bob",
      detail: "spamming links",
    });
    const leave = await alice.waitFor("bob's leave", (e) => e.t === "leave" && e.nick === "bob");
    assert.deepEqual(
      leave.t === "leave" && [leave.reason, leave.detail],
      ["kicked", "spamming links"],
    );
    const told = await bob.waitFor("bob told why", (e) => e.t === "error");
    assert.deepEqual(told, { t: "error", code: "kicked", detail: "spamming links" });
    await waitFor(() => bob.closedReason !== undefined, "bob's connection to close");
    const resume = await refusedJoin(circle, chat.port, "bob", {
      resume: { session: bob.ok.session!, after: bob.ok.seq! },
    });
    assert.equal(resume.code, "kicked");
    assert.match(resume.message, /removed you.*spamming links/);
    assert.equal((await op(boss, "kick", ["bob"])).code, "no-such-nick");
    assert.equal((await op(boss, "kick", ["BOSS"])).code, "self");
    const back = await RawMember.join(circle, chat.port, "bob");
    assert.equal(back.ok.resumed, undefined, "a kick is not a ban: a new join works");
    await back.conn.close(100);
  } finally {
    await closeAll(chat, boss, alice, bob);
  }
});

Deno.test("host client: /kick reaches a session waiting for a resume", async () => {
  const { circle, chat } = await server();
  await using proxy = await TcpProxy.start({ port: chat.port });
  const boss = await RawMember.join(circle, chat.port, "boss", { host: true });
  const zoe = await RawMember.join(circle, proxy.port, "zoe");
  try {
    proxy.cut();
    await boss.waitFor("zoe away", (e) => e.t === "away" && e.nick === "zoe" && e.away);
    assert.equal((await op(boss, "kick", ["zoe", "lost phone"])).code, "kicked");
    assert.equal(chat.room.memberCount, 1);
    const resume = await refusedJoin(circle, chat.port, "zoe", {
      resume: { session: zoe.ok.session!, after: 0 },
    });
    assert.deepEqual([resume.code, resume.detail], ["kicked", "lost phone"]);
  } finally {
    await closeAll(chat, boss, zoe);
  }
});

Deno.test("host client: /ban by nick removes the member and refuses it at the handshake, /unban lets it in", async () => {
  const { circle, chat } = await server();
  const boss = await RawMember.join(circle, chat.port, "boss", { host: true });
  const carol = await RawMember.join(circle, chat.port, "carol");
  try {
    const result = await op(boss, "ban", ["carol", "1h", "rude", "words"]);
    assert.equal(result.ok, false, "four words: over the count");
    assert.equal(result.code, "usage");
    const banned = await op(boss, "ban", ["carol", "1h", "rude words"]);
    assert.deepEqual(banned, {
      t: "opresult",
      cmd: "ban",
      ok: true,
      code: "banned",
      target: "carol",
      count: 1,
      durationMs: 3_600_000,
      detail: "rude words",
    });
    const told = await carol.waitFor("carol told", (e) => e.t === "error");
    assert.ok(told.t === "error" && told.code === "banned" && told.detail === "rude words");
    assert.ok(told.retryAfterMs! > 3_590_000 && told.retryAfterMs! <= 3_600_000);
    const refused = await refusedJoin(circle, chat.port, "CAROL");
    assert.equal(refused.code, "banned");
    assert.ok(refused.retryAfterMs! > 3_590_000);
    assert.match(refused.message, /^you are banned from this server: rude words — for 1 hr more$/);
    const bans = await op(boss, "bans");
    assert.deepEqual(bans.bans?.map((b) => [b.target, b.kind, b.reason]), [
      ["carol", "nick", "rude words"],
    ]);
    assert.equal((await op(boss, "ban", ["bob", "spam"])).detail, "spam", "no duration: a reason");
    assert.equal((await op(boss, "unban", ["Carol"])).code, "unbanned");
    assert.equal((await op(boss, "unban", ["carol"])).code, "no-such-ban");
    const back = await RawMember.join(circle, chat.port, "carol");
    await back.conn.close(100);
  } finally {
    await closeAll(chat, boss, carol);
  }
});

Deno.test("console: /ban by address and by CIDR refuses members at the handshake, never the host", async () => {
  const { circle, chat } = await server();
  const host = hostConsole(chat, circle);
  const alice = await RawMember.join(circle, chat.port, "alice");
  const boss = await RawMember.join(circle, chat.port, "boss", { host: true });
  try {
    assert.deepEqual(host.run("/ban 127.0.0.1 shared wifi troll"), [
      "banned 127.0.0.1 until /unban (shared wifi troll) — removed 1 member",
    ]);
    await alice.waitFor("alice told", (e) => e.t === "error" && e.code === "banned");
    const refused = await refusedJoin(circle, chat.port, "newcomer");
    assert.deepEqual([refused.code, refused.retryAfterMs], ["banned", undefined]);
    assert.match(refused.message, /until the host lifts it/);
    const hostAgain = await RawMember.join(circle, chat.port, "boss2", { host: true });
    await hostAgain.conn.close(100);
    assert.equal(boss.closedReason, undefined, "the host's connection stays");
    assert.deepEqual(host.run("/unban 127.0.0.1"), ["lifted the ban on 127.0.0.1"]);
    assert.deepEqual(host.run("/ban 127.0.0.0/8 30m"), ["banned 127.0.0.0/8 for 30 min"]);
    const byRange = await refusedJoin(circle, chat.port, "newcomer");
    assert.equal(byRange.code, "banned");
    assert.ok(byRange.retryAfterMs! > 1_790_000 && byRange.retryAfterMs! <= 1_800_000);
    host.run("/ban ::1/128");
    assert.match(
      host.run("/bans").join("\n"),
      /2 bans:\n {2}127\.0\.0\.0\/8 +30 min left\n {2}::1/,
    );
  } finally {
    await closeAll(chat, alice, boss);
  }
});

Deno.test("a timed ban ends on the server's clock", async () => {
  const clock = movableClock();
  const { circle, chat } = await server({ clock: clock.now });
  const host = hostConsole(chat, circle);
  try {
    host.run("/ban mallory 10m");
    const refused = await refusedJoin(circle, chat.port, "mallory");
    assert.ok(refused.retryAfterMs! > 599_000 && refused.retryAfterMs! <= 600_000);
    clock.advance(9 * 60_000);
    const later = await refusedJoin(circle, chat.port, "mallory");
    assert.ok(later.retryAfterMs! <= 60_000, "the time left shrinks with the clock");
    clock.advance(60_000);
    const mallory = await RawMember.join(circle, chat.port, "mallory");
    assert.deepEqual(host.run("/bans"), ["no bans"]);
    await mallory.conn.close(100);
  } finally {
    await chat.close();
  }
});

Deno.test("host client: /mute blocks saying but not reading, until /unmute or the clock", async () => {
  const clock = movableClock();
  // Silence is judged on the same clock: moving it must not drop the members.
  const { circle, chat } = await server({
    clock: clock.now,
    sweepIntervalMs: 20,
    peerTimeoutMs: 3_600_000,
  });
  const boss = await RawMember.join(circle, chat.port, "boss", { host: true });
  const alice = await RawMember.join(circle, chat.port, "alice");
  const bob = await RawMember.join(circle, chat.port, "bob");
  try {
    const muted = await op(boss, "mute", ["bob", "10m"]);
    assert.deepEqual([muted.code, muted.target, muted.durationMs], ["muted", "bob", 600_000]);
    const seen = await alice.waitFor("the mute", (e) => e.t === "mute");
    assert.ok(seen.t === "mute" && seen.nick === "bob" && seen.muted && seen.until !== undefined);
    bob.send({ t: "say", id: "hush", body: token(1) });
    const refused = await bob.waitFor("the refusal", (e) => e.t === "refused");
    assert.ok(refused.t === "refused" && refused.code === "muted" && refused.id === "hush");
    assert.ok(refused.retryAfterMs! > 590_000);
    alice.send({ t: "say", id: "hello", body: token(2) });
    await bob.waitFor("bob still reads", (e) => e.t === "msg" && e.id === "hello");
    assert.ok(!alice.all("msg").some((e) => e.id === "hush"));
    bob.send({ t: "who" });
    const list = await bob.waitFor("members", (e) => e.t === "members");
    assert.ok(list.t === "members" && list.list.find((m) => m.nick === "bob")?.muted === true);

    assert.equal((await op(boss, "unmute", ["bob"])).code, "unmuted");
    bob.send({ t: "say", id: "free", body: token(3) });
    await alice.waitFor("bob speaks", (e) => e.t === "msg" && e.id === "free");

    assert.equal((await op(boss, "mute", ["bob", "1m"])).code, "muted");
    clock.advance(60_000);
    await alice.waitFor(
      "the mute's end",
      (e) => e.t === "mute" && e.nick === "bob" && !e.muted,
    );
    bob.send({ t: "say", id: "again", body: token(4) });
    await alice.waitFor("bob speaks again", (e) => e.t === "msg" && e.id === "again");
    assert.equal((await op(boss, "mute", ["bob", "soon"])).code, "bad-duration");
    assert.equal((await op(boss, "mute", ["boss"])).code, "self");
  } finally {
    await closeAll(chat, boss, alice, bob);
  }
});

Deno.test("host client: /announce, /motd, /who, /limit, /lock and /unlock", async () => {
  const { circle, chat } = await server();
  const boss = await RawMember.join(circle, chat.port, "boss", { host: true });
  const alice = await RawMember.join(circle, chat.port, "alice");
  try {
    const body = seal(circle, "tea is ready");
    assert.equal((await op(boss, "announce", [], body)).code, "announced");
    const notice = await alice.waitFor("the notice", (e) => e.t === "notice");
    assert.equal(notice.t === "notice" && notice.body, body, "relayed sealed, as typed");
    assert.equal((await op(boss, "announce", ["tea is ready"])).code, "usage", "plaintext: no");

    assert.deepEqual(await op(boss, "motd"), {
      t: "opresult",
      cmd: "motd",
      ok: true,
      code: "motd",
    });
    const welcome = seal(circle, "welcome to the kitchen");
    assert.equal((await op(boss, "motd", [], welcome)).code, "motd-set");
    assert.equal((await op(boss, "motd")).body, welcome);
    const newcomer = await RawMember.join(circle, chat.port, "newcomer");
    assert.equal(newcomer.ok.motd, welcome);
    await newcomer.leave();
    assert.equal((await op(boss, "motd", ["-"])).code, "motd-cleared");

    const who = await op(boss, "who");
    assert.deepEqual(who.members?.map((m) => [m.nick, m.address]), [
      ["boss", "127.0.0.1"],
      ["alice", "127.0.0.1"],
    ]);
    assert.ok(who.members!.every((m) => typeof m.since === "number"));

    assert.deepEqual(await op(boss, "limit", ["2"]), {
      t: "opresult",
      cmd: "limit",
      ok: true,
      code: "limit",
      count: 2,
    });
    const settings = await alice.waitFor("the limit", (e) => e.t === "room");
    assert.ok(settings.t === "room" && settings.limit === 2 && !settings.locked);
    assert.equal((await refusedJoin(circle, chat.port, "third")).code, "full");
    assert.equal((await op(boss, "limit", ["zero"])).code, "bad-number");
    assert.equal((await op(boss, "limit", ["off"])).count, undefined);

    assert.equal((await op(boss, "lock")).code, "locked");
    const locked = await refusedJoin(circle, chat.port, "third");
    assert.equal(locked.code, "locked");
    assert.match(locked.message, /locked/);
    assert.equal((await op(boss, "unlock")).code, "unlocked");
    const third = await RawMember.join(circle, chat.port, "third");
    await third.conn.close(100);
    assert.deepEqual(
      alice.all("room").map((e) => [e.locked, e.limit]),
      [[false, 2], [false, undefined], [true, undefined], [false, undefined]],
    );
  } finally {
    await closeAll(chat, boss, alice);
  }
});

Deno.test("host client: a ban that would catch the host itself is refused", async () => {
  const { circle, chat } = await server();
  const boss = await RawMember.join(circle, chat.port, "boss", { host: true });
  const alice = await RawMember.join(circle, chat.port, "alice");
  try {
    for (const target of ["127.0.0.1", "127.0.0.0/8", "0.0.0.0/0", "Boss"]) {
      const result = await op(boss, "ban", [target]);
      assert.deepEqual([result.ok, result.code], [false, "self"], target);
    }
    assert.equal(chat.room.bans.size, 0);
    assert.equal(alice.closedReason, undefined);
    assert.equal((await op(boss, "ban", ["10.0.0.0/33"])).code, "bad-target");
  } finally {
    await closeAll(chat, boss, alice);
  }
});

Deno.test("a member without the host key is refused every host command", async () => {
  const { circle, chat } = await server();
  const alice = await RawMember.join(circle, chat.port, "alice");
  const bob = await RawMember.join(circle, chat.port, "bob");
  const args: Record<string, string[]> = {
    kick: ["bob"],
    ban: ["bob"],
    unban: ["bob"],
    mute: ["bob"],
    unmute: ["bob"],
    limit: ["1"],
  };
  try {
    for (const spec of HOST_OPS) {
      const body = spec.sealed === "required" ? seal(circle, "hi") : undefined;
      const result = await op(alice, spec.name, args[spec.name] ?? [], body);
      if (spec.hostOnly) {
        assert.deepEqual([result.ok, result.code], [false, "not-host"], spec.name);
      } else {
        assert.equal(result.ok, true, spec.name);
        assert.ok(result.members!.every((m) => m.address === undefined), "no addresses");
      }
    }
    assert.equal(bob.closedReason, undefined);
    assert.equal(chat.room.memberCount, 2);
    assert.equal(chat.room.locked, false);
    assert.equal((await op(alice, "frobnicate")).code, "unknown-command");
  } finally {
    await closeAll(chat, alice, bob);
  }
});

Deno.test("a wrong host key joins as a normal member, told so in ok", async () => {
  const { circle, chat } = await server();
  const other = await testCircle(7);
  const conn = await dialTls({ hostname: "127.0.0.1", port: chat.port, caPem: circle.caPem });
  const { ok } = await within(
    dialHandshake(conn, {
      role: "server",
      authKey: circle.authKey,
      nick: "pretender",
      hostAuthKey: other.hostAuthKey,
    }),
    "the handshake",
  );
  try {
    assert.equal(ok.hostRefused, true);
    assert.equal(ok.host, undefined);
    assert.equal(chat.room.who().find((m) => m.nick === "pretender")?.host, undefined);
  } finally {
    await conn.close(100);
    await chat.close();
  }
});

Deno.test("console: every host command works, and no ban, lock or limit shuts the console out", async () => {
  const { circle, chat } = await server();
  const host = hostConsole(chat, circle);
  const alice = await RawMember.join(circle, chat.port, "alice");
  const bob = await RawMember.join(circle, chat.port, "bob");
  try {
    assert.match(host.run("/who").join("\n"), /^2 members:\n {2}alice +127\.0\.0\.1 +\d+ s/);
    assert.deepEqual(host.run("/mute bob 5m"), ["muted bob for 5 min"]);
    await alice.waitFor("the mute", (e) => e.t === "mute" && e.muted);
    assert.deepEqual(host.run("/unmute bob"), ["bob may speak again"]);
    assert.deepEqual(host.run("/announce hello, all"), ["announced to everyone"]);
    const notice = await alice.waitFor("the notice", (e) => e.t === "notice");
    assert.equal(
      notice.t === "notice" && decodeBody(fernetDecrypt(circle.key, notice.body)).text,
      "hello, all",
    );
    assert.deepEqual(host.run("/motd be kind"), [
      "welcome text set: members see it when they join",
    ]);
    assert.deepEqual(host.run("/motd"), ["welcome text: be kind"]);
    assert.deepEqual(host.run("/kick bob enough"), ["kicked bob (enough)"]);
    await bob.waitFor("bob kicked", (e) => e.t === "error" && e.code === "kicked");
    // Shut everybody out: the console does not care.
    assert.deepEqual(host.run("/ban 0.0.0.0/0"), [
      "banned 0.0.0.0/0 until /unban — removed 1 member",
    ]);
    host.run("/ban ::/0");
    host.run("/lock");
    host.run("/limit 1");
    await alice.waitFor("alice banned", (e) => e.t === "error" && e.code === "banned");
    assert.equal((await refusedJoin(circle, chat.port, "anyone")).code, "banned");
    assert.deepEqual(host.run("/who"), ["nobody is here yet"]);
    assert.deepEqual(host.run("/bans")[0], "2 bans:");
    assert.deepEqual(host.run("/unban 0.0.0.0/0"), ["lifted the ban on 0.0.0.0/0"]);
    assert.deepEqual(host.run("/unlock"), ["unlocked: new members can join"]);
    assert.deepEqual(host.run("/limit off"), ["no member limit"]);
    const back = await RawMember.join(circle, chat.port, "alice");
    await back.conn.close(100);
  } finally {
    await closeAll(chat, alice, bob);
  }
});

Deno.test("--bans FILE keeps bans across a restart, written 0600 and whole", async () => {
  const dir = await Deno.makeTempDir({ prefix: "stealth-bans-" });
  const bansFile = join(dir, "bans.json");
  try {
    const first = await server({ bansFile });
    const host = hostConsole(first.chat, first.circle);
    host.run("/ban 127.0.0.0/8 2h spam");
    host.run("/ban mallory");
    host.run("/ban eve 1h");
    host.run("/unban eve");
    await first.chat.close();
    const info = await Deno.stat(bansFile);
    if (Deno.build.os !== "windows") assert.equal(info.mode! & 0o777, 0o600);
    const saved = JSON.parse(await Deno.readTextFile(bansFile));
    assert.equal(saved.v, 1);
    assert.deepEqual(
      saved.bans.map((b: { target: string; reason?: string }) => [b.target, b.reason]),
      [["127.0.0.0/8", "spam"], ["mallory", undefined]],
    );
    assert.deepEqual(
      [...Deno.readDirSync(dir)].map((e) => e.name),
      ["bans.json"],
      "no temporary file left behind",
    );

    const second = await server({ bansFile });
    try {
      const refused = await refusedJoin(second.circle, second.chat.port, "alice");
      assert.deepEqual([refused.code, refused.detail], ["banned", "spam"]);
      assert.ok(refused.retryAfterMs! > 7_000_000);
      hostConsole(second.chat, second.circle).run("/unban 127.0.0.0/8");
    } finally {
      await second.chat.close();
    }
    const after = JSON.parse(await Deno.readTextFile(bansFile));
    assert.deepEqual(after.bans.map((b: { target: string }) => b.target), ["mallory"]);

    await assert.rejects(
      server({ bansFile: join(dir, "missing", "bans.json") }),
      (e) => e instanceof BanFileError && /does not exist/.test(e.message),
    );
    await Deno.writeTextFile(bansFile, "{ not json");
    await assert.rejects(
      server({ bansFile }),
      (e) => e instanceof BanFileError && /bans/.test(e.message),
    );
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});
