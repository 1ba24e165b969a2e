import assert from "node:assert/strict";
import { type ChatEvent, localTime, renderEvent, safe } from "../../client/mod.ts";

const TS = new Date(2024, 0, 2, 12, 3, 30).getTime(); // 12:03 local
const base = { ts: TS, self: false } as const;
const time = { time: () => "12:03" };

const cases: [ChatEvent, string][] = [
  [
    { ...base, type: "message", seq: 1, id: "a", from: "alice", text: "hi", status: "confirmed" },
    "[12:03] <alice> hi",
  ],
  [
    { ...base, type: "me", seq: 2, id: "b", from: "alice", text: "waves", status: "confirmed" },
    "[12:03] * alice waves",
  ],
  [
    {
      ...base,
      type: "private",
      seq: 3,
      id: "c",
      from: "alice",
      to: "bob",
      text: "psst",
      status: "confirmed",
    },
    "[12:03] <alice → you> psst",
  ],
  [
    {
      ...base,
      self: true,
      type: "private",
      seq: 4,
      id: "d",
      from: "alice",
      to: "bob",
      text: "psst",
      status: "confirmed",
    },
    "[12:03] <you → bob> psst",
  ],
  [{ ...base, type: "notice", seq: 5, from: "Server", text: "hello" }, "[12:03] <Server> hello"],
  [{ ...base, type: "join", seq: 6, nick: "bob" }, "[12:03] -- bob joined"],
  [{ ...base, type: "leave", seq: 7, nick: "bob", reason: "quit" }, "[12:03] -- bob left (quit)"],
  [
    { ...base, type: "leave", seq: 8, nick: "bob", reason: "kicked", detail: "spam" },
    "[12:03] -- bob was kicked by the host: spam",
  ],
  [
    { ...base, type: "leave", seq: 8, nick: "bob", reason: "banned" },
    "[12:03] -- bob was banned by the host",
  ],
  [
    { ...base, type: "mute", seq: 8, nick: "bob", muted: true, until: TS + 600_000 },
    "[12:03] -- bob was muted by the host for 10 min",
  ],
  [
    { ...base, self: true, type: "mute", seq: 8, nick: "me", muted: true },
    "[12:03] -- you were muted by the host until the host lifts it — you can still read",
  ],
  [
    { ...base, type: "mute", seq: 8, nick: "bob", muted: false },
    "[12:03] -- bob may speak again",
  ],
  [
    { ...base, type: "room", seq: 8, locked: true, limit: 10 },
    "[12:03] -- the host changed the room: locked (nobody new can join), at most 10 members",
  ],
  [
    { ...base, type: "room", seq: 8, locked: false },
    "[12:03] -- the host changed the room: open to new members, no member limit",
  ],
  [
    {
      ...base,
      type: "members",
      members: [
        { nick: "alice", away: false, since: TS - 300_000, address: "192.168.1.7" },
        { nick: "bob", away: true, since: TS - 60_000, muted: true, address: "10.0.0.2" },
      ],
    },
    "[12:03] -- 2 here: alice (192.168.1.7, 5 min), bob (away, muted, 10.0.0.2, 1 min)",
  ],
  [{ ...base, type: "away", seq: 9, nick: "bob", away: true }, "[12:03] -- bob is away"],
  [{ ...base, type: "away", seq: 10, nick: "bob", away: false }, "[12:03] -- bob is back"],
  [
    { ...base, self: true, type: "away", seq: 11, nick: "alice", away: true },
    "[12:03] -- you are away",
  ],
  [{ ...base, type: "nick", seq: 12, nick: "bob", newNick: "rob" }, "[12:03] -- bob is now rob"],
  [
    {
      ...base,
      type: "members",
      members: [
        { nick: "alice", away: false, since: 0 },
        { nick: "bob", away: true, since: 0 },
        { nick: "pi", away: false, since: 0, host: true },
      ],
    },
    "[12:03] -- 3 here: alice, bob (away), pi (host)",
  ],
  [
    { ...base, type: "info", code: "reconnecting", text: "reconnecting (attempt 2 of 3)" },
    "[12:03] -- reconnecting (attempt 2 of 3)",
  ],
  [
    { ...base, type: "error", code: "command", text: "unknown command /x — try /help" },
    "[12:03] !! unknown command /x — try /help",
  ],
  [
    {
      ...base,
      type: "error",
      code: "unreadable",
      from: "eve",
      text: "a message could not be read",
    },
    "[12:03] !! eve: a message could not be read",
  ],
];

Deno.test("renderEvent() writes one readable line per event", () => {
  for (const [event, line] of cases) assert.equal(renderEvent(event, "plain", time), line);
});

Deno.test("renderEvent() writes one JSON object per event, type, ts and seq first", () => {
  for (const [event] of cases) {
    const line = renderEvent(event, "json")!;
    assert.ok(!line.includes("\n"));
    const parsed = JSON.parse(line);
    assert.deepEqual(parsed, JSON.parse(JSON.stringify(event)));
    const keys = Object.keys(parsed);
    assert.deepEqual(keys.slice(0, 2), ["type", "ts"]);
    if (event.seq !== undefined) assert.equal(keys[2], "seq");
  }
  assert.equal(
    renderEvent(cases[0]![0], "json"),
    '{"type":"message","ts":' + TS +
      ',"seq":1,"self":false,"id":"a","from":"alice","text":"hi","status":"confirmed"}',
  );
});

Deno.test("renderEvent() shows our messages only once confirmed", () => {
  const event: ChatEvent = {
    ...base,
    self: true,
    type: "message",
    id: "p",
    from: "alice",
    text: "hi",
    status: "pending",
  };
  assert.equal(renderEvent(event, "plain"), undefined);
  assert.equal(renderEvent(event, "json"), undefined);
  assert.equal(renderEvent({ ...event, status: "failed" }, "plain"), undefined);
});

Deno.test("renderEvent() uses the local time on a 24-hour clock by default", () => {
  assert.equal(localTime(TS), "12:03");
  assert.equal(localTime(TS + 13 * 3600_000), "01:03");
  assert.equal(
    renderEvent({ ...base, type: "join", nick: "bob" }, "plain"),
    "[12:03] -- bob joined",
  );
});

Deno.test("safe() keeps terminal escapes and line breaks out of a line", () => {
  assert.equal(safe("a\nb\r\nc"), "a ⏎ b ⏎ c");
  assert.equal(safe("\u001b[2Jgone"), "\ufffd[2Jgone");
  assert.equal(safe("abc\u202Edef\u0007"), "abc\ufffddef\ufffd");
  assert.equal(safe("tab\tok ünïcödé 🎉"), "tab\tok ünïcödé 🎉");
  const line = renderEvent(
    {
      ...base,
      type: "message",
      id: "e",
      from: "eve",
      text: "x\n[12:04] <alice> fake",
      status: "confirmed",
    },
    "plain",
    time,
  )!;
  assert.equal(line.split("\n").length, 1);
});
