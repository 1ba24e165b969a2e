import assert from "node:assert/strict";
import fc from "fast-check";
import {
  authKey,
  deriveKey,
  generateKey,
  hostAuthKey,
  keyBytes,
  LABELS,
  makeProof,
  parseKey,
  type ProofDirection,
  verifyProof,
} from "../../crypto/mod.ts";

const encoder = new TextEncoder();
const nonce = () => crypto.getRandomValues(new Uint8Array(32));
const nonceArbitrary = fc.uint8Array({ minLength: 32, maxLength: 32 });
const directionArbitrary = fc.constantFrom<ProofDirection>("client", "server", "host");

/** The proof of DESIGN.md computed with WebCrypto, independently of the module. */
async function webCryptoProof(
  key: Uint8Array,
  parts: (string | Uint8Array)[],
): Promise<Uint8Array> {
  const bytes = parts.map((p) => typeof p === "string" ? encoder.encode(p) : p);
  const message = new Uint8Array(bytes.reduce((n, b) => n + b.length, 0));
  let offset = 0;
  for (const b of bytes) {
    message.set(b, offset);
    offset += b.length;
  }
  const hmacKey = await crypto.subtle.importKey(
    "raw",
    key.slice(),
    { name: "HMAC", hash: "SHA-256" },
    false,
    ["sign"],
  );
  return new Uint8Array(await crypto.subtle.sign("HMAC", hmacKey, message));
}

Deno.test("makeProof() is the HMAC of DESIGN.md's fields, in their order", async () => {
  const key = authKey(parseKey(generateKey()));
  const serverNonce = nonce();
  const clientNonce = nonce();
  assert.deepEqual(
    makeProof(key, "client", "server", serverNonce, clientNonce, "alice"),
    await webCryptoProof(key, ["stealth/v1/client", "server", serverNonce, clientNonce, "alice"]),
  );
  assert.deepEqual(
    makeProof(key, "server", "server", clientNonce, serverNonce),
    await webCryptoProof(key, ["stealth/v1/server", "server", clientNonce, serverNonce]),
  );
  const hostKey = hostAuthKey(parseKey(generateKey()));
  assert.deepEqual(
    makeProof(hostKey, "host", "server", serverNonce, clientNonce, "bob ✓"),
    await webCryptoProof(hostKey, ["stealth/v1/host", "server", serverNonce, clientNonce, "bob ✓"]),
  );
  assert.equal(makeProof(key, "client", "registry", serverNonce, clientNonce).length, 32);
});

Deno.test("makeProof() treats a missing nick as the empty nick", () => {
  const key = authKey(parseKey(generateKey()));
  const [a, b] = [nonce(), nonce()];
  assert.deepEqual(
    makeProof(key, "server", "p2p", a, b),
    makeProof(key, "server", "p2p", a, b, ""),
  );
});

Deno.test("verifyProof() accepts the proof both sides compute from the same key", () => {
  const keyText = generateKey();
  // Each side parses its own copy of the key text and derives the auth key itself.
  const clientSide = authKey(parseKey(keyText));
  const serverSide = authKey(parseKey(keyText));
  const serverNonce = nonce();
  const clientNonce = nonce();
  const sent = makeProof(clientSide, "client", "server", serverNonce, clientNonce, "alice");
  assert.ok(
    verifyProof(makeProof(serverSide, "client", "server", serverNonce, clientNonce, "alice"), sent),
  );
  const answer = makeProof(serverSide, "server", "server", clientNonce, serverNonce);
  assert.ok(
    verifyProof(makeProof(clientSide, "server", "server", clientNonce, serverNonce), answer),
  );
  // A server's answer cannot be replayed as a client's proof: the direction is part of it.
  assert.ok(
    !verifyProof(makeProof(serverSide, "client", "server", clientNonce, serverNonce), answer),
  );
});

Deno.test("verifyProof() refuses a proof with any field changed", () => {
  fc.assert(
    fc.property(
      fc.uint8Array({ minLength: 32, maxLength: 32 }),
      directionArbitrary,
      fc.constantFrom("server", "registry", "p2p"),
      nonceArbitrary,
      nonceArbitrary,
      fc.string({ maxLength: 20 }),
      fc.nat(255),
      (key, direction, role, first, second, nick, bit) => {
        const expected = makeProof(key, direction, role, first, second, nick);
        const flipped = expected.slice();
        flipped[bit >> 3]! ^= 1 << (bit & 7);
        assert.ok(verifyProof(expected, expected.slice()));
        assert.ok(!verifyProof(expected, flipped));

        const other = (d: ProofDirection) => d === "client" ? "server" : "client";
        const variants = [
          makeProof(key, other(direction), role, first, second, nick),
          makeProof(key, direction, role + "x", first, second, nick),
          makeProof(key, direction, role, first, second, nick + "x"),
          makeProof(key, direction, role, second, first, nick),
          makeProof(key.map((b, i) => i === 0 ? b ^ 1 : b), direction, role, first, second, nick),
        ];
        for (const variant of variants) {
          // Swapping two equal nonces changes nothing; fast-check may draw them.
          if (variant === variants[3] && first.every((b, i) => b === second[i])) continue;
          assert.ok(!verifyProof(expected, variant));
        }
      },
    ),
  );
});

Deno.test("verifyProof() returns false, without throwing, for other lengths", () => {
  const proof = makeProof(new Uint8Array(32), "client", "server", nonce(), nonce(), "a");
  assert.equal(verifyProof(proof, proof.subarray(0, 31)), false);
  assert.equal(verifyProof(proof, new Uint8Array([...proof, 0])), false);
  assert.equal(verifyProof(proof, new Uint8Array(0)), false);
  assert.equal(verifyProof(new Uint8Array(0), new Uint8Array(0)), false);
  assert.equal(verifyProof(proof, "not bytes" as unknown as Uint8Array), false);
});

Deno.test("makeProof() throws TypeError for an unknown direction", () => {
  assert.throws(
    () => makeProof(new Uint8Array(32), "admin" as ProofDirection, "server", nonce(), nonce()),
    TypeError,
  );
});

Deno.test("authKey() and hostAuthKey() derive distinct keys from their labels", () => {
  const key = parseKey(generateKey());
  assert.deepEqual(authKey(key), deriveKey(key, LABELS.auth));
  assert.deepEqual(hostAuthKey(key), deriveKey(key, LABELS.host));
  assert.notDeepEqual(authKey(key), hostAuthKey(key));
  assert.notDeepEqual(authKey(key), keyBytes(key));
  assert.notDeepEqual(authKey(key), authKey(parseKey(generateKey())));
  assert.equal(authKey(key).length, 32);
  // A host-key proof is not a circle-key proof, even for the same key text.
  const [a, b] = [nonce(), nonce()];
  assert.ok(
    !verifyProof(
      makeProof(authKey(key), "host", "server", a, b, "h"),
      makeProof(hostAuthKey(key), "host", "server", a, b, "h"),
    ),
  );
});
