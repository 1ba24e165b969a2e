import assert from "node:assert/strict";
import { parseServerAddress } from "../../client/mod.ts";

Deno.test("parseServerAddress() reads HOST and HOST:PORT, port 5555 by default", () => {
  assert.deepEqual(parseServerAddress("pi.local"), { hostname: "pi.local", port: 5555 });
  assert.deepEqual(parseServerAddress("10.0.0.2:6000"), { hostname: "10.0.0.2", port: 6000 });
  assert.deepEqual(parseServerAddress(" pi.local:1 "), { hostname: "pi.local", port: 1 });
});

Deno.test("parseServerAddress() reads IPv6 in brackets, and bare", () => {
  assert.deepEqual(parseServerAddress("[::1]:5600"), { hostname: "::1", port: 5600 });
  assert.deepEqual(parseServerAddress("[fe80::1]"), { hostname: "fe80::1", port: 5555 });
  assert.deepEqual(parseServerAddress("::1"), { hostname: "::1", port: 5555 });
});

Deno.test("parseServerAddress() refuses what is not HOST[:PORT]", () => {
  for (const bad of ["", ":5555", "pi:0", "pi:65536", "pi:http", "[::1", "[::1]5555", "a b"]) {
    assert.throws(() => parseServerAddress(bad), SyntaxError, bad);
  }
});
