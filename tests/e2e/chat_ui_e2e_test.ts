/**
 * End to end: the real full-screen client in a real terminal (tmux, on a
 * private socket) against a real server process, with a line-mode client
 * as the other member. It types, sees the other's message, is resized and
 * quits with a goodbye. And when the host is gone longer than the quick
 * reconnect attempts, the screen keeps trying and comes back by itself.
 *
 * With STEALTH_WRITE_DOCS=1 it also saves the chat screen to
 * docs/chat-screen.txt (with colour escapes) and docs/chat-screen.plain.txt.
 */

import assert from "node:assert/strict";
import { fileURLToPath } from "node:url";
import { freePort } from "../support/free_port.ts";
import { programArgs, runStealth, StealthProcess, tempHome } from "../support/stealth_process.ts";

const DOCS = fileURLToPath(new URL("../../docs/", import.meta.url));

/** tmux's version line, or undefined when it is not installed. */
async function tmuxVersion(): Promise<string | undefined> {
  try {
    const out = await new Deno.Command("tmux", { args: ["-V"], stdout: "piped", stderr: "null" })
      .output();
    return out.success ? new TextDecoder().decode(out.stdout).trim() : undefined;
  } catch {
    return undefined;
  }
}

const TMUX = await tmuxVersion();
if (TMUX === undefined) {
  console.log("chat_ui_e2e_test: skipped — tmux is not installed (`apt-get install tmux`)");
}

/** The command that starts `stealth chat` with the full-screen client (main.ts, or the bundle). */
function chatCommand(args: string[]): string[] {
  // In English whatever the machine speaks: the test reads its words.
  return [Deno.execPath(), ...programArgs(), "chat", "--lang", "en", ...args];
}

/** A tmux server of our own, so tests never touch the user's sessions. */
class Tmux {
  readonly socket = `stealth-e2e-${Deno.pid}-${crypto.randomUUID().slice(0, 8)}`;

  async run(...args: string[]): Promise<string> {
    const out = await new Deno.Command("tmux", {
      args: ["-L", this.socket, ...args],
      stdout: "piped",
      stderr: "piped",
    }).output();
    const decoder = new TextDecoder();
    if (!out.success) {
      throw new Error(`tmux ${args.join(" ")} failed: ${decoder.decode(out.stderr)}`);
    }
    return decoder.decode(out.stdout);
  }

  /** What the pane shows, one string per row. */
  async capture(escapes = false): Promise<string> {
    return await this.run("capture-pane", "-p", ...(escapes ? ["-e"] : []), "-t", "ui");
  }

  /** Types text literally, then (separately, as a person would) the keys. */
  async type(text: string, ...keys: string[]): Promise<void> {
    if (text !== "") await this.run("send-keys", "-t", "ui", "-l", text);
    if (keys.length > 0) await this.run("send-keys", "-t", "ui", ...keys);
  }

  /** Waits until the pane shows `pattern`; fails with what it shows. */
  async waitFor(pattern: RegExp, timeoutMs = 20_000): Promise<string> {
    const deadline = Date.now() + timeoutMs;
    let screen = "";
    while (Date.now() < deadline) {
      screen = await this.capture();
      if (pattern.test(screen)) return screen;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(`Cannot see ${pattern} in ${timeoutMs} ms; the pane shows:\n${screen}`);
  }

  /**
   * Starts `stealth chat ARGS` in an 80x24 pane named "ui", with `home` as
   * its home; the shell then prints `[exit N]` and keeps the pane open.
   */
  async startChat(home: string, args: string[]): Promise<void> {
    const command = chatCommand(args).map(quote).join(" ");
    await this.run(
      "new-session",
      "-d",
      "-s",
      "ui",
      "-x",
      "80",
      "-y",
      "24",
      "-e",
      `STEALTH_HOME=${home}`,
      "-e",
      "NO_COLOR=",
      `${command}; echo "[exit $?]"; exec sleep 600`,
    );
  }

  async kill(): Promise<void> {
    await this.run("kill-server").catch(() => {});
  }
}

/** Single quotes for sh. */
function quote(arg: string): string {
  return `'${arg.replaceAll("'", `'"'"'`)}'`;
}

Deno.test({
  name: "stealth chat in tmux: types, sees the other member, redraws on resize, quits with bye",
  ignore: TMUX === undefined,
  async fn() {
    const home = await tempHome();
    const tmux = new Tmux();
    const processes: StealthProcess[] = [];
    try {
      assert.equal((await runStealth(["keygen"], { env: home.env })).code, 0);
      const server = new StealthProcess(
        ["server", "--host", "127.0.0.1", "--port", "0", "--name", "kitchen"],
        { env: home.env },
      );
      processes.push(server);
      const listening = await server.waitFor(/listening on 127\.0\.0\.1:\d+/, {
        timeoutMs: 20_000,
      });
      const port = Number(listening.match(/127\.0\.0\.1:(\d+)/)![1]);
      const address = `127.0.0.1:${port}`;

      await tmux.startChat(home.dir, [address, "--nick", "alice"]);
      await tmux.waitFor(/connected to kitchen as alice/);
      await tmux.waitFor(/kitchen │ 1 online │ connected │ alice/);

      const bob = new StealthProcess(["chat", address, "--plain", "--nick", "bob"], {
        env: home.env,
        stdin: true,
      });
      processes.push(bob);
      await bob.waitFor(/connected to kitchen as bob/);
      await tmux.waitFor(/-- bob joined/);
      await tmux.waitFor(/kitchen │ 2 online │ connected │ alice/);

      // Alice types; bob reads it; her own line is confirmed, once.
      await tmux.type("hello from alice", "Enter");
      await bob.waitFor(/<alice> hello from alice$/);
      let screen = await tmux.waitFor(/<alice> hello from alice\s*\n/);
      assert.equal(screen.match(/hello from alice/g)!.length, 1);

      // Bob's lines appear in alice's pane.
      await bob.writeLine("hi alice, good to see you");
      await bob.writeLine("/me waves");
      await bob.writeLine("/msg alice the cake is in the oven");
      await tmux.waitFor(/<bob> hi alice, good to see you/);
      await tmux.waitFor(/\* bob waves/);
      screen = await tmux.waitFor(/\[private\] <bob → you> the cake is in the oven/);
      const rows = screen.replace(/\n$/, "").split("\n");
      assert.equal(rows.length, 24);
      assert.match(rows.at(-2)!, /^ kitchen │ 2 online │ connected │ alice/);
      assert.match(rows.at(-1)!, /^>/);

      if (Deno.env.get("STEALTH_WRITE_DOCS") === "1") {
        await tmux.type("thanks! I will bring the plates", "Enter");
        await bob.waitFor(/<alice> thanks! I will bring the plates$/);
        await bob.writeLine("great — the others come at 8");
        await bob.writeLine("/away");
        await tmux.waitFor(/-- bob is away/);
        await tmux.type("/who", "Enter");
        await tmux.waitFor(/-- 2 here: alice, bob \(away\)/);
        await tmux.type("bob: see you at 8");
        await new Promise((resolve) => setTimeout(resolve, 300));
        await Deno.writeTextFile(`${DOCS}chat-screen.txt`, await tmux.capture(true));
        await Deno.writeTextFile(`${DOCS}chat-screen.plain.txt`, await tmux.capture(false));
        await tmux.type("", "Enter");
        await bob.waitFor(/<alice> bob: see you at 8$/);
        await bob.writeLine("/away");
        await tmux.waitFor(/-- bob is back/);
      }

      // A smaller window: everything is drawn again, within it.
      await tmux.run("resize-window", "-t", "ui", "-x", "60", "-y", "15");
      screen = await tmux.waitFor(/^ kitchen │ 2 online │ connected │ alice.*\n>.*\n?$/m);
      await new Promise((resolve) => setTimeout(resolve, 300));
      screen = await tmux.capture();
      const small = screen.replace(/\n$/, "").split("\n");
      assert.equal(small.length, 15);
      for (const row of small) assert.ok(row.length <= 60, `row wider than 60: ${row}`);
      assert.match(small.at(-2)!, /^ kitchen │ 2 online │ connected/);
      assert.match(screen, /the cake is in the oven/);

      // And bigger again.
      await tmux.run("resize-window", "-t", "ui", "-x", "100", "-y", "30");
      screen = await tmux.waitFor(/^ kitchen │ 2 online │ connected │ alice\s*\n/m);
      assert.equal(screen.replace(/\n$/, "").split("\n").length, 30);

      // /quit says goodbye: bob sees alice leave on purpose, and the client exits 0.
      await tmux.type("/quit", "Enter");
      await bob.waitFor(/-- alice left \(quit\)$/);
      screen = await tmux.waitFor(/\[exit \d+\]/);
      assert.match(screen, /left kitchen — bye\n\[exit 0\]/);

      await bob.closeStdin();
      assert.equal((await bob.status()).code, 0);
    } finally {
      await tmux.kill();
      for (const p of processes) await p.stop("SIGKILL").catch(() => {});
      await home.remove();
    }
  },
});

Deno.test({
  name: "stealth chat in tmux: keeps trying while the host is down, and comes back by itself",
  ignore: TMUX === undefined,
  async fn() {
    const home = await tempHome();
    const tmux = new Tmux();
    const processes: StealthProcess[] = [];
    const port = freePort();
    const startServer = async () => {
      const server = new StealthProcess(
        ["server", "--host", "127.0.0.1", "--port", String(port), "--name", "kitchen"],
        { env: home.env },
      );
      processes.push(server);
      await server.waitFor(/listening on 127\.0\.0\.1:\d+/, { timeoutMs: 20_000 });
      return server;
    };
    try {
      assert.equal((await runStealth(["keygen"], { env: home.env })).code, 0);
      const first = await startServer();
      await tmux.startChat(home.dir, [`127.0.0.1:${port}`, "--nick", "alice"]);
      await tmux.waitFor(/kitchen │ 1 online │ connected │ alice/);

      // The host's machine dies (no goodbye) and stays down past the three quick attempts.
      await first.stop("SIGKILL");
      await tmux.waitFor(/│ offline — retrying soon │/, 20_000);
      await tmux.waitFor(/stealth keeps trying by itself; \/reconnect tries now/);
      await tmux.type("typed while the host was down", "Enter");
      await tmux.waitFor(/typed while the host was down {2}⋯ sending/);

      // Back up: nobody types /reconnect; the screen joins again and sends what waited.
      await startServer();
      await tmux.waitFor(/kitchen │ 1 online │ connected │ alice/, 30_000);
      const screen = await tmux.waitFor(/<alice> typed while the host was down\s*\n/, 10_000);
      assert.equal(screen.match(/typed while the host was down/g)!.length, 1);
      await tmux.type("/quit", "Enter");
      assert.match(await tmux.waitFor(/\[exit \d+\]/), /\[exit 0\]/);
    } finally {
      await tmux.kill();
      for (const p of processes) await p.stop("SIGKILL").catch(() => {});
      await home.remove();
    }
  },
});
