import assert from "node:assert/strict";
import fc from "fast-check";
import { deriveKey, keyBytes, type Label, LABELS, SecretKey } from "../../crypto/mod.ts";

const keyArbitrary = fc.uint8Array({ minLength: 32, maxLength: 32 }).map((b) => new SecretKey(b));

/** HKDF-SHA256(K, salt "stealth", info label) with WebCrypto, independently of the module. */
async function webCryptoDerive(key: SecretKey, label: string, length: number): Promise<Uint8Array> {
  const ikm = await crypto.subtle.importKey("raw", keyBytes(key), "HKDF", false, ["deriveBits"]);
  const encoder = new TextEncoder();
  return new Uint8Array(
    await crypto.subtle.deriveBits(
      {
        name: "HKDF",
        hash: "SHA-256",
        salt: encoder.encode("stealth"),
        info: encoder.encode(label),
      },
      ikm,
      length * 8,
    ),
  );
}

Deno.test("LABELS are DESIGN.md's labels", () => {
  assert.deepEqual(LABELS, {
    auth: "stealth/v1/auth",
    ca: "stealth/v1/ca",
    fingerprint: "stealth/v1/fingerprint",
    host: "stealth/v1/host",
  });
});

Deno.test('deriveKey() is HKDF-SHA256 with salt "stealth" and the label', async () => {
  await fc.assert(
    fc.asyncProperty(
      keyArbitrary,
      fc.constantFrom<Label>(...Object.values(LABELS)),
      fc.integer({ min: 1, max: 64 }),
      async (key, label, length) => {
        assert.deepEqual(deriveKey(key, label, length), await webCryptoDerive(key, label, length));
      },
    ),
    { numRuns: 50 },
  );
});

Deno.test("deriveKey() gives 32 different bytes for each label", () => {
  fc.assert(
    fc.property(keyArbitrary, (key) => {
      const derived = Object.values(LABELS).map((label) => deriveKey(key, label));
      for (const bytes of derived) assert.equal(bytes.length, 32);
      const hex = new Set(derived.map((b) => Array.from(b).join(",")));
      hex.add(Array.from(keyBytes(key)).join(","));
      assert.equal(hex.size, derived.length + 1);
    }),
  );
});
