import assert from "node:assert/strict";
import {
  addressFacing,
  isLoopback,
  isWildcard,
  listedHost,
  plainAddress,
  substituteLoopback,
} from "../../registry/_listed_host.ts";

const NICS = [
  { address: "127.0.0.1", cidr: "127.0.0.1/8" },
  { address: "192.168.1.20", cidr: "192.168.1.20/24" },
  { address: "10.1.2.3", cidr: "10.1.2.3/16" },
  { address: "::1", cidr: "::1/128" },
  { address: "fd00::2", cidr: "fd00::2/64" },
];

Deno.test("isLoopback() knows 127/8, ::1, mapped and localhost", () => {
  for (const host of ["127.0.0.1", "127.1.2.3", "::1", "[::1]", "::ffff:127.0.0.1", "localhost"]) {
    assert.ok(isLoopback(host), host);
  }
  for (const host of ["192.168.1.20", "::", "fd00::1", "pi.local", "0.0.0.0", "128.0.0.1"]) {
    assert.ok(!isLoopback(host), host);
  }
});

Deno.test("isWildcard() knows 0.0.0.0 and ::", () => {
  assert.ok(isWildcard("0.0.0.0"));
  assert.ok(isWildcard("::"));
  assert.ok(isWildcard("[::]"));
  assert.ok(!isWildcard("127.0.0.1"));
});

Deno.test("plainAddress() drops brackets, zones and the mapped prefix", () => {
  assert.equal(plainAddress("[fe80::1%eth0]"), "fe80::1");
  assert.equal(plainAddress("::ffff:192.168.1.5"), "192.168.1.5");
  assert.equal(plainAddress("pi.local"), "pi.local");
});

Deno.test("addressFacing() picks the interface whose subnet holds the lister", () => {
  assert.equal(addressFacing("192.168.1.77", NICS), "192.168.1.20");
  assert.equal(addressFacing("::ffff:10.1.200.9", NICS), "10.1.2.3");
  assert.equal(addressFacing("fd00::1234", NICS), "fd00::2");
  assert.equal(addressFacing("8.8.8.8", NICS), undefined, "behind a router: no guess");
  assert.equal(addressFacing("fd01::1", NICS), undefined);
  assert.equal(addressFacing("not an address", NICS), undefined);
});

Deno.test("listedHost() replaces a loopback host for a remote lister only", () => {
  const remote = { remoteAddress: "192.168.1.77" };
  assert.equal(listedHost("10.0.0.9", remote, "192.168.1.20"), "10.0.0.9");
  assert.equal(listedHost("127.0.0.1", remote, "192.168.1.20"), "192.168.1.20");
  assert.equal(listedHost("127.0.0.1", remote), "127.0.0.1", "no better address known");
  assert.equal(
    listedHost("::1", { ...remote, localAddress: "::ffff:192.168.1.21" }, "192.168.1.20"),
    "192.168.1.21",
    "the socket's local address wins",
  );
  assert.equal(listedHost("127.0.0.1", { remoteAddress: "127.0.0.1" }, "x"), "127.0.0.1");
});

Deno.test("substituteLoopback() puts the dialed host in loopback entries", () => {
  const entries = [{ host: "127.0.0.1", port: 1 }, { host: "10.0.0.9", port: 2 }];
  assert.deepEqual(substituteLoopback(entries, "pi.local"), [
    { host: "pi.local", port: 1 },
    { host: "10.0.0.9", port: 2 },
  ]);
  assert.deepEqual(substituteLoopback(entries, "[fd00::2]")[0], { host: "fd00::2", port: 1 });
  assert.equal(substituteLoopback(entries, "localhost"), entries);
});
