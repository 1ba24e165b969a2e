/**
 * End to end: `stealth p2p --listen 0 --plain` and `stealth p2p
 * 127.0.0.1:PORT --plain` as real processes — chat both ways, a cut link
 * that resumes, a wrong key, a third dialer.
 */

import assert from "node:assert/strict";
import { fingerprint } from "../../crypto/mod.ts";
import { type CircleHome, circleHome } from "../support/circle_home.ts";
import { runStealth, StealthProcess } from "../support/stealth_process.ts";
import { TcpProxy } from "../support/tcp_proxy.ts";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Processes started by one test, all killed at its end. */
class Processes {
  readonly #all: StealthProcess[] = [];

  start(home: CircleHome, args: string[], cwd?: string): StealthProcess {
    const process = new StealthProcess(args, { env: home.env, stdin: true, cwd });
    this.#all.push(process);
    return process;
  }

  async [Symbol.asyncDispose](): Promise<void> {
    for (const process of this.#all) await process.stop("SIGKILL").catch(() => {});
  }
}

/** Starts a listener and waits for the port it announced. */
async function listen(
  processes: Processes,
  home: CircleHome,
  cwd?: string,
): Promise<{ alice: StealthProcess; port: number }> {
  const alice = processes.start(home, ["p2p", "--listen", "0", "--plain", "--nick", "alice"], cwd);
  const line = await alice.waitFor(/listening for one peer on port \d+/, { timeoutMs: 20_000 });
  await alice.waitFor(/-- waiting for a peer$/);
  return { alice, port: Number(/port (\d+)/.exec(line)![1]) };
}

function dial(processes: Processes, home: CircleHome, port: number, nick = "bob") {
  return processes.start(home, ["p2p", `127.0.0.1:${port}`, "--plain", "--nick", nick]);
}

/** How often each line matching `pattern` appears, by its text. */
function counts(process: StealthProcess, pattern: RegExp): Map<string, number> {
  const seen = new Map<string, number>();
  for (const line of process.stdout) {
    const text = pattern.exec(line)?.[0];
    if (text !== undefined) seen.set(text, (seen.get(text) ?? 0) + 1);
  }
  return seen;
}

async function filesUnder(dir: string): Promise<string[]> {
  const names: string[] = [];
  for await (const entry of Deno.readDir(dir)) names.push(entry.name);
  return names.sort();
}

Deno.test("stealth p2p: two processes chat both ways, and nothing is written to disk", async () => {
  const home = await circleHome();
  const work = await Deno.makeTempDir({ prefix: "stealth-cwd-" });
  try {
    await using processes = new Processes();
    const before = await filesUnder(home.dir);
    const { alice, port } = await listen(processes, home, work);
    const banner = alice.stdout.join("\n");
    assert.ok(banner.includes(`fingerprint: ${fingerprint(home.key)}`), banner);

    const bob = dial(processes, home, port);
    await bob.waitFor(/-- direct with alice$/);
    await alice.waitFor(/-- direct with bob$/);
    await alice.writeLine("hello bob, from alice");
    await bob.writeLine("hello alice, from bob");
    await bob.writeLine("/me waves");
    for (const side of [alice, bob]) {
      await side.waitFor(/<alice> hello bob, from alice$/);
      await side.waitFor(/<bob> hello alice, from bob$/);
      await side.waitFor(/\* bob waves$/);
    }

    await bob.closeStdin();
    assert.equal((await bob.status()).code, 0);
    await alice.waitFor(/-- bob left \(quit\)$/);
    // The listener is free again: it says so once more, after the leave line.
    const left = alice.stdout.findIndex((line) => /-- bob left \(quit\)$/.test(line));
    await alice.waitFor(/-- waiting for a peer$/, { from: left + 1 });
    await alice.closeStdin();
    assert.equal((await alice.status()).code, 0);

    assert.deepEqual(await filesUnder(home.dir), before);
    assert.deepEqual(await filesUnder(work), []);
  } finally {
    await home.remove();
    await Deno.remove(work, { recursive: true }).catch(() => {});
  }
});

Deno.test("stealth p2p: a cut link resumes and every message arrives exactly once", async () => {
  const home = await circleHome();
  try {
    await using processes = new Processes();
    const { alice, port } = await listen(processes, home);
    await using proxy = await TcpProxy.start({ port });
    const bob = dial(processes, home, proxy.port);
    await alice.waitFor(/-- direct with bob$/);
    await bob.waitFor(/-- direct with alice$/);

    const said = { alice: [] as string[], bob: [] as string[] };
    const say = async (side: "alice" | "bob", text: string) => {
      said[side].push(text);
      await (side === "alice" ? alice : bob).writeLine(text);
    };
    for (let i = 0; i < 3; i++) {
      await say("alice", `a-before-${i}`);
      await say("bob", `b-before-${i}`);
    }
    await bob.waitFor(/<alice> a-before-2$/);
    await alice.waitFor(/<bob> b-before-2$/);

    // The link freezes (what is in flight is held), then dies: what was held is lost on the wire.
    proxy.stall();
    for (let i = 0; i < 5; i++) {
      await say("alice", `a-during-${i}`);
      await say("bob", `b-during-${i}`);
    }
    await sleep(300);
    proxy.cut();
    proxy.unstall();

    await bob.waitFor(/-- resumed/, { timeoutMs: 15_000 });
    for (let i = 0; i < 3; i++) {
      await say("alice", `a-after-${i}`);
      await say("bob", `b-after-${i}`);
    }
    const everything = [
      ...said.alice.map((t) => `<alice> ${t}`),
      ...said.bob.map((t) => `<bob> ${t}`),
    ];
    for (const side of [alice, bob]) {
      for (const line of everything) await side.waitFor(new RegExp(`${line}$`));
    }
    await sleep(300); // a doubled line would show up by now
    for (const side of [alice, bob]) {
      const seen = counts(side, /<(alice|bob)> [ab]-(before|during|after)-\d$/);
      assert.deepEqual([...seen.keys()].sort(), everything.toSorted());
      assert.ok([...seen.values()].every((n) => n === 1), JSON.stringify([...seen]));
    }
    // The dialer came back by itself; the listener's own member never dropped.
    assert.equal(bob.stdout.some((line) => /-- offline/.test(line)), false);
    assert.equal(alice.stdout.some((line) => /-- connection lost/.test(line)), false);
  } finally {
    await home.remove();
  }
});

Deno.test("stealth p2p: a wrong key is refused on both sides; the listener keeps listening", async () => {
  const home = await circleHome();
  const stranger = await circleHome();
  try {
    await using processes = new Processes();
    const { alice, port } = await listen(processes, home);

    const eve = await runStealth(["p2p", `127.0.0.1:${port}`, "--plain", "--nick", "eve"], {
      env: stranger.env,
      stdin: "",
    });
    assert.equal(eve.code, 3);
    assert.equal(eve.stderr.trim(), "this peer is not in your circle — check secret.key");
    await alice.waitFor(/Refused a connection from .*another key/, { stream: "stderr" });

    // Still listening: a member of the circle gets in.
    const bob = dial(processes, home, port);
    await alice.waitFor(/-- direct with bob$/);
    await bob.closeStdin();
    assert.equal((await bob.status()).code, 0);

    // Nothing secret on the listener's screen, and the stranger never got as far as a nick.
    for (const secret of [home.keyText, stranger.keyText, "eve"]) {
      assert.ok(!alice.output.includes(secret), `listener output holds ${secret}`);
    }
  } finally {
    await home.remove();
    await stranger.remove();
  }
});

Deno.test("stealth p2p: a third dialer hears busy while the two talk on", async () => {
  const home = await circleHome();
  try {
    await using processes = new Processes();
    const { alice, port } = await listen(processes, home);
    const bob = dial(processes, home, port);
    await alice.waitFor(/-- direct with bob$/);

    const carol = await runStealth(["p2p", `127.0.0.1:${port}`, "--plain", "--nick", "carol"], {
      env: home.env,
      stdin: "",
    });
    assert.equal(carol.code, 1);
    assert.match(carol.stderr, /busy: already talking with someone — try again later/);
    assert.equal(carol.stderr.trim().split("\n").length, 1, carol.stderr);

    await alice.writeLine("still here?");
    await bob.waitFor(/<alice> still here\?$/);
    assert.ok(!alice.output.includes("carol"));
  } finally {
    await home.remove();
  }
});
