import assert from "node:assert/strict";
import { Buffer } from "node:buffer";
import fc from "fast-check";
import {
  generateKey,
  KEY_TEXT_LENGTH,
  keyBytes,
  KeyError,
  parseKey,
  SecretKey,
} from "../../crypto/mod.ts";

Deno.test("generateKey() makes 44 characters of URL-safe base64 of 32 random bytes", () => {
  const seen = new Set<string>();
  for (let i = 0; i < 100; i++) {
    const text = generateKey();
    assert.equal(text.length, KEY_TEXT_LENGTH);
    assert.match(text, /^[A-Za-z0-9_-]{43}=$/);
    assert.equal(Buffer.from(text, "base64url").length, 32);
    seen.add(text);
  }
  assert.equal(seen.size, 100);
});

Deno.test("parseKey() reads back the bytes of any key text", () => {
  fc.assert(
    fc.property(fc.uint8Array({ minLength: 32, maxLength: 32 }), (bytes) => {
      const text = Buffer.from(bytes).toString("base64url") + "=";
      assert.deepEqual(keyBytes(parseKey(text)), bytes);
      assert.deepEqual(keyBytes(parseKey(`\n ${text}\r\n`)), bytes);
    }),
  );
});

Deno.test("parseKey() throws a one-line KeyError for text that is not a key", () => {
  const key = generateKey();
  const bad = [
    "",
    "   ",
    key.slice(0, 43),
    key + "A",
    key.slice(0, 43) + "A",
    "+" + key.slice(1),
    "/" + key.slice(1),
    key.slice(0, 42) + "B=",
    key.slice(0, 20) + " " + key.slice(21),
  ];
  for (const text of bad) {
    assert.throws(() => parseKey(text), (error: unknown) => {
      assert.ok(error instanceof KeyError);
      assert.equal(error.name, "KeyError");
      assert.ok(!error.message.includes("\n"));
      assert.ok(text.trim() === "" || !error.message.includes(text.trim().slice(0, 16)));
      return true;
    }, JSON.stringify(text));
  }
});

Deno.test("SecretKey never prints its bytes", () => {
  const text = generateKey();
  const key = parseKey(text);
  const hex = Buffer.from(keyBytes(key)).toString("hex");
  const shown = [
    String(key),
    `${key}`,
    JSON.stringify({ key }),
    Deno.inspect(key),
    Deno.inspect({ nested: [key] }, { depth: 10, showHidden: true }),
    JSON.stringify(structuredClone(key)),
    JSON.stringify(Object.getOwnPropertyNames(key)),
    String(Object.getOwnPropertySymbols(key).length),
  ];
  for (const output of shown) {
    assert.ok(!output.includes(text.slice(0, 10)), output);
    assert.ok(!output.includes(hex.slice(0, 10)), output);
  }
  assert.equal(String(key), "[secret key]");
  assert.deepEqual(Object.keys(key), []);
});

Deno.test("SecretKey splits into Fernet's signing and encryption halves", () => {
  const bytes = Uint8Array.from({ length: 32 }, (_, i) => i);
  const key = new SecretKey(bytes);
  assert.deepEqual(key.signingKey, bytes.subarray(0, 16));
  assert.deepEqual(key.encryptionKey, bytes.subarray(16));
});

Deno.test("SecretKey keeps its own copy of the bytes", () => {
  const bytes = new Uint8Array(32).fill(1);
  const key = new SecretKey(bytes);
  bytes.fill(2);
  keyBytes(key).fill(3);
  key.signingKey.fill(4);
  key.encryptionKey.fill(5);
  assert.deepEqual(keyBytes(key), new Uint8Array(32).fill(1));
});

Deno.test("SecretKey() and keyBytes() refuse what is not a key", () => {
  assert.throws(() => new SecretKey(new Uint8Array(31)), RangeError);
  assert.throws(() => new SecretKey(new Uint8Array(33)), RangeError);
  assert.throws(() => new SecretKey([1, 2] as unknown as Uint8Array), TypeError);
  assert.throws(() => keyBytes({} as SecretKey), TypeError);
});
