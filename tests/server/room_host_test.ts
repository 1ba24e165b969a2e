import assert from "node:assert/strict";
import { Room, type RoomOptions } from "../../server/room.ts";
import { FakeClock, FakeLink, sessionIds, token } from "./_room_fakes.ts";

function setup(options: Partial<RoomOptions> = {}) {
  const clock = new FakeClock();
  const room = new Room({
    name: "kitchen",
    clock: clock.read,
    newSessionId: sessionIds(),
    ...options,
  });
  const join = (nick: string, address = "192.0.2.1", host = false) => {
    const link = new FakeLink();
    const joined = room.join(nick, link, { host, address });
    assert.ok(joined.ok, `join ${nick}: ${!joined.ok && joined.code}`);
    return {
      link,
      member: joined.member,
      session: joined.welcome.session,
      seq: joined.welcome.seq,
    };
  };
  return { clock, room, join };
}

Deno.test("Room.kick() ends a live member, tells it why, and refuses its resume", () => {
  const { room, join } = setup();
  const alice = join("alice");
  const bob = join("bob");
  assert.deepEqual(room.kick("BOB", "spamming"), { ok: true, nick: "bob" });
  assert.deepEqual(bob.link.closed, { code: "kicked", detail: "spamming" });
  const leave = alice.link.events().at(-1)!;
  assert.equal(leave.t, "leave");
  assert.deepEqual(
    leave.t === "leave" && [leave.nick, leave.reason, leave.detail],
    ["bob", "kicked", "spamming"],
  );
  assert.equal(bob.member.current, false);
  assert.deepEqual(
    room.resume(bob.session, bob.seq, new FakeLink(), { host: false, address: "x" }),
    {
      ok: false,
      code: "kicked",
      detail: "spamming",
    },
  );
  assert.deepEqual(room.kick("bob"), { ok: false, code: "no-such-nick" });
  assert.ok(
    room.join("bob", new FakeLink(), { host: false, address: "192.0.2.1" }).ok,
    "a kick is not a ban",
  );
});

Deno.test("Room.kick() ends a session waiting for a resume too; the refusal is forgotten after the grace", () => {
  const { room, join, clock } = setup({ graceMs: 60_000 });
  const bob = join("bob");
  room.drop(bob.member);
  assert.ok(room.kick("bob").ok);
  assert.equal(room.memberCount, 0);
  assert.equal(
    room.resume(bob.session, 0, new FakeLink(), { host: false, address: "x" }).ok,
    false,
  );
  clock.advance(60_000);
  room.tick();
  assert.deepEqual(
    room.resume(bob.session, 0, new FakeLink(), { host: false, address: "x" }),
    { ok: false, code: "unknown-session" },
  );
});

Deno.test("Room.ban() by nick, address and range removes every member it catches, live or waiting, never a host", () => {
  const { room, join } = setup();
  join("watcher", "203.0.113.9");
  const a = join("a", "10.1.2.3");
  const b = join("b", "10.9.9.9");
  const c = join("c", "10.1.2.4", true); // the host's phone
  const d = join("d", "2001:db8::7");
  room.drop(b.member);
  const byRange = room.ban("10.0.0.0/8", { durationMs: 3_600_000, reason: "flood" });
  assert.ok(byRange.ok);
  assert.deepEqual(byRange.removed, ["a", "b"]);
  assert.equal(a.link.closed?.code, "banned");
  assert.equal(a.link.closed?.detail, "flood");
  assert.equal(c.link.closed, undefined, "host connections are never banned");
  const v6 = room.ban("2001:db8::/64");
  assert.ok(v6.ok && v6.removed.length === 1 && d.link.closed?.code === "banned");
  const byNick = room.ban("WATCHER");
  assert.ok(byNick.ok && byNick.removed[0] === "watcher");
  assert.deepEqual(room.who().map((m) => m.nick), ["c"]);
  assert.deepEqual(room.ban("not valid!"), { ok: false, code: "bad-target" });
});

Deno.test("Room.join() refuses a banned nick or address with the time left; the ban ends on the clock", () => {
  const { room, clock } = setup();
  room.ban("192.168.0.0/16", { durationMs: 600_000, reason: "cool off" });
  room.ban("mallory");
  assert.deepEqual(room.join("alice", new FakeLink(), { host: false, address: "192.168.4.4" }), {
    ok: false,
    code: "banned",
    detail: "cool off",
    retryAfterMs: 600_000,
  });
  assert.deepEqual(room.join("Mallory", new FakeLink(), { host: false, address: "8.8.8.8" }), {
    ok: false,
    code: "banned",
  });
  assert.ok(
    room.join("boss", new FakeLink(), { host: true, address: "192.168.4.4" }).ok,
    "not the host",
  );
  clock.advance(599_000);
  const later = room.join("alice", new FakeLink(), { host: false, address: "192.168.4.4" });
  assert.ok(!later.ok && later.code === "banned" && later.retryAfterMs === 1_000);
  clock.advance(1_000);
  assert.ok(room.join("alice", new FakeLink(), { host: false, address: "192.168.4.4" }).ok);
});

Deno.test("Room.resume() refuses a session of a banned member and one from a banned address", () => {
  const { room, join } = setup();
  const bob = join("bob", "10.0.0.5");
  const carol = join("carol", "10.0.0.6");
  room.drop(carol.member);
  room.ban("bob", { durationMs: 5_000 });
  const refused = room.resume(bob.session, bob.seq, new FakeLink(), {
    host: false,
    address: "10.0.0.5",
  });
  assert.ok(!refused.ok && refused.code === "banned" && refused.retryAfterMs === 5_000);
  room.ban("172.16.0.0/12");
  const moved = room.resume(carol.session, carol.seq, new FakeLink(), {
    host: false,
    address: "172.16.1.1",
  });
  assert.ok(!moved.ok && moved.code === "banned");
  assert.ok(
    room.resume(carol.session, carol.seq, new FakeLink(), { host: false, address: "10.0.0.6" }).ok,
  );
});

Deno.test("Room.mute() refuses saying and renaming but not reading; it follows the nick and ends on the clock", () => {
  const { room, join, clock } = setup();
  const alice = join("alice");
  const bob = join("bob");
  assert.deepEqual(room.mute("bob", 60_000), { ok: true, nick: "bob" });
  const muteEvent = alice.link.events().at(-1)!;
  assert.deepEqual(muteEvent, {
    t: "mute",
    seq: 3,
    ts: clock.now,
    nick: "bob",
    muted: true,
    until: clock.now + 60_000,
  });
  assert.deepEqual(room.say(bob.member, { id: "1", body: token(1) }), {
    ok: false,
    code: "muted",
    retryAfterMs: 60_000,
  });
  assert.deepEqual(room.say(bob.member, { id: "2", to: "alice", body: token(2) }).ok, false);
  assert.equal(room.changeNick(bob.member, "rob").ok, false);
  assert.ok(room.say(alice.member, { id: "3", body: token(3) }).ok);
  assert.ok(
    bob.link.events().some((e) => e.t === "msg" && e.id === "3"),
    "a muted member still reads",
  );
  assert.equal(room.who().find((m) => m.nick === "bob")?.muted, true);
  // Leaving and coming back does not lift it.
  room.leave(bob.member);
  const again = join("Bob");
  assert.equal(room.say(again.member, { id: "4", body: token(4) }).ok, false);
  clock.advance(60_000);
  room.tick();
  assert.deepEqual(alice.link.events().at(-1), {
    t: "mute",
    seq: 7,
    ts: clock.now,
    nick: "Bob",
    muted: false,
  });
  assert.ok(room.say(again.member, { id: "5", body: token(5) }).ok);
});

Deno.test("Room.unmute() lifts a mute at once", () => {
  const { room, join } = setup();
  const bob = join("bob");
  room.mute("bob");
  assert.deepEqual(room.say(bob.member, { id: "1", body: token(1) }), { ok: false, code: "muted" });
  assert.deepEqual(room.unmute("BOB"), { ok: true, nick: "bob" });
  assert.deepEqual(room.unmute("bob"), { ok: false, code: "not-muted" });
  assert.ok(room.say(bob.member, { id: "2", body: token(2) }).ok);
  assert.deepEqual(room.mute("nobody"), { ok: false, code: "no-such-nick" });
});

Deno.test("Room.setLocked() refuses new members but not resumes, takeovers or the host; setLimit() bounds joins", () => {
  const { room, join } = setup();
  const alice = join("alice");
  const bob = join("bob");
  room.drop(bob.member);
  room.setLocked(true);
  assert.deepEqual(alice.link.events().at(-1), {
    t: "room",
    seq: 4,
    ts: alice.link.events().at(-1)!.ts,
    locked: true,
  });
  assert.deepEqual(room.join("carol", new FakeLink(), { host: false, address: "x" }), {
    ok: false,
    code: "locked",
  });
  const back = room.resume(bob.session, bob.seq, new FakeLink(), { host: false, address: "x" });
  assert.ok(back.ok, "a resume works while locked");
  room.drop(back.member);
  assert.ok(
    room.join("bob", new FakeLink(), { host: false, address: "x" }, { takeOverDropped: true }).ok,
  );
  assert.ok(room.join("host", new FakeLink(), { host: true, address: "x" }).ok);
  room.setLocked(false);
  room.setLimit(3);
  assert.equal(room.limit, 3);
  assert.deepEqual(room.join("dave", new FakeLink(), { host: false, address: "x" }), {
    ok: false,
    code: "full",
  });
  room.setLimit(undefined);
  assert.ok(room.join("dave", new FakeLink(), { host: false, address: "x" }).ok);
  assert.throws(() => room.setLimit(0), RangeError);
});
