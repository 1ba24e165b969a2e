import assert from "node:assert/strict";
import { type ChatEvent, DirectChat } from "../../client/mod.ts";
import { renderEvent } from "../../client/mod.ts";

const TS = 1_700_000_000_000;
const time = () => "12:00";

function plain(events: ChatEvent[]): string[] {
  return events.map((event) => renderEvent(event, "plain", { time })!).filter(Boolean);
}

const connected: ChatEvent = {
  type: "info",
  code: "connected",
  ts: TS,
  self: false,
  text: "connected to alice as alice",
  server: "alice",
  nick: "alice",
};

function members(...nicks: string[]): ChatEvent {
  return {
    type: "members",
    ts: TS,
    self: false,
    members: nicks.map((nick) => ({ nick, away: false, since: TS })),
  };
}

Deno.test("DirectChat.present() turns the listener's welcome into the lines to read aloud", () => {
  const direct = new DirectChat({
    listening: { port: 5557, addresses: ["192.168.1.5", "fd00::5"], fingerprint: "1234 5678" },
  });
  assert.deepEqual(plain(direct.present(connected, "alice")), [
    "[12:00] -- listening for one peer on port 5557",
    "[12:00] -- address: 192.168.1.5:5557",
    "[12:00] -- address: [fd00::5]:5557",
    "[12:00] -- fingerprint: 1234 5678 — read it aloud: your peer's must match",
    "[12:00] -- your peer runs: stealth p2p 192.168.1.5",
  ]);
  assert.deepEqual(plain(direct.present(members("alice"), "alice")), [
    "[12:00] -- waiting for a peer",
  ]);
  assert.equal(direct.peer, undefined);
});

Deno.test("DirectChat.present() names the dial command with the port when it is not 5557", () => {
  const direct = new DirectChat({
    listening: { port: 6000, addresses: ["fd00::5"], fingerprint: "1234" },
  });
  const lines = plain(direct.present(connected, "alice"));
  assert.equal(lines.at(-1), "[12:00] -- your peer runs: stealth p2p [fd00::5]:6000");
  const none = new DirectChat({ listening: { port: 6000, addresses: [], fingerprint: "1234" } });
  assert.match(
    plain(none.present(connected, "alice")).join("\n"),
    /no network address found — only this machine can dial port 6000/,
  );
});

Deno.test("DirectChat.present() follows the peer: direct with, left, waiting again", () => {
  const direct = new DirectChat({
    listening: { port: 5557, addresses: [], fingerprint: "1" },
  });
  direct.present(connected, "alice");
  direct.present(members("alice"), "alice");
  const join: ChatEvent = { type: "join", ts: TS, seq: 2, self: false, nick: "bob" };
  assert.deepEqual(plain(direct.present(join, "alice")), ["[12:00] -- direct with bob"]);
  assert.equal(direct.peer, "bob");
  const renamed: ChatEvent = {
    type: "nick",
    ts: TS,
    seq: 3,
    self: false,
    nick: "bob",
    newNick: "robert",
  };
  assert.deepEqual(direct.present(renamed, "alice"), [renamed]);
  assert.equal(direct.peer, "robert");
  // A /who answer is shown as is; only the welcome's list is not.
  assert.deepEqual(plain(direct.present(members("alice", "robert"), "alice")), [
    "[12:00] -- 2 here: alice, robert",
  ]);
  const left: ChatEvent = {
    type: "leave",
    ts: TS,
    seq: 4,
    self: false,
    nick: "robert",
    reason: "timeout",
  };
  assert.deepEqual(plain(direct.present(left, "alice")), [
    "[12:00] -- robert left (timeout)",
    "[12:00] -- waiting for a peer",
  ]);
  assert.equal(direct.peer, undefined);
  assert.equal(direct.ended, false);
});

Deno.test("DirectChat.present() on the dialer: direct with the listener; its quit ends the chat", () => {
  const direct = new DirectChat({});
  assert.deepEqual(direct.present({ ...connected, nick: "bob" }, "bob"), []);
  assert.deepEqual(plain(direct.present(members("alice", "bob"), "bob")), [
    "[12:00] -- direct with alice",
  ]);
  // A drop is not the end: the listener may come back.
  const dropped: ChatEvent = {
    type: "leave",
    ts: TS,
    seq: 5,
    self: false,
    nick: "alice",
    reason: "timeout",
  };
  assert.equal(direct.present(dropped, "bob").length, 1);
  assert.equal(direct.ended, false);
  direct.present({ ...connected, code: "new-session", text: "new session" }, "bob");
  direct.present(members("alice", "bob"), "bob");
  const quit: ChatEvent = {
    type: "leave",
    ts: TS,
    seq: 9,
    self: false,
    nick: "alice",
    reason: "quit",
  };
  assert.deepEqual(plain(direct.present(quit, "bob")), [
    "[12:00] -- alice left (quit)",
    "[12:00] -- alice ended the direct chat",
  ]);
  assert.equal(direct.ended, true);
});
