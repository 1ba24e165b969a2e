/**
 * A full disk, for real (a tmpfs of a few KiB): a new key is refused in one
 * line and the old key stays whole; a file received onto it fails in one
 * line, nothing is kept, and the chat goes on.
 */

import assert from "node:assert/strict";
import { FileCircle, listFolder } from "../files/_harness.ts";
import { runStealth } from "../support/stealth_process.ts";
import { TINY_DISK_PROBLEM, tinyDisk } from "../support/tiny_disk.ts";

if (TINY_DISK_PROBLEM !== undefined) {
  console.log(`full_disk_test: skipped — no tmpfs to fill here (${TINY_DISK_PROBLEM})`);
}

Deno.test({
  name: "keygen on a full disk says so in one line and leaves the old key whole",
  ignore: TINY_DISK_PROBLEM !== undefined,
  async fn() {
    const disk = await tinyDisk(64);
    try {
      const keyPath = `${disk.path}/secret.key`;
      const env = { STEALTH_HOME: disk.path };
      assert.equal((await runStealth(["keygen", "--out", keyPath], { env })).code, 0);
      const before = await Deno.readTextFile(keyPath);
      await disk.fill();

      for (const args of [["keygen", "--out", keyPath, "--force"], ["keygen", "--host-key"]]) {
        const result = await runStealth([...args, "--lang", "en"], { env });
        assert.equal(result.code, 1, result.stderr);
        assert.equal(result.stdout, "");
        assert.match(
          result.stderr.trim(),
          /^stealth: cannot write .*(secret|host)\.key: the disk is full — free some space and try again$/,
        );
      }
      assert.equal(await Deno.readTextFile(keyPath), before, "the old key is untouched");
      assert.deepEqual(await listFolder(disk.path), ["filler", "secret.key"], "no temporary file");
    } finally {
      await disk.remove();
    }
  },
});

Deno.test({
  name: "a file received onto a full disk fails in one line, keeps nothing, and the chat goes on",
  ignore: TINY_DISK_PROBLEM !== undefined,
  async fn() {
    const disk = await tinyDisk(256);
    await using circle = await FileCircle.start();
    try {
      const alice = await circle.join("alice");
      const bob = await circle.join("bob", { autoAccept: true, downloads: disk.path });
      const path = await circle.makeFile("holiday.jpg", 1024 * 1024);
      await alice.chat.sendFile(path, "bob");

      const failed = await bob.waitFile("failed");
      assert.equal(failed.reason, "disk");
      assert.equal(
        failed.text,
        "holiday.jpg from alice failed: cannot write it: the disk is full — nothing was kept; " +
          "free some space (or choose another folder with --downloads) and ask alice to send it again",
      );
      const told = await alice.waitFile("failed", (e) => e.peer === "bob");
      assert.match(told.text, /^holiday\.jpg to bob failed: /);
      await new Promise((resolve) => setTimeout(resolve, 200)); // the part file goes after the writes
      assert.deepEqual(await listFolder(disk.path), [], "no part file, no file");

      // Nothing else is lost: the chat goes on both ways.
      alice.chat.say("did it arrive?");
      await bob.waitEvent(
        (e) => e.type === "message" && e.text === "did it arrive?",
        "alice's line",
      );
      bob.chat.say("no — my disk is full");
      await alice.waitEvent(
        (e) => e.type === "message" && e.text === "no — my disk is full",
        "bob's answer",
      );
    } finally {
      await circle.close();
      await disk.remove();
    }
  },
});
