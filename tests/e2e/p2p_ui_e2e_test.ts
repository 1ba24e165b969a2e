/**
 * End to end: `stealth p2p --listen` with the full-screen client in a real
 * terminal (tmux, on a private socket), a line-mode dialer as the peer. The
 * status bar says "direct"; the pane shows where to dial and the
 * fingerprint; the peer's lines arrive; nothing is written to the home.
 */

import assert from "node:assert/strict";
import { fingerprint } from "../../crypto/mod.ts";
import { circleHome } from "../support/circle_home.ts";
import { programArgs, StealthProcess } from "../support/stealth_process.ts";

async function hasTmux(): Promise<boolean> {
  try {
    const out = await new Deno.Command("tmux", { args: ["-V"], stdout: "null", stderr: "null" })
      .output();
    return out.success;
  } catch {
    return false;
  }
}

const TMUX = await hasTmux();
if (!TMUX) console.log("p2p_ui_e2e_test: skipped — tmux is not installed");

const socket = `stealth-p2p-e2e-${Deno.pid}-${crypto.randomUUID().slice(0, 8)}`;

async function tmux(...args: string[]): Promise<string> {
  const out = await new Deno.Command("tmux", {
    args: ["-L", socket, ...args],
    stdout: "piped",
    stderr: "piped",
  }).output();
  const decoder = new TextDecoder();
  if (!out.success) throw new Error(`tmux ${args.join(" ")}: ${decoder.decode(out.stderr)}`);
  return decoder.decode(out.stdout);
}

async function paneShows(pattern: RegExp, timeoutMs = 20_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  let screen = "";
  while (Date.now() < deadline) {
    screen = await tmux("capture-pane", "-p", "-t", "ui");
    if (pattern.test(screen)) return screen;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`Cannot see ${pattern} in ${timeoutMs} ms; the pane shows:\n${screen}`);
}

function quote(arg: string): string {
  return `'${arg.replaceAll("'", `'"'"'`)}'`;
}

Deno.test({
  name: "stealth p2p --listen in tmux: direct in the status bar, the peer's lines, a clean leave",
  ignore: !TMUX,
  async fn() {
    const home = await circleHome();
    let bob: StealthProcess | undefined;
    try {
      const command = [
        Deno.execPath(),
        ...programArgs(),
        "p2p",
        "--lang",
        "en",
        "--listen",
        "0",
        "--nick",
        "alice",
      ]
        .map(quote).join(" ");
      await tmux(
        "new-session",
        "-d",
        "-s",
        "ui",
        "-x",
        "100",
        "-y",
        "24",
        "-e",
        `STEALTH_HOME=${home.dir}`,
        `${command}; echo "[exit $?]"; exec sleep 600`,
      );
      let screen = await paneShows(/-- waiting for a peer/);
      assert.match(screen, / direct │ 1 online │ connected │ alice/);
      assert.ok(screen.includes(`fingerprint: ${fingerprint(home.key)}`), screen);
      const port = Number(/listening for one peer on port (\d+)/.exec(screen)![1]);

      bob = new StealthProcess(["p2p", `127.0.0.1:${port}`, "--plain", "--nick", "bob"], {
        env: home.env,
        stdin: true,
      });
      await bob.waitFor(/-- direct with alice$/);
      await paneShows(/ direct with bob │ 2 online │ connected │ alice/);
      await bob.writeLine("hello from bob");
      await paneShows(/<bob> hello from bob/);
      await tmux("send-keys", "-t", "ui", "-l", "hello from alice");
      await tmux("send-keys", "-t", "ui", "Enter");
      await bob.waitFor(/<alice> hello from alice$/);

      // Ctrl+C: alice leaves on purpose, so bob's side ends too.
      await tmux("send-keys", "-t", "ui", "C-c");
      await bob.waitFor(/-- alice ended the direct chat$/);
      assert.equal((await bob.status()).code, 0);
      screen = await paneShows(/\[exit \d+\]/);
      assert.match(screen, /left the direct chat — bye\n\[exit 0\]/);
      const files = [];
      for await (const entry of Deno.readDir(home.dir)) files.push(entry.name);
      assert.deepEqual(files, ["secret.key"]); // no settings.json, no log
    } finally {
      await tmux("kill-server").catch(() => {});
      await bob?.stop("SIGKILL").catch(() => {});
      await home.remove();
    }
  },
});
