import assert from "node:assert/strict";
import fc from "fast-check";
import { fingerprint, generateKey, keyBytes, parseKey, SecretKey } from "../../crypto/mod.ts";

const keyArbitrary = fc.uint8Array({ minLength: 32, maxLength: 32 }).map((b) => new SecretKey(b));

/** DESIGN.md's fingerprint computed with WebCrypto's HKDF, independently of the module. */
async function webCryptoFingerprint(key: SecretKey): Promise<string> {
  const ikm = await crypto.subtle.importKey("raw", keyBytes(key), "HKDF", false, ["deriveBits"]);
  const bits = await crypto.subtle.deriveBits(
    {
      name: "HKDF",
      hash: "SHA-256",
      salt: new TextEncoder().encode("stealth"),
      info: new TextEncoder().encode("stealth/v1/fingerprint"),
    },
    ikm,
    256,
  );
  return digitsOf(new Uint8Array(bits));
}

/** The first 10 bytes as a big-endian integer mod 10^24, in groups of four digits. */
function digitsOf(bytes: Uint8Array): string {
  const hex = Array.from(bytes.subarray(0, 10), (b) => b.toString(16).padStart(2, "0")).join("");
  const digits = (BigInt(`0x${hex}`) % 10n ** 24n).toString().padStart(24, "0");
  return digits.replace(/(\d{4})(?!$)/g, "$1 ");
}

Deno.test("fingerprint() is six groups of four digits", () => {
  fc.assert(
    fc.property(keyArbitrary, (key) => {
      assert.match(fingerprint(key), /^\d{4}( \d{4}){5}$/);
    }),
  );
});

Deno.test("fingerprint() equals an independent HKDF computation", async () => {
  const keys = [
    parseKey("cw_0x689RpI-jtRR7oE8h_eQsKImvJapLeSbXpwF4e4="),
    new SecretKey(new Uint8Array(32)),
    new SecretKey(new Uint8Array(32).fill(0xff)),
    ...Array.from({ length: 20 }, () => parseKey(generateKey())),
  ];
  for (const key of keys) assert.equal(fingerprint(key), await webCryptoFingerprint(key));
});

Deno.test("fingerprint() is the same for the same key text and differs between keys", () => {
  const text = generateKey();
  assert.equal(fingerprint(parseKey(text)), fingerprint(parseKey(text)));
  const seen = new Set<string>();
  for (let i = 0; i < 200; i++) seen.add(fingerprint(parseKey(generateKey())));
  assert.equal(seen.size, 200);
});

Deno.test("fingerprint() is not computed from the key bytes themselves", async () => {
  await fc.assert(
    fc.asyncProperty(keyArbitrary, async (key) => {
      const raw = keyBytes(key);
      const hash = new Uint8Array(await crypto.subtle.digest("SHA-256", raw));
      assert.notEqual(fingerprint(key), digitsOf(raw));
      assert.notEqual(fingerprint(key), digitsOf(hash));
    }),
    { numRuns: 50 },
  );
});
