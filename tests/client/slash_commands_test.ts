import assert from "node:assert/strict";
import {
  ChatError,
  type ChatEvent,
  type CommandContext,
  handleInput,
  type SayOptions,
  SLASH_COMMANDS,
} from "../../client/mod.ts";
import { HOST_OPS } from "../../protocol/mod.ts";

function setup() {
  const calls: string[] = [];
  const shown: ChatEvent[] = [];
  let quits = 0;
  const chat = {
    away: false,
    say(text: string, options: SayOptions = {}) {
      calls.push(`say ${JSON.stringify(text)} ${JSON.stringify(options)}`);
    },
    setAway(away: boolean) {
      calls.push(`away ${away}`);
      this.away = away;
    },
    changeNick(nick: string) {
      calls.push(`nick ${nick}`);
    },
    who() {
      calls.push("who");
    },
  };
  const context: CommandContext = {
    chat,
    show: (event) => shown.push(event),
    quit: () => quits++,
    now: () => 1,
  };
  const errors = () => shown.flatMap((e) => e.type === "error" ? [e.text] : []);
  return { chat, calls, shown, errors, context, quits: () => quits };
}

Deno.test("handleInput() says plain lines, and //lines with one slash less", () => {
  const { calls, context } = setup();
  handleInput("hello there", context);
  handleInput("//etc/passwd is a path", context);
  handleInput("   ", context);
  handleInput("", context);
  assert.deepEqual(calls, [
    'say "hello there" {}',
    'say "/etc/passwd is a path" {}',
  ]);
});

Deno.test("handleInput() runs /me, /msg, /nick, /who, /away and /quit", () => {
  const { calls, context, quits } = setup();
  handleInput("/me waves  at all", context);
  handleInput("/msg bob psst, over here", context);
  handleInput("/nick rob", context);
  handleInput("/who", context);
  handleInput("/away", context);
  handleInput("/away", context);
  handleInput("/away on", context);
  handleInput("/AWAY off", context);
  handleInput("/quit", context);
  assert.deepEqual(calls, [
    'say "waves  at all" {"kind":"me"}',
    'say "psst, over here" {"to":"bob"}',
    "nick rob",
    "who",
    "away true",
    "away false",
    "away true",
    "away false",
  ]);
  assert.equal(quits(), 1);
});

Deno.test("handleInput() answers unknown commands and bad arguments with one error event", () => {
  const { calls, context, errors } = setup();
  handleInput("/dance", context);
  handleInput("/msg bob", context);
  handleInput("/me", context);
  handleInput("/nick a b", context);
  handleInput("/who everyone", context);
  handleInput("/away maybe", context);
  handleInput("/", context);
  assert.deepEqual(calls, []);
  assert.deepEqual(errors(), [
    "unknown command /dance — try /help",
    "usage: /msg NICK TEXT",
    "usage: /me TEXT",
    "usage: /nick NEW",
    "usage: /who",
    '/away takes "on" or "off", not "maybe"',
    "unknown command / — try /help",
  ]);
});

Deno.test("handleInput() turns what the chat refuses into an error event", () => {
  const { chat, context, shown } = setup();
  chat.say = () => {
    throw new ChatError("outbox-full", "Cannot send: 1000 messages are already waiting");
  };
  handleInput("hi", context);
  assert.equal(shown.length, 1);
  assert.equal(shown[0]!.type, "error");
  assert.ok(shown[0]!.type === "error");
  assert.equal(shown[0]!.code, "outbox-full");
  assert.equal(shown[0]!.text, "Cannot send: 1000 messages are already waiting");
});

Deno.test("handleInput() lists every command for /help", () => {
  const { context, shown } = setup();
  handleInput("/help", context);
  const texts = shown.map((e) => e.type === "info" ? e.text : "");
  for (const command of SLASH_COMMANDS) {
    // The full-screen client's own commands are not offered in line mode.
    if (command.ui === true) continue;
    // Host commands are offered to the host only (see below).
    if (command.host === true) continue;
    assert.ok(texts.some((t) => t.startsWith(`/${command.name}`)), command.name);
  }
});

Deno.test("handleInput() lists the host commands in /help only to the host", () => {
  const member = setup();
  handleInput("/help", member.context);
  const memberTexts = member.shown.map((e) => e.type === "info" ? e.text : "");
  assert.ok(!memberTexts.some((t) => t.startsWith("/kick") || t === "host commands:"));
  const host = setup();
  Object.assign(host.chat, { host: true });
  handleInput("/help", host.context);
  const hostTexts = host.shown.map((e) => e.type === "info" ? e.text : "");
  assert.ok(hostTexts.includes("host commands:"));
  for (const spec of HOST_OPS) {
    assert.ok(hostTexts.some((t) => t.startsWith(`/${spec.name}`)), spec.name);
  }
  assert.ok(hostTexts.some((t) => t.startsWith("/ban NICK|ADDRESS|CIDR [DURATION] [REASON] — ")));
});

Deno.test("handleInput() sends host commands as op, sealing only the text to announce", () => {
  const { chat, context, errors } = setup();
  const ops: unknown[] = [];
  Object.assign(chat, {
    op: (cmd: string, args: readonly string[], text?: string) =>
      ops.push(text === undefined ? [cmd, args] : [cmd, args, text]),
  });
  handleInput("/kick bob   spamming, again", context);
  handleInput("/ban 10.0.0.0/8 2h being rude", context);
  handleInput("/ban eve", context);
  handleInput("/BANS", context);
  handleInput("/mute bob 10m", context);
  handleInput("/announce  tea is ready ", context);
  handleInput("/motd", context);
  handleInput("/motd -", context);
  handleInput("/motd welcome, all", context);
  handleInput("/limit off", context);
  handleInput("/lock", context);
  // The server checks counts (one place): a wrong count still goes, and comes back refused.
  handleInput("/unmute", context);
  assert.deepEqual(ops, [
    ["kick", ["bob", "spamming, again"]],
    ["ban", ["10.0.0.0/8", "2h", "being rude"]],
    ["ban", ["eve"]],
    ["bans", []],
    ["mute", ["bob", "10m"]],
    ["announce", [], "tea is ready"],
    ["motd", []],
    ["motd", ["-"]],
    ["motd", [], "welcome, all"],
    ["limit", ["off"]],
    ["lock", []],
    ["unmute", []],
  ]);
  assert.deepEqual(errors(), []);
});
