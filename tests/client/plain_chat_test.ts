/**
 * The line-mode client against a real chat server over TLS on loopback.
 */

import assert from "node:assert/strict";
import { EXIT_FAILURE, EXIT_NOT_IN_CIRCLE, EXIT_OK, EXIT_USAGE } from "../../client/mod.ts";
import { TcpProxy } from "../support/tcp_proxy.ts";
import { keyOf, plainCircle, testServer } from "./_harness.ts";

const TIME = /^\[\d\d:\d\d( [AP]M)?\] /;

const setup = plainCircle;

Deno.test("runPlainChat() lets two members talk, each line once, own lines when confirmed", async () => {
  await using t = await setup();
  const alice = t.client("alice");
  await alice.waitFor(/-- connected to kitchen as alice$/);
  const bob = t.client("bob");
  await bob.waitFor(/-- connected to kitchen as bob$/);
  await bob.waitFor(/-- 2 here: alice, bob$/);
  await alice.waitFor(/-- bob joined$/);

  alice.type("hi bob", "/me waves");
  bob.type("hi alice");
  await bob.waitFor(/\* alice waves$/);
  await alice.waitFor(/<bob> hi alice$/);
  for (const client of [alice, bob]) {
    assert.equal(client.lines(/<alice> hi bob$/).length, 1);
    assert.equal(client.lines(/\* alice waves$/).length, 1);
  }
  assert.ok(alice.stdout.every((line) => TIME.test(line)), alice.stdout.join("\n"));

  assert.equal(await alice.stop(), EXIT_OK);
  await bob.waitFor(/-- alice left \(quit\)$/);
  assert.equal(await bob.stop(), EXIT_OK);
});

Deno.test("runPlainChat() delivers a private message only to its target", async () => {
  await using t = await setup();
  const alice = t.client("alice");
  await alice.waitFor(/connected/);
  const bob = t.client("bob");
  await bob.waitFor(/connected/);
  const carol = t.client("carol");
  await carol.waitFor(/connected/);
  await alice.waitFor(/-- carol joined/);

  alice.type("/msg bob psst", "/msg nobody hello?", "public now");
  await bob.waitFor(/<alice → you> psst$/);
  await alice.waitFor(/<you → bob> psst$/);
  await alice.waitFor(/!! nobody is not here — your message was not delivered$/);
  await carol.waitFor(/<alice> public now$/);
  await bob.waitFor(/<alice> public now$/);
  assert.deepEqual(carol.lines(/psst/), []);
  assert.deepEqual(bob.lines(/hello\?/), []);
});

Deno.test("runPlainChat() resumes after a cut mid-stream: 200 messages, each once, in order", async () => {
  await using t = await setup();
  await using proxy = await TcpProxy.start({ port: t.server.port });
  const bob = t.client("bob");
  await bob.waitFor(/connected/);
  const alice = t.client("alice", { server: `127.0.0.1:${proxy.port}` });
  await alice.waitFor(/connected/);
  await bob.waitFor(/-- alice joined/);

  const count = 200;
  const numbers = Array.from({ length: count }, (_, i) => `n${i + 1}`);
  // Typed in small batches while the link is cut, so some are in flight, some
  // queued, and some typed during the reconnect.
  let typed = 0;
  const typing = (async () => {
    while (typed < count) {
      alice.type(...numbers.slice(typed, typed + 5));
      typed += 5;
      await new Promise((resolve) => setTimeout(resolve, 2));
    }
  })();
  await bob.waitFor(/<alice> n20$/);
  // Stall first, so frames pile up both ways: says that never reach the
  // server, and copies (acks) of says it took that never come back.
  proxy.stall();
  await new Promise((resolve) => setTimeout(resolve, 30));
  const typedAtCut = typed;
  const seenAtCut = bob.lines(/<alice> n\d+$/).length;
  proxy.cut();
  proxy.unstall();
  await alice.waitFor(/-- reconnecting \(attempt 1 of 3\)$/);
  await alice.waitFor(/-- resumed, nothing missed$/);
  await typing;
  await bob.waitFor(/<alice> n200$/, 15_000);
  await alice.waitFor(/<alice> n200$/, 15_000);
  assert.ok(
    seenAtCut < typedAtCut && typedAtCut < count,
    `the cut came mid-stream (${seenAtCut} seen, ${typedAtCut} typed)`,
  );

  for (const client of [bob, alice]) {
    const got = client.lines(/<alice> n\d+$/).map((line) => line.replace(/^.*<alice> /, ""));
    assert.deepEqual(got, numbers, "each message exactly once, in order");
  }
  assert.ok(proxy.accepted >= 2, "alice connected again");
  assert.equal(await alice.stop(), EXIT_OK);
});

Deno.test("runPlainChat() sends what was typed while disconnected once it resumes", async () => {
  await using t = await setup();
  await using proxy = await TcpProxy.start({ port: t.server.port });
  const bob = t.client("bob");
  await bob.waitFor(/connected/);
  const alice = t.client("alice", {
    server: `127.0.0.1:${proxy.port}`,
    tuning: { backoffMs: [400, 400, 400] },
  });
  await alice.waitFor(/connected/);
  await bob.waitFor(/-- alice joined/);

  proxy.cut();
  await alice.waitFor(/-- connection lost/);
  await alice.waitFor(/-- reconnecting \(attempt 1 of 3\)$/);
  alice.type("typed while down 1", "typed while down 2");
  await alice.waitFor(/-- resumed/);
  await bob.waitFor(/<alice> typed while down 2$/);
  assert.equal(bob.lines(/<alice> typed while down 1$/).length, 1);
  await alice.waitFor(/<alice> typed while down 1$/);
  const resumedAt = alice.stdout.findIndex((line) => /-- resumed/.test(line));
  const shownAt = alice.stdout.findIndex((line) => /<alice> typed while down 1$/.test(line));
  assert.ok(shownAt > resumedAt, "own lines are shown when the server's copy arrives");
});

Deno.test("runPlainChat() lets a 40-line paste through the default rate limit, complete", async () => {
  await using t = await setup({ rate: {} });
  const bob = t.client("bob");
  await bob.waitFor(/connected/);
  const alice = t.client("alice");
  await alice.waitFor(/connected/);
  const lines = Array.from({ length: 40 }, (_, i) => `line ${i + 1}`);
  alice.type(...lines);
  await bob.waitFor(/<alice> line 40$/, 15_000);
  const got = bob.lines(/<alice> line \d+$/).map((line) => line.replace(/^.*<alice> /, ""));
  assert.deepEqual(got, lines);
  assert.deepEqual(alice.lines(/!!/), []);
  assert.equal(await alice.stop(), EXIT_OK);
});

Deno.test("runPlainChat() with a key from another circle exits 3 with the exact message", async () => {
  await using t = await setup();
  const wrong = await t.keys.key(9);
  const alice = t.client("alice", { keyPath: wrong });
  assert.equal(await alice.done, EXIT_NOT_IN_CIRCLE);
  assert.deepEqual(alice.stderr, ["this server is not in your circle — check secret.key"]);
  assert.deepEqual(alice.stdout, []);
});

Deno.test("runPlainChat() goes offline after three failed attempts and exits 1", async () => {
  await using t = await setup();
  const alice = t.client("alice");
  await alice.waitFor(/connected/);
  const port = t.server.port;
  await t.server.close();
  assert.equal(await alice.done, EXIT_FAILURE);
  const tail = alice.stdout.slice(-5).map((line) => line.replace(TIME, ""));
  assert.deepEqual(tail, [
    "-- connection lost (the server is shutting down)",
    "-- reconnecting (attempt 1 of 3)",
    "-- reconnecting (attempt 2 of 3)",
    "-- reconnecting (attempt 3 of 3)",
    `-- offline: cannot reach 127.0.0.1:${port} — is the server running? (connection refused)`,
  ]);
});

Deno.test("runPlainChat() leaves on stdin EOF after sending what was typed", async () => {
  await using t = await setup();
  const bob = t.client("bob");
  await bob.waitFor(/connected/);
  const alice = t.client("alice");
  await alice.waitFor(/connected/);
  await bob.waitFor(/-- alice joined/);
  alice.type("last words");
  alice.end();
  assert.equal(await alice.done, EXIT_OK);
  await bob.waitFor(/-- alice left \(quit\)$/);
  const said = bob.stdout.findIndex((line) => /<alice> last words$/.test(line));
  const left = bob.stdout.findIndex((line) => /-- alice left/.test(line));
  assert.ok(said >= 0 && said < left, bob.stdout.join("\n"));
  assert.match(alice.stdout.at(-1)!, /-- left the chat$/);
});

Deno.test("runPlainChat() writes one JSON object per event with --json", async () => {
  await using t = await setup();
  const alice = t.client("alice", { json: true });
  await alice.waitFor(/"code":"connected"/);
  const bob = t.client("bob");
  await bob.waitFor(/connected/);
  bob.type("hello json", "/msg alice secret");
  await alice.waitFor(/"type":"private"/);
  const events = alice.stdout.map((line) => JSON.parse(line));
  const message = events.find((e) => e.type === "message");
  assert.equal(message.from, "bob");
  assert.equal(message.text, "hello json");
  assert.equal(message.self, false);
  assert.equal(typeof message.ts, "number");
  assert.equal(typeof message.seq, "number");
  const secret = events.find((e) => e.type === "private");
  assert.deepEqual([secret.from, secret.to, secret.text], ["bob", "alice", "secret"]);
  assert.ok(events.some((e) => e.type === "join" && e.nick === "bob"));
  assert.ok(events.some((e) => e.type === "members"));
});

Deno.test("runPlainChat() answers commands, and unknown ones with one error line", async () => {
  await using t = await setup();
  const alice = t.client("alice");
  await alice.waitFor(/connected/);
  const bob = t.client("bob");
  await bob.waitFor(/connected/);
  alice.type("/frobnicate", "/who", "/away on", "/nick alicia", "/away off");
  await alice.waitFor(/!! unknown command \/frobnicate — try \/help$/);
  await alice.waitFor(/-- 2 here: alice, bob$/);
  await bob.waitFor(/-- alice is away$/);
  await bob.waitFor(/-- alice is now alicia$/);
  await bob.waitFor(/-- alicia is back$/);
  await alice.waitFor(/-- you are now alicia$/);
  await alice.waitFor(/-- you are back$/);
  alice.type("/quit");
  assert.equal(await alice.done, EXIT_OK);
  await bob.waitFor(/-- alicia left \(quit\)$/);
});

Deno.test("runPlainChat() shows host powers granted by host.key", async () => {
  await using t = await setup({ hostKey: keyOf(101) });
  const hostKeyPath = await t.keys.key(101);
  const alice = t.client("alice", { hostKeyPath });
  await alice.waitFor(/-- host powers granted$/);
  const bob = t.client("bob", { hostKeyPath: await t.keys.key(55) });
  await bob.waitFor(/-- host\.key does not match this server.s — you joined as a normal member$/);
});

Deno.test("runPlainChat() refuses a bad address or nick with exit 2, and no server with 1", async () => {
  await using t = await setup();
  const badAddress = t.client("alice", { server: "127.0.0.1:99999" });
  assert.equal(await badAddress.done, EXIT_USAGE);
  assert.match(badAddress.stderr[0]!, /port must be from 1 to 65535/);
  const badNick = t.client("not a nick");
  assert.equal(await badNick.done, EXIT_USAGE);
  assert.match(badNick.stderr[0]!, /a nick is 1–24 letters/);
  const closed = await testServer();
  const port = closed.port;
  await closed.close();
  const nobody = t.client("alice", { server: `127.0.0.1:${port}` });
  assert.equal(await nobody.done, EXIT_FAILURE);
  assert.deepEqual(nobody.stderr, [
    `cannot reach 127.0.0.1:${port} — is the server running? (connection refused)`,
  ]);
  const taken = t.client("bob");
  await taken.waitFor(/connected/);
  const again = t.client("BOB");
  assert.equal(await again.done, EXIT_FAILURE);
  assert.match(again.stderr[0]!, /that nick is taken/);
});

Deno.test("runPlainChat() tells when the key file is missing", async () => {
  await using t = await setup();
  const alice = t.client("alice", { keyPath: `${t.keys.dir}/nope.key` });
  assert.equal(await alice.done, EXIT_FAILURE);
  assert.equal(alice.stderr.length, 1);
  assert.match(alice.stderr[0]!, /nope\.key/);
});
