/**
 * The server's side of file sharing, seen through bare protocol clients:
 * chunks go point to point without the ring or the frame budget, metered
 * by bytes; files at once and sizes are bounded; a frame that pretends to
 * be a chunk is a bad frame. And the byte rate, end to end.
 */

import assert from "node:assert/strict";
import { fernetEncrypt } from "../../crypto/mod.ts";
import { encodeFrame } from "../../protocol/mod.ts";
import { RawMember } from "../support/raw_member.ts";
import { testCircle } from "../support/test_circle.ts";
import { waitFor } from "../support/wait_for.ts";
import { FileCircle, sha256Of } from "./_harness.ts";

const FILE = "relay00000000000000000";
const OTHER = ["relay1", "relay2", "relay3", "relay4"].map((p) => p.padEnd(22, "x"));

async function members(options: Parameters<typeof FileCircle.start>[0] = {}) {
  const circle = await FileCircle.start(options);
  const keys = await testCircle(1);
  const alice = await RawMember.join(keys, circle.server.port, "alice");
  const bob = await RawMember.join(keys, circle.server.port, "bob");
  const carol = await RawMember.join(keys, circle.server.port, "carol");
  const body = fernetEncrypt(keys.key, new Uint8Array(60_000));
  return { circle, keys, alice, bob, carol, body };
}

Deno.test("chunks go to the one member named, are not kept in the ring, and skip the frame budget", async () => {
  const { circle, alice, bob, carol, keys } = await members({
    frameRate: { burst: 10, perSecond: 1 },
  });
  const body = fernetEncrypt(keys.key, new Uint8Array(4_000));
  try {
    const ringBefore = circle.server.room.stats().ringEvents;
    for (let i = 0; i < 100; i++) alice.send({ t: "chunk", file: FILE, i, to: "bob", body });
    await waitFor(() => bob.all("chunk").length === 100, "100 chunks at bob");
    assert.deepEqual(bob.all("chunk").map((c) => c.i), [...Array(100).keys()]);
    assert.ok(
      bob.all("chunk").every((c) => c.from === "alice" && c.file === FILE && c.body === body),
    );
    for (let i = 0; i < 100; i++) bob.send({ t: "chunkack", file: FILE, i, to: "alice" });
    await waitFor(() => alice.all("chunkack").length === 100, "100 acks at alice");
    assert.equal(alice.all("chunkack")[99]!.from, "bob");
    assert.equal(carol.all("chunk").length, 0);
    assert.equal(circle.server.room.stats().ringEvents, ringBefore, "nothing in the ring");
    assert.equal(alice.closedReason, undefined);
    assert.equal(alice.all("error").length, 0, "no flood: chunks are metered by bytes");
  } finally {
    await Promise.all([alice.leave(), bob.leave(), carol.leave()]);
    await circle.close();
  }
});

Deno.test("the server refuses chunks over the byte rate, past the files at once, or for nobody", async () => {
  const { circle, alice, bob, carol, body } = await members({
    files: { bytesPerSecond: 200_000, maxTransfers: 2 },
  });
  try {
    for (let i = 0; i < 5; i++) alice.send({ t: "chunk", file: FILE, i, to: "bob", body });
    const rate = await alice.waitFor(
      "file-rate",
      (m) => m.t === "refused" && m.code === "file-rate",
    );
    assert.ok(rate.t === "refused" && rate.file === FILE && rate.to === "bob");
    assert.ok(rate.t === "refused" && (rate.retryAfterMs ?? 0) > 0);

    carol.send({ t: "chunk", file: OTHER[0]!, i: 0, to: "nobody", body });
    const nobody = await carol.waitFor("no-such-nick", (m) => m.t === "refused");
    assert.ok(nobody.t === "refused" && nobody.code === "no-such-nick" && nobody.i === 0);

    const small = body.slice(0, 200);
    for (const file of OTHER.slice(1)) {
      carol.send({ t: "chunk", file, i: 0, to: "bob", body: small });
    }
    const busy = await carol.waitFor(
      "file-busy",
      (m) => m.t === "refused" && m.code === "file-busy",
    );
    assert.ok(busy.t === "refused" && busy.file === OTHER[3]);
  } finally {
    await Promise.all([alice.leave(), bob.leave(), carol.leave()]);
    await circle.close();
  }
});

Deno.test("a frame that starts like a chunk and is something else is a bad frame", async () => {
  const { circle, alice, bob, carol, keys } = await members({});
  try {
    const token = fernetEncrypt(keys.key, "hi");
    // JSON keeps the last of two keys: this decodes as a `say`, sneaking past the frame budget.
    const sneaky =
      `{"t":"chunk","file":"${FILE}","i":0,"to":"bob","body":"${token}","t":"say","id":"x"}`;
    alice.conn.send(encodeFrame(new TextEncoder().encode(sneaky)));
    const error = await alice.waitFor("an error", (m) => m.t === "error");
    assert.ok(error.t === "error" && error.code === "bad-frame");
    await waitFor(() => alice.closedReason !== undefined, "alice's connection to close");
    // And the other way round: a chunk that does not start with its type.
    const late = `{"i":0,"t":"chunk","file":"${FILE}","to":"bob","body":"${token}"}`;
    carol.conn.send(encodeFrame(new TextEncoder().encode(late)));
    await carol.waitFor("an error", (m) => m.t === "error" && m.code === "bad-frame");
    assert.equal(bob.all("chunk").length + bob.all("msg").length, 0);
  } finally {
    await Promise.all([alice.leave(), bob.leave(), carol.leave()]);
    await circle.close();
  }
});

Deno.test("a member waiting for a resume gets no chunks: the sender is told it is away", async () => {
  const { circle, alice, bob, carol, body } = await members({});
  try {
    await bob.conn.close(0); // dropped, not gone: bob's session waits for a resume
    await waitFor(
      () => circle.server.room.who().some((m) => m.nick === "bob" && m.away),
      "bob away",
    );
    alice.send({ t: "chunk", file: FILE, i: 3, to: "bob", body });
    const away = await alice.waitFor("away", (m) => m.t === "refused");
    assert.ok(away.t === "refused" && away.code === "away" && away.i === 3);
  } finally {
    await Promise.all([alice.leave(), carol.leave()]);
    await circle.close();
  }
});

Deno.test("with --file-rate 1 MiB/s a 3 MiB file takes about two seconds, and arrives whole", async () => {
  await using circle = await FileCircle.start({ files: { bytesPerSecond: 1024 * 1024 } });
  const alice = await circle.join("alice");
  const bob = await circle.join("bob", { autoAccept: true });
  const path = await circle.makeFile("slow.bin", 3 * 1024 * 1024);
  const started = performance.now();
  await alice.chat.sendFile(path, "bob");
  // Chat is not slowed by the file's rate.
  await bob.waitFile("progress", (e) => (e.percent ?? 0) >= 50, 20_000);
  const saidAt = performance.now();
  alice.chat.say("meanwhile");
  await bob.waitEvent((e) => e.type === "message" && e.text === "meanwhile", "the line");
  const lineMs = performance.now() - saidAt;
  const received = await bob.waitFile("received", undefined, 20_000);
  const seconds = (performance.now() - started) / 1000;
  assert.equal(await sha256Of(received.path!), await sha256Of(path));
  // A burst of one second's worth, then the rate: (3 - 1) MiB at 1 MiB/s, Fernet and base64 on top.
  assert.ok(seconds >= 1.8, `${seconds} s`);
  assert.ok(seconds < 6, `${seconds} s`);
  assert.ok(lineMs < 1_000, `the line took ${lineMs} ms`);
});
