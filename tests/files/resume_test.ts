/**
 * A transfer cut by the network resumes where it stopped: both members
 * reach the server through a proxy that cuts every connection midway; they
 * reconnect and resume their sessions, the receiver asks again from the
 * first chunk it lacks, and the file arrives whole.
 */

import assert from "node:assert/strict";
import { TcpProxy } from "../support/tcp_proxy.ts";
import { FileCircle, listFolder, sha256Of } from "./_harness.ts";

Deno.test("a transfer interrupted by a reconnect resumes from the last chunk confirmed", async () => {
  await using circle = await FileCircle.start({ files: { bytesPerSecond: 4 * 1024 * 1024 } });
  await using proxy = await TcpProxy.start({ port: circle.server.port });
  const alice = await circle.join("alice", {}, { port: proxy.port });
  const bob = await circle.join("bob", { autoAccept: true }, { port: proxy.port });
  const size = 12 * 1024 * 1024;
  const path = await circle.makeFile("backup.tar", size);
  await alice.chat.sendFile(path, "bob");
  const before = await bob.waitFile("progress", (e) => (e.percent ?? 0) >= 40, 20_000);
  const cutAt = bob.events.length;
  proxy.cut();
  await bob.waitEvent((e) => e.type === "info" && e.code === "resumed", "bob resuming", 10_000);
  await alice.waitEvent((e) => e.type === "info" && e.code === "resumed", "alice resuming", 10_000);
  const received = await bob.waitFile("received", undefined, 30_000);
  assert.equal(await sha256Of(received.path!), await sha256Of(path));
  assert.deepEqual(await listFolder(bob.downloads), ["backup.tar"]);
  // Never back to the start: what came after the cut went on from where it was.
  const after = bob.files().filter((e) => e.code === "progress" && bob.events.indexOf(e) > cutAt);
  assert.ok(after.length > 0);
  assert.ok(after.every((e) => (e.bytes ?? 0) >= (before.bytes ?? 0)), "progress never went back");
  const percents = bob.files().filter((e) => e.code === "progress").map((e) => e.percent ?? 0);
  assert.deepEqual(percents, [...percents].sort((a, b) => a - b), "monotonic");
  assert.ok(proxy.accepted >= 4, "both reconnected through the proxy");
  await alice.waitFile("delivered", undefined, 10_000);
});

for (const who of ["the receiver", "the sender"] as const) {
  Deno.test(`a transfer resumes when only ${who}'s connection drops`, async () => {
    await using circle = await FileCircle.start({ files: { bytesPerSecond: 4 * 1024 * 1024 } });
    await using proxy = await TcpProxy.start({ port: circle.server.port });
    const viaProxy = { port: proxy.port };
    const alice = await circle.join("alice", {}, who === "the sender" ? viaProxy : {});
    const bob = await circle.join(
      "bob",
      { autoAccept: true },
      who === "the receiver" ? viaProxy : {},
    );
    const path = await circle.makeFile("photos.zip", 8 * 1024 * 1024);
    await alice.chat.sendFile(path, "bob");
    await bob.waitFile("progress", (e) => (e.percent ?? 0) >= 30, 20_000);
    proxy.cut();
    const received = await bob.waitFile("received", undefined, 30_000);
    assert.equal(await sha256Of(received.path!), await sha256Of(path));
    await alice.waitFile("delivered", undefined, 10_000);
    assert.deepEqual(await listFolder(bob.downloads), ["photos.zip"]);
  });
}
