/**
 * Addresses as limits see them: an IPv4 address is one party, an IPv6 /64
 * is one party (whoever has one address has the whole /64).
 *
 * @module
 */

import { formatRange, parseAddress, rangeAround } from "./ip_range.ts";

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
  const parsed = parseAddress(plain);
  if (parsed === undefined || parsed.family === 4) return plain;
  return formatRange(rangeAround(parsed, 64));
}
