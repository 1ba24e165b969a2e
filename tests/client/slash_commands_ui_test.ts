import assert from "node:assert/strict";
import {
  type ChatEvent,
  type CommandContext,
  handleInput,
  type UiControls,
} from "../../client/mod.ts";

function setup(withUi: boolean) {
  const shown: ChatEvent[] = [];
  const calls: string[] = [];
  const ui: UiControls = {
    bell: true,
    clear: () => calls.push("clear"),
    setBell(on) {
      calls.push(`bell ${on}`);
      (this as { bell: boolean }).bell = on;
    },
    setDebug: (on) => calls.push(`debug ${on}`),
    reconnect: () => calls.push("reconnect"),
  };
  const context: CommandContext = {
    chat: { away: false, say() {}, setAway() {}, changeNick() {}, who() {} },
    show: (event) => shown.push(event),
    quit() {},
    now: () => 1,
    ...(withUi ? { ui } : {}),
  };
  const texts = () => shown.map((e) => "text" in e ? `${e.type}: ${e.text}` : e.type);
  return { context, calls, texts };
}

Deno.test("handleInput() runs /clear, /bell, /debug and /reconnect in the full-screen client", () => {
  const { context, calls, texts } = setup(true);
  handleInput("/clear", context);
  handleInput("/bell off", context);
  handleInput("/bell", context);
  handleInput("/debug on", context);
  handleInput("/debug off", context);
  handleInput("/reconnect", context);
  assert.deepEqual(calls, [
    "clear",
    "bell false",
    "bell true",
    "debug true",
    "debug false",
    "reconnect",
  ]);
  assert.deepEqual(texts(), [
    "info: bell off",
    "info: bell on: a beep when someone says your nick",
  ]);
});

Deno.test("handleInput() answers bad /bell and /debug arguments with one error each", () => {
  const { context, calls, texts } = setup(true);
  handleInput("/bell loud", context);
  handleInput("/debug", context);
  handleInput("/debug maybe", context);
  handleInput("/clear now", context);
  assert.deepEqual(calls, []);
  assert.deepEqual(texts(), [
    'error: /bell takes "on" or "off", not "loud"',
    "error: usage: /debug on|off",
    'error: /debug takes "on" or "off", not "maybe"',
    "error: usage: /clear",
  ]);
});

Deno.test("handleInput() in line mode says the screen's own commands are not there, and /help leaves them out", () => {
  const { context, texts } = setup(false);
  handleInput("/clear", context);
  handleInput("/bell on", context);
  assert.deepEqual(texts(), [
    "error: /clear works only in the full-screen client, not in line mode",
    "error: /bell works only in the full-screen client, not in line mode",
  ]);
  const help = setup(false);
  handleInput("/help", help.context);
  const lines = help.texts().join("\n");
  assert.match(lines, /\/me TEXT/);
  assert.ok(!/\/(clear|bell|debug|reconnect)\b/.test(lines), lines);
});
