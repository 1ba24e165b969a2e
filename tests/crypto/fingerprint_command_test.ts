import assert from "node:assert/strict";
import { join } from "node:path";
import {
  fingerprint,
  generateKey,
  parseKey,
  runFingerprint,
  writeKeyFile,
} from "../../crypto/mod.ts";
import { capture } from "./_capture.ts";

async function withTempDir(fn: (dir: string) => Promise<void>): Promise<void> {
  const dir = await Deno.makeTempDir({ prefix: "stealth_fingerprint_" });
  try {
    await fn(dir);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
}

Deno.test("runFingerprint() prints the fingerprint of the key file", async () => {
  await withTempDir(async (dir) => {
    const keyPath = join(dir, "secret.key");
    const text = generateKey();
    await writeKeyFile(keyPath, text);
    const { result, stdout, stderr } = await capture(() => runFingerprint({ keyPath }));
    assert.equal(result, 0);
    assert.deepEqual(stdout, [fingerprint(parseKey(text))]);
    assert.deepEqual(stderr, []);
  });
});

Deno.test("runFingerprint() returns 1 and prints one stealth: line for a missing key", async () => {
  await withTempDir(async (dir) => {
    const keyPath = join(dir, "secret.key");
    const { result, stdout, stderr } = await capture(() => runFingerprint({ keyPath }));
    assert.equal(result, 1);
    assert.deepEqual(stdout, []);
    assert.deepEqual(stderr, [
      `stealth: no key at ${keyPath} — ask your host for secret.key, or make one with \`stealth keygen\``,
    ]);
  });
});

Deno.test("runFingerprint() returns 1 for a damaged key and never prints it", async () => {
  await withTempDir(async (dir) => {
    const keyPath = join(dir, "secret.key");
    const damaged = generateKey().slice(0, 40) + "!!!=";
    await Deno.writeTextFile(keyPath, damaged, { mode: 0o600 });
    const { result, stdout, stderr } = await capture(() => runFingerprint({ keyPath }));
    assert.equal(result, 1);
    assert.deepEqual(stdout, []);
    assert.equal(stderr.length, 1);
    assert.ok(stderr[0]!.startsWith(`stealth: ${keyPath}: the key is not URL-safe base64`));
    assert.ok(!stderr[0]!.includes(damaged.slice(0, 20)));
  });
});
