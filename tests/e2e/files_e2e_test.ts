/**
 * End to end: the real main.ts as processes — a server with `--file-rate`,
 * a line-mode client with `--auto-accept` receiving into the home's
 * `downloads/`, and `stealth send --to … --nick …` — on 127.0.0.1.
 */

import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { join } from "node:path";
import { runStealth, StealthProcess, tempHome } from "../support/stealth_process.ts";

Deno.test("stealth send delivers to a --auto-accept chat client through stealth server", async () => {
  const home = await tempHome();
  const processes: StealthProcess[] = [];
  try {
    assert.equal((await runStealth(["keygen"], { env: home.env })).code, 0);
    const server = new StealthProcess(
      ["server", "--host", "127.0.0.1", "--port", "0", "--name", "Attic", "--file-rate", "64"],
      { env: home.env },
    );
    processes.push(server);
    const line = await server.waitFor(/listening on 127\.0\.0\.1:\d+/, { timeoutMs: 20_000 });
    const port = Number(/:(\d+)/.exec(line.slice(line.indexOf("127.0.0.1")))![1]);
    const bob = new StealthProcess(
      ["chat", `127.0.0.1:${port}`, "--plain", "--nick", "bob", "--auto-accept"],
      { env: home.env, stdin: true },
    );
    processes.push(bob);
    await bob.waitFor(/connected to Attic as bob/, { timeoutMs: 20_000 });

    const path = join(home.dir, "holiday photos.zip");
    const bytes = new Uint8Array(3 * 1024 * 1024 + 5).map((_, i) => (i * 7) & 0xff);
    await Deno.writeFile(path, bytes);
    const sent = await runStealth(
      ["send", "--to", `127.0.0.1:${port}`, "--nick", "bob", "--as", "script", path],
      { env: home.env },
    );
    assert.equal(sent.code, 0, sent.stdout + sent.stderr);
    assert.match(sent.stdout, /holiday photos\.zip delivered to bob, SHA-256 checked/);
    assert.match(sent.stdout, /bob accepted holiday photos\.zip: sending/);

    await bob.waitFor(/-- received holiday photos\.zip .* from script, SHA-256 checked/);
    const kept = join(home.dir, "downloads", "holiday photos.zip");
    const hash = (data: Uint8Array) => createHash("sha256").update(data).digest("hex");
    assert.equal(hash(await Deno.readFile(kept)), hash(bytes));

    const nobody = await runStealth(
      ["send", "--to", `127.0.0.1:${port}`, "--nick", "carol", "--as", "script", path],
      { env: home.env },
    );
    assert.equal(nobody.code, 1);
    assert.match(nobody.stdout + nobody.stderr, /nobody here is called carol/);
  } finally {
    for (const p of processes) await p.stop().catch(() => {});
    await home.remove();
  }
});
