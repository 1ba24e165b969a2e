import assert from "node:assert/strict";
import { render } from "ink-testing-library";
import { ChatInput } from "../../../client/ui/chat_input.tsx";
import { InputHistory } from "../../../client/ui/input_history.ts";
import { PLAIN_THEME } from "../../../client/ui/theme.ts";
import { frame, KEY, press, settle, typeLine } from "./_ink.ts";

function setup() {
  const sent: string[] = [];
  const history = new InputHistory();
  const app = render(
    <ChatInput
      history={history}
      completions={() => ({ commands: ["me", "msg", "who"], nicks: ["bob", "bella"] })}
      onSubmit={(line) => sent.push(line)}
      width={60}
      theme={PLAIN_THEME}
    />,
  );
  return { app, sent, history };
}

Deno.test("ChatInput sends the line on Enter and empties itself", async () => {
  const { app, sent } = setup();
  await typeLine(app, "hello");
  assert.deepEqual(sent, ["hello"]);
  assert.equal(frame(app).trim(), ">");
  app.unmount();
});

Deno.test("ChatInput recalls earlier lines with Up and Down, and the draft after", async () => {
  const { app, sent } = setup();
  await typeLine(app, "one");
  await typeLine(app, "two");
  await press(app, "dra");
  await press(app, KEY.up);
  assert.equal(frame(app).trim(), "> two");
  await press(app, KEY.up);
  assert.equal(frame(app).trim(), "> one");
  await press(app, KEY.down, KEY.down);
  assert.equal(frame(app).trim(), "> dra");
  // A recalled line can be edited at its end and sent again.
  await press(app, KEY.up, KEY.up, "!", KEY.enter);
  assert.deepEqual(sent, ["one", "two", "one!"]);
  app.unmount();
});

Deno.test("ChatInput completes commands and nicks with Tab, cycling on the next Tab", async () => {
  const { app, sent } = setup();
  await press(app, "/w", KEY.tab);
  assert.equal(frame(app).trim(), "> /who");
  await press(app, KEY.enter);
  assert.deepEqual(sent, ["/who "]);
  await press(app, "b", KEY.tab);
  assert.equal(frame(app).trim(), "> bob:");
  await press(app, KEY.tab);
  assert.equal(frame(app).trim(), "> bella:");
  await press(app, "hi", KEY.enter);
  assert.deepEqual(sent, ["/who ", "bella: hi"]);
  app.unmount();
});

Deno.test("ChatInput sends a pasted block line by line and keeps the unfinished rest", async () => {
  const { app, sent } = setup();
  app.stdin.write("first\rsecond\rthi");
  await settle();
  assert.deepEqual(sent, ["first", "second"]);
  assert.equal(frame(app).trim(), "> thi");
  app.stdin.write("\x1b[200~rd\nfourth\x1b[201~");
  await settle();
  assert.deepEqual(sent, ["first", "second", "third"]);
  assert.equal(frame(app).trim(), "> fourth");
  app.unmount();
});

Deno.test("ChatInput grows to three rows for a long line", async () => {
  const { app } = setup();
  await press(app, "x".repeat(150));
  assert.equal(frame(app).split("\n").length, 3);
  app.unmount();
});
