import assert from "node:assert/strict";
import { render } from "ink-testing-library";
import type { ChatEvent } from "../../../client/mod.ts";
import {
  displayWidth,
  EventLine,
  eventSegments,
  rowsOf,
  segmentsText,
} from "../../../client/ui/event_line.tsx";
import { MATRIX_THEME, nickColor, PLAIN_THEME } from "../../../client/ui/theme.ts";

const TS = 1_700_000_000_000;
const time = () => "12:03";
const line = (event: ChatEvent, theme = PLAIN_THEME, mention = false) =>
  segmentsText(eventSegments(event, { theme, time, mention }));

const message = (extra: Partial<ChatEvent> = {}): ChatEvent =>
  ({
    type: "message",
    ts: TS,
    self: false,
    id: "i",
    from: "bob",
    text: "hi there",
    status: "confirmed",
    ...extra,
  }) as ChatEvent;

Deno.test("eventSegments() writes time, nick and text; /me as an action", () => {
  assert.equal(line(message()), "[12:03] <bob> hi there");
  assert.equal(line(message({ type: "me", text: "waves" })), "[12:03] * bob waves");
});

Deno.test("eventSegments() marks our messages on their way, and those that failed", () => {
  const pending = message({ self: true, from: "alice", status: "pending" });
  assert.equal(line(pending), "[12:03] <alice> hi there  ⋯ sending");
  assert.ok(eventSegments(pending, { theme: PLAIN_THEME }).slice(1).every((s) => s.dim));
  assert.equal(
    line(message({ self: true, from: "alice", status: "failed" })),
    "[12:03] <alice> hi there  ✗ not sent",
  );
});

Deno.test("eventSegments() marks private messages, from us and to us", () => {
  const toUs: ChatEvent = {
    type: "private",
    ts: TS,
    self: false,
    id: "p",
    from: "bob",
    to: "alice",
    text: "psst",
    status: "confirmed",
  };
  assert.equal(line(toUs), "[12:03] [private] <bob → you> psst");
  assert.equal(
    line({ ...toUs, self: true, from: "alice", to: "bob" }),
    "[12:03] [private] <you → bob> psst",
  );
  const marker = eventSegments(toUs, { theme: MATRIX_THEME })[1]!;
  assert.equal(marker.color, MATRIX_THEME.private);
  assert.equal(eventSegments(toUs, { theme: PLAIN_THEME })[1]!.inverse, true);
});

Deno.test("eventSegments() shows host announcements as from Server, presence dimmed, errors marked", () => {
  assert.equal(
    line({ type: "notice", ts: TS, self: false, from: "Server", text: "pizza at 8" }),
    "[12:03] <Server> pizza at 8",
  );
  const join = eventSegments({ type: "join", ts: TS, self: false, nick: "carol" }, {
    theme: PLAIN_THEME,
    time,
  });
  assert.deepEqual(join, [{ text: "[12:03] -- carol joined", dim: true }]);
  for (
    const event of [
      { type: "leave", ts: TS, self: false, nick: "carol", reason: "quit" },
      { type: "away", ts: TS, self: false, nick: "carol", away: true },
    ] as ChatEvent[]
  ) {
    assert.ok(eventSegments(event, { theme: PLAIN_THEME }).every((s) => s.dim));
  }
  assert.equal(
    line({ type: "error", code: "command", ts: TS, self: true, text: "unknown command /x" }),
    "[12:03] !! unknown command /x",
  );
});

Deno.test("eventSegments() colours nicks stably and makes a mention stand out", () => {
  const segments = eventSegments(message(), { theme: MATRIX_THEME, time });
  const nick = segments.find((s) => s.text === "bob")!;
  assert.equal(nick.color, nickColor("bob", MATRIX_THEME));
  const mentioned = eventSegments(message(), { theme: MATRIX_THEME, time, mention: true });
  assert.equal(mentioned.at(-1)!.bold, true);
  assert.equal(mentioned.at(-1)!.color, MATRIX_THEME.accent);
});

Deno.test("eventSegments() keeps escape sequences and line breaks from peers off the terminal", () => {
  const text = line(message({ text: "a\u001b[2Jb\nc\u202ed" }));
  assert.ok(!text.includes("\u001b"));
  assert.ok(!text.includes("\n"));
  assert.ok(!text.includes("\u202e"));
});

Deno.test("displayWidth() and rowsOf() count wide characters as two columns", () => {
  assert.equal(displayWidth("abc"), 3);
  assert.equal(displayWidth("日本"), 4);
  assert.equal(displayWidth("e\u0301"), 1);
  assert.equal(rowsOf("x".repeat(81), 80), 2);
  assert.equal(rowsOf("", 80), 1);
});

Deno.test("EventLine renders the line and wraps it at the width", () => {
  const app = render(
    <EventLine
      event={message({ text: "word ".repeat(30).trim() })}
      theme={PLAIN_THEME}
      time={time}
    />,
  );
  const frame = app.lastFrame()!;
  assert.match(frame, /^\[12:03\] <bob> word word/);
  assert.ok(frame.split("\n").length >= 2, "wrapped");
  app.unmount();
});
