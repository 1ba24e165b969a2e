import assert from "node:assert/strict";
import { render } from "ink-testing-library";
import { ChatStore, type ChatView } from "../../../client/ui/chat_store.ts";
import { stateText, StatusBar, statusText } from "../../../client/ui/status_bar.tsx";
import { PLAIN_THEME } from "../../../client/ui/theme.ts";

function view(change: Partial<ChatView> = {}): ChatView {
  const store = new ChatStore();
  store.attach({
    state: "connected",
    nick: "alice",
    serverName: "kitchen",
    members: [
      { nick: "alice", away: false, since: 0 },
      { nick: "bob", away: true, since: 0 },
      { nick: "carol", away: false, since: 0 },
    ],
    host: false,
    away: false,
  });
  return { ...store.view, ...change };
}

Deno.test("statusText() shows server, members online, state and nick", () => {
  assert.equal(
    statusText(view()),
    " kitchen │ 3 online (1 away) │ connected │ alice ",
  );
});

Deno.test("stateText() says connecting, connected, reconnecting with the attempt, offline, leaving", () => {
  assert.equal(stateText(view({ state: "connecting" })), "connecting…");
  assert.equal(stateText(view({ state: "connected" })), "connected");
  assert.equal(
    stateText(view({ state: "reconnecting", attempt: 2, attempts: 3 })),
    "reconnecting, attempt 2 of 3",
  );
  assert.equal(stateText(view({ state: "offline" })), "offline — /reconnect");
  assert.equal(stateText(view({ state: "offline", retrying: true })), "offline — retrying soon");
  assert.equal(stateText(view({ state: "closed" })), "left");
  assert.equal(stateText(view({ leaving: true })), "leaving…");
});

Deno.test("statusText() adds away, host, pending messages and a silenced bell", () => {
  const text = statusText(view({ away: true, host: true, pending: 2, bell: false }));
  assert.match(text, /alice \(host\) \(away\) │ 2 pending │ bell off $/);
});

Deno.test("StatusBar fills its row and fits in it", () => {
  for (
    const change of [
      {},
      { state: "reconnecting" as const, attempt: 2, attempts: 3 },
      { state: "offline" as const },
      { state: "offline" as const, retrying: true },
    ]
  ) {
    const app = render(<StatusBar view={view(change)} width={60} theme={PLAIN_THEME} />);
    const frame = app.lastFrame()!;
    assert.equal(frame.split("\n").length, 1);
    assert.ok(frame.length <= 60, frame);
    assert.match(frame, /kitchen/);
    app.unmount();
  }
  const narrow = render(
    <StatusBar
      view={view({ state: "reconnecting", attempt: 2, attempts: 3 })}
      width={30}
      theme={PLAIN_THEME}
    />,
  );
  assert.equal(narrow.lastFrame()!.split("\n").length, 1, "truncated, not wrapped");
  narrow.unmount();
});

Deno.test("statusText() says direct in p2p mode, and with whom once the peer is here", () => {
  const store = new ChatStore({ direct: true });
  store.attach({
    state: "connected",
    nick: "alice",
    serverName: "alice",
    members: [{ nick: "alice", away: false, since: 0 }],
    host: false,
    away: false,
  });
  assert.equal(statusText(store.view), " direct │ 1 online │ connected │ alice ");
  store.setPeer("bob");
  assert.match(statusText(store.view), /^ direct with bob │ /);
  store.setPeer(undefined);
  assert.match(statusText(store.view), /^ direct │ /);
});
