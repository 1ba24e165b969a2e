import assert from "node:assert/strict";
import { parseHostPort } from "../../registry/mod.ts";

Deno.test("parseHostPort() reads host, host:port and bracketed IPv6", () => {
  const cases: [string, string, number][] = [
    ["pi.local", "pi.local", 5556],
    ["pi.local:7000", "pi.local", 7000],
    [" 192.168.1.20:5557 ", "192.168.1.20", 5557],
    ["192.168.1.20", "192.168.1.20", 5556],
    ["[::1]:5556", "::1", 5556],
    ["[fd00::2]", "fd00::2", 5556],
    ["::1", "::1", 5556],
    ["fe80::1%eth0", "fe80::1%eth0", 5556],
    ["localhost:1", "localhost", 1],
    ["my-pi:65535", "my-pi", 65535],
  ];
  for (const [text, hostname, port] of cases) {
    assert.deepEqual(parseHostPort(text, 5556), { hostname, port }, text);
  }
});

Deno.test("parseHostPort() refuses bad input with one clear line", () => {
  const syntax = [
    "",
    "  ",
    ":5556",
    "pi.local:",
    "pi.local:abc",
    "[::1",
    "[::1]5556",
    "[pi]:1",
    "fd00::2:5556:x",
    "pi local",
    "http://pi.local",
    "pi.local:-1",
    "[::1]:",
  ];
  for (const text of syntax) {
    assert.throws(() => parseHostPort(text, 5556), SyntaxError, JSON.stringify(text));
  }
  for (const text of ["pi.local:0", "pi.local:65536", "[::1]:99999"]) {
    assert.throws(() => parseHostPort(text, 5556), RangeError, text);
  }
  assert.throws(
    () => parseHostPort("pi.local:abc", 5556),
    (error: Error) => !error.message.includes("\n") && /HOST\[:PORT\]/.test(error.message),
  );
});
