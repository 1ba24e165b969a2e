import assert from "node:assert/strict";
import type { RoomEvent } from "../../protocol/mod.ts";
import { Room, type RoomMember, type RoomOptions } from "../../server/room.ts";
import {
  decodeFrame,
  deliverReplay,
  FakeClock,
  FakeLink,
  INFO,
  sessionIds,
  token,
} from "./_room_fakes.ts";

interface Joined {
  member: RoomMember;
  link: FakeLink;
  session: string;
  seq: number;
}

function setup(options: Partial<RoomOptions> = {}) {
  const clock = new FakeClock();
  const room = new Room({
    name: "kitchen",
    clock: clock.read,
    newSessionId: sessionIds(),
    ...options,
  });
  const join = (nick: string, info: { host: boolean; address: string } = INFO): Joined => {
    const link = new FakeLink();
    const result = room.join(nick, link, info);
    assert.ok(result.ok, `join ${nick}: ${!result.ok && result.code}`);
    return {
      member: result.member,
      link,
      session: result.welcome.session,
      seq: result.welcome.seq,
    };
  };
  return { clock, room, join };
}

/** The events a link got, without ts (which the clock decides). */
function summary(link: FakeLink): string[] {
  return link.events().map(describe);
}

function describe(e: RoomEvent): string {
  switch (e.t) {
    case "msg":
      return `${e.seq} msg ${e.from}${e.to ? `>${e.to}` : ""} ${e.id}`;
    case "join":
      return `${e.seq} join ${e.nick}`;
    case "leave":
      return `${e.seq} leave ${e.nick} ${e.reason}`;
    case "away":
      return `${e.seq} away ${e.nick} ${e.away}`;
    case "nick":
      return `${e.seq} nick ${e.old}>${e.new}`;
    case "notice":
      return `${e.seq} notice`;
    case "mute":
      return `${e.seq} mute ${e.nick} ${e.muted}`;
    case "room":
      return `${e.seq} room ${e.locked ? "locked" : "open"} ${e.limit ?? "-"}`;
  }
}

Deno.test("Room.join() welcomes the joiner with its session, the seq and the member list", () => {
  const { room, clock } = setup({ motd: token("motd") });
  const alice = new FakeLink();
  const first = room.join("alice", alice, { host: true, address: "10.0.0.1" });
  assert.ok(first.ok);
  assert.deepEqual(first.welcome, {
    session: `session${"1".padStart(36, "0")}`,
    seq: 1,
    members: [{ nick: "alice", away: false, since: clock.now, host: true }],
    motd: token("motd"),
  });
  assert.equal(first.member.nick, "alice");
  assert.equal(first.member.host, true);
  assert.equal(first.member.current, true);
  assert.deepEqual(alice.frames, [], "the joiner gets no event of its own join");
  clock.advance(5);
  const bob = new FakeLink();
  const second = room.join("bob", bob, INFO);
  assert.ok(second.ok);
  assert.equal(second.welcome.seq, 2);
  assert.deepEqual(second.welcome.members.map((m) => m.nick), ["alice", "bob"]);
  assert.deepEqual(alice.events(), [{ t: "join", seq: 2, ts: clock.now, nick: "bob" }]);
  assert.deepEqual(bob.frames, []);
  assert.equal(room.memberCount, 2);
});

Deno.test("Room.join() refuses a nick taken in another case or normal form", () => {
  const { room, join } = setup();
  join("Ångström");
  for (const nick of ["ångström", "A\u030Angström", "ÅNGSTRÖM", "a\u030Angström"]) {
    assert.deepEqual(room.join(nick, new FakeLink(), INFO), { ok: false, code: "nick-taken" });
  }
  assert.equal(room.memberCount, 1);
});

Deno.test("Room.join() stores the NFC form of a nick", () => {
  const { room, join } = setup();
  join("A\u030Angström");
  assert.equal(room.who()[0]!.nick, "Ångström");
});

Deno.test("Room.join() refuses a bad nick and a full room", () => {
  const { room, join } = setup({ maxMembers: 2 });
  assert.deepEqual(room.join("two words", new FakeLink(), INFO), { ok: false, code: "bad-nick" });
  assert.deepEqual(room.join("", new FakeLink(), INFO), { ok: false, code: "bad-nick" });
  join("a");
  const b = join("b");
  assert.deepEqual(room.join("c", new FakeLink(), INFO), { ok: false, code: "full" });
  room.drop(b.member);
  assert.deepEqual(
    room.join("c", new FakeLink(), INFO),
    { ok: false, code: "full" },
    "a member waiting for a resume still holds its place",
  );
  const back = room.resume(b.session, b.seq, new FakeLink(), INFO);
  assert.ok(back.ok);
  room.leave(back.member);
  assert.ok(room.join("c", new FakeLink(), INFO).ok);
});

Deno.test("Room.say() delivers the same frame instance to every live member", () => {
  const { room, join } = setup();
  const members = Array.from({ length: 50 }, (_, i) => join(`m${i}`));
  for (const m of members) m.link.clear();
  const result = room.say(members[7]!.member, { id: "x1", body: token(1) });
  assert.deepEqual(result, { ok: true, seq: 51, duplicate: false });
  const frame = members[0]!.link.frames[0]!;
  for (const m of members) {
    assert.equal(m.link.frames.length, 1);
    assert.equal(m.link.frames[0], frame, "one encoding shared by all");
  }
  const msg = decodeFrame(frame);
  assert.equal(msg.t, "msg");
  assert.deepEqual(msg, {
    t: "msg",
    seq: 51,
    ts: (msg as RoomEvent).ts,
    from: "m7",
    id: "x1",
    body: token(1),
  });
});

Deno.test("Room.say() sends a private message to its target and its sender only", () => {
  const { room, join } = setup();
  const [a, b, c] = [join("alice"), join("bob"), join("carol")];
  for (const m of [a, b, c]) m.link.clear();
  const result = room.say(a.member, { id: "p1", to: "BOB", body: token("p") });
  assert.ok(result.ok);
  assert.deepEqual(summary(a.link), ["4 msg alice>bob p1"]);
  assert.deepEqual(summary(b.link), ["4 msg alice>bob p1"]);
  assert.equal(a.link.frames[0], b.link.frames[0]);
  assert.deepEqual(c.link.frames, []);
  assert.deepEqual(room.say(a.member, { id: "p2", to: "dave", body: token("p") }), {
    ok: false,
    code: "no-such-nick",
  });
  assert.ok(room.say(a.member, { id: "p3", to: "alice", body: token("self") }).ok);
  assert.deepEqual(summary(a.link), ["4 msg alice>bob p1", "5 msg alice>alice p3"]);
});

Deno.test("Room.say() does not say an id twice, and remembers the last 256 ids", () => {
  const { room, join } = setup({ rate: { burst: 1000 } });
  const a = join("alice");
  const b = join("bob");
  b.link.clear();
  assert.deepEqual(room.say(a.member, { id: "m1", body: token(1) }), {
    ok: true,
    seq: 3,
    duplicate: false,
  });
  assert.deepEqual(room.say(a.member, { id: "m1", body: token(1) }), {
    ok: true,
    seq: 3,
    duplicate: true,
  });
  assert.equal(b.link.frames.length, 1);
  assert.ok(room.say(b.member, { id: "m1", body: token(1) }).ok, "ids are per session");
  assert.equal(b.link.frames.length, 2);
  for (let i = 2; i <= 257; i++) room.say(a.member, { id: `m${i}`, body: token(i) });
  const again = room.say(a.member, { id: "m1", body: token(1) });
  assert.ok(again.ok && !again.duplicate, "the 257th id back is forgotten");
  const recent = room.say(a.member, { id: "m3", body: token(3) });
  assert.ok(recent.ok && recent.duplicate);
});

Deno.test("Room.say() lets a 20-line paste through with the default rate", () => {
  const { room, join } = setup();
  const a = join("alice");
  for (let i = 0; i < 20; i++) {
    assert.ok(room.say(a.member, { id: `l${i}`, body: token(i) }).ok, `line ${i}`);
  }
});

Deno.test("Room.say() refuses a member over the rate, then disconnects a flood", () => {
  const { room, join, clock } = setup();
  const a = join("alice");
  const b = join("bob");
  let i = 0;
  for (; i < 30; i++) assert.ok(room.say(a.member, { id: `l${i}`, body: token(i) }).ok);
  const refused = room.say(a.member, { id: `l${i}`, body: token(i) });
  assert.deepEqual(refused, { ok: false, code: "rate", retryAfterMs: 200 });
  clock.advance(200);
  assert.ok(room.say(a.member, { id: `l${i}`, body: token(i) }).ok, "retry after the wait passes");
  let last;
  for (i++; i < 200; i++) {
    last = room.say(a.member, { id: `l${i}`, body: token(i) });
    if (!last.ok && last.code === "flood") break;
    assert.deepEqual(last, { ok: false, code: "rate", retryAfterMs: 200 });
  }
  assert.deepEqual(last, { ok: false, code: "flood" });
  assert.ok(i < 100, `flood after about 3 × burst attempts, not ${i}`);
  assert.equal(a.link.closed?.code, "flood");
  assert.equal(a.member.current, false);
  assert.deepEqual(summary(b.link).at(-1)?.split(" ").slice(1), ["leave", "alice", "flood"]);
  assert.deepEqual(room.resume(a.session, 0, new FakeLink(), INFO), {
    ok: false,
    code: "unknown-session",
  });
  assert.deepEqual(room.say(a.member, { id: "z", body: token(0) }), { ok: false, code: "gone" });
});

Deno.test("Room.drop() shows the member away and keeps its messages in the ring", () => {
  const { room, join } = setup();
  const a = join("alice");
  const b = join("bob");
  a.link.clear();
  b.link.clear();
  assert.equal(room.drop(b.member), true);
  assert.equal(room.drop(b.member), false, "a second drop does nothing");
  assert.deepEqual(summary(a.link), ["3 away bob true"]);
  assert.deepEqual(room.who().map((m) => [m.nick, m.away]), [["alice", false], ["bob", true]]);
  assert.ok(room.say(a.member, { id: "1", to: "bob", body: token(1) }).ok);
  assert.ok(room.say(a.member, { id: "2", body: token(2) }).ok);
  assert.deepEqual(b.link.frames, [], "nothing reaches a dropped link");
  assert.deepEqual(room.stats(), {
    members: 2,
    live: 1,
    away: 1,
    ringEvents: 5,
    ringBytes: room.stats().ringBytes,
  });
});

Deno.test("Room.resume() replays exactly the missed events, then the link is live", () => {
  const { room, join } = setup();
  const a = join("alice");
  const b = join("bob");
  const c = join("carol");
  room.say(a.member, { id: "1", body: token(1) }); // 4, bob got it
  const bobLast = 4;
  room.drop(b.member); // 5 away bob
  room.say(a.member, { id: "2", body: token(2) }); // 6
  room.say(a.member, { id: "3", to: "bob", body: token(3) }); // 7 private to bob
  room.say(a.member, { id: "4", to: "carol", body: token(4) }); // 8 not for bob
  room.say(c.member, { id: "5", body: token(5) }); // 9
  a.link.clear();
  const link = new FakeLink();
  const resumed = room.resume(b.session, bobLast, link, INFO);
  assert.ok(resumed.ok);
  assert.equal(resumed.member.current, true);
  assert.equal(b.member.current, false);
  assert.deepEqual(resumed.welcome, {
    session: b.session,
    seq: 10,
    members: room.who(),
    resumed: true,
  });
  assert.deepEqual(room.who().map((m) => m.away), [false, false, false]);
  assert.deepEqual(summary(a.link), ["10 away bob false"]);
  deliverReplay(link, resumed.replay);
  assert.deepEqual(summary(link), [
    "5 away bob true",
    "6 msg alice 2",
    "7 msg alice>bob 3",
    "9 msg carol 5",
    "10 away bob false",
  ]);
  room.say(c.member, { id: "6", body: token(6) });
  assert.deepEqual(link.seqs(), [5, 6, 7, 9, 10, 11], "no duplicates, no gaps");
  assert.deepEqual(b.link.seqs(), [3, 4]);
});

Deno.test("Room.resume() follows private messages by session across nick changes", () => {
  const { room, join } = setup();
  const a = join("alice");
  const b = join("bob");
  room.changeNick(b.member, "robert"); // 3
  room.say(a.member, { id: "1", to: "robert", body: token(1) }); // 4
  room.changeNick(a.member, "alicia"); // 5
  room.say(b.member, { id: "2", to: "alicia", body: token(2) }); // 6
  const c = join("bob"); // 7: a new bob must not see the old bob's mail
  room.say(c.member, { id: "3", body: token(3) }); // 8
  room.drop(a.member); // 9
  room.drop(b.member); // 10
  const linkA = new FakeLink();
  const ra = room.resume(a.session, 2, linkA, INFO);
  assert.ok(ra.ok);
  deliverReplay(linkA, ra.replay);
  assert.deepEqual(summary(linkA), [
    "3 nick bob>robert",
    "4 msg alice>robert 1",
    "5 nick alice>alicia",
    "6 msg robert>alicia 2",
    "7 join bob",
    "8 msg bob 3",
    "9 away alicia true",
    "10 away robert true",
    "11 away alicia false",
  ]);
  const linkC = new FakeLink();
  room.drop(c.member);
  const rc = room.resume(c.session, 0, linkC, INFO);
  assert.ok(rc.ok);
  deliverReplay(linkC, rc.replay);
  assert.deepEqual(
    linkC.seqs(),
    [8, 9, 10, 11, 12, 13],
    "a resume never reaches before the member's own join",
  );
});

Deno.test("Room.resume() of a live session replaces its link", () => {
  const { room, join } = setup();
  const a = join("alice");
  const b = join("bob");
  a.link.clear();
  const link = new FakeLink();
  const resumed = room.resume(b.session, b.seq, link, { host: true, address: "198.51.100.7" });
  assert.ok(resumed.ok);
  assert.deepEqual(b.link.closed?.code, "replaced");
  assert.equal(b.member.current, false);
  assert.equal(room.drop(b.member), false, "the old connection's late drop is ignored");
  assert.deepEqual(room.say(b.member, { id: "x", body: token(0) }), { ok: false, code: "gone" });
  assert.deepEqual(a.link.frames, [], "no away, no back: nobody noticed");
  assert.deepEqual(resumed.replay, []);
  assert.deepEqual(room.who({ forHost: true })[1], {
    nick: "bob",
    away: false,
    since: room.who()[1]!.since,
    host: true,
    address: "198.51.100.7",
  });
});

Deno.test("Room.resume() keeps a member away by choice away", () => {
  const { room, join } = setup();
  const a = join("alice");
  const b = join("bob");
  room.setAway(b.member, true); // 3
  room.drop(b.member); // nothing new to tell
  assert.deepEqual(summary(a.link), ["2 join bob", "3 away bob true"]);
  const resumed = room.resume(b.session, 3, new FakeLink(), INFO);
  assert.ok(resumed.ok);
  assert.deepEqual(resumed.replay, []);
  assert.equal(room.who()[1]!.away, true);
  assert.equal(room.seq, 3);
});

Deno.test("Room.resume() reports what the ring no longer holds as missed", () => {
  const { room, join } = setup({ ring: { maxEvents: 4 }, rate: { burst: 100 } });
  const a = join("alice"); // 1
  const b = join("bob"); // 2
  room.drop(b.member); // 3
  for (let i = 0; i < 6; i++) room.say(a.member, { id: `${i}`, body: token(i) }); // 4..9
  const link = new FakeLink();
  const resumed = room.resume(b.session, 2, link, INFO); // 10
  assert.ok(resumed.ok);
  deliverReplay(link, resumed.replay);
  assert.deepEqual(link.seqs(), [7, 8, 9, 10]);
  assert.equal(resumed.welcome.missed, 4, "events 3 to 6 are gone");
  assert.equal(resumed.welcome.seq, 10);
});

Deno.test("Room.resume() refuses an unknown session", () => {
  const { room } = setup();
  assert.deepEqual(room.resume("nope", 0, new FakeLink(), INFO), {
    ok: false,
    code: "unknown-session",
  });
});

Deno.test("Room.tick() ends sessions past their grace and erases them", () => {
  const { room, join, clock } = setup({ graceMs: 1_000 });
  const a = join("alice");
  const b = join("bob");
  room.drop(b.member);
  clock.advance(999);
  assert.deepEqual(room.tick(), { expired: 0, pruned: 0 });
  assert.equal(room.memberCount, 2);
  clock.advance(1);
  assert.deepEqual(room.tick(), { expired: 1, pruned: 0 });
  assert.deepEqual(summary(a.link).slice(-2), ["3 away bob true", "4 leave bob timeout"]);
  assert.deepEqual(room.resume(b.session, 0, new FakeLink(), INFO), {
    ok: false,
    code: "unknown-session",
  });
  assert.deepEqual(room.who().map((m) => m.nick), ["alice"]);
  assert.ok(room.join("BOB", new FakeLink(), INFO).ok, "the nick is free again");
  assert.deepEqual(room.say(a.member, { id: "1", to: "bob", body: token(1) }).ok, true);
});

Deno.test("Room.tick() prunes the ring by age", () => {
  const { room, join, clock } = setup({ ring: { maxAgeMs: 60_000 } });
  const a = join("alice");
  room.say(a.member, { id: "1", body: token(1) });
  clock.advance(60_001);
  room.say(a.member, { id: "2", body: token(2) });
  assert.equal(room.stats().ringEvents, 1, "pushing prunes too");
  clock.advance(60_001);
  assert.deepEqual(room.tick(), { expired: 0, pruned: 1 });
  assert.equal(room.stats().ringEvents, 0);
  assert.equal(room.stats().ringBytes, 0);
});

Deno.test("Room.leave() erases the session at once", () => {
  const { room, join } = setup();
  const a = join("alice");
  const b = join("bob", { host: false, address: "203.0.113.9" });
  room.say(b.member, { id: "b1", body: token(1) });
  assert.deepEqual(room.leave(b.member), { ok: true });
  assert.deepEqual(summary(a.link).at(-1), "4 leave bob quit");
  assert.equal(b.member.current, false);
  assert.deepEqual(room.leave(b.member), { ok: false, code: "gone" });
  assert.deepEqual(room.resume(b.session, 0, new FakeLink(), INFO), {
    ok: false,
    code: "unknown-session",
  });
  assert.equal(JSON.stringify(room.who({ forHost: true })).includes("203.0.113.9"), false);
  const again = room.join("bob", new FakeLink(), INFO);
  assert.ok(again.ok);
  assert.deepEqual(
    room.say(again.member, { id: "b1", body: token(1) }),
    { ok: true, seq: 6, duplicate: false },
    "the old session's ids are gone",
  );
  assert.deepEqual(room.stats().members, 2);
});

Deno.test("Room turns a failed delivery into a drop", () => {
  const { room, join } = setup();
  const a = join("alice");
  const b = join("bob");
  const c = join("carol");
  b.link.alive = false;
  room.say(a.member, { id: "1", body: token(1) }); // 4, bob fails
  assert.deepEqual(summary(c.link), ["4 msg alice 1", "5 away bob true"]);
  assert.equal(b.member.current, false);
  assert.equal(room.drop(b.member), false, "the glue's later report is ignored");
  const link = new FakeLink();
  const resumed = room.resume(b.session, 3, link, INFO);
  assert.ok(resumed.ok);
  deliverReplay(link, resumed.replay);
  assert.deepEqual(link.seqs(), [4, 5, 6]);
});

Deno.test("Room.join() never lets a cascade reach the joiner before its welcome", () => {
  const { room, join } = setup();
  const a = join("alice");
  a.link.alive = false;
  const link = new FakeLink();
  const result = room.join("bob", link, INFO); // 2 join, 3 away alice
  assert.ok(result.ok);
  assert.deepEqual(link.frames, []);
  assert.equal(result.welcome.seq, 3);
  assert.deepEqual(result.welcome.members.map((m) => [m.nick, m.away]), [
    ["alice", true],
    ["bob", false],
  ]);
});

Deno.test("Room.changeNick() announces a new nick and refuses a taken one", () => {
  const { room, join } = setup();
  const a = join("alice");
  const b = join("bob");
  assert.deepEqual(room.changeNick(b.member, "ALICE"), { ok: false, code: "nick-taken" });
  assert.deepEqual(room.changeNick(b.member, "no way"), { ok: false, code: "bad-nick" });
  assert.deepEqual(room.changeNick(b.member, "bob"), { ok: true });
  assert.deepEqual(room.changeNick(b.member, "Bob"), { ok: true, seq: 3 });
  assert.deepEqual(room.changeNick(b.member, "robert"), { ok: true, seq: 4 });
  assert.deepEqual(summary(a.link).slice(-2), ["3 nick bob>Bob", "4 nick Bob>robert"]);
  assert.deepEqual(summary(b.link), ["3 nick bob>Bob", "4 nick Bob>robert"]);
  assert.ok(room.join("bob", new FakeLink(), INFO).ok, "the old nick is free");
  assert.equal(b.member.nick, "robert");
});

Deno.test("Room.setAway() announces a change once", () => {
  const { room, join } = setup();
  const a = join("alice");
  const b = join("bob");
  assert.deepEqual(room.setAway(b.member, true), { ok: true, seq: 3 });
  assert.deepEqual(room.setAway(b.member, true), { ok: true });
  assert.deepEqual(room.setAway(b.member, false), { ok: true, seq: 4 });
  assert.deepEqual(summary(a.link).slice(-2), ["3 away bob true", "4 away bob false"]);
  assert.deepEqual(room.stats().away, 0);
});

Deno.test("Room.who() lists members in join order; addresses only for the host", () => {
  const { room, join, clock } = setup();
  const t0 = clock.now;
  join("alice", { host: true, address: "10.0.0.1" });
  clock.advance(10);
  join("bob", { host: false, address: "10.0.0.2" });
  assert.deepEqual(room.who(), [
    { nick: "alice", away: false, since: t0, host: true },
    { nick: "bob", away: false, since: t0 + 10 },
  ]);
  assert.deepEqual(room.who({ forHost: true }).map((m) => m.address), ["10.0.0.1", "10.0.0.2"]);
});

Deno.test("Room.notice() sends a notice to everyone", () => {
  const { room, join } = setup();
  const a = join("alice");
  const b = join("bob");
  assert.deepEqual(room.notice(token("n")), { ok: true, seq: 3 });
  assert.deepEqual(a.link.events().at(-1), {
    t: "notice",
    seq: 3,
    ts: a.link.events()[1]!.ts,
    body: token("n"),
  });
  assert.equal(a.link.frames.at(-1), b.link.frames.at(-1));
});

Deno.test("Room.shutdown() disconnects every link and erases everything", () => {
  const { room, join } = setup();
  const a = join("alice");
  const b = join("bob");
  room.say(a.member, { id: "1", body: token(1) });
  room.drop(b.member);
  room.shutdown();
  assert.equal(a.link.closed?.code, "shutdown");
  assert.equal(b.link.closed, undefined, "a dropped link is not touched again");
  assert.deepEqual(room.stats(), { members: 0, live: 0, away: 0, ringEvents: 0, ringBytes: 0 });
  assert.equal(room.closed, true);
  assert.deepEqual(room.join("carol", new FakeLink(), INFO), { ok: false, code: "closed" });
  assert.deepEqual(room.resume(a.session, 0, new FakeLink(), INFO), { ok: false, code: "closed" });
  assert.deepEqual(room.say(a.member, { id: "2", body: token(2) }), { ok: false, code: "gone" });
  room.shutdown();
});

Deno.test("Room.stats() counts members, live links, away members and the ring", () => {
  const { room, join } = setup();
  const a = join("alice");
  const b = join("bob");
  join("carol");
  room.setAway(a.member, true);
  room.drop(b.member);
  const stats = room.stats();
  assert.deepEqual({ ...stats, ringBytes: 0 }, {
    members: 3,
    live: 2,
    away: 2,
    ringEvents: 5,
    ringBytes: 0,
  });
  assert.ok(stats.ringBytes > 0);
  assert.equal(room.memberCount, 3);
});

Deno.test("Room() refuses bad options", () => {
  const clock = () => 0;
  assert.throws(() => new Room({ name: "r", clock, graceMs: -1 }), RangeError);
  assert.throws(() => new Room({ name: "r", clock, maxMembers: 0 }), RangeError);
  assert.throws(() => new Room({ name: "r", clock, ring: { maxEvents: 0 } }), RangeError);
  assert.throws(() => new Room({ name: "r", clock, rate: { burst: 0 } }), RangeError);
  const same = new Room({ name: "r", clock, newSessionId: () => "x".repeat(43) });
  assert.ok(same.join("a", new FakeLink(), INFO).ok);
  assert.throws(() => same.join("b", new FakeLink(), INFO), Error);
});

Deno.test("Room makes 43-character base64url session ids by default", () => {
  const room = new Room({ name: "r", clock: () => 0 });
  const a = room.join("a", new FakeLink(), INFO);
  const b = room.join("b", new FakeLink(), INFO);
  assert.ok(a.ok && b.ok);
  assert.match(a.welcome.session, /^[A-Za-z0-9_-]{43}$/);
  assert.notEqual(a.welcome.session, b.welcome.session);
});
