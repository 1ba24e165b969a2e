import assert from "node:assert/strict";
import { FILE_IDLE_MS, FileRelay } from "../../server/mod.ts";

const A = "A".repeat(22);
const B = "B".repeat(22);
const C = "C".repeat(22);
const D = "D".repeat(22);

Deno.test("FileRelay.chunk() lets a burst through, then asks to wait in proportion", () => {
  let now = 0;
  const relay = new FileRelay({ bytesPerSecond: 100_000 }, () => now);
  assert.deepEqual(relay.chunk(A, 0, "bob", 60_000, false), { ok: true });
  assert.deepEqual(relay.chunk(A, 1, "bob", 60_000, false), { ok: true }); // into debt
  const refused = relay.chunk(A, 2, "bob", 60_000, false);
  assert.equal(refused.ok, false);
  assert.ok(!refused.ok && refused.code === "file-rate" && refused.retryAfterMs >= 200);
  now += 300;
  assert.deepEqual(relay.chunk(A, 2, "bob", 60_000, false), { ok: true });
});

Deno.test("FileRelay.chunk() counts files at once; the last chunk or idleness frees one", () => {
  let now = 0;
  const relay = new FileRelay({ maxTransfers: 2 }, () => now);
  assert.equal(relay.chunk(A, 0, "bob", 100, false).ok, true);
  assert.equal(relay.chunk(B, 0, "bob", 100, false).ok, true);
  assert.deepEqual(relay.chunk(C, 0, "bob", 100, false), { ok: false, code: "file-busy" });
  assert.equal(
    relay.chunk(A, 1, "carol", 100, false).ok,
    true,
    "a second receiver of a running file",
  );
  assert.equal(relay.chunk(A, 1, "bob", 100, true).ok, true);
  assert.equal(relay.transfers, 2, "carol still receives A");
  assert.equal(relay.chunk(A, 2, "carol", 100, true).ok, true);
  assert.equal(relay.chunk(C, 0, "bob", 100, false).ok, true);
  now += FILE_IDLE_MS;
  assert.equal(relay.transfers, 0);
  assert.equal(relay.chunk(D, 0, "bob", 100, false).ok, true);
});

Deno.test("FileRelay.chunk() stops a file growing past the largest allowed; resends are not counted", () => {
  const relay = new FileRelay({ maxFileBytes: 100_000, bytesPerSecond: 1e9 }, () => 0);
  assert.equal(relay.chunk(A, 0, "bob", 90_000, false).ok, true);
  assert.equal(relay.chunk(A, 0, "bob", 90_000, false).ok, true, "a resend after a reconnect");
  assert.equal(relay.chunk(A, 1, "bob", 40_000, false).ok, true);
  assert.deepEqual(relay.chunk(A, 2, "bob", 40_000, false), { ok: false, code: "file-size" });
});

Deno.test("FileRelay.ack() is cheap but not free", () => {
  let now = 0;
  const relay = new FileRelay({ bytesPerSecond: 4096 }, () => now);
  let passed = 0;
  for (let i = 0; i < 100; i++) if (relay.ack(80)) passed++;
  assert.ok(passed >= 4 && passed <= 6, String(passed));
  now += 1000;
  assert.equal(relay.ack(80), true);
});
