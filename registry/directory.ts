/**
 * The registry's list of servers, apart from connections: who registered,
 * under what name and address, how many members, up since when, and when it
 * last beat. Pure and synchronous; the clock is injected.
 *
 * @module
 */

import { REGISTRY_ENTRY_TTL_MS, type ServerEntry } from "../protocol/mod.ts";

/** Limits that keep one address from filling the registry. */
export interface DirectoryLimits {
  /** Most entries in all (default 1,000). */
  readonly maxEntries: number;
  /** Most entries from one address (default 16). */
  readonly maxPerAddress: number;
  /** Silence after which an entry dies (default 30 s). */
  readonly ttlMs: number;
}

const DEFAULT_LIMITS: DirectoryLimits = {
  maxEntries: 1_000,
  maxPerAddress: 16,
  ttlMs: REGISTRY_ENTRY_TTL_MS,
};

interface Entry {
  entry: ServerEntry;
  address: string;
  lastBeat: number;
}

/** Why a registration was refused. */
export type RegisterRefusal = "full" | "too-many-from-address";

/**
 * The registry's servers, keyed by the registering connection (one entry per
 * connection; registering again replaces it).
 */
export class Directory {
  #entries = new Map<number, Entry>();
  #clock: () => number;
  #limits: DirectoryLimits;

  /** An empty directory. */
  constructor(clock: () => number, limits: Partial<DirectoryLimits> = {}) {
    this.#clock = clock;
    this.#limits = { ...DEFAULT_LIMITS, ...limits };
    const { maxEntries, maxPerAddress, ttlMs } = this.#limits;
    if (!(maxEntries >= 1) || !(maxPerAddress >= 1) || !(ttlMs > 0)) {
      throw new RangeError(
        "Cannot make a directory: maxEntries, maxPerAddress and ttlMs must be positive",
      );
    }
  }

  /** The limits in force. */
  get limits(): DirectoryLimits {
    return this.#limits;
  }

  /** Number of live entries. */
  get size(): number {
    return this.#entries.size;
  }

  /**
   * Adds or replaces the entry of one connection. `address` is where the
   * connection came from; it is the listed host when the server gave none.
   */
  register(
    connection: number,
    address: string,
    server: { name: string; host?: string; port: number; users: number; since?: number },
  ): RegisterRefusal | undefined {
    const now = this.#clock();
    if (!this.#entries.has(connection)) {
      if (this.#entries.size >= this.#limits.maxEntries) return "full";
      let fromAddress = 0;
      for (const e of this.#entries.values()) if (e.address === address) fromAddress++;
      if (fromAddress >= this.#limits.maxPerAddress) return "too-many-from-address";
    }
    this.#entries.set(connection, {
      address,
      lastBeat: now,
      entry: {
        name: server.name,
        host: server.host ?? address,
        port: server.port,
        users: server.users,
        since: Math.min(server.since ?? now, now),
      },
    });
    return undefined;
  }

  /** Records a beat; false when the connection has no entry (it must register). */
  beat(connection: number, users: number): boolean {
    const e = this.#entries.get(connection);
    if (!e) return false;
    e.lastBeat = this.#clock();
    e.entry = { ...e.entry, users };
    return true;
  }

  /** Whether the connection has an entry. */
  has(connection: number): boolean {
    return this.#entries.has(connection);
  }

  /** Forgets a connection's entry (its connection ended). */
  remove(connection: number): void {
    this.#entries.delete(connection);
  }

  /** Drops entries silent for longer than the TTL; returns the connections dropped. */
  expire(): number[] {
    const deadline = this.#clock() - this.#limits.ttlMs;
    const dropped: number[] = [];
    for (const [id, e] of this.#entries) {
      if (e.lastBeat < deadline) {
        this.#entries.delete(id);
        dropped.push(id);
      }
    }
    return dropped;
  }

  /** Forgets every entry. */
  clear(): void {
    this.#entries.clear();
  }

  /** The live servers, by name then address; copies, so callers may change them. */
  list(): ServerEntry[] {
    return [...this.#entries.values()]
      .map((e) => ({ ...e.entry }))
      .sort((a, b) =>
        a.name.localeCompare(b.name) || a.host.localeCompare(b.host) || a.port - b.port
      );
  }
}
