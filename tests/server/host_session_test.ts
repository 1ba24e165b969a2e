/**
 * `runHost` with its console on a stdin the test types into: the console
 * commands reach a real server, and `--bans FILE` is wired.
 */

import assert from "node:assert/strict";
import { Buffer } from "node:buffer";
import { join } from "node:path";
import { fernetDecrypt } from "../../crypto/mod.ts";
import { decodeBody } from "../../protocol/mod.ts";
import { runHost } from "../../server/mod.ts";
import { RawMember } from "../support/raw_member.ts";
import { testCircle } from "../support/test_circle.ts";
import { waitFor, within } from "../support/wait_for.ts";

async function keyFile(dir: string): Promise<string> {
  const path = join(dir, "secret.key");
  const text = Buffer.from(new Uint8Array(32).fill(1)).toString("base64url") + "=";
  await Deno.writeTextFile(path, text + "\n", { mode: 0o600 });
  return path;
}

Deno.test("runHost() runs host commands typed on its console, and keeps bans in --bans FILE", async () => {
  const dir = await Deno.makeTempDir({ prefix: "stealth-host-" });
  const circle = await testCircle();
  const stdout: string[] = [];
  const stderr: string[] = [];
  let input!: ReadableStreamDefaultController<Uint8Array>;
  const stdin = new ReadableStream<Uint8Array>({ start: (c) => void (input = c) });
  const type = (line: string) => input.enqueue(new TextEncoder().encode(line + "\n"));
  const stop = new AbortController();
  const bansFile = join(dir, "bans.json");
  const running = runHost({
    keyPath: await keyFile(dir),
    hostKeyPath: join(dir, "host.key"),
    createKey: false,
    hostname: "127.0.0.1",
    port: 0,
    name: "console test",
    advertise: [],
    console: true,
    bansFile,
    stdin,
    signal: stop.signal,
    stdout: (line) => stdout.push(line),
    stderr: (line) => stderr.push(line),
  });
  let member: RawMember | undefined;
  try {
    await waitFor(() => stdout.some((l) => l.includes("listening on")), "the greeting");
    const port = Number(/127\.0\.0\.1:(\d+)/.exec(stdout.join("\n"))![1]);
    member = await RawMember.join(circle, port, "alice");
    type("/announce the kettle is on");
    const notice = await member.waitFor("the notice", (e) => e.t === "notice");
    assert.equal(
      notice.t === "notice" && decodeBody(fernetDecrypt(circle.key, notice.body)).text,
      "the kettle is on",
    );
    type("/ban 10.0.0.0/8 1h noisy");
    type("/help");
    await waitFor(() => stdout.includes("banned 10.0.0.0/8 for 1 hr (noisy)"), "the ban's line");
    await waitFor(() => stdout.some((l) => l.startsWith("  /quit")), "the help");
  } finally {
    await member?.conn.close(100);
    stop.abort();
    assert.equal(await within(running, "runHost to end"), 0, stderr.join("\n"));
  }
  try {
    const saved = JSON.parse(await Deno.readTextFile(bansFile));
    assert.deepEqual(saved.bans.map((b: { target: string }) => b.target), ["10.0.0.0/8"]);
    if (Deno.build.os !== "windows") assert.equal((await Deno.stat(bansFile)).mode! & 0o777, 0o600);
    await Deno.writeTextFile(bansFile, "[]");
    const errors: string[] = [];
    const code = await runHost({
      keyPath: join(dir, "secret.key"),
      hostKeyPath: join(dir, "host.key"),
      createKey: false,
      hostname: "127.0.0.1",
      port: 0,
      advertise: [],
      console: false,
      bansFile,
      stdout: () => {},
      stderr: (line) => errors.push(line),
    });
    assert.equal(code, 1);
    assert.match(errors.join("\n"), /^stealth: --bans .*bans\.json is not a bans file/);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});
