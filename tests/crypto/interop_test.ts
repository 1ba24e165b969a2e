/**
 * stealth against Python's `cryptography`: Fernet both ways, key text, HKDF
 * and the fingerprint computed independently.
 */

import assert from "node:assert/strict";
import { Buffer } from "node:buffer";
import {
  deriveKey,
  fernetDecrypt,
  fernetEncrypt,
  FernetError,
  fernetTimestamp,
  fingerprint,
  generateKey,
  keyBytes,
  LABELS,
  parseKey,
} from "../../crypto/mod.ts";
import { findPython, PYTHON_MISSING, runPython } from "./_python.ts";

const python = await findPython();
const required = Deno.env.get("STEALTH_REQUIRE_PYTHON") === "1";
if (python === undefined && !required) {
  console.error(
    `skipping the Python interop tests: no python3 with cryptography — ${PYTHON_MISSING}`,
  );
}

/** A test that needs Python: ignored without it, failing without it when it is required. */
function interopTest(name: string, fn: (python: string) => Promise<void>): void {
  Deno.test({
    name,
    ignore: python === undefined && !required,
    fn: async () => {
      if (python === undefined) throw new Error(PYTHON_MISSING);
      await fn(python);
    },
  });
}

const MESSAGES = ["", "hello", "héllo wörld — ✓ 🔐", "x".repeat(1000)];

interopTest("fernetDecrypt() reads what Python's Fernet encrypts", async (python) => {
  const binary = Buffer.from(crypto.getRandomValues(new Uint8Array(777)));
  const result = await runPython(
    python,
    `
import base64, json, sys
from cryptography.fernet import Fernet
messages = json.load(sys.stdin)
key = Fernet.generate_key()
f = Fernet(key)
tokens = [f.encrypt(base64.b64decode(m)).decode() for m in messages]
print(json.dumps({"key": key.decode(), "tokens": tokens}))
`,
    [...MESSAGES.map((m) => Buffer.from(m).toString("base64")), binary.toString("base64")],
  ) as { key: string; tokens: string[] };

  const key = parseKey(result.key);
  const texts = result.tokens.slice(0, MESSAGES.length);
  texts.forEach((token, i) => {
    assert.equal(
      new TextDecoder().decode(fernetDecrypt(key, token, { ttlSeconds: 60 })),
      MESSAGES[i],
    );
  });
  assert.deepEqual(fernetDecrypt(key, result.tokens.at(-1)!), new Uint8Array(binary));
  assert.throws(() => fernetDecrypt(parseKey(generateKey()), result.tokens[0]!), FernetError);
});

interopTest("Python's Fernet reads what fernetEncrypt() encrypts, with a TTL", async (python) => {
  const keyText = generateKey();
  const key = parseKey(keyText);
  const now = Date.now();
  const fresh = MESSAGES.map((m) => fernetEncrypt(key, m, { now }));
  const old = fernetEncrypt(key, "old", { now: now - 120_000 });
  const result = await runPython(
    python,
    `
import json, sys
from cryptography.fernet import Fernet, InvalidToken
data = json.load(sys.stdin)
f = Fernet(data["key"].encode())
texts = [f.decrypt(t.encode(), ttl=60).decode() for t in data["fresh"]]
stamps = [f.extract_timestamp(t.encode()) for t in data["fresh"]]
try:
    f.decrypt(data["old"].encode(), ttl=60)
    old = "accepted"
except InvalidToken:
    old = "refused"
print(json.dumps({"texts": texts, "stamps": stamps, "old": old, "oldNoTtl": f.decrypt(data["old"].encode()).decode()}))
`,
    { key: keyText, fresh, old },
  ) as { texts: string[]; stamps: number[]; old: string; oldNoTtl: string };

  assert.deepEqual(result.texts, MESSAGES);
  assert.deepEqual(result.stamps.map((s) => s * 1000), fresh.map(fernetTimestamp));
  assert.equal(result.old, "refused");
  assert.equal(result.oldNoTtl, "old");
});

interopTest("parseKey() reads a key made by Python's Fernet.generate_key()", async (python) => {
  const result = await runPython(
    python,
    `
import base64, json, sys
from cryptography.fernet import Fernet
keys = [Fernet.generate_key() for _ in range(20)]
print(json.dumps([{"text": k.decode(), "hex": base64.urlsafe_b64decode(k).hex()} for k in keys]))
`,
    null,
  ) as { text: string; hex: string }[];

  for (const { text, hex } of result) {
    assert.equal(Buffer.from(keyBytes(parseKey(text))).toString("hex"), hex);
    assert.equal(Buffer.from(keyBytes(parseKey(`${text}\n`))).toString("hex"), hex);
  }
});

interopTest("deriveKey() and fingerprint() match Python's HKDF", async (python) => {
  // The spec's key, so the inputs are fixed, plus fresh keys.
  const keys = ["cw_0x689RpI-jtRR7oE8h_eQsKImvJapLeSbXpwF4e4=", generateKey(), generateKey()];
  const result = await runPython(
    python,
    `
import base64, json, sys
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
data = json.load(sys.stdin)
def derive(key, label):
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=b"stealth", info=label.encode()).derive(key)
out = []
for text in data["keys"]:
    k = base64.urlsafe_b64decode(text)
    n = int.from_bytes(derive(k, "stealth/v1/fingerprint")[:10], "big") % 10**24
    digits = "%024d" % n
    out.append({
        "derived": {label: derive(k, label).hex() for label in data["labels"]},
        "fingerprint": " ".join(digits[i:i + 4] for i in range(0, 24, 4)),
    })
print(json.dumps(out))
`,
    { keys, labels: Object.values(LABELS) },
  ) as { derived: Record<string, string>; fingerprint: string }[];

  keys.forEach((text, i) => {
    const key = parseKey(text);
    for (const label of Object.values(LABELS)) {
      assert.equal(Buffer.from(deriveKey(key, label)).toString("hex"), result[i]!.derived[label]);
    }
    assert.equal(fingerprint(key), result[i]!.fingerprint);
  });
});
