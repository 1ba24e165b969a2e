import assert from "node:assert/strict";
import { render } from "ink-testing-library";
import { useSyncExternalStore } from "react";
import type { ConnectionEvent } from "../../../client/mod.ts";
import { ChatStore } from "../../../client/ui/chat_store.ts";
import { MessagePane, visibleRange } from "../../../client/ui/message_pane.tsx";
import { PLAIN_THEME } from "../../../client/ui/theme.ts";
import { frameMatching, lines, settle } from "./_ink.ts";

const time = () => "12:00";

function said(n: number, text = `m${n}`): ConnectionEvent {
  return {
    kind: "chat",
    event: {
      type: "message",
      ts: 0,
      self: false,
      id: `i${n}`,
      from: "bob",
      text,
      status: "confirmed",
    },
  };
}

function Pane(props: { store: ChatStore; width: number; height: number }) {
  const view = useSyncExternalStore(props.store.subscribe, props.store.getSnapshot);
  return (
    <MessagePane
      store={props.store}
      view={view}
      width={props.width}
      height={props.height}
      theme={PLAIN_THEME}
      time={time}
    />
  );
}

function filled(count: number): ChatStore {
  const store = new ChatStore();
  for (let i = 1; i <= count; i++) store.handle(said(i));
  return store;
}

Deno.test("MessagePane shows the newest lines that fit, and draws only those", () => {
  const store = filled(1_000);
  const app = render(<Pane store={store} width={40} height={10} />);
  const shown = lines(app);
  assert.equal(shown.length, 10);
  assert.equal(shown[0], "[12:00] <bob> m991");
  assert.equal(shown[9], "[12:00] <bob> m1000");
  const range = visibleRange(store, store.view, 10, 40, { theme: PLAIN_THEME, time });
  assert.deepEqual(range, { from: 990, to: 1_000 });
  app.unmount();
});

Deno.test("MessagePane scrolls back, marks new messages below, and End comes back", async () => {
  const store = filled(100);
  const app = render(<Pane store={store} width={50} height={10} />);
  store.scrollUp(20);
  let frame = await frameMatching(app, /scrolled up · End to jump back/);
  let shown = frame.split("\n");
  assert.equal(shown.length, 10);
  assert.equal(shown[8]!.trimEnd(), "[12:00] <bob> m80", "the marker takes the last row");
  store.handle(said(101));
  store.handle(said(102));
  store.handle(said(103));
  frame = await frameMatching(app, /3 new messages · End to jump back/);
  shown = frame.split("\n");
  assert.equal(shown[8]!.trimEnd(), "[12:00] <bob> m80", "the view stays where the reader is");
  store.scrollDown(100);
  frame = await frameMatching(app, /m103/);
  assert.ok(!/new messages|scrolled up/.test(frame));
  store.scrollUp(5);
  store.handle(said(104));
  await frameMatching(app, /1 new message ·/);
  store.scrollToEnd();
  await frameMatching(app, /m104\s*$/);
  app.unmount();
});

Deno.test("MessagePane wraps long lines and cuts the oldest at the top, never past its height", async () => {
  const store = filled(3);
  store.handle(said(4, "long ".repeat(40).trim()));
  const app = render(<Pane store={store} width={30} height={6} />);
  await settle();
  const shown = lines(app);
  assert.equal(shown.length, 6);
  assert.match(shown.at(-1)!, /long/);
  app.unmount();
});

Deno.test("MessagePane is empty but keeps its height with no lines", () => {
  const app = render(<Pane store={new ChatStore()} width={30} height={4} />);
  assert.equal((app.lastFrame() ?? "").split("\n").length <= 4, true);
  app.unmount();
});
