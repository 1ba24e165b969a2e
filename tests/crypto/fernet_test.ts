import assert from "node:assert/strict";
import { Buffer } from "node:buffer";
import { createCipheriv, createHmac } from "node:crypto";
import fc from "fast-check";
import {
  fernetDecrypt,
  fernetEncrypt,
  FernetError,
  type FernetErrorReason,
  fernetTimestamp,
  generateKey,
  keyBytes,
  parseKey,
  SecretKey,
} from "../../crypto/mod.ts";

interface GenerateVector {
  token: string;
  now: string;
  iv: number[];
  src: string;
  secret: string;
}
interface VerifyVector {
  token: string;
  now: string;
  ttl_sec: number;
  src: string;
  secret: string;
}
interface InvalidVector {
  desc: string;
  token: string;
  now: string;
  ttl_sec: number;
  secret: string;
}

const SPEC_FILES = ["generate.json", "verify.json", "invalid.json"];
/** The in-repo copy, so a clean clone tests the same vectors. */
const LOCAL_SPEC = new URL("./fernet-spec/", import.meta.url);
/** The shared original next to the repo, when this checkout has one. */
const SHARED_SPEC = new URL("../../../shared/fernet-spec/", import.meta.url);

async function loadVectors<T>(name: string): Promise<T[]> {
  return JSON.parse(await Deno.readTextFile(new URL(name, LOCAL_SPEC)));
}

async function exists(url: URL): Promise<boolean> {
  try {
    await Deno.stat(url);
    return true;
  } catch {
    return false;
  }
}

/** The reason each official invalid vector must be refused with. */
const INVALID_REASONS: Record<string, FernetErrorReason> = {
  "incorrect mac": "mac",
  "too short": "malformed",
  "invalid base64": "malformed",
  "payload size not multiple of block size": "malformed",
  "payload padding error": "padding",
  "far-future TS (unacceptable clock skew)": "future",
  "expired TTL": "expired",
  "incorrect IV (causes padding error)": "padding",
};

const REASONS: FernetErrorReason[] = [
  "malformed",
  "version",
  "mac",
  "expired",
  "future",
  "padding",
];

const keyArbitrary = fc.uint8Array({ minLength: 32, maxLength: 32 }).map((b) => new SecretKey(b));
/** Epoch milliseconds from 1970 to the year 3000. */
const nowArbitrary = fc.integer({ min: 0, max: 32_503_680_000_000 });

function decodeToken(token: string): Uint8Array {
  return new Uint8Array(Buffer.from(token, "base64url"));
}

function encodeToken(bytes: Uint8Array): string {
  const text = Buffer.from(bytes).toString("base64url");
  return text + "=".repeat((4 - text.length % 4) % 4);
}

/** A token signed with `key`'s signing half over exactly these blocks, built without the module. */
function signedToken(key: SecretKey, seconds: number, iv: Uint8Array, blocks: Uint8Array): string {
  const header = new Uint8Array(25);
  header[0] = 0x80;
  new DataView(header.buffer).setBigUint64(1, BigInt(seconds));
  header.set(iv, 9);
  const mac = createHmac("sha256", keyBytes(key).subarray(0, 16)).update(header).update(blocks)
    .digest();
  return encodeToken(Buffer.concat([header, blocks, mac]));
}

function assertRefused(fn: () => unknown, reason: FernetErrorReason): void {
  assert.throws(fn, (error: unknown) => {
    assert.ok(error instanceof FernetError, `expected FernetError, got ${error}`);
    assert.equal(error.reason, reason);
    return true;
  });
}

Deno.test("fernet-spec copies in the repo match the shared originals", {
  ignore: !(await exists(SHARED_SPEC)),
}, async () => {
  for (const name of SPEC_FILES) {
    assert.equal(
      await Deno.readTextFile(new URL(name, LOCAL_SPEC)),
      await Deno.readTextFile(new URL(name, SHARED_SPEC)),
      name,
    );
  }
});

Deno.test("fernetEncrypt() reproduces every generate.json vector", async () => {
  const vectors = await loadVectors<GenerateVector>("generate.json");
  assert.ok(vectors.length > 0);
  for (const vector of vectors) {
    const token = fernetEncrypt(parseKey(vector.secret), vector.src, {
      now: Date.parse(vector.now),
      iv: new Uint8Array(vector.iv),
    });
    assert.equal(token, vector.token);
  }
});

Deno.test("fernetDecrypt() accepts every verify.json vector", async () => {
  const vectors = await loadVectors<VerifyVector>("verify.json");
  assert.ok(vectors.length > 0);
  for (const vector of vectors) {
    const plaintext = fernetDecrypt(parseKey(vector.secret), vector.token, {
      now: Date.parse(vector.now),
      ttlSeconds: vector.ttl_sec,
    });
    assert.equal(new TextDecoder().decode(plaintext), vector.src);
  }
});

Deno.test("fernetDecrypt() refuses every invalid.json vector for its reason", async () => {
  const vectors = await loadVectors<InvalidVector>("invalid.json");
  assert.equal(vectors.length, Object.keys(INVALID_REASONS).length);
  for (const vector of vectors) {
    const reason = INVALID_REASONS[vector.desc];
    assert.ok(reason !== undefined, `no expected reason for "${vector.desc}"`);
    assertRefused(
      () =>
        fernetDecrypt(parseKey(vector.secret), vector.token, {
          now: Date.parse(vector.now),
          ttlSeconds: vector.ttl_sec,
        }),
      reason,
    );
  }
});

Deno.test("fernetDecrypt() returns what fernetEncrypt() encrypted, bytes or text", () => {
  fc.assert(
    fc.property(keyArbitrary, fc.uint8Array({ maxLength: 300 }), nowArbitrary, (key, data, now) => {
      const token = fernetEncrypt(key, data, { now });
      assert.deepEqual(fernetDecrypt(key, token, { now, ttlSeconds: 0 }), data);
    }),
  );
  fc.assert(
    fc.property(keyArbitrary, fc.string({ unit: "grapheme", maxLength: 100 }), (key, text) => {
      const token = fernetEncrypt(key, text);
      assert.equal(new TextDecoder().decode(fernetDecrypt(key, token)), text);
    }),
  );
});

Deno.test("fernetEncrypt() writes padded base64url with version 0x80 and a fresh IV", () => {
  const key = parseKey(generateKey());
  const tokens = new Set<string>();
  for (let length = 0; length < 40; length++) {
    const token = fernetEncrypt(key, new Uint8Array(length), { now: 1_000_000 });
    assert.match(token, /^[A-Za-z0-9_-]+={0,2}$/);
    assert.equal(token.length % 4, 0);
    const bytes = decodeToken(token);
    assert.equal(bytes[0], 0x80);
    assert.equal(new DataView(bytes.buffer).getBigUint64(1), 1000n);
    assert.equal(bytes.length, 25 + (Math.floor(length / 16) + 1) * 16 + 32);
    tokens.add(Buffer.from(bytes.subarray(9, 25)).toString("hex"));
  }
  assert.equal(tokens.size, 40);
});

Deno.test("fernetDecrypt() accepts a token with its padding removed", () => {
  const key = parseKey(generateKey());
  for (let length = 0; length < 6; length++) {
    const token = fernetEncrypt(key, "x".repeat(length));
    assert.equal(
      new TextDecoder().decode(fernetDecrypt(key, token.replace(/=+$/, ""))),
      "x".repeat(length),
    );
  }
});

Deno.test("fernetDecrypt() refuses a token made with another key", () => {
  const token = fernetEncrypt(parseKey(generateKey()), "hello");
  assertRefused(() => fernetDecrypt(parseKey(generateKey()), token), "mac");
});

Deno.test("fernetDecrypt() refuses characters outside base64url", () => {
  const key = parseKey(generateKey());
  let token = "";
  for (let i = 0; !/[-_]/.test(token); i++) {
    assert.ok(i < 100, "no token with - or _ in 100 tries");
    token = fernetEncrypt(key, "hello");
  }
  const standard = token.replaceAll("-", "+").replaceAll("_", "/");
  assertRefused(() => fernetDecrypt(key, standard), "malformed");
  for (const bad of [` ${token}`, `${token}\n`, `${token}=`, `${token.slice(0, 20)}.${token}`]) {
    assertRefused(() => fernetDecrypt(key, bad), "malformed");
  }
  assertRefused(() => fernetDecrypt(key, ""), "malformed");
  assertRefused(() => fernetDecrypt(key, token.slice(0, -3) + "="), "malformed");
});

Deno.test("fernetDecrypt() refuses a first byte other than 0x80", () => {
  const key = parseKey(generateKey());
  const bytes = decodeToken(fernetEncrypt(key, "hello"));
  for (const version of [0x00, 0x7f, 0x81, 0xff]) {
    bytes[0] = version;
    assertRefused(() => fernetDecrypt(key, encodeToken(bytes)), "version");
  }
});

Deno.test("fernetDecrypt() refuses a token that lacks a whole cipher block", () => {
  const key = parseKey(generateKey());
  const iv = new Uint8Array(16);
  // Correctly signed, but with no ciphertext or half a block: only the length can refuse them.
  assertRefused(() => fernetDecrypt(key, signedToken(key, 0, iv, new Uint8Array(0))), "malformed");
  assertRefused(() => fernetDecrypt(key, signedToken(key, 0, iv, new Uint8Array(8))), "malformed");
  assertRefused(() => fernetDecrypt(key, encodeToken(new Uint8Array([0x80]))), "malformed");
});

Deno.test("fernetDecrypt() checks the time to live and the clock skew at their edges", () => {
  const key = parseKey(generateKey());
  const made = 1_700_000_000_000;
  const token = fernetEncrypt(key, "hi", { now: made });
  const decrypt = (now: number, ttlSeconds?: number) =>
    new TextDecoder().decode(fernetDecrypt(key, token, { now, ttlSeconds }));

  assert.equal(decrypt(made + 60_999, 60), "hi");
  assertRefused(() => decrypt(made + 61_000, 60), "expired");
  assert.equal(decrypt(made - 60_000, 60), "hi");
  assertRefused(() => decrypt(made - 61_000, 60), "future");
  // Without a TTL, as in Python, time is not checked: a member whose clock is off stays readable.
  assert.equal(decrypt(made + 10 ** 12), "hi");
  assert.equal(decrypt(made - 10 ** 9), "hi");
});

Deno.test("fernetDecrypt() verifies the HMAC before the timestamp", () => {
  const key = parseKey(generateKey());
  const bytes = decodeToken(fernetEncrypt(key, "hello", { now: 1_700_000_000_000 }));
  // Moving the unsigned-looking timestamp far into the past or future breaks the HMAC.
  for (const seconds of [0n, 2n ** 63n]) {
    new DataView(bytes.buffer).setBigUint64(1, seconds);
    assertRefused(
      () => fernetDecrypt(key, encodeToken(bytes), { now: 1_700_000_000_000, ttlSeconds: 60 }),
      "mac",
    );
  }
});

Deno.test("fernetDecrypt() refuses every single flipped bit", () => {
  const key = parseKey(generateKey());
  const original = decodeToken(fernetEncrypt(key, "a message of some length"));
  fc.assert(
    fc.property(fc.nat(original.length * 8 - 1), (bit) => {
      const bytes = original.slice();
      bytes[bit >> 3]! ^= 1 << (bit & 7);
      assertRefused(() => fernetDecrypt(key, encodeToken(bytes)), bit < 8 ? "version" : "mac");
    }),
    { numRuns: 300 },
  );
});

Deno.test("fernetDecrypt() checks the padding of a correctly signed token", () => {
  const key = parseKey(generateKey());
  const iv = new Uint8Array(16).fill(7);
  const encryptRaw = (plain: Uint8Array) => {
    const cipher = createCipheriv("aes-128-cbc", keyBytes(key).subarray(16), iv)
      .setAutoPadding(false);
    return new Uint8Array(Buffer.concat([cipher.update(plain), cipher.final()]));
  };
  const good = new Uint8Array(16).fill(16);
  assert.deepEqual(
    fernetDecrypt(key, signedToken(key, 0, iv, encryptRaw(good))),
    new Uint8Array(0),
  );
  const twoGood = new Uint8Array(32).fill(65);
  twoGood.fill(3, 29);
  assert.deepEqual(
    fernetDecrypt(key, signedToken(key, 0, iv, encryptRaw(twoGood))),
    twoGood.subarray(0, 29),
  );
  for (const last of [0, 17, 255]) {
    const bad = new Uint8Array(16).fill(1);
    bad[15] = last;
    assertRefused(() => fernetDecrypt(key, signedToken(key, 0, iv, encryptRaw(bad))), "padding");
  }
  const inconsistent = new Uint8Array(16).fill(4);
  inconsistent[13] = 5;
  assertRefused(
    () => fernetDecrypt(key, signedToken(key, 0, iv, encryptRaw(inconsistent))),
    "padding",
  );
});

Deno.test("fernetDecrypt() throws only FernetError for any string", () => {
  const key = parseKey(generateKey());
  const valid = fernetEncrypt(key, "hello");
  const check = (token: string) => {
    try {
      fernetDecrypt(key, token, { ttlSeconds: 60 });
      // Only a mutation that decodes to the same bytes can pass; then the text is intact.
      assert.equal(new TextDecoder().decode(fernetDecrypt(key, token)), "hello");
    } catch (error) {
      assert.ok(error instanceof FernetError, `threw ${error}`);
      assert.ok(REASONS.includes(error.reason));
    }
  };
  fc.assert(fc.property(fc.string({ unit: "binary", maxLength: 200 }), check), { numRuns: 500 });
  fc.assert(
    fc.property(fc.stringMatching(/^[A-Za-z0-9_-]{0,200}={0,3}$/), check),
    { numRuns: 500 },
  );
  fc.assert(
    fc.property(
      fc.uint8Array({ maxLength: 200 }).map((b) => encodeToken(Uint8Array.of(0x80, ...b))),
      check,
    ),
    { numRuns: 500 },
  );
  fc.assert(
    fc.property(
      fc.nat(valid.length),
      fc.nat(valid.length),
      fc.string({ unit: "binary", maxLength: 4 }),
      (start, count, insert) => {
        check(valid.slice(0, start) + insert + valid.slice(start + count));
      },
    ),
    { numRuns: 500 },
  );
  assertRefused(() => fernetDecrypt(key, undefined as unknown as string), "malformed");
  assertRefused(() => fernetDecrypt(key, 42 as unknown as string), "malformed");
});

Deno.test("fernetDecrypt() and fernetEncrypt() throw RangeError for unusable options", () => {
  const key = parseKey(generateKey());
  const token = fernetEncrypt(key, "x");
  for (const ttlSeconds of [-1, NaN, Infinity]) {
    assert.throws(() => fernetDecrypt(key, token, { ttlSeconds }), RangeError);
  }
  for (const now of [-1, NaN, Infinity, 2 ** 64 * 1000]) {
    assert.throws(() => fernetDecrypt(key, token, { now }), RangeError);
    assert.throws(() => fernetEncrypt(key, "x", { now }), RangeError);
  }
  assert.throws(() => fernetEncrypt(key, "x", { iv: new Uint8Array(15) }), RangeError);
});

Deno.test("FernetError has its name and reason and never shows the token", () => {
  const key = parseKey(generateKey());
  const token = fernetEncrypt(parseKey(generateKey()), "secret words");
  try {
    fernetDecrypt(key, token);
    assert.fail("decrypted with the wrong key");
  } catch (error) {
    assert.ok(error instanceof FernetError);
    assert.ok(error instanceof Error);
    assert.equal(error.name, "FernetError");
    assert.equal(error.reason, "mac");
    assert.ok(!error.message.includes(token.slice(0, 20)));
    assert.ok(!error.message.includes("secret words"));
  }
});

Deno.test("fernetTimestamp() reads the time of a well-formed token without a key", async () => {
  const [vector] = await loadVectors<GenerateVector>("generate.json");
  assert.equal(fernetTimestamp(vector!.token), Date.parse(vector!.now));
  fc.assert(
    fc.property(keyArbitrary, nowArbitrary, (key, now) => {
      assert.equal(
        fernetTimestamp(fernetEncrypt(key, "x", { now })),
        Math.floor(now / 1000) * 1000,
      );
    }),
  );
  const bytes = decodeToken(vector!.token);
  bytes[0] = 0x81;
  for (const bad of ["", "%%%", "gAAAAAAdwJ6w", encodeToken(bytes), `${vector!.token} `]) {
    assert.equal(fernetTimestamp(bad), undefined, bad);
  }
});
