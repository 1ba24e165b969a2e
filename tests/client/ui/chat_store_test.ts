import assert from "node:assert/strict";
import type { ChatEvent, ConnectionEvent } from "../../../client/mod.ts";
import { type ChatSource, ChatStore, mentionPattern } from "../../../client/ui/chat_store.ts";

const TS = 1_700_000_000_000;

function source(nick = "alice"): ChatSource & { nick: string } {
  return {
    state: "connected",
    nick,
    serverName: "kitchen",
    members: [{ nick, away: false, since: TS }],
    host: false,
    away: false,
  };
}

function said(from: string, text: string, extra: Partial<ChatEvent> = {}): ConnectionEvent {
  return {
    kind: "chat",
    event: {
      type: "message",
      ts: TS,
      self: false,
      id: `id-${from}-${text}`,
      from,
      text,
      status: "confirmed",
      ...extra,
    } as ChatEvent,
  };
}

function own(
  id: string,
  text: string,
  status: "pending" | "confirmed" | "failed",
): ConnectionEvent {
  return {
    kind: "chat",
    event: { type: "message", ts: TS, self: true, id, from: "alice", text, status },
  };
}

function texts(store: ChatStore): string[] {
  const out: string[] = [];
  for (let i = 0; i < store.view.count; i++) {
    const event = store.entry(i)!.event;
    out.push(
      "text" in event ? `${event.text}${"status" in event ? `:${event.status}` : ""}` : event.type,
    );
  }
  return out;
}

Deno.test("ChatStore keeps our messages pending below the log, then in the room's order", () => {
  const store = new ChatStore();
  store.attach(source());
  store.handle(own("a", "first", "pending"));
  store.handle(own("b", "second", "pending"));
  assert.deepEqual(texts(store), ["first:pending", "second:pending"]);
  assert.equal(store.view.pending, 2);
  // Someone else's message arrives before ours is confirmed: it goes above the pending ones.
  store.handle(said("bob", "hello"));
  store.handle(own("a", "first", "confirmed"));
  assert.deepEqual(texts(store), ["hello:confirmed", "first:confirmed", "second:pending"]);
  store.handle(own("b", "second", "failed"));
  assert.deepEqual(texts(store), ["hello:confirmed", "first:confirmed", "second:failed"]);
  assert.equal(store.view.pending, 0);
  assert.equal(store.view.count, 3);
});

Deno.test("ChatStore shows each of our messages once, however often it is told", () => {
  const store = new ChatStore();
  store.handle(own("a", "hi", "pending"));
  store.handle(own("a", "hi", "pending"));
  assert.equal(store.view.count, 1);
  store.handle(own("a", "hi", "confirmed"));
  assert.deepEqual(texts(store), ["hi:confirmed"]);
});

Deno.test("ChatStore keeps at most its scrollback, dropping the oldest", () => {
  const store = new ChatStore({ scrollback: 10 });
  for (let i = 1; i <= 25; i++) store.handle(said("bob", `m${i}`));
  assert.equal(store.view.count, 10);
  assert.deepEqual(texts(store)[0], "m16:confirmed");
  assert.deepEqual(texts(store)[9], "m25:confirmed");
  assert.throws(() => new ChatStore({ scrollback: 0 }), RangeError);
});

Deno.test("ChatStore keeps a scrolled-up view still and counts new lines below it", () => {
  const store = new ChatStore();
  store.attach(source());
  for (let i = 1; i <= 30; i++) store.handle(said("bob", `m${i}`));
  store.scrollUp(10);
  assert.equal(store.view.offset, 10);
  store.handle(said("bob", "new one"));
  store.handle(said("carol", "another"));
  store.handle(own("x", "mine", "pending"));
  assert.equal(store.view.offset, 13, "the same lines stay in view");
  assert.equal(store.view.unread, 2, "our own line is not news");
  store.scrollDown(5);
  assert.equal(store.view.offset, 8);
  assert.equal(store.view.unread, 2);
  store.scrollToEnd();
  assert.equal(store.view.offset, 0);
  assert.equal(store.view.unread, 0);
  store.scrollUp(1_000);
  assert.equal(store.view.offset, store.view.count - 1, "never past the oldest line");
  store.scrollDown(1_000);
  assert.equal(store.view.offset, 0);
});

Deno.test("ChatStore.clear() empties the log but keeps what is not sent yet", () => {
  const store = new ChatStore();
  store.handle(said("bob", "old"));
  store.handle(own("a", "waiting", "pending"));
  store.scrollUp(1);
  store.clear();
  assert.deepEqual(texts(store), ["waiting:pending"]);
  assert.equal(store.view.offset, 0);
});

Deno.test("ChatStore rings for a mention or a private message, never for our own or with the bell off", () => {
  let rings = 0;
  const store = new ChatStore({ ring: () => rings++ });
  const me = source("alice");
  store.attach(me);
  store.handle(said("bob", "hey Alice, look"));
  assert.equal(rings, 1);
  assert.equal(store.entry(0)!.mention, true);
  store.handle(said("bob", "malice is not a mention"));
  store.handle(said("bob", "alice_b neither"));
  assert.equal(rings, 1);
  store.handle({
    kind: "chat",
    event: {
      type: "private",
      ts: TS,
      self: false,
      id: "p",
      from: "bob",
      to: "alice",
      text: "psst",
      status: "confirmed",
    },
  });
  assert.equal(rings, 2);
  store.handle(own("o", "I am alice", "confirmed"));
  assert.equal(rings, 2);
  store.setBell(false);
  assert.equal(store.view.bell, false);
  store.handle(said("bob", "alice?"));
  assert.equal(rings, 2);
  assert.equal(store.entry(store.view.count - 1)!.mention, true, "still marked, not rung");
  // After a nick change the new nick is the one that rings.
  me.nick = "ally";
  store.setBell(true);
  store.handle(said("bob", "ally!"));
  assert.equal(rings, 3);
});

Deno.test("ChatStore follows the connection's state for the status bar", () => {
  const store = new ChatStore();
  const me = source();
  store.attach(me);
  store.handle({ kind: "state", state: "reconnecting", attempt: 2, attempts: 3 });
  assert.equal(store.view.state, "reconnecting");
  assert.equal(store.view.attempt, 2);
  assert.equal(store.view.attempts, 3);
  store.handle({ kind: "state", state: "offline", error: new Error("gone") });
  assert.equal(store.view.problem, "gone");
  assert.equal(store.view.attempt, undefined);
  assert.equal(store.view.retrying, false);
  store.handle({ kind: "state", state: "offline", error: new Error("gone"), retryAt: 1 });
  assert.equal(store.view.retrying, true);
  store.handle({ kind: "state", state: "connected" });
  assert.equal(store.view.problem, undefined);
  assert.equal(store.view.server, "kitchen");
  assert.equal(store.view.members.length, 1);
  let calls = 0;
  const stop = store.subscribe(() => calls++);
  const before = store.getSnapshot();
  store.setLeaving();
  assert.equal(calls, 1);
  assert.notEqual(store.getSnapshot(), before, "a new snapshot per change");
  assert.equal(store.view.leaving, true);
  stop();
  store.setBell(false);
  assert.equal(calls, 1);
});

Deno.test("mentionPattern() matches a nick as a word, any case, with its dots and dashes literal", () => {
  assert.ok(mentionPattern("a.b").test("hi A.B!"));
  assert.ok(!mentionPattern("a.b").test("hi axb"));
  assert.ok(mentionPattern("jo-jo").test("jo-jo: there"));
  assert.ok(!mentionPattern("jo").test("jojo"));
  assert.ok(mentionPattern("émile").test("salut Émile"));
});
