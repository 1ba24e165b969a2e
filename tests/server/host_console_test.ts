import assert from "node:assert/strict";
import { HOST_OPS } from "../../protocol/mod.ts";
import {
  type ChatServer,
  CONSOLE_COMMANDS,
  type ConsoleContext,
  type HostActor,
  type HostOp,
  Room,
  runConsoleLine,
  runHostOp,
} from "../../server/mod.ts";
import { FakeClock, FakeLink } from "./_room_fakes.ts";

function context(room: Room, clock = () => 125_000) {
  const lines: string[] = [];
  let quits = 0;
  const ctx: ConsoleContext = {
    server: {
      room,
      runOp: (op: HostOp, actor: HostActor) => runHostOp(room, actor, op),
    } as unknown as ChatServer,
    print: (line: string) => lines.push(line),
    quit: () => quits++,
    clock,
    seal: (text) => `sealed-${text.length}`,
    open: (token) => token.startsWith("sealed-") ? `(${token})` : undefined,
  };
  return { lines, quits: () => quits, ctx };
}

const link = { deliver: () => true, disconnect() {} };

Deno.test("runConsoleLine() /who lists members with addresses and time here", () => {
  const room = new Room({ name: "r", clock: () => 5_000 });
  room.join("alice", link, { host: false, address: "192.168.1.7" });
  room.join("bob", link, { host: true, address: "10.0.0.2" });
  const { lines, ctx } = context(room);
  runConsoleLine(ctx, "/who");
  assert.equal(lines[0], "2 members:");
  assert.match(lines[1]!, /alice\s+192\.168\.1\.7\s+2 min/);
  assert.match(lines[2]!, /bob\s+10\.0\.0\.2\s+2 min\s+\(host\)/);
});

Deno.test("runConsoleLine() /who on an empty room says so", () => {
  const { lines, ctx } = context(new Room({ name: "r", clock: () => 0 }));
  runConsoleLine(ctx, "/who");
  assert.deepEqual(lines, ["nobody is here yet"]);
});

Deno.test("runConsoleLine() /quit asks to shut down; unknown commands answer", () => {
  const { lines, ctx, quits } = context(new Room({ name: "r", clock: () => 0 }));
  runConsoleLine(ctx, "/frobnicate now");
  runConsoleLine(ctx, "hello");
  runConsoleLine(ctx, "");
  assert.deepEqual(lines, [
    "unknown command /frobnicate — type /help",
    "commands start with / — type /help",
  ]);
  assert.equal(quits(), 0);
  runConsoleLine(ctx, "/QUIT");
  assert.equal(quits(), 1);
});

Deno.test("runConsoleLine() /help lists every host command and the console's own", () => {
  const { lines, ctx } = context(new Room({ name: "r", clock: () => 0 }));
  runConsoleLine(ctx, "/help");
  assert.equal(lines.length, CONSOLE_COMMANDS.length);
  assert.equal(CONSOLE_COMMANDS.length, HOST_OPS.length + 2);
  for (const c of CONSOLE_COMMANDS) assert.ok(lines.some((l) => l.includes(`/${c.name}`)), c.name);
  assert.ok(lines.some((l) => l.includes("/ban NICK|ADDRESS|CIDR [DURATION] [REASON]")));
});

Deno.test("runConsoleLine() checks arguments through the shared table", () => {
  const { lines, ctx } = context(new Room({ name: "r", clock: () => 0 }));
  runConsoleLine(ctx, "/kick");
  runConsoleLine(ctx, "/lock now");
  runConsoleLine(ctx, "/announce");
  runConsoleLine(ctx, "/kick nobody");
  runConsoleLine(ctx, "/ban not/a/range");
  runConsoleLine(ctx, "/mute bob forever");
  runConsoleLine(ctx, "/limit many");
  runConsoleLine(ctx, "/unban 10.0.0.1");
  runConsoleLine(ctx, "/unmute bob");
  assert.deepEqual(lines, [
    "usage: /kick NICK [REASON]",
    "usage: /lock",
    "usage: /announce TEXT",
    "nobody here is called nobody — type /who",
    "not/a/range is not a nick, an address or a CIDR range (like 192.168.1.0/24)",
    "forever is not a duration — use 10m, 2h or 7d",
    "many is not a number of members — give N from 1, or off",
    "10.0.0.1 is not banned — type /bans",
    "bob is not muted",
  ]);
});

Deno.test("runConsoleLine() kicks, bans, mutes, and words each result", () => {
  const clock = new FakeClock();
  const room = new Room({ name: "r", clock: clock.read });
  const bob = new FakeLink();
  const carol = new FakeLink();
  room.join("bob", bob, { host: false, address: "10.1.2.3" });
  room.join("carol", carol, { host: false, address: "10.1.2.4" });
  room.join("dave", new FakeLink(), { host: false, address: "192.168.0.9" });
  const { lines, ctx } = context(room, clock.read);
  runConsoleLine(ctx, "/mute dave 10m");
  runConsoleLine(ctx, "/kick bob   spamming  links");
  runConsoleLine(ctx, "/ban 10.1.0.0/16 2h flooding");
  runConsoleLine(ctx, "/ban eve");
  runConsoleLine(ctx, "/bans");
  runConsoleLine(ctx, "/unmute dave");
  runConsoleLine(ctx, "/limit 5");
  runConsoleLine(ctx, "/limit");
  runConsoleLine(ctx, "/lock");
  runConsoleLine(ctx, "/unlock");
  runConsoleLine(ctx, "/announce tea is ready");
  runConsoleLine(ctx, "/motd");
  runConsoleLine(ctx, "/motd welcome, all");
  runConsoleLine(ctx, "/motd");
  runConsoleLine(ctx, "/motd -");
  runConsoleLine(ctx, "/unban EVE");
  assert.deepEqual(lines, [
    "muted dave for 10 min",
    "kicked bob (spamming  links)",
    "banned 10.1.0.0/16 for 2 hr (flooding) — removed 1 member",
    "banned eve until /unban",
    "2 bans:",
    "  10.1.0.0/16                             2 hr left          flooding",
    "  eve                                     until /unban",
    "dave may speak again",
    "at most 5 members",
    "at most 5 members",
    "locked: nobody new can join (members here can still come back)",
    "unlocked: new members can join",
    "announced to everyone",
    "no welcome text — set one with /motd TEXT",
    "welcome text set: members see it when they join",
    "welcome text: (sealed-12)",
    "welcome text cleared",
    "lifted the ban on eve",
  ]);
  assert.deepEqual(bob.closed, { code: "kicked", detail: "spamming  links" });
  assert.equal(carol.closed?.code, "banned");
  assert.equal(room.motd, undefined);
  assert.deepEqual(room.who().map((m) => m.nick), ["dave"]);
});
