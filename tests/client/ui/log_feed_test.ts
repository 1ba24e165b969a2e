import assert from "node:assert/strict";
import type { LogRecord } from "../../../log/mod.ts";
import { lineOf, LogLines } from "../../../client/ui/log_feed.ts";

function record(level: LogRecord["level"], message: unknown[]): LogRecord {
  return {
    category: ["stealth", "client"],
    level,
    message,
    rawMessage: "",
    timestamp: 0,
    properties: {},
  } as LogRecord;
}

Deno.test("LogLines keeps warnings until a screen attaches, then hands each over", () => {
  const logs = new LogLines();
  logs.sink(record("debug", ["trace"]));
  logs.sink(record("info", ["news"]));
  logs.sink(record("warning", ["Cannot write ", "x", ""]));
  const shown: string[] = [];
  const detach = logs.attach((line) => shown.push(line));
  assert.deepEqual(shown, ["Cannot write x"]);
  logs.sink(record("error", ["bad ", new Error("thing"), ""]));
  assert.deepEqual(shown, ["Cannot write x", "bad thing"]);
  detach();
  logs.sink(record("warning", ["later"]));
  assert.deepEqual(logs.take(), ["later"]);
  assert.deepEqual(logs.take(), []);
});

Deno.test("LogLines bounds what waits", () => {
  const logs = new LogLines();
  for (let i = 0; i < 80; i++) logs.push(`w${i}`);
  const lines = logs.take();
  assert.equal(lines.length, 51);
  assert.equal(lines.at(-1), "(30 more warnings)");
});

Deno.test("lineOf() makes one line of a multi-line message", () => {
  assert.equal(lineOf(record("warning", ["a\n  b ", { n: 1 }, ""])), 'a b {"n":1}');
});
