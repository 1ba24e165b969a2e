/**
 * File sharing as people and scripts use it: `/send`, `/accept`,
 * `/reject`, `/files` typed into the line-mode client (a line per tenth of
 * progress), `--json` events, `stealth send` (its exit code), and `/send`
 * in a direct (p2p) chat.
 */

import assert from "node:assert/strict";
import { join } from "node:path";
import { EXIT_FAILURE, EXIT_OK, runSendFile } from "../../client/mod.ts";
import { FAST_BACKOFF, KeyFolder, PlainClient, testServer } from "../client/_harness.ts";
import { P2pSide } from "../p2p/_harness.ts";
import { circleHome } from "../support/circle_home.ts";
import { listFolder, sha256Of } from "./_harness.ts";

async function setup() {
  const server = await testServer();
  const keys = await KeyFolder.make();
  const keyPath = await keys.key(1);
  const clients: PlainClient[] = [];
  const client = (
    nick: string,
    files: { downloads?: string; autoAccept?: boolean } = {},
    json = false,
  ) => {
    const made = new PlainClient({
      keyPath,
      server: `127.0.0.1:${server.port}`,
      nick,
      json,
      files: { downloads: join(keys.dir, nick), ...files },
      tuning: { backoffMs: FAST_BACKOFF },
    });
    clients.push(made);
    return made;
  };
  const makeFile = async (name: string, size: number) => {
    const path = join(keys.dir, name);
    const bytes = new Uint8Array(size);
    for (let i = 0; i < size; i++) bytes[i] = (i * 31 + 7) & 0xff;
    await Deno.writeFile(path, bytes);
    return path;
  };
  const cleanup = async () => {
    for (const made of clients) made.abort();
    await Promise.all(clients.map((made) => made.done.catch(() => {})));
    await server.close();
    await keys.remove();
  };
  return { server, keys, keyPath, client, makeFile, cleanup };
}

Deno.test("line mode: /send, /accept, a line per tenth on both sides, /files, /reject", async () => {
  const { client, makeFile, keys, cleanup } = await setup();
  try {
    const alice = client("alice");
    const bob = client("bob");
    await alice.waitFor(/connected to kitchen as alice/);
    await bob.waitFor(/connected to kitchen as bob/);
    const path = await makeFile("my report.pdf", 2 * 1024 * 1024);
    alice.type(`/send "${path}" bob`);
    await alice.waitFor(/-- you offer my report\.pdf \(2 MB\) to bob \[1\]$/);
    await bob.waitFor(/-- alice offers you my report\.pdf \(2 MB\) — \/accept 1 or \/reject 1$/);
    bob.type("/accept 1");
    await bob.waitFor(
      /-- received my report\.pdf \(2 MB\) from alice, SHA-256 checked: .*my report\.pdf$/,
      20_000,
    );
    await alice.waitFor(/-- bob has my report\.pdf \(2 MB\), SHA-256 checked$/);
    const tenths = bob.lines(/-- my report\.pdf from alice: \d+ % — .* of 2 MB, .*\/s, .* left$/);
    assert.equal(tenths.length, 10, bob.stdout.join("\n"));
    assert.equal(alice.lines(/-- my report\.pdf to bob: \d+ % — /).length, 10);
    assert.equal(await sha256Of(join(keys.dir, "bob", "my report.pdf")), await sha256Of(path));

    bob.type("/files");
    await bob.waitFor(/-- \[1\] ↓ my report\.pdf \(2 MB\) from alice: done, 2 MB$/);

    alice.type(`/send '${path}'`);
    await bob.waitFor(/-- alice offers my report\.pdf \(2 MB\) — \/accept 2 or \/reject 2$/);
    bob.type("/reject 2");
    await bob.waitFor(/-- you declined my report\.pdf from alice$/);
    await alice.waitFor(/-- bob declined my report\.pdf$/);
    bob.type("/accept 2", "/accept 99", "/send");
    await bob.waitFor(/!! 2 is not an offer waiting for your answer$/);
    await bob.waitFor(/!! no file transfer 99 — \/files lists them$/);
    await bob.waitFor(/!! usage: \/send PATH \[NICK\]/);
    assert.deepEqual(await listFolder(join(keys.dir, "bob")), ["my report.pdf"]);
  } finally {
    await cleanup();
  }
});

Deno.test("--json: file events with their fields, progress only per tenth", async () => {
  const { client, makeFile, cleanup } = await setup();
  try {
    const alice = client("alice");
    const bob = client("bob", { autoAccept: true }, true);
    await alice.waitFor(/connected to kitchen as alice/);
    await bob.waitFor(/"code":"connected"/);
    const path = await makeFile("data.csv", 300_000);
    alice.type(`/send ${path} bob`);
    const line = await bob.waitFor(/"type":"file","ts":\d+,"code":"received"/, 10_000);
    const received = JSON.parse(line);
    assert.equal(received.name, "data.csv");
    assert.equal(received.size, 300_000);
    assert.equal(received.direction, "in");
    assert.equal(received.peer, "alice");
    assert.match(received.path, /data\.csv$/);
    const offer = JSON.parse(bob.lines(/"code":"offer"/)[0]!);
    assert.equal(offer.ref, 1);
    assert.match(offer.file, /^[A-Za-z0-9_-]{22}$/);
    const progress = bob.lines(/"code":"progress"/).map((l) => JSON.parse(l));
    assert.ok(progress.length > 0 && progress.length <= 10);
    assert.ok(progress.every((p) => p.step === true && typeof p.percent === "number"));
  } finally {
    await cleanup();
  }
});

Deno.test("runSendFile() offers, waits, sends, leaves: 0 when every acceptor has it, 1 when nobody takes it", async () => {
  const { server, keyPath, client, makeFile, keys, cleanup } = await setup();
  try {
    const bob = client("bob", { autoAccept: true });
    const carol = client("carol");
    await bob.waitFor(/connected to kitchen as bob/);
    await carol.waitFor(/connected to kitchen as carol/);
    const path = await makeFile("build.tgz", 1_000_000);
    const lines: string[] = [];
    const code = await runSendFile({
      keyPath,
      server: `127.0.0.1:${server.port}`,
      nick: "ci",
      to: "bob",
      path,
      json: false,
      timeoutMs: 10_000,
      stdout: (line) => lines.push(line),
      stderr: (line) => lines.push(line),
      tuning: { backoffMs: FAST_BACKOFF },
    });
    assert.equal(code, EXIT_OK, lines.join("\n"));
    assert.match(lines.at(-1)!, /^build\.tgz delivered to bob, SHA-256 checked$/);
    assert.equal(await sha256Of(join(keys.dir, "bob", "build.tgz")), await sha256Of(path));
    await carol.waitFor(/-- ci left \(quit\)$/);
    assert.equal(carol.lines(/offers/).length, 0, "a private offer is for bob only");

    // To everyone, nobody answers in time: exit 1, and carol's offer is withdrawn.
    const quiet: string[] = [];
    const nobody = await runSendFile({
      keyPath,
      server: `127.0.0.1:${server.port}`,
      nick: "ci",
      path,
      json: false,
      timeoutMs: 300,
      stdout: (line) => quiet.push(line),
      stderr: (line) => quiet.push(line),
      files: { maxFileBytes: 10_000_000 },
      tuning: { backoffMs: FAST_BACKOFF },
    }).catch((error) => error);
    // bob accepts everything: the offer to everyone reaches him, and carol never answers.
    assert.equal(nobody, EXIT_OK, quiet.join("\n"));
    assert.match(quiet.at(-1)!, /delivered to bob/);
    await carol.waitFor(/-- ci offers build\.tgz/);

    const failed = await runSendFile({
      keyPath,
      server: `127.0.0.1:${server.port}`,
      nick: "ci",
      to: "carol",
      path,
      json: false,
      timeoutMs: 300,
      stdout: (line) => quiet.push(line),
      stderr: (line) => quiet.push(line),
      tuning: { backoffMs: FAST_BACKOFF },
    });
    assert.equal(failed, EXIT_FAILURE);
    assert.match(quiet.at(-1)!, /^nobody accepted build\.tgz within 1 sec$/);
  } finally {
    await cleanup();
  }
});

Deno.test("/send works in a direct (p2p) chat", async () => {
  const home = await circleHome();
  const alice = new P2pSide({
    keyPath: home.keyPath,
    listen: true,
    target: "0",
    nick: "alice",
    files: { downloads: join(home.dir, "alice-downloads") },
  });
  const line = await alice.waitFor(/listening for one peer on port \d+/, 10_000);
  const port = Number(/port (\d+)/.exec(line)![1]);
  const bob = new P2pSide({
    keyPath: home.keyPath,
    listen: false,
    target: `127.0.0.1:${port}`,
    nick: "bob",
    files: { downloads: join(home.dir, "bob-downloads"), autoAccept: true },
  });
  try {
    await bob.waitFor(/-- direct with alice$/);
    await alice.waitFor(/-- direct with bob$/);
    const path = join(home.dir, "song.ogg");
    await Deno.writeFile(path, new Uint8Array(500_000).fill(3));
    alice.type(`/send ${path} bob`);
    await bob.waitFor(/-- received song\.ogg \(488 kB\) from alice, SHA-256 checked/, 10_000);
    await alice.waitFor(/-- bob has song\.ogg/);
    assert.equal(
      await sha256Of(join(home.dir, "bob-downloads", "song.ogg")),
      await sha256Of(path),
    );
  } finally {
    bob.abort();
    alice.abort();
    await Promise.all([alice.done, bob.done]);
    await home.remove();
  }
});
