/**
 * The loopback fix: a server that registered from the registry's own machine
 * (as `stealth up` does) is listed under a loopback address, which means
 * nothing to a member on another machine. Such an entry is shown to a remote
 * lister under an address of this machine that the lister can reach. Pure:
 * the interfaces are passed in.
 *
 * @module
 */

import { isIP } from "node:net";
import { inRange, parseAddress, rangeAround } from "../net/mod.ts";

/** An address of this machine, as `Deno.networkInterfaces()` lists it. */
export interface InterfaceAddress {
  /** The address, e.g. `192.168.1.20` or `fe80::1`. */
  readonly address: string;
  /** The address with its prefix length, e.g. `192.168.1.20/24`. */
  readonly cidr: string;
}

/** What the registry knows of the connection asking for the list. */
export interface Lister {
  /** Where the lister's connection came from. */
  readonly remoteAddress: string;
  /** The address of this machine the lister reached, when the socket tells. */
  readonly localAddress?: string;
}

const MAPPED_V4 = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i;

/** `address` without brackets, zone id or the IPv4-mapped prefix. */
export function plainAddress(address: string): string {
  let text = address.trim();
  if (text.startsWith("[") && text.endsWith("]")) text = text.slice(1, -1);
  text = text.replace(/%.*$/, "");
  const mapped = MAPPED_V4.exec(text);
  return mapped ? mapped[1]! : text;
}

/** Whether `host` names this machine's loopback: `localhost`, 127.0.0.0/8 or `::1`. */
export function isLoopback(host: string): boolean {
  const plain = plainAddress(host).toLowerCase();
  if (plain === "localhost" || plain.endsWith(".localhost")) return true;
  if (isIP(plain) === 4) return plain.startsWith("127.");
  if (isIP(plain) === 6) return parseAddress(plain)?.value === 1n;
  return false;
}

/** Whether `host` is a wildcard listen address (`0.0.0.0`, `::`), not one to list. */
export function isWildcard(host: string): boolean {
  const plain = plainAddress(host);
  return plain === "0.0.0.0" || (isIP(plain) === 6 && parseAddress(plain)?.value === 0n);
}

/**
 * The address of this machine that faces `remote`: the interface whose
 * subnet holds it, the one the kernel answers from. Undefined when the
 * lister is not on a local subnet (behind a router, a NAT): then no local
 * address can be trusted to reach it.
 */
export function addressFacing(
  remote: string,
  interfaces: readonly InterfaceAddress[],
): string | undefined {
  const target = plainAddress(remote);
  const family = isIP(target);
  if (family === 0) return undefined;
  for (const nic of interfaces) {
    const address = plainAddress(nic.address);
    if (isIP(address) !== family || isLoopback(address)) continue;
    const prefix = Number(nic.cidr.slice(nic.cidr.lastIndexOf("/") + 1));
    if (!Number.isInteger(prefix)) continue;
    if (samePrefix(address, target, prefix)) return address;
  }
  return undefined;
}

/**
 * The host to list for an entry registered as `host`, to `lister`: the entry's
 * own host, unless it is a loopback address and the lister is not on this
 * machine — then the lister's local address, else `fallback` (an address of
 * this machine facing the lister), else the loopback host as it was (the
 * client substitutes the name it dialed).
 */
export function listedHost(host: string, lister: Lister, fallback?: string): string {
  if (!isLoopback(host) || isLoopback(lister.remoteAddress)) return host;
  const local = lister.localAddress === undefined ? undefined : plainAddress(lister.localAddress);
  if (local !== undefined && local !== "" && !isLoopback(local) && !isWildcard(local)) return local;
  return fallback ?? host;
}

/**
 * The client's half of the loopback fix: a registry that could not tell which
 * of its addresses the lister used lists loopback hosts as they came; the
 * host name the client dialed reaches the same machine.
 */
export function substituteLoopback<T extends { host: string }>(entries: T[], dialed: string): T[] {
  if (isLoopback(dialed)) return entries;
  const host = plainAddress(dialed);
  return entries.map((entry) => isLoopback(entry.host) ? { ...entry, host } : entry);
}

function samePrefix(a: string, b: string, prefix: number): boolean {
  const x = parseAddress(a);
  const y = parseAddress(b);
  if (x === undefined || y === undefined) return false;
  const bits = x.family === 4 ? 32 : 128;
  if (prefix < 0 || prefix > bits) return false;
  return inRange(rangeAround(x, prefix), y);
}
