import assert from "node:assert/strict";
import { BanList, parseBanTarget, parseDuration } from "../../server/mod.ts";
import { FakeClock } from "./_room_fakes.ts";

Deno.test("parseBanTarget() reads addresses, ranges and nicks, in their normal form", () => {
  const cases: [string, string | undefined, string | undefined][] = [
    ["192.168.1.7", "address", "192.168.1.7"],
    ["::ffff:192.168.1.7", "address", "192.168.1.7"],
    ["10.1.2.3/8", "cidr", "10.0.0.0/8"],
    ["10.1.2.3/32", "address", "10.1.2.3"],
    ["0.0.0.0/0", "cidr", "0.0.0.0/0"],
    ["2001:DB8:0:0:0:0:0:1", "address", "2001:db8::1"],
    ["2001:db8:aa:bb::1/48", "cidr", "2001:db8:aa::/48"],
    ["::/0", "cidr", "::/0"],
    ["[fe80::1%eth0]", "address", "fe80::1"],
    ["::ffff:10.0.0.0/104", "cidr", "10.0.0.0/8"],
    ["Bob", "nick", "Bob"],
    ["A\u030Angström", "nick", "Ångström"],
    ["10.0.0.0/33", undefined, undefined],
    ["::/129", undefined, undefined],
    ["two words", undefined, undefined],
    ["bob/8", undefined, undefined],
    ["", undefined, undefined],
  ];
  for (const [text, kind, target] of cases) {
    const read = parseBanTarget(text);
    assert.deepEqual([read?.kind, read?.target], [kind, target], text);
  }
});

Deno.test("BanList.match() catches nicks regardless of case, addresses and ranges of both families", () => {
  const clock = new FakeClock();
  const bans = new BanList({ clock: clock.read });
  assert.ok(bans.add("Bob").ok);
  assert.ok(bans.add("192.168.1.7").ok);
  assert.ok(bans.add("10.0.0.0/8").ok);
  assert.ok(bans.add("2001:db8::/32").ok);
  assert.equal(bans.match("BOB", "127.0.0.1")?.target, "Bob");
  assert.equal(bans.match("alice", "192.168.1.7")?.target, "192.168.1.7");
  assert.equal(bans.match("alice", "::ffff:192.168.1.7")?.target, "192.168.1.7");
  assert.equal(bans.match("alice", "192.168.1.8"), undefined);
  assert.equal(bans.match("alice", "10.200.3.4")?.target, "10.0.0.0/8");
  assert.equal(bans.match("alice", "11.0.0.1"), undefined);
  assert.equal(bans.match("alice", "2001:db8:1::5")?.target, "2001:db8::/32");
  assert.equal(bans.match("alice", "2001:db9::5"), undefined);
  assert.equal(bans.match("alice", "not an address"), undefined);
  assert.equal(bans.size, 4);
});

Deno.test("BanList: a timed ban ends on the injected clock; the longest of several wins", () => {
  const clock = new FakeClock();
  let changes = 0;
  const bans = new BanList({ clock: clock.read, onChange: () => changes++ });
  bans.add("10.0.0.0/8", { durationMs: 60_000, reason: "one" });
  bans.add("10.0.0.1", { durationMs: 120_000, reason: "two" });
  assert.equal(changes, 2);
  assert.equal(bans.match(undefined, "10.0.0.1")?.reason, "two");
  clock.advance(59_999);
  assert.equal(bans.remaining(bans.match(undefined, "10.0.0.2")!), 1);
  clock.advance(1);
  assert.equal(bans.match(undefined, "10.0.0.2"), undefined, "expired at its end");
  assert.equal(changes, 3, "expiry is a change (to persist)");
  assert.equal(bans.match(undefined, "10.0.0.1")?.reason, "two");
  clock.advance(60_000);
  assert.equal(bans.prune(), 1);
  assert.deepEqual(bans.list(), []);
});

Deno.test("BanList.add() replaces a ban of the same target; remove() takes any spelling", () => {
  const clock = new FakeClock();
  const bans = new BanList({ clock: clock.read, maxBans: 2 });
  bans.add("bob", { reason: "first" });
  bans.add("BOB", { durationMs: 1_000, reason: "second" });
  assert.deepEqual(bans.list().map((b) => [b.target, b.reason]), [["BOB", "second"]]);
  bans.add("2001:db8::1");
  assert.deepEqual(bans.add("carol"), { ok: false, code: "too-many-bans" });
  assert.deepEqual(bans.add("no good"), { ok: false, code: "bad-target" });
  assert.equal(bans.remove("2001:DB8:0::1")?.target, "2001:db8::1");
  assert.equal(bans.remove("bob")?.target, "BOB");
  assert.equal(bans.remove("bob"), undefined);
});

Deno.test("BanList() starts with the given bans, skipping expired and unreadable ones", () => {
  const clock = new FakeClock();
  const bans = new BanList({
    clock: clock.read,
    bans: [
      { target: "bob", kind: "nick", since: 1 },
      { target: "10.0.0.0/8", kind: "cidr", since: 1, until: clock.now - 1 },
      { target: "no good", kind: "nick", since: 1 },
      { target: "10.9.9.9/8", kind: "cidr", since: 1, until: clock.now + 5, reason: "r" },
    ],
  });
  assert.deepEqual(bans.list(), [
    { target: "bob", kind: "nick", since: 1 },
    { target: "10.0.0.0/8", kind: "cidr", since: 1, until: clock.now + 5, reason: "r" },
  ]);
});

Deno.test("parseDuration() reads 30s, 10m, 2h, 7d, 1w and nothing else", () => {
  assert.equal(parseDuration("30s"), 30_000);
  assert.equal(parseDuration("10m"), 600_000);
  assert.equal(parseDuration("10min"), 600_000);
  assert.equal(parseDuration("2H"), 7_200_000);
  assert.equal(parseDuration("7d"), 7 * 86_400_000);
  assert.equal(parseDuration("1w"), 7 * 86_400_000);
  for (const bad of ["", "0m", "10", "m", "1.5h", "-1h", "2y", "999999d", "spam"]) {
    assert.equal(parseDuration(bad), undefined, bad);
  }
});
