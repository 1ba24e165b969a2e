/**
 * What the chat screen shows, kept apart from how it is drawn: the message
 * pane's lines (bounded scrollback), our messages still pending, where the
 * reader has scrolled to and how many lines arrived below, and the
 * connection's state for the status bar. Fed by a
 * {@linkcode ChatConnection}'s events; read by React through
 * `useSyncExternalStore`. No I/O, no timers.
 *
 * @module
 */

import type { ConnectionEvent, ConnectionState } from "../chat_connection.ts";
import type { ChatEvent, FileEvent } from "../chat_event.ts";
import type { Member } from "../../protocol/mod.ts";

/** Lines kept in the pane by default. */
export const DEFAULT_SCROLLBACK = 5_000;

/** What the store reads from the connection after each event. */
export interface ChatSource {
  /** Where the connection stands. */
  readonly state: ConnectionState;
  /** Our nick now. */
  readonly nick: string;
  /** The server's name. */
  readonly serverName: string;
  /** The members we know of. */
  readonly members: Member[];
  /** Whether we hold host powers. */
  readonly host: boolean;
  /** Whether we asked to be away. */
  readonly away: boolean;
}

/** One line of the pane. */
export interface PaneEntry {
  /** Unique and stable, for React. */
  readonly key: number;
  /** What happened. */
  readonly event: ChatEvent;
  /** Someone said our nick (or wrote to us privately). */
  readonly mention: boolean;
}

/** A file moving, as its progress bar shows it. */
export interface TransferBar {
  /** The transfer's number (`/cancel` takes it). */
  readonly ref: number;
  /** Coming or going. */
  readonly direction: "in" | "out";
  /** The name as offered. */
  readonly name: string;
  /** The sender (in) or the receiver (out). */
  readonly peer?: string;
  /** Bytes in all. */
  readonly size: number;
  /** Bytes moved. */
  readonly bytes: number;
  /** Bytes per second lately. */
  readonly rate: number;
  /** Time left (ms), when the rate tells. */
  readonly etaMs?: number;
}

/** A snapshot of everything but the lines themselves (read those with {@linkcode ChatStore.entry}). */
export interface ChatView {
  /** Bumped on every change. */
  readonly version: number;
  /** The connection's state. */
  readonly state: ConnectionState;
  /** While reconnecting: the attempt under way, from 1. */
  readonly attempt?: number;
  /** While reconnecting: how many attempts there will be. */
  readonly attempts?: number;
  /** While offline: why. */
  readonly problem?: string;
  /** While offline: a quiet attempt is due (the chat keeps trying by itself). */
  readonly retrying?: boolean;
  /** The server's name. */
  readonly server: string;
  /** Our nick. */
  readonly nick: string;
  /** The members, in join order. */
  readonly members: readonly Member[];
  /** Whether we hold host powers. */
  readonly host: boolean;
  /** Whether we are shown away. */
  readonly away: boolean;
  /** Lines in the pane: the log, then our pending messages. */
  readonly count: number;
  /** Our messages waiting for the server's copy. */
  readonly pending: number;
  /** Lines hidden below the view; 0 follows the newest. */
  readonly offset: number;
  /** Lines from others that arrived while scrolled up. */
  readonly unread: number;
  /** Whether a mention rings the bell. */
  readonly bell: boolean;
  /** Whether we are leaving (bye on its way). */
  readonly leaving: boolean;
  /** Direct (p2p) mode: one peer, no server. */
  readonly direct: boolean;
  /** In direct mode, the peer's nick while one is here. */
  readonly peer?: string;
  /** Files moving now, oldest first (absent: none). */
  readonly transfers?: readonly TransferBar[];
}

/** Options of a {@linkcode ChatStore}. */
export interface ChatStoreOptions {
  /** Lines kept (default {@linkcode DEFAULT_SCROLLBACK}). */
  scrollback?: number;
  /** Whether mentions ring (default true). */
  bell?: boolean;
  /** Rings the bell; called for a mention while the bell is on. */
  ring?: () => void;
  /** Direct (p2p) mode (default false). */
  direct?: boolean;
}

/** The chat screen's model. */
export class ChatStore {
  readonly #scrollback: number;
  readonly #ring: () => void;
  readonly #listeners = new Set<() => void>();
  /** The log, oldest first. */
  #entries: PaneEntry[] = [];
  /** Our messages waiting for the server's copy, oldest first. */
  #pending: PaneEntry[] = [];
  #nextKey = 1;
  /** Progress bars by transfer and peer. */
  readonly #bars = new Map<string, TransferBar>();
  #source: ChatSource | undefined;
  #view: ChatView;

  /** Makes an empty store. @throws {RangeError} for a scrollback below 1. */
  constructor(options: ChatStoreOptions = {}) {
    this.#scrollback = options.scrollback ?? DEFAULT_SCROLLBACK;
    if (!Number.isInteger(this.#scrollback) || this.#scrollback < 1) {
      throw new RangeError(
        `Cannot make chat store: scrollback must be an integer ≥ 1, got ${this.#scrollback}`,
      );
    }
    this.#ring = options.ring ?? (() => {});
    this.#view = {
      version: 0,
      state: "idle",
      server: "",
      nick: "",
      members: [],
      host: false,
      away: false,
      count: 0,
      pending: 0,
      offset: 0,
      unread: 0,
      bell: options.bell ?? true,
      leaving: false,
      direct: options.direct ?? false,
      transfers: [],
    };
  }

  /** For `useSyncExternalStore`: calls `listener` after every change. */
  readonly subscribe = (listener: () => void): () => void => {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  };

  /** For `useSyncExternalStore`: the current view (a new object after each change). */
  readonly getSnapshot = (): ChatView => this.#view;

  /** The current view. */
  get view(): ChatView {
    return this.#view;
  }

  /** Reads nick, server, members... from `source` from now on. */
  attach(source: ChatSource): void {
    this.#source = source;
    this.#update({});
  }

  /** Takes one event of the connection. */
  readonly handle = (event: ConnectionEvent): void => {
    switch (event.kind) {
      case "chat":
        this.#add(event.event);
        this.#update({});
        return;
      case "state": {
        const change: Partial<Mutable<ChatView>> = {
          state: event.state,
          attempt: event.attempt,
          attempts: event.attempts,
          problem: event.error?.message,
          retrying: event.retryAt !== undefined,
        };
        this.#update(change);
        return;
      }
      case "server":
        return;
    }
  };

  /** Shows a line of the client's own (a command's answer). */
  show(event: ChatEvent): void {
    this.#add(event);
    this.#update({});
  }

  /** Line `index` of the pane: 0 is the oldest kept, `count - 1` the newest. */
  entry(index: number): PaneEntry | undefined {
    const logged = this.#entries.length;
    return index < logged ? this.#entries[index] : this.#pending[index - logged];
  }

  /** Our messages still waiting for the server's copy. */
  pendingEntries(): readonly PaneEntry[] {
    return this.#pending;
  }

  /** Empties the pane (pending messages stay: they are not sent yet). */
  clear(): void {
    this.#entries = [];
    this.#update({ offset: 0, unread: 0 });
  }

  /** Scrolls `lines` towards older lines. */
  scrollUp(lines: number): void {
    const offset = Math.max(0, Math.min(this.#view.offset + lines, this.#count() - 1));
    if (offset !== this.#view.offset) this.#update({ offset });
  }

  /** Scrolls `lines` towards newer lines; at the bottom the new-line count resets. */
  scrollDown(lines: number): void {
    const offset = Math.max(0, this.#view.offset - lines);
    if (offset !== this.#view.offset) {
      this.#update(offset === 0 ? { offset, unread: 0 } : { offset });
    }
  }

  /** Jumps back to the newest line. */
  scrollToEnd(): void {
    if (this.#view.offset !== 0 || this.#view.unread !== 0) this.#update({ offset: 0, unread: 0 });
  }

  /** Turns the bell on or off. */
  setBell(on: boolean): void {
    if (on !== this.#view.bell) this.#update({ bell: on });
  }

  /** In direct mode: the peer here now, or undefined while waiting for one. */
  setPeer(peer: string | undefined): void {
    if (peer === this.#view.peer) return;
    if (peer !== undefined) return this.#update({ peer });
    const { peer: _gone, ...rest } = this.#view;
    this.#view = rest;
    this.#update({});
  }

  /** Marks that we are leaving. */
  setLeaving(): void {
    if (!this.#view.leaving) this.#update({ leaving: true });
  }

  /** Keeps the progress bars in step with a file event. */
  #bar(event: FileEvent): void {
    const key = `${event.ref}:${event.peer ?? ""}`;
    switch (event.code) {
      case "accepted":
      case "progress": {
        const bar: TransferBar = {
          ref: event.ref,
          direction: event.direction,
          name: event.name,
          ...(event.peer === undefined ? {} : { peer: event.peer }),
          size: event.size,
          bytes: event.bytes ?? 0,
          rate: event.rate ?? 0,
          ...(event.etaMs === undefined ? {} : { etaMs: event.etaMs }),
        };
        this.#bars.set(key, bar);
        break;
      }
      case "received":
      case "delivered":
      case "rejected":
      case "cancelled":
      case "failed":
        // A transfer ended on our side ends all its bars (an offer to everyone has one per taker).
        if (event.peer === undefined || event.code === "cancelled") {
          for (const [k, bar] of this.#bars) if (bar.ref === event.ref) this.#bars.delete(k);
        } else {
          this.#bars.delete(key);
        }
        break;
      default:
        return;
    }
    (this.#view as Mutable<ChatView>).transfers = [...this.#bars.values()];
  }

  #count(): number {
    return this.#entries.length + this.#pending.length;
  }

  #add(event: ChatEvent): void {
    if (event.type === "file") {
      this.#bar(event);
      if (event.code === "progress") return; // the bar shows it
    }
    const own = (event.type === "message" || event.type === "me" || event.type === "private") &&
      event.self;
    if (own) {
      const at = this.#pending.findIndex((entry) => entryId(entry) === event.id);
      if (event.status === "pending") {
        const entry = { key: this.#nextKey++, event, mention: false };
        if (at >= 0) this.#pending[at] = entry;
        else this.#pending.push(entry);
        this.#follow(false);
        return;
      }
      // Confirmed or failed: it takes its place in the room's order.
      if (at >= 0) this.#pending.splice(at, 1);
      this.#append({ key: this.#nextKey++, event, mention: false });
      return;
    }
    this.#append({ key: this.#nextKey++, event, mention: this.#mentions(event) });
  }

  #append(entry: PaneEntry): void {
    this.#entries.push(entry);
    const excess = this.#entries.length - this.#scrollback;
    if (excess > 0) this.#entries.splice(0, excess);
    this.#follow(!entry.event.self);
    if (entry.mention && this.#view.bell) this.#ring();
  }

  /** A line was added: a reader scrolled up keeps seeing the same lines. */
  #follow(news: boolean): void {
    const view = this.#view as Mutable<ChatView>;
    if (view.offset === 0) return;
    view.offset = Math.min(view.offset + 1, Math.max(0, this.#count() - 1));
    if (news) view.unread++;
  }

  #mentions(event: ChatEvent): boolean {
    if (event.self) return false;
    const nick = this.#source?.nick ?? this.#view.nick;
    if (nick === "") return false;
    if (event.type === "private") return event.status === "confirmed";
    if (event.type !== "message" && event.type !== "me") return false;
    return mentionPattern(nick).test(event.text);
  }

  #update(change: Partial<Mutable<ChatView>>): void {
    const source = this.#source;
    const count = this.#count();
    const next: Mutable<ChatView> = {
      ...this.#view,
      ...(source === undefined ? {} : {
        state: source.state,
        nick: source.nick,
        server: source.serverName,
        members: source.members,
        host: source.host,
        away: source.away,
      }),
      ...change,
      count,
      pending: this.#pending.length,
      version: this.#view.version + 1,
    };
    // A state event may lack these: keep them only where they belong.
    if (next.state !== "reconnecting") {
      delete next.attempt;
      delete next.attempts;
    }
    if (next.state !== "offline") {
      delete next.problem;
      delete next.retrying;
    }
    next.offset = Math.max(0, Math.min(next.offset, count - 1));
    if (next.offset === 0) next.unread = 0;
    this.#view = next;
    for (const listener of [...this.#listeners]) listener();
  }
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

function entryId(entry: PaneEntry): string | undefined {
  const { event } = entry;
  return event.type === "message" || event.type === "me" || event.type === "private"
    ? event.id
    : undefined;
}

const patterns = new Map<string, RegExp>();

/** Matches `nick` as a word, in any case. */
export function mentionPattern(nick: string): RegExp {
  let pattern = patterns.get(nick);
  if (pattern === undefined) {
    const escaped = nick.normalize("NFC").replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    pattern = new RegExp(`(^|[^\\p{L}\\p{N}_])${escaped}($|[^\\p{L}\\p{N}_])`, "iu");
    if (patterns.size > 32) patterns.clear();
    patterns.set(nick, pattern);
  }
  return pattern;
}
