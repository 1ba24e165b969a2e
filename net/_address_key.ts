/**
 * Addresses as limits see them: an IPv4 address is one party, an IPv6 /64
 * is one party (whoever has one address has the whole /64).
 *
 * @module
 */

import { isIPv4, isIPv6 } from "node:net";

const MAPPED_V4 = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i;

/** The peer's address as people read it: IPv4-mapped IPv6 becomes IPv4, zone ids stay. */
export function displayAddress(address: string | undefined): string {
  if (address === undefined) return "unknown";
  const mapped = MAPPED_V4.exec(address);
  return mapped ? mapped[1]! : address;
}

/**
 * The key under which per-address limits count `address`: IPv4 as is
 * (mapped IPv6 included), IPv6 as its /64 prefix (`2001:db8:0:1::/64`),
 * anything else as is.
 */
export function addressKey(address: string): string {
  const plain = displayAddress(address);
  if (isIPv4(plain)) return plain;
  const bare = plain.replace(/%.*$/, "");
  if (!isIPv6(bare)) return plain;
  const groups = expandIPv6(bare);
  return `${groups.slice(0, 4).join(":")}::/64`;
}

/** The eight groups of an IPv6 address, lower case without leading zeros. */
function expandIPv6(address: string): string[] {
  let text = address.toLowerCase();
  // An embedded IPv4 tail (::1.2.3.4) becomes two groups.
  const v4 = /(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(text);
  if (v4) {
    const [a, b, c, d] = v4.slice(1).map(Number) as [number, number, number, number];
    text = text.slice(0, v4.index) +
      `${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head, tail] = text.split("::") as [string, string | undefined];
  const left = head === "" ? [] : head.split(":");
  const right = tail === undefined || tail === "" ? [] : tail.split(":");
  const zeros = tail === undefined ? [] : Array(8 - left.length - right.length).fill("0");
  return [...left, ...zeros, ...right].map((group) => parseInt(group, 16).toString(16));
}
