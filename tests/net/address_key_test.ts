import assert from "node:assert/strict";
import { addressKey, displayAddress } from "../../net/_address_key.ts";

Deno.test("addressKey() keeps an IPv4 address", () => {
  assert.equal(addressKey("192.0.2.7"), "192.0.2.7");
});

Deno.test("addressKey() turns an IPv4-mapped IPv6 address into IPv4", () => {
  assert.equal(addressKey("::ffff:192.0.2.7"), "192.0.2.7");
  assert.equal(displayAddress("::FFFF:192.0.2.7"), "192.0.2.7");
});

Deno.test("addressKey() counts IPv6 addresses by their /64", () => {
  assert.equal(addressKey("2001:db8:0:1::5"), "2001:db8:0:1::/64");
  assert.equal(addressKey("2001:0db8:0000:0001:ffff:0:0:9"), "2001:db8:0:1::/64");
  assert.equal(addressKey("2001:db8::1"), "2001:db8::/64");
  assert.equal(addressKey("::1"), "::/64");
  assert.equal(addressKey("fe80::1%eth0"), "fe80::/64");
  assert.equal(addressKey("64:ff9b::192.0.2.1"), "64:ff9b::/64");
});

Deno.test("addressKey() leaves anything else as it is", () => {
  assert.equal(addressKey("not an address"), "not an address");
  assert.equal(displayAddress(undefined), "unknown");
});
