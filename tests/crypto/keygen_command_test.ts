import assert from "node:assert/strict";
import { join } from "node:path";
import { fingerprint, keyBytes, readKeyFile, runKeygen } from "../../crypto/mod.ts";
import { capture } from "./_capture.ts";

async function withTempDir(fn: (dir: string) => Promise<void>): Promise<void> {
  const dir = await Deno.makeTempDir({ prefix: "stealth_keygen_" });
  try {
    await fn(dir);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
}

const HANDOVER =
  "copy it to a USB stick and hand it over in person; read the fingerprint aloud to check";

Deno.test("runKeygen() writes a circle key and prints its path, fingerprint and handover", async () => {
  await withTempDir(async (dir) => {
    const out = join(dir, "stealth", "secret.key");
    const { result, stdout, stderr } = await capture(() =>
      runKeygen({ out, force: false, hostKey: false })
    );
    assert.equal(result, 0);
    assert.deepEqual(stderr, []);
    const key = await readKeyFile(out);
    assert.deepEqual(stdout, [`wrote ${out}`, `fingerprint ${fingerprint(key)}`, HANDOVER]);
    if (Deno.build.os !== "windows") assert.equal((await Deno.stat(out)).mode! & 0o777, 0o600);
    const text = (await Deno.readTextFile(out)).trim();
    assert.ok(!stdout.some((line) => line.includes(text)), "the key itself was printed");
  });
});

Deno.test("runKeygen() writes a host key with the hint that it stays with the host", async () => {
  await withTempDir(async (dir) => {
    const out = join(dir, "host.key");
    const { result, stdout, stderr } = await capture(() =>
      runKeygen({ out, force: false, hostKey: true })
    );
    assert.equal(result, 0);
    assert.deepEqual(stderr, []);
    await readKeyFile(out);
    assert.equal(stdout[0], `wrote ${out}`);
    assert.equal(stdout.length, 2);
    assert.match(stdout[1]!, /stays on the host/);
    assert.ok(!stdout.some((line) => line.startsWith("fingerprint")));
  });
});

Deno.test("runKeygen() returns 1 and prints one stealth: line when the key exists", async () => {
  await withTempDir(async (dir) => {
    const out = join(dir, "secret.key");
    await capture(() => runKeygen({ out, force: false, hostKey: false }));
    const before = await Deno.readTextFile(out);
    const { result, stdout, stderr } = await capture(() =>
      runKeygen({ out, force: false, hostKey: false })
    );
    assert.equal(result, 1);
    assert.deepEqual(stdout, []);
    assert.deepEqual(stderr, [
      `stealth: ${out} already exists — keep it, or pass --force to replace it (members holding the old key will be locked out)`,
    ]);
    assert.equal(await Deno.readTextFile(out), before);
  });
});

Deno.test("runKeygen() replaces the key with force, by a different one", async () => {
  await withTempDir(async (dir) => {
    const out = join(dir, "secret.key");
    await capture(() => runKeygen({ out, force: false, hostKey: false }));
    const before = keyBytes(await readKeyFile(out));
    const { result, stderr } = await capture(() => runKeygen({ out, force: true, hostKey: false }));
    assert.equal(result, 0);
    assert.deepEqual(stderr, []);
    assert.notDeepEqual(keyBytes(await readKeyFile(out)), before);
  });
});
