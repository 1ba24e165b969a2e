/**
 * The room's recent history: encoded event frames kept in memory, bounded by
 * count, bytes and age, so a member who lost its connection can be sent what
 * it missed. Nothing here is ever written to disk.
 *
 * @module
 */

/** Default most events held. */
export const DEFAULT_RING_MAX_EVENTS = 2_000;
/** Default oldest event held: 15 minutes. */
export const DEFAULT_RING_MAX_AGE_MS = 15 * 60_000;
/** Default most frame bytes held: 8 MiB. */
export const DEFAULT_RING_MAX_BYTES = 8 * 1024 * 1024;

/** Bounds of a {@linkcode Ring}. */
export interface RingOptions {
  /** Most events held; default {@linkcode DEFAULT_RING_MAX_EVENTS}. */
  maxEvents?: number;
  /** Events older than this are pruned; default {@linkcode DEFAULT_RING_MAX_AGE_MS}. */
  maxAgeMs?: number;
  /** Most frame bytes held; default {@linkcode DEFAULT_RING_MAX_BYTES}. */
  maxBytes?: number;
}

/** One event as the ring keeps it: the frame every entitled member was sent. */
export interface RingEntry {
  /** The room sequence number of the event. */
  readonly seq: number;
  /** When the event happened, in ms of the room's clock. */
  readonly ts: number;
  /** The whole encoded frame, shared with every delivery of the event. */
  readonly frame: Uint8Array;
  /**
   * Who may see the event, as session serials; `undefined` for a public
   * event. A private message lists its sender and its target.
   */
  readonly audience?: readonly number[];
}

/** Whether `viewer` may see `entry`. */
export function isVisibleTo(entry: RingEntry, viewer: number): boolean {
  return entry.audience === undefined || entry.audience.includes(viewer);
}

/**
 * A bounded FIFO of {@linkcode RingEntry}, ordered by strictly increasing
 * `seq`. Pushing past a bound evicts the oldest entries; {@linkcode Ring.prune}
 * drops those past their age. The ring remembers the highest `seq` it ever
 * evicted, so it can tell whether it still holds everything after a given seq.
 *
 * @example Usage
 * ```ts
 * import { Ring } from "./ring.ts";
 *
 * const ring = new Ring({ maxEvents: 2 });
 * for (const seq of [1, 2, 3]) ring.push({ seq, ts: 0, frame: new Uint8Array(8) });
 * ring.covers(0); // false: event 1 was evicted
 * [...ring.after(1, 7)].map((e) => e.seq); // [2, 3]
 * ```
 */
export class Ring {
  readonly #maxEvents: number;
  readonly #maxAgeMs: number;
  readonly #maxBytes: number;
  /** Entries from index `#head` on are held; the prefix is garbage awaiting compaction. */
  #entries: RingEntry[] = [];
  #head = 0;
  #bytes = 0;
  /** Highest seq evicted so far (0: none). */
  #floor = 0;
  /** Highest seq ever pushed (0: none). */
  #last = 0;

  /**
   * Makes an empty ring.
   *
   * @throws {RangeError} when a bound is not a positive number.
   */
  constructor(options: RingOptions = {}) {
    this.#maxEvents = positive("maxEvents", options.maxEvents ?? DEFAULT_RING_MAX_EVENTS);
    this.#maxAgeMs = positive("maxAgeMs", options.maxAgeMs ?? DEFAULT_RING_MAX_AGE_MS);
    this.#maxBytes = positive("maxBytes", options.maxBytes ?? DEFAULT_RING_MAX_BYTES);
  }

  /** Events held. */
  get size(): number {
    return this.#entries.length - this.#head;
  }

  /** Frame bytes held. */
  get bytes(): number {
    return this.#bytes;
  }

  /** Highest seq ever pushed (0 when none). */
  get last(): number {
    return this.#last;
  }

  /** Highest seq no longer held because a bound evicted it (0 when none). */
  get floor(): number {
    return this.#floor;
  }

  /**
   * Appends an event, then evicts the oldest ones until the count, byte and
   * age bounds hold again (age measured against the new event's `ts`). An
   * event larger than `maxBytes` evicts itself.
   *
   * @throws {RangeError} when `entry.seq` is not above every seq pushed so far.
   */
  push(entry: RingEntry): void {
    if (!(entry.seq > this.#last)) {
      throw new RangeError(`Cannot push event ${entry.seq}: the ring is already at ${this.#last}`);
    }
    this.#entries.push(entry);
    this.#bytes += entry.frame.byteLength;
    this.#last = entry.seq;
    while (this.size > this.#maxEvents || this.#bytes > this.#maxBytes) this.#evict();
    this.prune(entry.ts);
  }

  /** Evicts the events older than `maxAgeMs` at time `now`; returns how many. */
  prune(now: number): number {
    const oldest = now - this.#maxAgeMs;
    let count = 0;
    while (this.size > 0 && this.#entries[this.#head]!.ts < oldest) {
      this.#evict();
      count++;
    }
    return count;
  }

  /**
   * Whether the ring holds every event with a seq above `seq` (it may hold
   * none: nothing happened since, or `seq` is ahead of the room).
   */
  covers(seq: number): boolean {
    return seq >= this.#floor;
  }

  /**
   * The held events with a seq above `seq` that `viewer` (a session serial)
   * may see, oldest first. Do not push while iterating.
   */
  *after(seq: number, viewer: number): IterableIterator<RingEntry> {
    for (let i = this.#lowerBound(seq + 1); i < this.#entries.length; i++) {
      const entry = this.#entries[i]!;
      if (isVisibleTo(entry, viewer)) yield entry;
    }
  }

  /** Forgets every event (the floor moves up to the last seq). */
  clear(): void {
    this.#entries = [];
    this.#head = 0;
    this.#bytes = 0;
    this.#floor = this.#last;
  }

  #evict(): void {
    const entry = this.#entries[this.#head]!;
    // Drop the reference at once: the frame must not outlive its eviction.
    this.#entries[this.#head] = undefined as unknown as RingEntry;
    this.#head++;
    this.#bytes -= entry.frame.byteLength;
    this.#floor = entry.seq;
    if (this.#head >= 1024 && this.#head * 2 >= this.#entries.length) {
      this.#entries = this.#entries.slice(this.#head);
      this.#head = 0;
    }
  }

  /** Index of the first held entry whose seq is at least `seq`. */
  #lowerBound(seq: number): number {
    let lo = this.#head;
    let hi = this.#entries.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.#entries[mid]!.seq < seq) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}

function positive(name: string, value: number): number {
  if (!(value > 0)) {
    throw new RangeError(`Cannot make ring: ${name} must be positive, got ${value}`);
  }
  return value;
}
