import assert from "node:assert/strict";
import { render } from "ink-testing-library";
import type { ServerEntry } from "../../../protocol/mod.ts";
import { type BrowserState, ServerBrowser, serverRow } from "../../../client/ui/server_browser.tsx";
import { PLAIN_THEME } from "../../../client/ui/theme.ts";
import { frame, KEY, press } from "./_ink.ts";

const NOW = 1_700_000_000_000;
const SERVERS: ServerEntry[] = [
  { name: "Kitchen", host: "192.168.1.20", port: 5555, users: 3, since: NOW - 3 * 3_600_000 },
  { name: "Attic", host: "192.168.1.21", port: 5555, users: 0, since: NOW - 42_000 },
];

function browse(state: BrowserState) {
  const picked: ServerEntry[] = [];
  let refreshes = 0;
  let quits = 0;
  const app = render(
    <ServerBrowser
      registry="pi.local:5556"
      state={state}
      onPick={(server) => picked.push(server)}
      onRefresh={() => refreshes++}
      onQuit={() => quits++}
      now={() => NOW}
      width={80}
      height={24}
      theme={PLAIN_THEME}
    />,
  );
  return { app, picked, refreshes: () => refreshes, quits: () => quits };
}

Deno.test("ServerBrowser lists name, address, users online and uptime", () => {
  const { app } = browse({ kind: "list", servers: SERVERS });
  const text = frame(app);
  assert.match(text, /servers at pi\.local:5556/);
  assert.match(text, /▸ Kitchen\s+192\.168\.1\.20:5555\s+3 online\s+up 3 hr/);
  assert.match(text, / {2}Attic\s+192\.168\.1\.21:5555\s+0 online\s+up 42 sec/);
  assert.match(text, /↑↓ choose · Enter connect · r refresh · q quit/);
  app.unmount();
});

Deno.test("ServerBrowser moves with the arrows and connects with Enter", async () => {
  const { app, picked } = browse({ kind: "list", servers: SERVERS });
  await press(app, KEY.down);
  assert.match(frame(app), /▸ Attic/);
  await press(app, KEY.down);
  assert.match(frame(app), /▸ Attic/, "stays on the last");
  await press(app, KEY.up, KEY.down, KEY.enter);
  assert.deepEqual(picked.map((s) => s.name), ["Attic"]);
  app.unmount();
});

Deno.test("ServerBrowser refreshes with r and quits with q", async () => {
  const { app, refreshes, quits } = browse({ kind: "list", servers: SERVERS });
  await press(app, "r");
  assert.equal(refreshes(), 1);
  await press(app, "q");
  assert.equal(quits(), 1);
  app.unmount();
});

Deno.test("ServerBrowser says an empty registry is empty, and how to fix it", async () => {
  const { app, picked } = browse({ kind: "list", servers: [] });
  const text = frame(app);
  assert.match(text, /No servers are registered at pi\.local:5556\./);
  assert.match(text, /stealth up/);
  assert.match(text, /r refresh · q quit/);
  await press(app, KEY.enter);
  assert.deepEqual(picked, []);
  app.unmount();
});

Deno.test("ServerBrowser shows an unreachable registry's problem and hint", () => {
  const { app } = browse({
    kind: "error",
    text: "Cannot reach the registry at pi.local:5556 — is it running?",
    hint: "Start one on the host with `stealth up`.",
  });
  assert.match(frame(app), /Cannot reach the registry at pi\.local:5556/);
  assert.match(frame(app), /Start one on the host/);
  app.unmount();
});

Deno.test("ServerBrowser says it is asking while it waits", () => {
  const { app } = browse({ kind: "loading" });
  assert.match(frame(app), /asking pi\.local:5556…/);
  app.unmount();
});

Deno.test("serverRow() cuts long names and makes peer text safe", () => {
  const row = serverRow(
    { name: "a\u001b[31m" + "n".repeat(40), host: "h", port: 1, users: 1, since: NOW },
    NOW,
    10,
  );
  assert.ok(!row.includes("\u001b"));
  assert.match(row, /^a�\[31mn+… /);
});
