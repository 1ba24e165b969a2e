import assert from "node:assert/strict";
import { randomId } from "../../crypto/mod.ts";

Deno.test("randomId() is unpadded base64url of the bytes asked for", () => {
  for (const [bytes, length] of [[16, 22], [32, 43], [1, 2], [3, 4]] as const) {
    const id = bytes === 16 ? randomId() : randomId(bytes);
    assert.equal(id.length, length, `${bytes} bytes`);
    assert.match(id, /^[A-Za-z0-9_-]+$/);
  }
});

Deno.test("randomId() does not repeat, and uses every base64url character", () => {
  const ids = new Set<string>();
  const seen = new Set<string>();
  for (let i = 0; i < 2_000; i++) {
    const id = randomId();
    ids.add(id);
    for (const char of id) seen.add(char);
  }
  assert.equal(ids.size, 2_000);
  assert.equal(seen.size, 64, "all of A-Z a-z 0-9 - _ appear in 44,000 characters");
});
