/**
 * The host's bans: by nick (compared as the room compares nicks), by
 * address, or by CIDR range (IPv4 and IPv6), each until a time or until
 * lifted. Pure: time comes from an injected clock, and nothing here touches
 * a socket or a file (the glue persists {@linkcode BanList.list} when asked
 * to, through `onChange`).
 *
 * @module
 */

import { type BanEntry, NICK_PATTERN, nickKey } from "../protocol/mod.ts";
import { formatRange, inRange, type IpRange, parseAddress, parseCidr } from "../net/mod.ts";

/** A ban, as listed to the host and kept in `--bans FILE`. */
export type Ban = BanEntry;

/** What a ban is on. */
export type BanKind = Ban["kind"];

/** Default most bans at once. */
export const DEFAULT_MAX_BANS = 10_000;

/** A ban target, read. */
export interface BanTarget {
  /** What it is. */
  kind: BanKind;
  /** Its normal form: the NFC nick, the address, the range with host bits cleared. */
  target: string;
  /** For a nick: its comparison key. */
  key?: string;
  /** For an address or range: its numbers. */
  range?: IpRange;
}

/**
 * Reads what the host typed after `/ban`: an IP address (IPv4, IPv6,
 * IPv4-mapped), a CIDR range, or else a nick; undefined for anything else.
 * A text that reads as an address is an address, never a nick.
 */
export function parseBanTarget(text: string): BanTarget | undefined {
  const trimmed = text.trim();
  if (trimmed.includes("/")) {
    const range = parseCidr(trimmed);
    if (range === undefined) return undefined;
    const full = range.prefix === (range.family === 4 ? 32 : 128);
    return { kind: full ? "address" : "cidr", target: formatRange(range), range };
  }
  const address = parseAddress(trimmed);
  if (address !== undefined) {
    return { kind: "address", target: formatRange(address), range: address };
  }
  const nick = trimmed.normalize("NFC");
  if (!NICK_PATTERN.test(nick)) return undefined;
  return { kind: "nick", target: nick, key: nickKey(nick) };
}

/** Settings of a {@linkcode BanList}. */
export interface BanListOptions {
  /** Milliseconds since the epoch. */
  clock: () => number;
  /** Bans to start with (from `--bans FILE`); expired or unreadable ones are skipped. */
  bans?: readonly Ban[];
  /** Most bans at once (default {@linkcode DEFAULT_MAX_BANS}). */
  maxBans?: number;
  /** Called after every change (add, lift, expiry), to persist. */
  onChange?: () => void;
}

/** Result of {@linkcode BanList.add}. */
export type AddBanResult =
  | { readonly ok: true; readonly ban: Ban }
  | { readonly ok: false; readonly code: "bad-target" | "too-many-bans" };

interface Entry {
  ban: Ban;
  read: BanTarget;
}

/** The bans in force. */
export class BanList {
  readonly #clock: () => number;
  readonly #maxBans: number;
  /** By normal target, in the order they were made. */
  readonly #entries = new Map<string, Entry>();
  /** Called after every change. */
  onChange: () => void;

  /** Makes a list, with `options.bans` if given. */
  constructor(options: BanListOptions) {
    this.#clock = options.clock;
    this.#maxBans = options.maxBans ?? DEFAULT_MAX_BANS;
    this.onChange = options.onChange ?? (() => {});
    const now = this.#clock();
    for (const ban of options.bans ?? []) {
      const read = parseBanTarget(ban.target);
      if (read === undefined || (ban.until !== undefined && ban.until <= now)) continue;
      if (this.#entries.size >= this.#maxBans) break;
      this.#entries.set(entryKey(read), {
        ban: { ...ban, target: read.target, kind: read.kind },
        read,
      });
    }
  }

  /** Bans in force now. */
  get size(): number {
    this.#prune();
    return this.#entries.size;
  }

  /**
   * Bans `target` for `durationMs` (absent: until lifted), replacing an
   * earlier ban of the same target.
   */
  add(
    target: string | BanTarget,
    options: { durationMs?: number; reason?: string } = {},
  ): AddBanResult {
    const read = typeof target === "string" ? parseBanTarget(target) : target;
    if (read === undefined) return { ok: false, code: "bad-target" };
    const key = entryKey(read);
    this.#prune();
    if (!this.#entries.has(key) && this.#entries.size >= this.#maxBans) {
      return { ok: false, code: "too-many-bans" };
    }
    const now = this.#now();
    const ban: Ban = { target: read.target, kind: read.kind, since: now };
    if (options.durationMs !== undefined) ban.until = now + options.durationMs;
    if (options.reason !== undefined && options.reason !== "") ban.reason = options.reason;
    this.#entries.delete(key);
    this.#entries.set(key, { ban, read });
    this.onChange();
    return { ok: true, ban: { ...ban } };
  }

  /** Lifts the ban of `target` (in any spelling of it); the ban lifted, or undefined. */
  remove(target: string): Ban | undefined {
    const read = parseBanTarget(target);
    if (read === undefined) return undefined;
    this.#prune();
    const key = entryKey(read);
    const entry = this.#entries.get(key);
    if (entry === undefined) return undefined;
    this.#entries.delete(key);
    this.onChange();
    return { ...entry.ban };
  }

  /**
   * The ban in force against a member with this nick at this address, the
   * one that lasts longest when several match; undefined when none does.
   */
  match(nick: string | undefined, address: string | undefined): Ban | undefined {
    this.#prune();
    const key = nick === undefined ? undefined : nickKey(nick);
    const ip = address === undefined ? undefined : parseAddress(address);
    let found: Ban | undefined;
    for (const { ban, read } of this.#entries.values()) {
      if (!targets(read, key, ip)) continue;
      if (found === undefined || lastsLonger(ban, found)) found = ban;
    }
    return found === undefined ? undefined : { ...found };
  }

  /** Whether `target` would catch a member with this nick at this address. */
  static catches(
    target: BanTarget,
    nick: string | undefined,
    address: string | undefined,
  ): boolean {
    const key = nick === undefined ? undefined : nickKey(nick);
    const ip = address === undefined ? undefined : parseAddress(address);
    return targets(target, key, ip);
  }

  /** Milliseconds left of a ban; undefined for one that lasts until lifted. */
  remaining(ban: Ban): number | undefined {
    return ban.until === undefined ? undefined : Math.max(0, ban.until - this.#now());
  }

  /** The bans in force, oldest first. */
  list(): Ban[] {
    this.#prune();
    return [...this.#entries.values()].map((entry) => ({ ...entry.ban }));
  }

  /** Forgets expired bans (calling `onChange` if any); how many went. */
  prune(): number {
    return this.#prune();
  }

  #prune(): number {
    const now = this.#now();
    let gone = 0;
    for (const [key, { ban }] of this.#entries) {
      if (ban.until !== undefined && ban.until <= now) {
        this.#entries.delete(key);
        gone++;
      }
    }
    if (gone > 0) this.onChange();
    return gone;
  }

  #now(): number {
    return Math.max(0, Math.floor(this.#clock()));
  }
}

function entryKey(read: BanTarget): string {
  return read.kind === "nick" ? `nick:${read.key}` : `ip:${read.target}`;
}

function targets(read: BanTarget, key: string | undefined, ip: IpRange | undefined): boolean {
  if (read.kind === "nick") return key !== undefined && read.key === key;
  return ip !== undefined && read.range !== undefined && inRange(read.range, ip);
}

function lastsLonger(a: Ban, b: Ban): boolean {
  if (b.until === undefined) return false;
  return a.until === undefined || a.until > b.until;
}
