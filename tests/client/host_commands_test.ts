/**
 * Host commands from the line-mode client, against a real chat server over
 * TLS on loopback: one line per result, the room told, the target told why.
 */

import assert from "node:assert/strict";
import { EXIT_FAILURE, EXIT_OK } from "../../client/mod.ts";
import { keyOf, plainCircle } from "./_harness.ts";

async function setup() {
  const circle = await plainCircle({ hostKey: keyOf(101) });
  return { ...circle, hostKeyPath: await circle.keys.key(101) };
}

Deno.test("runPlainChat() with --host-key runs host commands, one line per result", async () => {
  await using t = await setup();
  const boss = t.client("boss", { hostKeyPath: t.hostKeyPath });
  await boss.waitFor(/-- host powers granted$/);
  const alice = t.client("alice");
  await alice.waitFor(/connected/);
  const bob = t.client("bob");
  await bob.waitFor(/connected/);
  await boss.waitFor(/-- bob joined$/);

  boss.type("/help");
  await boss.waitFor(/-- host commands:$/);
  await boss.waitFor(/-- \/kick NICK \[REASON\] — /);

  let from = boss.stdout.length;
  boss.type("/kick bob spamming links");
  await boss.waitFor(/-- you kicked bob \(spamming links\)$/, 5_000, from);
  await alice.waitFor(/-- bob was kicked by the host: spamming links$/);
  await bob.waitFor(/-- offline: you were kicked by the host: spamming links$/);
  assert.equal(await bob.stop(), EXIT_FAILURE);

  boss.type("/mute alice 10m");
  await boss.waitFor(/-- you muted alice for 10 min$/);
  await alice.waitFor(/-- you were muted by the host for 10 min — you can still read$/);
  alice.type("can I still talk?");
  await alice.waitFor(
    /!! the host has muted you for 10 min more \(you can still read\) — your message was not sent$/,
  );
  boss.type("hello alice");
  await alice.waitFor(/<boss> hello alice$/);
  assert.deepEqual(boss.lines(/can I still talk/), []);

  boss.type("/announce tea is ready");
  await alice.waitFor(/<Server> tea is ready$/);
  await boss.waitFor(/-- announced to everyone$/);

  from = boss.stdout.length;
  boss.type("/who");
  const who = await boss.waitFor(/-- 2 here: /, 5_000, from);
  assert.match(
    who,
    /boss \(host, 127\.0\.0\.1, \d+ sec\), alice \(muted, 127\.0\.0\.1, \d+ sec\)$/,
  );

  boss.type("/ban 127.0.0.1");
  await boss.waitFor(/!! banning 127\.0\.0\.1 would shut you out too/);
  boss.type("/ban alice 2h rude");
  await boss.waitFor(/-- you banned alice for 2 hr \(rude\) — 1 member removed$/);
  await alice.waitFor(/-- offline: you were banned by the host: rude — for 2 hr$/);
  boss.type("/bans");
  await boss.waitFor(/-- 1 ban: alice \(2 hr left: rude\)$/);
  boss.type("/kick", "/lock", "/limit 0");
  await boss.waitFor(/!! usage: \/kick NICK \[REASON\]$/);
  await boss.waitFor(/-- locked: nobody new can join/);
  await boss.waitFor(/!! 0 is not a number of members/);
  await boss.waitFor(
    /-- the host changed the room: locked \(nobody new can join\), no member limit$/,
  );
  assert.equal(await boss.stop(), EXIT_OK);
});

Deno.test("runPlainChat() without the host key: no host commands in /help, and each is refused", async () => {
  await using t = await setup();
  const alice = t.client("alice");
  await alice.waitFor(/connected/);
  alice.type("/help");
  await alice.waitFor(/-- \/quit — /);
  assert.deepEqual(alice.lines(/-- \/kick|host commands/), []);
  alice.type("/kick bob", "/lock", "/announce hi");
  await alice.waitFor(/!! \/kick is for the host — join with --host-key host\.key$/);
  await alice.waitFor(/!! \/lock is for the host/);
  await alice.waitFor(/!! \/announce is for the host/);
  assert.equal(t.server.room.locked, false);
  assert.equal(await alice.stop(), EXIT_OK);
});

Deno.test("runPlainChat() with a wrong host.key joins as a normal member and says so", async () => {
  await using t = await setup();
  const wrong = await t.keys.key(77);
  const alice = t.client("alice", { hostKeyPath: wrong });
  await alice.waitFor(
    /-- host\.key does not match this server's — you joined as a normal member$/,
  );
  alice.type("hello");
  await alice.waitFor(/<alice> hello$/);
  assert.equal(await alice.stop(), EXIT_OK);
});

Deno.test("runPlainChat() tells a banned member, at connect, why and for how long", async () => {
  await using t = await setup();
  t.server.runOp({ cmd: "ban", args: ["mallory", "1h", "spam"] }, { kind: "console" });
  const mallory = t.client("mallory");
  assert.equal(await mallory.stop(), EXIT_FAILURE);
  assert.match(
    mallory.stderr.join("\n"),
    /you are banned from this server: spam — for 1 hr more$/,
  );
  t.server.runOp({ cmd: "lock", args: [] }, { kind: "console" });
  const late = t.client("late");
  assert.equal(await late.stop(), EXIT_FAILURE);
  assert.match(late.stderr.join("\n"), /the host has locked this server/);
});
