/**
 * The terminal client's side of file sharing: an offer in the pane, `/accept`
 * typed, a progress bar (bytes, rate, time left) above the status bar while
 * the file comes, gone once it is kept — against a real server and sender.
 */

import assert from "node:assert/strict";
import { join } from "node:path";
import { render } from "ink-testing-library";
import { ChatConnection } from "../../client/mod.ts";
import { ChatApp } from "../../client/ui/chat_app.tsx";
import { PLAIN_THEME } from "../../client/ui/theme.ts";
import { transferBarText } from "../../client/ui/transfer_bars.tsx";
import { testCircle } from "../support/test_circle.ts";
import { waitFor } from "../support/wait_for.ts";
import { frameMatching, typeLine } from "../client/ui/_ink.ts";
import { FileCircle, sha256Of } from "./_harness.ts";

Deno.test("ChatApp shows an offer, takes /accept, draws a progress bar, then the file kept", async () => {
  await using circle = await FileCircle.start({ files: { bytesPerSecond: 3 * 1024 * 1024 } });
  const keys = await testCircle(1);
  const alice = await circle.join("alice");
  const downloads = join(circle.dir, "bob");
  const chats: ChatConnection[] = [];
  const app = render(
    <ChatApp
      theme={PLAIN_THEME}
      server={`127.0.0.1:${circle.server.port}`}
      nick="bob"
      registry="localhost:5556"
      listServers={() => Promise.resolve([])}
      openChat={(address, nick) => {
        const chat = new ChatConnection({
          key: keys.key,
          hostname: address.hostname,
          port: address.port,
          nick,
          files: { downloads },
        });
        chats.push(chat);
        return chat;
      }}
      onExit={() => {}}
      closeTimeoutMs={300}
      size={{ columns: 100, rows: 20 }}
      time={() => "12:00"}
    />,
  );
  try {
    await frameMatching(app, /connected to kitchen as bob/);
    const path = await circle.makeFile("film.mkv", 9 * 1024 * 1024);
    await alice.chat.sendFile(path, "bob");
    await frameMatching(app, /alice offers you film\.mkv \(9 MB\) — \/accept 1 or \/reject 1/);
    await typeLine(app, "/accept 1");
    const withBar = await frameMatching(
      app,
      /↓ \[1\] film\.mkv ← alice ▕█*░+▏ +\d+ % [\d.]+ MB\/9 MB · [\d.]+ MB\/s · .* left/,
      10_000,
    );
    // The bar sits right above the status bar.
    const rows = withBar.split("\n");
    const bar = rows.findIndex((row) => row.startsWith("↓ [1]"));
    assert.match(rows[bar + 1]!, /kitchen │ 2 online/);
    await frameMatching(app, /received film\.mkv \(9 MB\) from alice, SHA-256 checked/, 20_000);
    await waitFor(() => !/↓ \[1\]/.test(app.lastFrame() ?? ""), "the bar to go");
    assert.equal(await sha256Of(join(downloads, "film.mkv")), await sha256Of(path));
  } finally {
    app.unmount();
    await Promise.all(chats.map((chat) => chat.close(0)));
  }
});

Deno.test("transferBarText() fits its width, name shortened first", () => {
  const bar = {
    ref: 3,
    direction: "out" as const,
    name: "a very long name of a file that goes on and on.tar.gz",
    peer: "carol",
    size: 10 * 1024 * 1024,
    bytes: 4 * 1024 * 1024,
    rate: 2 * 1024 * 1024,
    etaMs: 3_000,
  };
  const text = transferBarText(bar, 80);
  assert.ok(text.length <= 80, `${text.length}: ${text}`);
  assert.match(
    text,
    /^↑ \[3\] a very long .*… → carol ▕█+░+▏ {2}40 % 4 MB\/10 MB · 2 MB\/s · 3 sec left$/,
  );
});
