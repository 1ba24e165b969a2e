/**
 * One member's session in a room: who it is, its connection if it has one,
 * what it has recently sent. A session outlives a dropped connection for the
 * room's grace period, so the member can resume. Owned by the room
 * (`room.ts`); nothing else mutates it.
 *
 * @module
 */

import { nickKey } from "../protocol/mod.ts";
import { RateLimit, type RateLimitOptions } from "./rate_limit.ts";

/** Client message ids a session remembers, to say each message exactly once. */
export const RECENT_IDS = 256;

/**
 * How the room reaches one connection. The room never sees a socket: the
 * glue implements this over a framed connection with a bounded queue.
 */
export interface MemberLink {
  /**
   * Queue an already-encoded frame for this member; false if the link is
   * gone or over its bound. After a false the room treats the member as
   * dropped and never uses the link again; the link must close itself.
   */
  deliver(frame: Uint8Array): boolean;
  /**
   * Queue a bulk frame (a file chunk) behind the member's ordinary frames;
   * false when its bulk queue is full or the link is closing. Unlike
   * `deliver`, a false is not a drop: the sender tries again later. Links
   * without it get bulk frames through `deliver`.
   */
  deliverBulk?(frame: Uint8Array): boolean;
  /** Send a fatal `error {code, detail, retryAfterMs}` frame and close the link. */
  disconnect(code: string, detail?: string, retryAfterMs?: number): void;
}

/** What a {@linkcode Session} starts with. */
export interface SessionInit {
  /** The secret the client resumes with. */
  id: string;
  /** A number unique within the room, never reused, naming the session in the ring. */
  serial: number;
  /** Display nick, NFC-normalised. */
  nick: string;
  /** Whether the connection proved the host key. */
  host: boolean;
  /** Remote address, shown to the host only. */
  address: string;
  /** When the member joined (ms). */
  since: number;
  /** The room seq of its own `join` event: it sees nothing older. */
  joinSeq: number;
  /** Its rate limit settings. */
  rate: RateLimitOptions;
  /** The room's clock. */
  clock: () => number;
}

/**
 * A member's state in the room. The member is *live* while it has a link;
 * without one it is waiting for a resume. It is shown as away when it asked
 * to be or when it has no link.
 */
export class Session {
  readonly #id: string;
  readonly #serial: number;
  readonly #since: number;
  readonly #joinSeq: number;
  #nick: string;
  #key: string;
  #host: boolean;
  #address: string;
  #link: MemberLink | undefined;
  #awayByChoice = false;
  #droppedAt = 0;
  #ended = false;
  /** Recent client ids → the seq their message got, oldest first; made by the first message. */
  #sent: Map<string, number> | undefined;
  /** Made when first charged: most members of a big room never speak, and a new bucket is full. */
  #rate: RateLimit | undefined;
  readonly #rateOptions: RateLimitOptions;
  readonly #clock: () => number;

  /** Makes a session with no link yet. */
  constructor(init: SessionInit) {
    this.#id = init.id;
    this.#serial = init.serial;
    this.#nick = init.nick;
    this.#key = nickKey(init.nick);
    this.#host = init.host;
    this.#address = init.address;
    this.#since = init.since;
    this.#joinSeq = init.joinSeq;
    this.#rateOptions = init.rate;
    this.#clock = init.clock;
    this.#droppedAt = init.since;
  }

  /** The session id the client resumes with. */
  get id(): string {
    return this.#id;
  }

  /** The room-unique number that names this session in the ring. */
  get serial(): number {
    return this.#serial;
  }

  /** Display nick. */
  get nick(): string {
    return this.#nick;
  }

  /** Comparison key of the nick (`nickKey` of protocol/). */
  get key(): string {
    return this.#key;
  }

  /** Whether the current (or last) connection proved the host key. */
  get host(): boolean {
    return this.#host;
  }

  /** Remote address of the current (or last) connection. */
  get address(): string {
    return this.#address;
  }

  /** When the member joined (ms). */
  get since(): number {
    return this.#since;
  }

  /** Seq of the member's own `join`. */
  get joinSeq(): number {
    return this.#joinSeq;
  }

  /** The live connection, if any. */
  get link(): MemberLink | undefined {
    return this.#link;
  }

  /** Whether the member asked to be shown away. */
  get awayByChoice(): boolean {
    return this.#awayByChoice;
  }

  /** Whether the member is shown away: by choice, or because it has no link. */
  get away(): boolean {
    return this.#awayByChoice || this.#link === undefined;
  }

  /** When the link was lost (meaningful only while there is none). */
  get droppedAt(): number {
    return this.#droppedAt;
  }

  /** Whether the session is over and erased. */
  get ended(): boolean {
    return this.#ended;
  }

  /** Its rate limit. */
  get rate(): RateLimit {
    return this.#rate ??= new RateLimit(this.#rateOptions, this.#clock);
  }

  /** Gives the session a connection, and the connection's host flag and address. */
  attach(link: MemberLink, info: { host: boolean; address: string }): void {
    this.#link = link;
    this.#host = info.host;
    this.#address = info.address;
  }

  /** Takes the connection away at time `now`; returns the link it had. */
  detach(now: number): MemberLink | undefined {
    const link = this.#link;
    this.#link = undefined;
    if (link !== undefined) this.#droppedAt = now;
    return link;
  }

  /** Sets the away-by-choice flag. */
  setAwayByChoice(away: boolean): void {
    this.#awayByChoice = away;
  }

  /** Changes the nick (already checked free and valid). */
  rename(nick: string): void {
    this.#nick = nick;
    this.#key = nickKey(nick);
  }

  /** The seq a recently sent client id got, if it is among the last {@linkcode RECENT_IDS}. */
  sentSeq(id: string): number | undefined {
    return this.#sent?.get(id);
  }

  /** Remembers a client id and the seq its message got, forgetting the oldest past the bound. */
  remember(id: string, seq: number): void {
    const sent = this.#sent ??= new Map();
    sent.set(id, seq);
    if (sent.size > RECENT_IDS) {
      const oldest = sent.keys().next().value as string;
      sent.delete(oldest);
    }
  }

  /** Ends the session: forgets its link, ids and address. */
  erase(): void {
    this.#ended = true;
    this.#link = undefined;
    this.#sent = undefined;
    this.#address = "";
  }
}
