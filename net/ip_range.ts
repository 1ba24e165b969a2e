/**
 * IP addresses and CIDR ranges as numbers, the one place stealth reads
 * them: bans, per-address limits, the registry's subnet check. IPv4 and
 * IPv6; an IPv4-mapped IPv6 address is read as the IPv4 address it carries;
 * brackets and zone ids are ignored.
 *
 * @module
 */

import { isIPv4, isIPv6 } from "node:net";

/** An address or range: its family, its value, its prefix length (32 or 128 for one address). */
export interface IpRange {
  /** 4 or 6. */
  family: 4 | 6;
  /** The (masked) address as a number. */
  value: bigint;
  /** Leading bits that must match. */
  prefix: number;
}

const MAPPED_V4 = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i;

/** The address, or undefined when `text` is not one. */
export function parseAddress(text: string): IpRange | undefined {
  let plain = text.trim().replace(/^\[(.*)\]$/, "$1").replace(/%.*$/, "");
  const mapped = MAPPED_V4.exec(plain);
  if (mapped) plain = mapped[1]!;
  if (isIPv4(plain)) {
    const value = plain.split(".").reduce((n, part) => (n << 8n) | BigInt(Number(part)), 0n);
    return { family: 4, value, prefix: 32 };
  }
  if (isIPv6(plain)) return { family: 6, value: ipv6Value(plain), prefix: 128 };
  return undefined;
}

/** The range of `ADDRESS/PREFIX` with the host bits cleared, or undefined. */
export function parseCidr(text: string): IpRange | undefined {
  const match = /^(.+)\/(\d{1,3})$/.exec(text.trim());
  if (match === null) return undefined;
  const address = parseAddress(match[1]!);
  if (address === undefined) return undefined;
  let prefix = Number(match[2]);
  const { family } = address;
  // "::ffff:10.0.0.0/104" is "10.0.0.0/8".
  if (family === 4 && !isIPv4(match[1]!.trim())) {
    if (prefix < 96) return undefined;
    prefix -= 96;
  }
  const bits = family === 4 ? 32 : 128;
  if (prefix > bits) return undefined;
  return { family, value: address.value & mask(bits, prefix), prefix };
}

/** The range of `prefix` leading bits around `address` (its /24, its /64...). */
export function rangeAround(address: IpRange, prefix: number): IpRange {
  const bits = address.family === 4 ? 32 : 128;
  const clamped = Math.max(0, Math.min(bits, prefix));
  return { family: address.family, value: address.value & mask(bits, clamped), prefix: clamped };
}

/** Whether `address` falls in `range`. */
export function inRange(range: IpRange, address: IpRange): boolean {
  if (range.family !== address.family) return false;
  const bits = range.family === 4 ? 32 : 128;
  return (address.value & mask(bits, range.prefix)) === range.value;
}

/** The range as text: `10.0.0.0/8`, `2001:db8::/32`, or the bare address for a full prefix. */
export function formatRange(range: IpRange): string {
  const full = range.prefix === (range.family === 4 ? 32 : 128);
  const address = range.family === 4 ? formatIPv4(range.value) : formatIPv6(range.value);
  return full ? address : `${address}/${range.prefix}`;
}

function mask(bits: number, prefix: number): bigint {
  const all = (1n << BigInt(bits)) - 1n;
  return all ^ ((1n << BigInt(bits - prefix)) - 1n);
}

function ipv6Value(address: string): bigint {
  let text = address.toLowerCase();
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
  return [...left, ...zeros, ...right].reduce((n, group) => (n << 16n) | BigInt(`0x${group}`), 0n);
}

function formatIPv4(value: bigint): string {
  return [24n, 16n, 8n, 0n].map((shift) => String((value >> shift) & 255n)).join(".");
}

/** RFC 5952: lower case, no leading zeros, the longest run of two or more zero groups as `::`. */
function formatIPv6(value: bigint): string {
  const groups: number[] = [];
  for (let shift = 112n; shift >= 0n; shift -= 16n) groups.push(Number((value >> shift) & 0xffffn));
  let bestStart = -1;
  let bestLength = 1;
  for (let i = 0; i < 8;) {
    if (groups[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && groups[j] === 0) j++;
    if (j - i > bestLength) {
      bestStart = i;
      bestLength = j - i;
    }
    i = j;
  }
  const hex = groups.map((g) => g.toString(16));
  if (bestStart < 0) return hex.join(":");
  const left = hex.slice(0, bestStart).join(":");
  const right = hex.slice(bestStart + bestLength).join(":");
  return `${left}::${right}`;
}
