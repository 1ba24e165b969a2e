/**
 * A chat room: members, presence, the ordered stream of room events and its
 * ring of recent history. Pure and synchronous: it sees connections only
 * through {@linkcode MemberLink}, takes the time from an injected clock, and
 * has no timers (the glue calls {@linkcode Room.tick}). Every operation
 * returns a typed result the glue turns into frames; expected refusals are
 * codes, never exceptions.
 *
 * Every event gets the next room `seq` and the clock's `ts`, is encoded once,
 * kept in the ring with who may see it, and the same bytes are delivered to
 * each entitled live link.
 *
 * @module
 */

import {
  encodeMessage,
  type Member,
  type MessageOf,
  NICK_PATTERN,
  nickKey,
  type RoomEvent,
  type ServerMessage,
} from "../protocol/mod.ts";
import { randomId } from "../crypto/mod.ts";
import { type Ban, BanList, type BanTarget, parseBanTarget } from "./ban_list.ts";
import { Ring, type RingOptions } from "./ring.ts";
import { RateLimit, type RateLimitOptions } from "./rate_limit.ts";
import { type MemberLink, Session } from "./session.ts";

export type { MemberLink } from "./session.ts";

/** Default time a member who lost its connection has to resume: 2 minutes. */
export const DEFAULT_GRACE_MS = 120_000;

/** Settings of a {@linkcode Room}. */
export interface RoomOptions {
  /** The room's (server's) name. */
  name: string;
  /** Milliseconds since the epoch; the only source of time. */
  clock: () => number;
  /** How long a dropped member's session waits for a resume; default {@linkcode DEFAULT_GRACE_MS}. */
  graceMs?: number;
  /** Bounds of the history kept for resumes. */
  ring?: RingOptions;
  /** Per-session rate limit of what members send. */
  rate?: RateLimitOptions;
  /** Most sessions (live or waiting for a resume); unlimited when absent. */
  maxMembers?: number;
  /** Makes session ids; default 32 random bytes as unpadded base64url. */
  newSessionId?: () => string;
  /** Welcome text (a Fernet token), sent with every welcome. */
  motd?: string;
  /** The bans to enforce; default an empty list on the room's clock. */
  bans?: BanList;
}

/** What the room knows of a connection besides its link. */
export interface ConnectionInfo {
  /** Whether the connection proved the host key. */
  host: boolean;
  /** Remote address, shown to the host only. */
  address: string;
}

/** The fields of the `ok` frame the glue sends after a join or resume (it adds `proof`). */
export type Welcome =
  & Required<Pick<MessageOf<ServerMessage, "ok">, "session" | "seq" | "members">>
  & Pick<MessageOf<ServerMessage, "ok">, "motd" | "resumed" | "missed">;

/** An expected refusal: the glue turns `code` into a `refused` (or `error`) frame. */
export interface Refusal<C extends string> {
  /** Always false. */
  readonly ok: false;
  /** What went wrong, as a wire code. */
  readonly code: C;
}

/** A refusal that can say why (the host's reason) and for how long. */
export interface DetailedRefusal<C extends string> extends Refusal<C> {
  /** The host's reason, when one was given. */
  readonly detail?: string;
  /** Milliseconds until it ends; absent: until the host lifts it. */
  readonly retryAfterMs?: number;
}

/** Refused by the rate limit: try again after `retryAfterMs`. */
export interface RateRefusal extends Refusal<"rate"> {
  /** Milliseconds before the next attempt can pass. */
  readonly retryAfterMs: number;
}

/**
 * Codes any operation on a member can be refused with: `gone` when the
 * handle no longer speaks for its session (dropped, replaced by a resume,
 * or ended); `flood` when the member flooded and was disconnected.
 */
export type MemberRefusal = Refusal<"gone"> | Refusal<"flood"> | RateRefusal;

/** Result of {@linkcode Room.join}. */
export type JoinResult =
  | { readonly ok: true; readonly member: RoomMember; readonly welcome: Welcome }
  | Refusal<"nick-taken" | "bad-nick" | "full" | "closed" | "locked">
  | DetailedRefusal<"banned">;

/** Result of {@linkcode Room.resume}. */
export type ResumeResult =
  | {
    readonly ok: true;
    readonly member: RoomMember;
    readonly welcome: Welcome;
    /**
     * Frames of the events the member missed, oldest first. The glue
     * delivers them right after the `ok` frame and before yielding to the
     * event loop: the link is live as soon as `resume` returns.
     */
    readonly replay: readonly Uint8Array[];
  }
  | Refusal<"unknown-session" | "closed">
  | DetailedRefusal<"kicked" | "banned">;

/** Result of {@linkcode Room.say}. */
export type SayResult =
  | {
    readonly ok: true;
    /** Seq of the `msg` event (the earlier one for a duplicate). */
    readonly seq: number;
    /** The id was already said: nothing was sent again. */
    readonly duplicate: boolean;
  }
  | MemberRefusal
  | DetailedRefusal<"muted">
  | Refusal<"no-such-nick">;

/**
 * Result of {@linkcode Room.relay}: `away` when the target waits for a
 * resume (nothing is kept for it), `busy` when its bulk queue is full.
 */
export type RelayResult =
  | { readonly ok: true }
  | Refusal<"gone" | "no-such-nick" | "away" | "busy">;

/** Result of {@linkcode Room.setAway}, {@linkcode Room.changeNick}. */
export type ChangeResult<C extends string = never> =
  | {
    readonly ok: true;
    /** Seq of the event announcing the change; absent when nothing changed. */
    readonly seq?: number;
  }
  | MemberRefusal
  | Refusal<C>;

/** Why a member left, as carried in its `leave` event. */
export type LeaveReason = "quit" | "timeout" | "flood" | "replaced" | "kicked" | "banned";

/** Result of {@linkcode Room.ban}. */
export type BanResult =
  | {
    readonly ok: true;
    /** The ban as made. */
    readonly ban: Ban;
    /** Nicks of the members it removed (live or waiting for a resume). */
    readonly removed: readonly string[];
  }
  | Refusal<"bad-target" | "too-many-bans">;

/** Kicked and banned sessions remembered, so their resume is refused rather than joined anew. */
const MAX_EXPELLED = 1_024;

/** What {@linkcode Room.stats} reports. */
export interface RoomStats {
  /** Sessions in the room, live or waiting for a resume. */
  members: number;
  /** Sessions with a live link. */
  live: number;
  /** Sessions shown as away (by choice or waiting for a resume). */
  away: number;
  /** Events held in the ring. */
  ringEvents: number;
  /** Frame bytes held in the ring. */
  ringBytes: number;
}

/** A message a member says, as decoded from its `say` frame. */
export interface Say {
  /** Client id: the same id is said at most once. */
  id: string;
  /** Target nick of a private message. */
  to?: string;
  /** Fernet token. */
  body: string;
}

let bindingOf: (member: RoomMember) => { session: Session; link: MemberLink };

/**
 * The glue's handle on one member through one connection, returned by
 * {@linkcode Room.join} and {@linkcode Room.resume}. A handle stops being
 * {@linkcode RoomMember.current} when its connection drops, is replaced by a
 * resume, or the session ends; the room then ignores it (`gone`).
 */
export class RoomMember {
  readonly #session: Session;
  readonly #link: MemberLink;

  /** Binds a session to a connection; made by the room only. */
  constructor(session: Session, link: MemberLink) {
    this.#session = session;
    this.#link = link;
  }

  /** The member's nick now. */
  get nick(): string {
    return this.#session.nick;
  }

  /** The session id (a secret: never log it). */
  get sessionId(): string {
    return this.#session.id;
  }

  /** Whether this connection proved the host key. */
  get host(): boolean {
    return this.#session.host;
  }

  /** Whether this handle still speaks for a session in the room. */
  get current(): boolean {
    return !this.#session.ended && this.#session.link === this.#link;
  }

  static {
    bindingOf = (member) => ({ session: member.#session, link: member.#link });
  }
}

type EventBody = RoomEvent extends infer E ? E extends RoomEvent ? Omit<E, "seq" | "ts"> : never
  : never;

/**
 * One chat room.
 *
 * @example Usage
 * ```ts
 * import { Room } from "./room.ts";
 *
 * const room = new Room({ name: "kitchen", clock: Date.now });
 * const sent: Uint8Array[] = [];
 * const link = { deliver: (f: Uint8Array) => (sent.push(f), true), disconnect() {} };
 * const joined = room.join("alice", link, { host: false, address: "127.0.0.1" });
 * if (joined.ok) room.say(joined.member, { id: "1", body: "gAAAAA==" });
 * ```
 */
export class Room {
  readonly #name: string;
  readonly #clock: () => number;
  readonly #graceMs: number;
  readonly #rate: RateLimitOptions;
  #maxMembers: number;
  readonly #newSessionId: () => string;
  #motd: string | undefined;
  readonly #ring: Ring;
  readonly #bans: BanList;
  /** Mutes by nick key: until when (undefined: until unmuted). */
  readonly #mutes = new Map<string, { until: number | undefined }>();
  /** Sessions kicked or banned within the grace period, by id: why, and when to forget. */
  readonly #expelled = new Map<
    string,
    { code: "kicked" | "banned"; detail?: string; banUntil?: number; forgetAt: number }
  >();
  #locked = false;
  /** Sessions by id, in join order. */
  readonly #sessions = new Map<string, Session>();
  /** Sessions by {@linkcode nickKey}. */
  readonly #byNick = new Map<string, Session>();
  #seq = 0;
  #serial = 0;
  #closed = false;
  /** Links whose `deliver` failed, to be dropped once the current delivery loop ends. */
  #failed: [Session, MemberLink][] = [];
  #settling = false;

  /**
   * Makes an empty room.
   *
   * @throws {RangeError} for a negative grace, a `maxMembers` below 1, or a
   *   bad ring or rate bound.
   */
  constructor(options: RoomOptions) {
    this.#name = options.name;
    this.#clock = options.clock;
    this.#graceMs = options.graceMs ?? DEFAULT_GRACE_MS;
    if (!(this.#graceMs >= 0)) {
      throw new RangeError(`Cannot make room: graceMs must be ≥ 0, got ${this.#graceMs}`);
    }
    this.#maxMembers = options.maxMembers ?? Infinity;
    if (!(this.#maxMembers >= 1)) {
      throw new RangeError(`Cannot make room: maxMembers must be ≥ 1, got ${this.#maxMembers}`);
    }
    this.#rate = { ...options.rate };
    new RateLimit(this.#rate, this.#clock); // throws now rather than at the first join
    this.#newSessionId = options.newSessionId ?? (() => randomId(32));
    this.#motd = options.motd;
    this.#ring = new Ring(options.ring);
    this.#bans = options.bans ?? new BanList({ clock: this.#clock });
  }

  /** The room's name. */
  get name(): string {
    return this.#name;
  }

  /** Sessions in the room, live or waiting for a resume (the registry's user count). */
  get memberCount(): number {
    return this.#sessions.size;
  }

  /** Seq of the latest event (0 before any). */
  get seq(): number {
    return this.#seq;
  }

  /** Whether {@linkcode Room.shutdown} has run. */
  get closed(): boolean {
    return this.#closed;
  }

  /** The bans this room enforces on joins and resumes. */
  get bans(): BanList {
    return this.#bans;
  }

  /** Whether new members are refused (`locked`); resumes still work. */
  get locked(): boolean {
    return this.#locked;
  }

  /** Most members; undefined when there is no limit. */
  get limit(): number | undefined {
    return this.#maxMembers === Infinity ? undefined : this.#maxMembers;
  }

  /** The welcome text (a Fernet token) sent with every welcome. */
  get motd(): string | undefined {
    return this.#motd;
  }

  /** Sets (or, with undefined, clears) the welcome text. */
  set motd(token: string | undefined) {
    this.#motd = token;
  }

  /**
   * Adds a member under `nick` (NFC-normalised; unique regardless of case)
   * and announces `join` to the others. The welcome's `seq` covers the
   * member's own `join`; only the joiner gets the member list. With
   * `takeOverDropped`, a nick held by a session waiting for a resume is taken
   * over: that session leaves ("replaced").
   */
  join(
    nick: string,
    link: MemberLink,
    info: ConnectionInfo,
    options: { takeOverDropped?: boolean } = {},
  ): JoinResult {
    if (this.#closed) return refuse("closed");
    const display = nick.normalize("NFC");
    if (!NICK_PATTERN.test(display)) return refuse("bad-nick");
    // The host (a connection that proved the host key) is never locked out.
    const ban = info.host ? undefined : this.#bans.match(display, info.address);
    if (ban !== undefined) return this.#banned(ban);
    const holder = this.#byNick.get(nickKey(display));
    if (holder !== undefined) {
      // A member whose client crashed comes back without its session: rather
      // than a ghost holding the nick for the grace period, the new join
      // takes it over (only from a session with no live connection).
      if (!options.takeOverDropped || holder.link !== undefined) return refuse("nick-taken");
    } else if (this.#locked && !info.host) {
      return refuse("locked");
    }
    if (holder !== undefined) this.#end(holder, "replaced");
    if (this.#sessions.size >= this.#maxMembers && !info.host) return refuse("full");
    const now = this.#now();
    const session = new Session({
      id: this.#freshSessionId(),
      serial: ++this.#serial,
      nick: display,
      host: info.host,
      address: info.address,
      since: now,
      joinSeq: this.#seq + 1,
      rate: this.#rate,
      clock: this.#clock,
    });
    this.#sessions.set(session.id, session);
    this.#byNick.set(session.key, session);
    // Not attached yet: whatever this announcement sets off (a failed delivery
    // turning into an `away`) is covered by the welcome instead of reaching the
    // joiner before its `ok`.
    this.#emit({ t: "join", nick: display });
    session.attach(link, info);
    return { ok: true, member: new RoomMember(session, link), welcome: this.#welcome(session) };
  }

  /**
   * Gives a session a new connection. A live older connection is
   * disconnected ("replaced"); a member that was away because of a drop is
   * announced back (`away {away: false}`). Returns the frames of every held
   * event after `after` the member may see (public ones, and private ones it
   * sent or received), and `missed` when the ring no longer holds them all.
   */
  resume(sessionId: string, after: number, link: MemberLink, info: ConnectionInfo): ResumeResult {
    if (this.#closed) return refuse("closed");
    const expelled = this.#expelled.get(sessionId);
    if (expelled !== undefined) {
      const refusal: {
        ok: false;
        code: "kicked" | "banned";
        detail?: string;
        retryAfterMs?: number;
      } = {
        ok: false,
        code: expelled.code,
      };
      if (expelled.detail !== undefined) refusal.detail = expelled.detail;
      if (expelled.banUntil !== undefined) {
        refusal.retryAfterMs = Math.max(0, expelled.banUntil - this.#now());
      }
      return refusal;
    }
    const session = this.#sessions.get(sessionId);
    if (session === undefined) return refuse("unknown-session");
    const ban = info.host ? undefined : this.#bans.match(session.nick, info.address);
    if (ban !== undefined) return this.#banned(ban); // the session keeps waiting, and times out
    const old = session.detach(this.#now());
    if (old !== undefined && old !== link) {
      old.disconnect("replaced", "the session was resumed on another connection");
    }
    if (old === undefined && !session.awayByChoice && !session.ended) {
      this.#emit({ t: "away", nick: session.nick, away: false });
    }
    // `disconnect` or a failed delivery may have run glue code: check again.
    if (session.ended || this.#sessions.get(sessionId) !== session) {
      return refuse("unknown-session");
    }
    const from = Math.max(after, session.joinSeq);
    const replay = Array.from(this.#ring.after(from, session.serial), (e) => e.frame);
    const missed = this.#ring.covers(from) ? 0 : this.#ring.floor - from;
    session.attach(link, info);
    const welcome: Welcome = { ...this.#welcome(session), resumed: true };
    if (missed > 0) welcome.missed = missed;
    return { ok: true, member: new RoomMember(session, link), welcome, replay };
  }

  /**
   * Says a message: one `msg` frame to every live member, or for a private
   * message to its target and the sender (a target waiting for a resume
   * gets it from the ring). The sender's copy is its acknowledgement. An id
   * among the session's last 256 is not said again.
   */
  say(member: RoomMember, message: Say): SayResult {
    const session = this.#current(member);
    if (session === undefined) return refuse("gone");
    const earlier = session.sentSeq(message.id);
    if (earlier !== undefined) return { ok: true, seq: earlier, duplicate: true };
    const limited = this.#limit(session);
    if (limited !== undefined) return limited;
    const muted = this.#muted(session);
    if (muted !== undefined) return muted;
    let audience: Session[] | undefined;
    let to: string | undefined;
    if (message.to !== undefined) {
      const target = this.#byNick.get(nickKey(message.to));
      if (target === undefined) return refuse("no-such-nick");
      to = target.nick;
      audience = target === session ? [session] : [session, target];
    }
    const body: EventBody = to === undefined
      ? { t: "msg", from: session.nick, id: message.id, body: message.body }
      : { t: "msg", from: session.nick, to, id: message.id, body: message.body };
    const seq = this.#emit(body, audience);
    if (!session.ended) session.remember(message.id, seq);
    return { ok: true, seq, duplicate: false };
  }

  /**
   * Relays a frame point to point, not as a room event: no seq, not kept in
   * the ring, not replayed, not rate limited here (the glue meters file
   * chunks by bytes). `frame` is made with the sender's nick now; `bulk`
   * frames (file chunks) queue behind the target's ordinary frames.
   */
  relay(
    member: RoomMember,
    to: string,
    frame: (from: string) => Uint8Array,
    options: { bulk?: boolean } = {},
  ): RelayResult {
    const session = this.#current(member);
    if (session === undefined) return refuse("gone");
    const target = this.#byNick.get(nickKey(to));
    if (target === undefined) return refuse("no-such-nick");
    const link = target.link;
    if (link === undefined) return refuse("away");
    const bytes = frame(session.nick);
    if (options.bulk && link.deliverBulk !== undefined) {
      return link.deliverBulk(bytes) ? { ok: true } : refuse("busy");
    }
    if (!link.deliver(bytes)) {
      this.#failed.push([target, link]);
      this.#settle();
      return refuse("away");
    }
    return { ok: true };
  }

  /** Shows the member as away or back (`away` event to everyone), if that changes anything. */
  setAway(member: RoomMember, away: boolean): ChangeResult {
    const session = this.#current(member);
    if (session === undefined) return refuse("gone");
    if (session.awayByChoice === away) return { ok: true };
    const limited = this.#limit(session);
    if (limited !== undefined) return limited;
    session.setAwayByChoice(away);
    return { ok: true, seq: this.#emit({ t: "away", nick: session.nick, away }) };
  }

  /** Renames the member (`nick {old, new}` to everyone); a case-only change is allowed. */
  changeNick(
    member: RoomMember,
    nick: string,
  ): ChangeResult<"bad-nick" | "nick-taken"> | DetailedRefusal<"muted"> {
    const session = this.#current(member);
    if (session === undefined) return refuse("gone");
    const display = nick.normalize("NFC");
    if (!NICK_PATTERN.test(display)) return refuse("bad-nick");
    if (display === session.nick) return { ok: true };
    const holder = this.#byNick.get(nickKey(display));
    if (holder !== undefined && holder !== session) return refuse("nick-taken");
    const limited = this.#limit(session);
    if (limited !== undefined) return limited;
    // A new nick is a way of speaking: a muted member keeps its own.
    const muted = this.#muted(session);
    if (muted !== undefined) return muted;
    const old = session.nick;
    this.#byNick.delete(session.key);
    const mute = this.#mutes.get(session.key);
    this.#mutes.delete(session.key);
    session.rename(display);
    this.#byNick.set(session.key, session);
    if (mute !== undefined) this.#mutes.set(session.key, mute);
    return { ok: true, seq: this.#emit({ t: "nick", old, new: display }) };
  }

  /** The member list, in join order; `forHost` adds each member's address. */
  who(options: { forHost?: boolean } = {}): Member[] {
    const list: Member[] = [];
    for (const session of this.#sessions.values()) {
      const entry: Member = { nick: session.nick, away: session.away, since: session.since };
      if (session.host) entry.host = true;
      if (this.#muteOf(session.key) !== undefined) entry.muted = true;
      if (options.forHost) entry.address = session.address;
      list.push(entry);
    }
    return list;
  }

  /**
   * The member said `bye`: `leave` to the others and every trace of the
   * session erased at once. The glue closes the connection.
   */
  leave(member: RoomMember, reason: LeaveReason = "quit"): { ok: true } | Refusal<"gone"> {
    const session = this.#current(member);
    if (session === undefined) return refuse("gone");
    this.#end(session, reason);
    return { ok: true };
  }

  /**
   * The member's connection was lost without a `bye`: it is shown away and
   * its session waits `graceMs` for a resume. Returns false (and does
   * nothing) when the handle is not current, e.g. already dropped.
   */
  drop(member: RoomMember): boolean {
    const session = this.#current(member);
    if (session === undefined) return false;
    this.#lose(session);
    return true;
  }

  /**
   * Housekeeping, to be called periodically: sessions past their grace leave
   * ("timeout") and are erased; events past their age leave the ring.
   */
  tick(): { expired: number; pruned: number } {
    const now = this.#now();
    let expired = 0;
    for (const session of [...this.#sessions.values()]) {
      if (session.link === undefined && now - session.droppedAt >= this.#graceMs) {
        this.#end(session, "timeout");
        expired++;
      }
    }
    for (const [id, expelled] of this.#expelled) {
      if (expelled.forgetAt <= now) this.#expelled.delete(id);
    }
    for (const [key, mute] of [...this.#mutes]) {
      if (mute.until === undefined || mute.until > now) continue;
      this.#mutes.delete(key);
      const session = this.#byNick.get(key);
      if (session !== undefined) this.#emit({ t: "mute", nick: session.nick, muted: false });
    }
    this.#bans.prune();
    return { expired, pruned: this.#ring.prune(now) };
  }

  /**
   * The host removes a member (live or waiting for a resume): `leave`
   * (reason `kicked`, `detail` the host's reason) to everyone else, and
   * `error {code:"kicked", detail}` to the member before its connection
   * closes. Its session is over: a resume of it is refused.
   */
  kick(nick: string, detail?: string): { ok: true; nick: string } | Refusal<"no-such-nick"> {
    const session = this.#byNick.get(nickKey(nick));
    if (session === undefined) return refuse("no-such-nick");
    const display = session.nick;
    this.#expel(session, "kicked", detail);
    return { ok: true, nick: display };
  }

  /**
   * The host bans a nick, an address or a range, for `durationMs` or until
   * lifted: every member it catches (live or waiting for a resume, never a
   * host connection) is removed as by a kick, with reason `banned` and the
   * ban's time left; later joins and resumes it catches are refused.
   */
  ban(
    target: string | BanTarget,
    options: { durationMs?: number; reason?: string } = {},
  ): BanResult {
    const read = typeof target === "string" ? parseBanTarget(target) : target;
    if (read === undefined) return refuse("bad-target");
    const added = this.#bans.add(read, options);
    if (!added.ok) return added;
    const { ban } = added;
    const removed: string[] = [];
    for (const session of [...this.#sessions.values()]) {
      if (session.host || session.ended) continue;
      if (!BanList.catches(read, session.nick, session.address)) continue;
      removed.push(session.nick);
      this.#expel(session, "banned", ban.reason, ban.until);
    }
    return { ok: true, ban, removed };
  }

  /**
   * The host mutes a member for `durationMs` (absent: until unmuted): its
   * `say` and `nick` are refused (`muted`) while it still gets everything.
   * Everyone sees `mute {nick, muted: true, until?}`. The mute stays with
   * the nick, across a resume, a rejoin and a nick change.
   */
  mute(nick: string, durationMs?: number): { ok: true; nick: string } | Refusal<"no-such-nick"> {
    const session = this.#byNick.get(nickKey(nick));
    if (session === undefined) return refuse("no-such-nick");
    const until = durationMs === undefined ? undefined : this.#now() + durationMs;
    this.#mutes.set(session.key, { until });
    this.#emit(
      until === undefined
        ? { t: "mute", nick: session.nick, muted: true }
        : { t: "mute", nick: session.nick, muted: true, until },
    );
    return { ok: true, nick: session.nick };
  }

  /** Lifts a mute; everyone sees `mute {nick, muted: false}` if the member is here. */
  unmute(nick: string): { ok: true; nick: string } | Refusal<"not-muted"> {
    const key = nickKey(nick);
    if (this.#muteOf(key) === undefined) return refuse("not-muted");
    this.#mutes.delete(key);
    const session = this.#byNick.get(key);
    if (session !== undefined) this.#emit({ t: "mute", nick: session.nick, muted: false });
    return { ok: true, nick: session?.nick ?? nick.normalize("NFC") };
  }

  /** Refuses new members (`locked`) or lets them in again; `room` tells everyone. */
  setLocked(locked: boolean): void {
    if (this.#locked === locked) return;
    this.#locked = locked;
    this.#announceSettings();
  }

  /**
   * Sets the most members (undefined: no limit); members already in stay.
   *
   * @throws {RangeError} for a limit below 1.
   */
  setLimit(limit: number | undefined): void {
    const max = limit ?? Infinity;
    if (!(max >= 1)) throw new RangeError(`Cannot set limit: it must be ≥ 1, got ${limit}`);
    if (max === this.#maxMembers) return;
    this.#maxMembers = max;
    this.#announceSettings();
  }

  /** An announcement from the host: a `notice` event to everyone. */
  notice(body: string): { ok: true; seq: number } | Refusal<"closed"> {
    if (this.#closed) return refuse("closed");
    return { ok: true, seq: this.#emit({ t: "notice", body }) };
  }

  /**
   * Closes the room: every live link is disconnected ("shutdown"), every
   * session and the ring are erased, and later joins are refused.
   */
  shutdown(): void {
    if (this.#closed) return;
    this.#closed = true;
    const now = this.#now();
    const links: MemberLink[] = [];
    for (const session of this.#sessions.values()) {
      const link = session.detach(now);
      if (link !== undefined) links.push(link);
      session.erase();
    }
    this.#sessions.clear();
    this.#byNick.clear();
    this.#expelled.clear();
    this.#mutes.clear();
    this.#ring.clear();
    this.#failed = [];
    for (const link of links) link.disconnect("shutdown", "the server is shutting down");
  }

  /** Counts for logs and the registry. */
  stats(): RoomStats {
    let live = 0;
    let away = 0;
    for (const session of this.#sessions.values()) {
      if (session.link !== undefined) live++;
      if (session.away) away++;
    }
    return {
      members: this.#sessions.size,
      live,
      away,
      ringEvents: this.#ring.size,
      ringBytes: this.#ring.bytes,
    };
  }

  // ---- inside -----------------------------------------------------------

  #now(): number {
    return Math.max(0, Math.floor(this.#clock()));
  }

  /** The session behind a handle, if the handle is this room's and current. */
  #current(member: RoomMember): Session | undefined {
    const { session, link } = bindingOf(member);
    if (session.ended || session.link !== link) return undefined;
    return this.#sessions.get(session.id) === session ? session : undefined;
  }

  #welcome(session: Session): Welcome {
    const welcome: Welcome = { session: session.id, seq: this.#seq, members: this.who() };
    if (this.#motd !== undefined) welcome.motd = this.#motd;
    return welcome;
  }

  /** Charges the rate limit; a flooding member is ended and disconnected. */
  #limit(session: Session): MemberRefusal | undefined {
    const decision = session.rate.take();
    if (decision.ok) return undefined;
    if (!decision.flood) return { ok: false, code: "rate", retryAfterMs: decision.retryAfterMs };
    const link = session.link;
    this.#end(session, "flood");
    link?.disconnect("flood", "too many messages, too fast");
    return refuse("flood");
  }

  /**
   * Gives the event the next seq and the clock's ts, encodes it once, keeps
   * it in the ring and delivers the same bytes to every entitled live link
   * (`audience`, or everyone when absent).
   */
  #emit(body: EventBody, audience?: readonly Session[]): number {
    const seq = ++this.#seq;
    const ts = this.#now();
    const { t, ...rest } = body;
    const frame = encodeMessage({ t, seq, ts, ...rest } as RoomEvent);
    this.#ring.push({
      seq,
      ts,
      frame,
      audience: audience?.map((s) => s.serial),
    });
    for (const session of audience ?? this.#sessions.values()) {
      const link = session.link;
      if (link !== undefined && !link.deliver(frame)) this.#failed.push([session, link]);
    }
    this.#settle();
    return seq;
  }

  /** Drops the members whose delivery failed; the `away` events this sends may fail more. */
  #settle(): void {
    if (this.#settling) return;
    this.#settling = true;
    try {
      for (let next = this.#failed.shift(); next !== undefined; next = this.#failed.shift()) {
        const [session, link] = next;
        if (!session.ended && session.link === link) this.#lose(session);
      }
    } finally {
      this.#settling = false;
    }
  }

  #lose(session: Session): void {
    session.detach(this.#now());
    if (!session.awayByChoice) this.#emit({ t: "away", nick: session.nick, away: true });
  }

  /**
   * Ends a session, live or waiting: it leaves every map at once, then
   * `leave` goes to the others. Its events stay in the ring as history.
   */
  #end(session: Session, reason: LeaveReason, detail?: string): void {
    const nick = session.nick;
    this.#sessions.delete(session.id);
    this.#byNick.delete(session.key);
    session.erase();
    this.#emit(
      detail === undefined ? { t: "leave", nick, reason } : { t: "leave", nick, reason, detail },
    );
  }

  /** Removes a session as the host asked, and remembers it so its resume is refused. */
  #expel(session: Session, reason: "kicked" | "banned", detail?: string, banUntil?: number): void {
    const link = session.link;
    this.#expelled.set(session.id, {
      code: reason,
      ...(detail === undefined ? {} : { detail }),
      ...(banUntil === undefined ? {} : { banUntil }),
      forgetAt: this.#now() + this.#graceMs,
    });
    if (this.#expelled.size > MAX_EXPELLED) {
      this.#expelled.delete(this.#expelled.keys().next().value as string);
    }
    this.#end(session, reason, detail);
    const retryAfterMs = banUntil === undefined ? undefined : Math.max(0, banUntil - this.#now());
    link?.disconnect(reason, detail, retryAfterMs);
  }

  #banned(ban: Ban): DetailedRefusal<"banned"> {
    const refusal: { ok: false; code: "banned"; detail?: string; retryAfterMs?: number } = {
      ok: false,
      code: "banned",
    };
    if (ban.reason !== undefined) refusal.detail = ban.reason;
    const left = this.#bans.remaining(ban);
    if (left !== undefined) refusal.retryAfterMs = left;
    return refusal;
  }

  /** The mute in force on a nick key, if any. */
  #muteOf(key: string): { until: number | undefined } | undefined {
    const mute = this.#mutes.get(key);
    if (mute === undefined || (mute.until !== undefined && mute.until <= this.#now())) {
      return undefined;
    }
    return mute;
  }

  #muted(session: Session): DetailedRefusal<"muted"> | undefined {
    const mute = this.#muteOf(session.key);
    if (mute === undefined) return undefined;
    return mute.until === undefined
      ? { ok: false, code: "muted" }
      : { ok: false, code: "muted", retryAfterMs: mute.until - this.#now() };
  }

  #announceSettings(): void {
    const limit = this.limit;
    this.#emit(
      limit === undefined
        ? { t: "room", locked: this.#locked }
        : { t: "room", locked: this.#locked, limit },
    );
  }

  #freshSessionId(): string {
    for (let attempt = 0; attempt < 8; attempt++) {
      const id = this.#newSessionId();
      if (!this.#sessions.has(id)) return id;
    }
    throw new Error("Cannot make session id: the generator keeps repeating ids in use");
  }
}

function refuse<C extends string>(code: C): Refusal<C> {
  return { ok: false, code };
}
