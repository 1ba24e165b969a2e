import assert from "node:assert/strict";
import {
  ChatConnection,
  type ChatConnectionOptions,
  ChatError,
  type ChatEvent,
} from "../../client/mod.ts";
import { DialError, HandshakeError } from "../../net/mod.ts";
import { waitFor } from "../support/wait_for.ts";
import { copyOf, FakeDialer, KEY, OTHER_KEY, Recorder, seal, sessionId } from "./_fakes.ts";

const TS = 1_700_000_000_000;

async function setup(options: Partial<ChatConnectionOptions> = {}, dialer = new FakeDialer()) {
  const recorder = new Recorder();
  const chat = new ChatConnection({
    key: KEY,
    hostname: "127.0.0.1",
    port: 5555,
    nick: "alice",
    onEvent: recorder.listen,
    backoffMs: [1, 1, 1],
    dial: dialer.dial,
    ...options,
  });
  await chat.connect();
  return { chat, dialer, recorder };
}

function refused(): Error {
  return new DialError("refused", "127.0.0.1", 5555, "cannot reach 127.0.0.1:5555 (refused)");
}

Deno.test("ChatConnection.connect() joins and tells who is here", async () => {
  const dialer = new FakeDialer(() => ({
    ok: {
      session: sessionId(1),
      seq: 3,
      members: [{ nick: "bob", away: false, since: 0 }, { nick: "alice", away: false, since: 1 }],
    },
  }));
  const { chat, recorder } = await setup({}, dialer);
  assert.equal(chat.state, "connected");
  assert.equal(chat.lastSeq, 3);
  assert.equal(chat.session, sessionId(1));
  assert.equal(chat.serverName, "kitchen");
  assert.deepEqual(dialer.requests, [{ nick: "alice" }]);
  assert.deepEqual(recorder.states(), ["connecting", "connected"]);
  assert.deepEqual(recorder.infos(), ["connected to kitchen as alice"]);
  const members = recorder.chat().find((e) => e.type === "members");
  assert.deepEqual(members?.type === "members" && members.members.map((m) => m.nick), [
    "bob",
    "alice",
  ]);
  await chat.close(0);
});

Deno.test("ChatConnection.say() is pending until the server's copy confirms it", async () => {
  const { chat, dialer, recorder } = await setup();
  const sent = chat.say("hello");
  assert.equal(chat.pending, 1);
  const [say] = dialer.conn.sentOf("say");
  assert.equal(say?.id, sent.id);
  assert.equal(say?.to, undefined);
  const pending = recorder.chat().at(-1)!;
  assert.equal(pending.type === "message" && pending.status, "pending");

  dialer.conn.deliver(copyOf(say!, "alice", 2));
  assert.equal(chat.pending, 0);
  const confirmed = recorder.chat().at(-1)!;
  assert.ok(confirmed.type === "message");
  assert.equal(confirmed.status, "confirmed");
  assert.equal(confirmed.id, sent.id);
  assert.equal(confirmed.seq, 2);
  assert.equal(confirmed.self, true);
  assert.equal(confirmed.text, "hello");
  await chat.close(0);
});

Deno.test("ChatConnection ignores room events it has seen (seq at or below the last)", async () => {
  const { chat, dialer, recorder } = await setup();
  dialer.conn.deliver({ t: "join", seq: 2, ts: TS, nick: "bob" });
  dialer.conn.deliver({ t: "join", seq: 2, ts: TS, nick: "bob" });
  dialer.conn.deliver({ t: "join", seq: 1, ts: TS, nick: "carol" });
  dialer.conn.deliver({ t: "leave", seq: 3, ts: TS, nick: "bob", reason: "quit" });
  const seen = recorder.chat().filter((e) => e.seq !== undefined).map((e) => `${e.type} ${e.seq}`);
  assert.deepEqual(seen, ["join 2", "leave 3"]);
  assert.equal(chat.lastSeq, 3);
  await chat.close(0);
});

Deno.test("ChatConnection.say() refuses past the outbox bound, and keeps what it has", async () => {
  const { chat } = await setup({ outbox: { maxMessages: 2 } });
  chat.say("one");
  chat.say("two");
  assert.throws(() => chat.say("three"), (error) => {
    assert.ok(error instanceof ChatError);
    assert.equal(error.code, "outbox-full");
    return true;
  });
  assert.deepEqual(chat.pendingMessages().map((m) => m.text), ["one", "two"]);
  await chat.close(0);
});

Deno.test("ChatConnection.say() checks the text and the recipient", async () => {
  const { chat } = await setup();
  assert.throws(() => chat.say("x".repeat(64 * 1024 + 1)), RangeError);
  assert.throws(() => chat.say("hi", { to: "not a nick" }), TypeError);
  await chat.close(0);
});

Deno.test("ChatConnection resumes after a drop and sends what is pending again, in order", async () => {
  const { chat, dialer, recorder } = await setup();
  const first = dialer.conn;
  chat.say("m1");
  chat.say("m2");
  chat.say("m3");
  const says = first.sentOf("say");
  assert.equal(says.length, 3);
  first.deliver(copyOf(says[0]!, "alice", 2)); // m1 acknowledged before the drop
  dialer.script = () => ({ ok: { session: sessionId(1), seq: 5, resumed: true } });
  first.drop();
  assert.equal(chat.state, "reconnecting");
  await waitFor(() => chat.state === "connected", "the resume");
  assert.deepEqual(dialer.requests.at(-1), {
    nick: "alice",
    resume: { session: sessionId(1), after: 2 },
  });
  const second = dialer.conn;
  assert.deepEqual(second.sentOf("say").map((s) => s.id), [says[1]!.id, says[2]!.id]);
  second.deliver({ t: "join", seq: 3, ts: TS, nick: "bob" });
  second.deliver(copyOf(says[1]!, "alice", 4));
  second.deliver(copyOf(says[2]!, "alice", 6));
  assert.equal(chat.pending, 0);
  assert.deepEqual(recorder.texts(), ["m1", "m2", "m3"]);
  assert.ok(recorder.infos().includes("reconnecting (attempt 1 of 3)"));
  assert.ok(recorder.infos().includes("resumed, nothing missed"));
  await chat.close(0);
});

Deno.test("ChatConnection sends nothing again that the replay acknowledged", async () => {
  const { chat, dialer, recorder } = await setup();
  chat.say("m1");
  chat.say("m2");
  const says = dialer.conn.sentOf("say");
  dialer.script = () => ({ ok: { session: sessionId(1), seq: 3, resumed: true, missed: 0 } });
  // The server queues ok and the replay before the client reads them.
  dialer.onConnection = (conn) => conn.deliver(copyOf(says[0]!, "alice", 2));
  dialer.conn.drop();
  await waitFor(() => chat.state === "connected", "the resume");
  assert.deepEqual(dialer.conn.sentOf("say").map((s) => s.id), [says[1]!.id]);
  dialer.conn.deliver(copyOf(says[1]!, "alice", 3));
  dialer.conn.deliver(copyOf(says[1]!, "alice", 3)); // a stray copy: seen already
  assert.deepEqual(recorder.texts(), ["m1", "m2"]);
  await chat.close(0);
});

Deno.test("ChatConnection tells how much a resume could not replay", async () => {
  const { chat, dialer, recorder } = await setup();
  dialer.script = () => ({ ok: { session: sessionId(1), seq: 900, resumed: true, missed: 12 } });
  dialer.conn.drop();
  await waitFor(() => chat.state === "connected", "the resume");
  assert.equal(recorder.infos().at(-1), "resumed — 12 earlier events could no longer be replayed");
  await chat.close(0);
});

Deno.test("ChatConnection joins as a new session when the server lost ours", async () => {
  const { chat, dialer, recorder } = await setup();
  dialer.conn.deliver({ t: "join", seq: 40, ts: TS, nick: "bob" });
  chat.say("lost?");
  dialer.script = () => ({ ok: { session: sessionId(2), seq: 1, resumed: false } });
  dialer.conn.drop();
  await waitFor(() => chat.state === "connected", "the new session");
  assert.equal(chat.session, sessionId(2));
  assert.equal(chat.lastSeq, 1, "the restarted server counts from its own seq");
  assert.ok(recorder.infos().includes("new session — messages from before may be missing"));
  const [again] = dialer.conn.sentOf("say");
  assert.ok(again, "the pending message is sent again");
  dialer.conn.deliver(copyOf(again, "alice", 2));
  assert.equal(chat.pending, 0);
  await chat.close(0);
});

Deno.test("ChatConnection joins again when the server says the session is unknown", async () => {
  const { chat, dialer } = await setup();
  dialer.script = (request) =>
    request.resume
      ? new HandshakeError("unknown-session", "the server refused the connection (unknown-session)")
      : { ok: { session: sessionId(3), seq: 1 } };
  dialer.conn.drop();
  await waitFor(() => chat.state === "connected", "the new session");
  assert.deepEqual(dialer.requests.slice(1).map((r) => r.resume !== undefined), [true, false]);
  assert.equal(chat.session, sessionId(3));
  assert.equal(chat.state, "connected");
  await chat.close(0);
});

Deno.test("ChatConnection goes offline after three failed attempts, keeping what was typed", async () => {
  const { chat, dialer, recorder } = await setup();
  dialer.script = () => refused();
  dialer.conn.drop();
  chat.say("typed while down");
  await waitFor(() => chat.state === "offline", "offline");
  assert.deepEqual(recorder.states(), [
    "connecting",
    "connected",
    "reconnecting 1/3",
    "reconnecting 2/3",
    "reconnecting 3/3",
    "offline",
  ]);
  assert.equal(dialer.requests.length, 4);
  assert.equal(
    recorder.infos().at(-1),
    "offline: cannot reach 127.0.0.1:5555 (refused) (1 message not sent yet)",
  );
  assert.equal(chat.pending, 1);
  assert.ok(chat.error instanceof DialError);
  chat.say("still queued");
  assert.equal(chat.pending, 2);

  // A manual reconnect later resumes and sends them.
  dialer.script = () => ({ ok: { session: sessionId(1), seq: 1, resumed: true } });
  await chat.reconnect();
  assert.equal(chat.state, "connected");
  assert.deepEqual(dialer.conn.sentOf("say").length, 2);
  await chat.close(0);
});

Deno.test("ChatConnection stops at once when a reconnect shows the key is wrong", async () => {
  const { chat, dialer, recorder } = await setup();
  dialer.script = () =>
    new HandshakeError("not-in-circle", "this server is not in your circle — check secret.key");
  dialer.conn.drop();
  await waitFor(() => chat.state === "offline", "offline");
  assert.equal(dialer.requests.length, 2);
  assert.equal(
    recorder.infos().at(-1),
    "offline: this server is not in your circle — check secret.key",
  );
  await chat.close(0);
});

Deno.test("ChatConnection keeps trying quietly after going offline, then resumes and sends", async () => {
  const { chat, dialer, recorder } = await setup({ keepTryingMs: [5, 10] });
  dialer.script = () => refused();
  dialer.conn.drop();
  chat.say("typed while the host reboots");
  await waitFor(() => chat.state === "offline", "offline");
  const offline = recorder.events.findLast((e) => e.kind === "state");
  assert.ok(offline?.kind === "state" && offline.retryAt !== undefined, "a next attempt is due");
  // Two quiet attempts fail: no new lines in the pane, only the state flips.
  await waitFor(() => dialer.requests.length >= 6, "two quiet attempts");
  await waitFor(() => chat.state === "offline", "offline again");
  const keepTrying = "stealth keeps trying by itself; /reconnect tries now";
  assert.deepEqual(recorder.infos().filter((text) => text === keepTrying), [keepTrying]);
  assert.equal(recorder.infos().filter((text) => text.startsWith("offline:")).length, 1);
  assert.deepEqual(recorder.states().slice(-2), ["reconnecting", "offline"]);

  dialer.script = () => ({ ok: { session: sessionId(1), seq: 1, resumed: true } });
  await waitFor(() => chat.state === "connected", "back by itself");
  assert.equal(dialer.requests.at(-1)?.resume?.session, sessionId(1), "a resume");
  assert.equal(dialer.conn.sentOf("say").length, 1, "the queued message goes out");
  await chat.close(0);
});

Deno.test("ChatConnection does not keep trying after a refusal for good", async () => {
  const { chat, dialer, recorder } = await setup({ keepTryingMs: [5] });
  let quiet = 0;
  dialer.script = () => {
    // The three quick attempts find nobody; the first quiet one finds the host banned us.
    if (dialer.requests.length <= 4) return refused();
    quiet++;
    return new HandshakeError("banned", "you are banned from this server");
  };
  dialer.conn.drop();
  await waitFor(() => quiet === 1 && chat.state === "offline", "refused for good");
  const last = recorder.events.findLast((e) => e.kind === "state");
  assert.ok(last?.kind === "state" && last.retryAt === undefined, "nothing more is due");
  assert.equal(recorder.infos().at(-1), "offline: you are banned from this server");
  await new Promise((resolve) => setTimeout(resolve, 40));
  assert.equal(quiet, 1, "no attempt after a ban");
  await chat.close(0);
});

Deno.test("ChatConnection stays offline without keepTryingMs, and close() stops a due attempt", async () => {
  const { chat, dialer } = await setup();
  dialer.script = () => refused();
  dialer.conn.drop();
  await waitFor(() => chat.state === "offline", "offline");
  await new Promise((resolve) => setTimeout(resolve, 30));
  assert.equal(dialer.requests.length, 4, "the first dial and three attempts, then nothing");
  await chat.close(0);

  const second = await setup({ keepTryingMs: [20] });
  second.dialer.script = () => refused();
  second.dialer.conn.drop();
  await waitFor(() => second.chat.state === "offline", "offline");
  await second.chat.close(0);
  await new Promise((resolve) => setTimeout(resolve, 50));
  assert.equal(second.dialer.requests.length, 4, "closed: the due attempt never runs");
});

Deno.test("ChatConnection.connect() rejects with the handshake's not-in-circle error", async () => {
  const dialer = new FakeDialer(() =>
    new HandshakeError("not-in-circle", "this server is not in your circle — check secret.key")
  );
  const recorder = new Recorder();
  const chat = new ChatConnection({
    key: KEY,
    hostname: "127.0.0.1",
    port: 5555,
    nick: "alice",
    onEvent: recorder.listen,
    dial: dialer.dial,
  });
  await assert.rejects(chat.connect(), (error) => {
    assert.ok(error instanceof HandshakeError);
    assert.equal(error.code, "not-in-circle");
    assert.equal(error.message, "this server is not in your circle — check secret.key");
    return true;
  });
  assert.equal(chat.state, "offline");
  assert.deepEqual(recorder.infos(), [], "the caller tells the person, once");
  await chat.close(0);
});

Deno.test("ChatConnection waits and sends again what the rate limit refused", async () => {
  const { chat, dialer, recorder } = await setup();
  const conn = dialer.conn;
  chat.say("a");
  chat.say("b");
  chat.say("c");
  const [a, b, c] = conn.sentOf("say");
  conn.deliver(copyOf(a!, "alice", 2));
  conn.deliver({ t: "refused", code: "rate", id: b!.id, retryAfterMs: 5 });
  conn.deliver({ t: "refused", code: "rate", id: c!.id, retryAfterMs: 5 });
  assert.equal(chat.pending, 2);
  // One at a time now: b goes again, then c once b is confirmed.
  await waitFor(() => conn.sentOf("say").length === 4, "b sent again");
  assert.equal(conn.sentOf("say")[3]!.id, b!.id);
  conn.deliver(copyOf(b!, "alice", 3));
  await waitFor(() => conn.sentOf("say").length === 5, "c sent again");
  assert.equal(conn.sentOf("say")[4]!.id, c!.id);
  conn.deliver(copyOf(c!, "alice", 4));
  assert.deepEqual(recorder.texts(), ["a", "b", "c"]);
  assert.equal(recorder.chat().filter((e) => e.type === "error").length, 0);
  await chat.close(0);
});

Deno.test("ChatConnection tells when a private message has no recipient", async () => {
  const { chat, dialer, recorder } = await setup();
  chat.say("psst", { to: "ghost" });
  const [say] = dialer.conn.sentOf("say");
  assert.equal(say?.to, "ghost");
  dialer.conn.deliver({ t: "refused", code: "no-such-nick", id: say!.id });
  assert.equal(chat.pending, 0);
  const [failed, error] = recorder.chat().slice(-2) as [ChatEvent, ChatEvent];
  assert.ok(failed.type === "private" && failed.status === "failed");
  assert.ok(error.type === "error");
  assert.equal(error.text, "ghost is not here — your message was not delivered");
  await chat.close(0);
});

Deno.test("ChatConnection turns a body it cannot open into an event, not a crash", async () => {
  const { chat, dialer, recorder } = await setup();
  dialer.conn.deliver({
    t: "msg",
    seq: 2,
    ts: TS,
    from: "eve",
    id: "e1",
    body: seal({ kind: "text", text: "x" }, OTHER_KEY),
  });
  dialer.conn.deliver({
    t: "msg",
    seq: 3,
    ts: TS,
    from: "bob",
    id: "b1",
    body: seal({ kind: "text", text: "still here" }),
  });
  const [bad, good] = recorder.chat().slice(-2) as [ChatEvent, ChatEvent];
  assert.ok(bad.type === "error");
  assert.equal(bad.text, "a message could not be read (it was not sealed with your key)");
  assert.ok(good.type === "message" && good.text === "still here");
  assert.equal(chat.state, "connected");
  await chat.close(0);
});

Deno.test("ChatConnection pings, answers pings, and drops a silent server", async () => {
  let now = TS;
  const dialer = new FakeDialer();
  const { chat } = await setup(
    { clock: () => now, pingIntervalMs: 20, peerTimeoutMs: 60 },
    dialer,
  );
  const conn = dialer.conn;
  conn.deliver({ t: "ping", ts: 42 });
  assert.deepEqual(conn.sentOf("pong"), [{ t: "pong", ts: 42 }]);
  now += 25;
  await waitFor(() => conn.sentOf("ping").length === 1, "a ping");
  assert.deepEqual(conn.sentOf("ping"), [{ t: "ping", ts: now }]);
  dialer.script = () => ({ ok: { session: sessionId(1), seq: 1, resumed: true } });
  now += 60;
  await waitFor(() => dialer.conns.length === 2, "a reconnect after the silence");
  assert.ok(conn.closed);
  await chat.close(0);
});

Deno.test("ChatConnection does not fight over a session taken over elsewhere", async () => {
  const { chat, dialer, recorder } = await setup();
  dialer.conn.deliver({ t: "error", code: "replaced", detail: "resumed on another connection" });
  dialer.conn.drop();
  assert.equal(chat.state, "offline");
  assert.equal(dialer.requests.length, 1);
  assert.equal(
    recorder.infos().at(-1),
    "offline: this session was taken over by another connection",
  );
  await chat.close(0);
});

Deno.test("ChatConnection reconnects after the server shut down", async () => {
  const { chat, dialer, recorder } = await setup();
  dialer.conn.deliver({ t: "error", code: "shutdown", detail: "the server is shutting down" });
  dialer.script = () => refused();
  dialer.conn.drop();
  assert.equal(chat.state, "reconnecting");
  assert.ok(recorder.infos().includes("connection lost (the server is shutting down)"));
  await waitFor(() => chat.state === "offline", "offline");
  await chat.close(0);
});

Deno.test("ChatConnection.close() waits for the outbox, then says bye", async () => {
  const { chat, dialer } = await setup();
  const conn = dialer.conn;
  chat.say("last words");
  const closing = chat.close(5_000);
  assert.throws(() => chat.say("too late"), ChatError);
  await new Promise((resolve) => setTimeout(resolve, 5));
  assert.equal(conn.sentOf("bye").length, 0, "no bye while a message is pending");
  conn.deliver(copyOf(conn.sentOf("say")[0]!, "alice", 2));
  await closing;
  assert.equal(conn.sent.at(-1)?.t, "bye");
  assert.equal(chat.state, "closed");
  assert.equal(chat.pending, 0);
});

Deno.test("ChatConnection.close() gives up on the outbox after its bound", async () => {
  const { chat, dialer } = await setup();
  chat.say("never acknowledged");
  await chat.close(10);
  assert.equal(dialer.conn.sent.at(-1)?.t, "bye");
  assert.equal(chat.pending, 1);
});

Deno.test("ChatConnection.close() during reconnect attempts stops them", async () => {
  const { chat, dialer } = await setup({ backoffMs: [10_000, 10_000, 10_000] });
  dialer.conn.drop();
  assert.equal(chat.state, "reconnecting");
  await chat.close(0);
  assert.equal(chat.state, "closed");
  assert.equal(dialer.requests.length, 1);
});

Deno.test("ChatConnection follows nick changes and keeps drop noise about us quiet", async () => {
  const { chat, dialer, recorder } = await setup();
  const conn = dialer.conn;
  chat.changeNick("alicia");
  assert.deepEqual(conn.sentOf("nick"), [{ t: "nick", nick: "alicia" }]);
  conn.deliver({ t: "nick", seq: 2, ts: TS, old: "alice", new: "alicia" });
  assert.equal(chat.nick, "alicia");
  conn.deliver({ t: "away", seq: 3, ts: TS, nick: "alicia", away: true }); // a drop elsewhere
  conn.deliver({ t: "away", seq: 4, ts: TS, nick: "alicia", away: false }); // its resume
  chat.setAway(true);
  conn.deliver({ t: "away", seq: 5, ts: TS, nick: "alicia", away: true });
  const shown = recorder.chat().filter((e) => e.seq !== undefined).map((e) => `${e.type} ${e.seq}`);
  assert.deepEqual(shown, ["nick 2", "away 5"]);
  chat.who();
  conn.deliver({ t: "members", list: [{ nick: "alicia", away: true, since: 0 }] });
  assert.deepEqual(chat.members, [{ nick: "alicia", away: true, since: 0 }]);
  await chat.close(0);
});

Deno.test("ChatConnection refuses requests that cannot wait while disconnected", async () => {
  const { chat, dialer } = await setup({ backoffMs: [10_000] });
  dialer.conn.drop();
  assert.throws(
    () => chat.who(),
    (error) => error instanceof ChatError && error.code === "not-connected",
  );
  assert.throws(() => chat.setAway(true), ChatError);
  chat.say("this one waits");
  assert.equal(chat.pending, 1);
  await chat.close(0);
});
