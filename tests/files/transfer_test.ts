/**
 * Files between real clients through a real server on 127.0.0.1: sizes at
 * the edges, a big one with a chat line overtaking it, an offer to
 * everyone, names that collide, declining and stopping.
 */

import assert from "node:assert/strict";
import { DEFAULT_CHUNK_BYTES } from "../../protocol/mod.ts";
import { figure } from "../support/figure.ts";
import { FileCircle, listFolder, sha256Of } from "./_harness.ts";

for (
  const [label, size] of [
    ["0 bytes", 0],
    ["1 byte", 1],
    ["an exact multiple of the chunk size", 4 * DEFAULT_CHUNK_BYTES],
    ["one byte past a chunk", DEFAULT_CHUNK_BYTES + 1],
  ] as const
) {
  Deno.test(`ChatConnection.sendFile() delivers ${label}, hash checked, mode 0600`, async () => {
    await using circle = await FileCircle.start();
    const alice = await circle.join("alice");
    const bob = await circle.join("bob", { autoAccept: true });
    const path = await circle.makeFile("notes.bin", size);
    await alice.chat.sendFile(path, "bob");
    const received = await bob.waitFile("received");
    await alice.waitFile("delivered");
    assert.equal(received.path, `${bob.downloads}/notes.bin`);
    assert.equal(await sha256Of(received.path!), await sha256Of(path));
    assert.equal((await Deno.stat(received.path!)).size, size);
    if (Deno.build.os !== "windows") {
      assert.equal((await Deno.stat(received.path!)).mode! & 0o777, 0o600);
    }
    assert.deepEqual(await listFolder(bob.downloads), ["notes.bin"], "no part file left");
    // Offers and signals are never chat lines.
    assert.equal(bob.events.some((e) => e.type === "message" || e.type === "private"), false);
    assert.equal(alice.events.some((e) => e.type === "error"), false);
  });
}

Deno.test("50 MiB through the server arrive whole, and a chat line said meanwhile overtakes them", async () => {
  await using circle = await FileCircle.start();
  const alice = await circle.join("alice");
  const bob = await circle.join("bob", { autoAccept: true });
  const size = 50 * 1024 * 1024;
  const path = await circle.makeFile("big.bin", size);
  const started = performance.now();
  await alice.chat.sendFile(path, "bob");
  // Once a fifth is through, alice says something.
  await bob.waitFile("progress", (e) => (e.percent ?? 0) >= 20, 30_000);
  const saidAt = performance.now();
  alice.chat.say("still there?");
  const line = await bob.waitEvent(
    (e) => e.type === "message" && e.text === "still there?",
    "alice's line",
    30_000,
  );
  const lineMs = performance.now() - saidAt;
  const received = await bob.waitFile("received", undefined, 60_000);
  const seconds = (performance.now() - started) / 1000;
  const lineAt = bob.events.indexOf(line);
  const doneAt = bob.events.indexOf(received);
  assert.ok(lineAt < doneAt, "the chat line arrived before the transfer ended");
  const percentThen =
    bob.files().filter((e) => e.code === "progress" && bob.events.indexOf(e) < lineAt)
      .at(-1)?.percent ?? 0;
  assert.ok(percentThen < 100, `the line came while ${percentThen} % were through`);
  assert.equal(await sha256Of(received.path!), await sha256Of(path));
  // The line mode prints a line per tenth: ten of them, each with rate and time left.
  const steps = bob.files().filter((e) => e.code === "progress" && e.step);
  assert.equal(steps.length, 10, steps.map((e) => e.percent).join(" "));
  assert.ok(steps.every((e) => e.rate !== undefined && / left$/.test(e.text)), steps[0]?.text);
  figure("files.50mib", {
    mib_per_s: 50 / seconds,
    seconds,
    chat_line_ms: lineMs,
    line_at_percent: percentThen,
  });
});

Deno.test("an offer to everyone goes to each member who accepts, and not to one who declines", async () => {
  await using circle = await FileCircle.start();
  const alice = await circle.join("alice");
  const bob = await circle.join("bob", { autoAccept: true });
  const carol = await circle.join("carol", { autoAccept: true });
  const dave = await circle.join("dave");
  const path = await circle.makeFile("minutes.pdf", 300_000);
  await alice.chat.sendFile(path);
  const offer = await dave.waitFile("offer");
  assert.match(offer.text, /^alice offers minutes\.pdf \(293 kB\) — \/accept \d+ or \/reject \d+$/);
  dave.chat.rejectFile(String(offer.ref));
  for (const member of [bob, carol]) {
    const received = await member.waitFile("received");
    assert.equal(await sha256Of(received.path!), await sha256Of(path));
  }
  await alice.waitFile("delivered", (e) => e.peer === "bob");
  await alice.waitFile("delivered", (e) => e.peer === "carol");
  await alice.waitFile("rejected", (e) => e.peer === "dave");
  assert.deepEqual(await listFolder(dave.downloads), []);
});

Deno.test("a second file of the same name lands beside the first, numbered", async () => {
  await using circle = await FileCircle.start();
  const alice = await circle.join("alice");
  const bob = await circle.join("bob", { autoAccept: true });
  const path = await circle.makeFile("photo.jpg", 5_000);
  await alice.chat.sendFile(path, "bob");
  await bob.waitFile("received");
  await alice.chat.sendFile(path, "bob");
  await bob.waitFile("received", (e) => e.path?.endsWith("photo (1).jpg") === true);
  assert.deepEqual(await listFolder(bob.downloads), ["photo (1).jpg", "photo.jpg"]);
});

Deno.test("/reject and /cancel, from either side, leave nothing behind", async () => {
  await using circle = await FileCircle.start({ files: { bytesPerSecond: 2 * 1024 * 1024 } });
  const alice = await circle.join("alice");
  const bob = await circle.join("bob");
  const path = await circle.makeFile("video.mp4", 8 * 1024 * 1024);

  // Declined.
  await alice.chat.sendFile(path, "bob");
  let offer = await bob.waitFile("offer");
  bob.chat.rejectFile(String(offer.ref));
  await alice.waitFile("rejected");

  // Stopped by the receiver halfway.
  await alice.chat.sendFile(path, "bob");
  offer = await bob.waitFile("offer", (e) => e.ref !== offer.ref);
  await bob.chat.acceptFile(String(offer.ref));
  await bob.waitFile("progress", (e) => e.ref === offer.ref && (e.percent ?? 0) >= 10, 20_000);
  bob.chat.cancelFile(String(offer.ref));
  await alice.waitFile("cancelled", (e) => e.peer === "bob");

  // Stopped by the sender halfway.
  const ref = await alice.chat.sendFile(path, "bob");
  const third = await bob.waitFile("offer", (e) => e.ref > offer.ref);
  await bob.chat.acceptFile(String(third.ref));
  await bob.waitFile("progress", (e) => e.ref === third.ref && (e.percent ?? 0) >= 10, 20_000);
  alice.chat.cancelFile(String(ref));
  await bob.waitFile("cancelled", (e) => e.ref === third.ref);

  await new Promise((resolve) => setTimeout(resolve, 200)); // the part files go after the writes
  assert.deepEqual(await listFolder(bob.downloads), [], "no part file, no file");
  assert.equal(bob.files().some((e) => e.code === "received"), false);
  assert.equal(bob.chat.transfers.every((info) => info.state !== "moving"), true);
});

Deno.test("commands name a transfer that does not exist, or is not waiting, in one line", async () => {
  await using circle = await FileCircle.start();
  const alice = await circle.join("alice", { downloads: undefined });
  await assert.rejects(() => alice.chat.acceptFile("7"), /no file transfer 7 — \/files lists them/);
  assert.throws(() => alice.chat.cancelFile("7"), /no file transfer 7/);
  await assert.rejects(
    () => alice.chat.sendFile(`${circle.dir}/nothing-here.txt`),
    /cannot send .*nothing-here\.txt: no such file or folder/,
  );
  await assert.rejects(() => alice.chat.sendFile(circle.dir), /not a file/);
});
