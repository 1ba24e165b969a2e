import assert from "node:assert/strict";
import { chatEventOf, unreadableText } from "../../client/mod.ts";
import { sameNick } from "../../protocol/mod.ts";
import { KEY, OTHER_KEY, seal } from "./_fakes.ts";

const TS = 1_700_000_000_000;
const context = { key: KEY, nick: "alice" };

Deno.test("chatEventOf() decrypts a message to everyone", () => {
  const event = chatEventOf(
    { t: "msg", seq: 4, ts: TS, from: "bob", id: "x1", body: seal({ kind: "text", text: "hi" }) },
    context,
  );
  assert.deepEqual(event, {
    type: "message",
    ts: TS,
    seq: 4,
    self: false,
    id: "x1",
    from: "bob",
    text: "hi",
    status: "confirmed",
  });
});

Deno.test("chatEventOf() marks our own messages, whatever the nick's case", () => {
  const event = chatEventOf(
    {
      t: "msg",
      seq: 5,
      ts: TS,
      from: "Alice",
      id: "x2",
      body: seal({ kind: "me", text: "waves" }),
    },
    context,
  );
  assert.equal(event.type, "me");
  assert.equal(event.self, true);
});

Deno.test("chatEventOf() makes private messages, with the action flag", () => {
  const event = chatEventOf(
    {
      t: "msg",
      seq: 6,
      ts: TS,
      from: "bob",
      to: "alice",
      id: "x3",
      body: seal({ kind: "me", text: "winks" }),
    },
    context,
  );
  assert.equal(event.type, "private");
  assert.ok(event.type === "private");
  assert.equal(event.to, "alice");
  assert.equal(event.me, true);
  assert.equal(event.self, false);
});

Deno.test("chatEventOf() turns a body sealed with another key into an error event", () => {
  const event = chatEventOf(
    {
      t: "msg",
      seq: 7,
      ts: TS,
      from: "mallory",
      id: "x4",
      body: seal({ kind: "text", text: "?" }, OTHER_KEY),
    },
    context,
  );
  assert.deepEqual(event, {
    type: "error",
    code: "unreadable",
    ts: TS,
    seq: 7,
    self: false,
    from: "mallory",
    id: "x4",
    text: unreadableText(),
  });
  assert.equal(unreadableText(), "a message could not be read (it was not sealed with your key)");
});

Deno.test("chatEventOf() turns a garbage token into an error event, never a throw", () => {
  const event = chatEventOf({ t: "notice", seq: 8, ts: TS, body: "gAAAAAnope" }, context);
  assert.equal(event.type, "error");
  assert.equal(event.seq, 8);
});

Deno.test("chatEventOf() shows notices as from Server", () => {
  const event = chatEventOf(
    { t: "notice", seq: 9, ts: TS, body: seal({ kind: "announce", text: "pizza at 8" }) },
    context,
  );
  assert.deepEqual(event, {
    type: "notice",
    ts: TS,
    seq: 9,
    self: false,
    from: "Server",
    text: "pizza at 8",
  });
});

Deno.test("chatEventOf() maps presence events", () => {
  assert.deepEqual(chatEventOf({ t: "join", seq: 1, ts: TS, nick: "bob" }, context), {
    type: "join",
    ts: TS,
    seq: 1,
    self: false,
    nick: "bob",
  });
  assert.deepEqual(
    chatEventOf({ t: "leave", seq: 2, ts: TS, nick: "bob", reason: "quit" }, context),
    { type: "leave", ts: TS, seq: 2, self: false, nick: "bob", reason: "quit" },
  );
  assert.deepEqual(
    chatEventOf({ t: "away", seq: 3, ts: TS, nick: "alice", away: true }, context),
    { type: "away", ts: TS, seq: 3, self: true, nick: "alice", away: true },
  );
  assert.deepEqual(
    chatEventOf({ t: "nick", seq: 4, ts: TS, old: "bob", new: "rob" }, context),
    { type: "nick", ts: TS, seq: 4, self: false, nick: "bob", newNick: "rob" },
  );
});

Deno.test("sameNick() compares as the server does", () => {
  assert.equal(sameNick("Ångström", "A\u030Angström".toUpperCase()), true);
  assert.equal(sameNick("bob", "rob"), false);
});
