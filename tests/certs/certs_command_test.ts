import assert from "node:assert/strict";
import { join } from "node:path";
import { generateKey, parseKey } from "../../crypto/mod.ts";
import { circleCA, runCertsExport, runCertsShow } from "../../certs/mod.ts";
import { withTempDir } from "./_fixtures.ts";

interface Captured {
  stdout: string[];
  stderr: string[];
  out: { stdout: (line: string) => void; stderr: (line: string) => void };
}

function capture(): Captured {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return {
    stdout,
    stderr,
    out: { stdout: (line) => stdout.push(line), stderr: (line) => stderr.push(line) },
  };
}

async function writeKey(dir: string): Promise<{ keyPath: string; keyText: string }> {
  const keyText = generateKey();
  const keyPath = join(dir, "secret.key");
  await Deno.writeTextFile(keyPath, keyText + "\n", { mode: 0o600 });
  return { keyPath, keyText };
}

Deno.test("runCertsShow() prints the CA fingerprint and a leaf's subject, SANs and validity", async () => {
  await withTempDir(async (dir) => {
    const { keyPath, keyText } = await writeKey(dir);
    const ca = await circleCA(parseKey(keyText));
    const { stdout, stderr, out } = capture();
    const code = await runCertsShow({ keyPath, json: false, sans: ["pi.local"], ...out });
    assert.equal(code, 0);
    assert.deepEqual(stderr, []);
    const text = stdout.join("\n");
    assert.match(text, new RegExp(`^circle CA +${ca.subject}$`, "m"));
    assert.match(text, new RegExp(`^fingerprint +${ca.publicKeyFingerprint}$`, "m"));
    assert.match(text, /^leaf +CN=pi\.local /m);
    assert.match(text, /^SANs +pi\.local, .*localhost, .*127\.0\.0\.1, .*::1/m);
    const date = String.raw`[A-Z][a-z]{2} \d{1,2}, \d{4}, \d{1,2}:\d\d [AP]M UTC`;
    assert.match(text, new RegExp(`^valid +${date} → ${date}$`, "m"));
    assert.doesNotMatch(text, new RegExp(keyText.slice(0, 20)));
  });
});

Deno.test("runCertsShow() prints one JSON object with --json", async () => {
  await withTempDir(async (dir) => {
    const { keyPath, keyText } = await writeKey(dir);
    const ca = await circleCA(parseKey(keyText));
    const { stdout, out } = capture();
    assert.equal(await runCertsShow({ keyPath, json: true, ...out }), 0);
    assert.equal(stdout.length, 1);
    const shown = JSON.parse(stdout[0]!);
    assert.equal(shown.ca.fingerprint, ca.publicKeyFingerprint);
    assert.equal(shown.ca.subject, ca.subject);
    assert.ok(shown.leaf.sans.includes("localhost"));
    assert.match(shown.leaf.subject, /^CN=/);
    const life = Date.parse(shown.leaf.notAfter) - Date.parse(shown.leaf.notBefore);
    assert.equal(life, (3 * 24 + 1) * 3_600_000);
  });
});

Deno.test("runCertsShow() turns a missing key into one stderr line and exit code 1", async () => {
  await withTempDir(async (dir) => {
    const keyPath = join(dir, "missing.key");
    const { stdout, stderr, out } = capture();
    assert.equal(await runCertsShow({ keyPath, json: false, ...out }), 1);
    assert.deepEqual(stdout, []);
    assert.deepEqual(stderr, [
      `stealth: no key at ${keyPath} — ask your host for secret.key, or make one with \`stealth keygen\``,
    ]);
  });
});

Deno.test("runCertsShow() turns a damaged key into one stderr line naming the file", async () => {
  await withTempDir(async (dir) => {
    const keyPath = join(dir, "secret.key");
    await Deno.writeTextFile(keyPath, "not a key");
    const { stderr, out } = capture();
    assert.equal(await runCertsShow({ keyPath, json: true, ...out }), 1);
    assert.equal(stderr.length, 1);
    assert.match(stderr[0]!, new RegExp(`^stealth: ${keyPath}: the key has 9 characters`));
  });
});

Deno.test("runCertsShow() turns a bad name into one stderr line", async () => {
  await withTempDir(async (dir) => {
    const { keyPath } = await writeKey(dir);
    const { stdout, stderr, out } = capture();
    assert.equal(await runCertsShow({ keyPath, json: false, sans: ["pi:5555"], ...out }), 1);
    assert.deepEqual(stdout, []);
    assert.deepEqual(stderr, [
      `stealth: "pi:5555" is neither a host name nor an IP address — give names like pi.local or 192.168.1.20, without a port`,
    ]);
  });
});

Deno.test({
  name: "runCertsShow() passes on the key file's warning and still succeeds",
  ignore: Deno.build.os === "windows",
  fn: async () => {
    await withTempDir(async (dir) => {
      const { keyPath } = await writeKey(dir);
      await Deno.chmod(keyPath, 0o644);
      const { stdout, stderr, out } = capture();
      assert.equal(await runCertsShow({ keyPath, json: true, ...out }), 0);
      assert.equal(stdout.length, 1);
      assert.equal(stderr.length, 1);
      assert.match(stderr[0]!, /chmod 600/);
    });
  },
});

Deno.test("runCertsExport() writes the circle CA as ca.pem, mode 0644", async () => {
  await withTempDir(async (dir) => {
    const { keyPath, keyText } = await writeKey(dir);
    const outDir = join(dir, "export", "here");
    const { stdout, out } = capture();
    assert.equal(await runCertsExport({ keyPath, outDir, ...out }), 0);
    const path = join(outDir, "ca.pem");
    const ca = await circleCA(parseKey(keyText));
    assert.equal(await Deno.readTextFile(path), ca.certPem);
    if (Deno.build.os !== "windows") assert.equal((await Deno.stat(path)).mode! & 0o777, 0o644);
    assert.deepEqual(stdout, [
      `wrote ${path} (${ca.subject}, fingerprint ${ca.publicKeyFingerprint})`,
    ]);
    // Again: same bytes, no complaint.
    assert.equal(await runCertsExport({ keyPath, outDir, ...out }), 0);
    assert.equal(await Deno.readTextFile(path), ca.certPem);
  });
});

Deno.test("runCertsExport() turns an unwritable folder into one stderr line", async () => {
  await withTempDir(async (dir) => {
    const { keyPath } = await writeKey(dir);
    const outDir = join(keyPath, "inside-a-file");
    const { stderr, out } = capture();
    assert.equal(await runCertsExport({ keyPath, outDir, ...out }), 1);
    assert.equal(stderr.length, 1);
    assert.match(
      stderr[0]!,
      new RegExp(`^stealth: cannot write ${join(outDir, "ca.pem")}: .* — pick another folder$`),
    );
  });
});
