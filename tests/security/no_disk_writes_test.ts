/**
 * The host writes nothing to disk: `stealth up` (registry and chat server
 * in one process) runs **without write permission** (`--deny-write`, so any
 * attempt would fail loudly) through joins, messages, a private message, a
 * dropped connection and its resume, a registry list, and a shutdown; and
 * its home, its working folder and its temporary folder are byte for byte
 * what they were.
 *
 * (`--bans FILE` is the one opt-in exception and is not used here.)
 */

import assert from "node:assert/strict";
import { circleCA } from "../../certs/mod.ts";
import { authKey, generateKey, writeKeyFile } from "../../crypto/mod.ts";
import { dialHandshake, dialTls } from "../../net/mod.ts";
import { listServers } from "../../registry/mod.ts";
import { circleHome } from "../support/circle_home.ts";
import { figure } from "../support/figure.ts";
import { StealthProcess, tempHome, TEST_ENV } from "../support/stealth_process.ts";

const MAIN = new URL("../../main.ts", import.meta.url).pathname;

/** Every file and folder under `dir` with its size and mtime, sorted. */
async function snapshot(dir: string): Promise<string[]> {
  const out: string[] = [];
  const walk = async (path: string) => {
    for await (const entry of Deno.readDir(path)) {
      const full = `${path}/${entry.name}`;
      const info = await Deno.lstat(full);
      out.push(`${full} ${info.size} ${info.mtime?.getTime()} ${info.mode}`);
      if (info.isDirectory) await walk(full);
    }
  };
  await walk(dir);
  return out.sort();
}

/** `stealth` with every permission the program ships with, except write. */
function readOnlyArgs(args: string[]): string[] {
  const bundle = Deno.env.get("STEALTH_BUNDLE");
  const program = bundle === undefined || bundle === ""
    ? MAIN
    : bundle.startsWith("/")
    ? bundle
    : `${Deno.cwd()}/${bundle}`;
  return [
    "run",
    ...(bundle ? ["--no-config"] : []),
    "--no-prompt",
    "--allow-net",
    "--allow-read",
    "--allow-env",
    "--allow-sys",
    "--deny-write",
    program,
    ...args,
  ];
}

Deno.test("stealth up serves a whole session without write permission and leaves every folder as it was", async () => {
  const host = await circleHome();
  await writeKeyFile(`${host.dir}/host.key`, generateKey());
  const work = await Deno.makeTempDir({ prefix: "stealth-cwd-" });
  const tmp = await Deno.makeTempDir({ prefix: "stealth-tmp-" });
  const member = await tempHome();
  await writeKeyFile(`${member.dir}/secret.key`, host.keyText);
  const before = [await snapshot(host.dir), await snapshot(work), await snapshot(tmp)];

  const up = new Deno.Command(Deno.execPath(), {
    args: readOnlyArgs(["up", "--host", "127.0.0.1", "--port", "0", "--registry-port", "0"]),
    cwd: work,
    env: { ...TEST_ENV, ...host.env, TMPDIR: tmp },
    stdin: "null",
    stdout: "piped",
    stderr: "piped",
  }).spawn();
  const output: string[] = [];
  const reading = (async () => {
    const decoder = new TextDecoder();
    for await (const chunk of up.stdout) output.push(decoder.decode(chunk));
  })();
  const errors = new Response(up.stderr).text();
  const clients: StealthProcess[] = [];
  try {
    let ports: RegExpExecArray | null = null;
    const started = performance.now();
    while (ports === null && performance.now() - started < 20_000) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      ports = /on port (\d+), registry on port (\d+)/.exec(output.join(""));
    }
    assert.ok(ports, `stealth up did not start: ${output.join("")}`);
    const [port, registryPort] = [Number(ports[1]), Number(ports[2])];

    const chat = (nick: string) => {
      const p = new StealthProcess(["chat", `127.0.0.1:${port}`, "--plain", "--nick", nick], {
        env: member.env,
        stdin: true,
      });
      clients.push(p);
      return p;
    };
    const alice = chat("alice");
    const bob = chat("bob");
    await alice.waitFor(/connected to/);
    await bob.waitFor(/connected to/);
    await alice.writeLine("written nowhere");
    await bob.waitFor(/<alice> written nowhere/);
    await bob.writeLine("/msg alice nor this");
    await alice.waitFor(/nor this/);

    // A member whose connection drops resumes: sessions live in memory only.
    const caPem = (await circleCA(host.key)).certPem;
    const first = await dialTls({ hostname: "127.0.0.1", port, caPem });
    const { ok } = await dialHandshake(first, {
      role: "server",
      authKey: authKey(host.key),
      nick: "carol",
    });
    await first.close(0);
    const again = await dialTls({ hostname: "127.0.0.1", port, caPem });
    const resumed = await dialHandshake(again, {
      role: "server",
      authKey: authKey(host.key),
      nick: "carol",
      resume: { session: ok.session!, after: ok.seq ?? 0 },
    });
    assert.equal(resumed.ok.resumed, true);
    await again.close(0);

    const listed = await listServers({ key: host.key, hostname: "127.0.0.1", port: registryPort });
    assert.equal(listed.length, 1);

    for (const p of clients) await p.closeStdin();
    for (const p of clients) assert.equal((await p.status()).code, 0, p.output);
    up.kill("SIGTERM");
    const status = await up.status;
    await reading;
    const stderr = await errors;
    assert.equal(status.code, 0, stderr);
    assert.doesNotMatch(stderr, /NotCapable|write access|permission/i);

    const after = [await snapshot(host.dir), await snapshot(work), await snapshot(tmp)];
    assert.deepEqual(after, before, "nothing was written");
    figure("security.no_disk_writes", {
      write_permission: "denied",
      files_before: before.flat().length,
      files_after: after.flat().length,
      changed: 0,
    });
  } finally {
    for (const p of clients) await p.stop("SIGKILL").catch(() => {});
    try {
      up.kill("SIGKILL");
    } catch {
      // Already gone.
    }
    await up.status;
    await host.remove();
    await member.remove();
    await Deno.remove(work, { recursive: true }).catch(() => {});
    await Deno.remove(tmp, { recursive: true }).catch(() => {});
  }
});
