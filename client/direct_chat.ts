/**
 * What a chat looks like in direct (p2p) mode: two people, no server. The
 * connection is the same; only what is shown differs. The listener's own
 * welcome becomes the lines to read aloud (where to dial, the fingerprint)
 * and "waiting for a peer"; the peer's arrival becomes "direct with NICK";
 * the listener leaving on purpose ends the dialer's chat.
 *
 * Pure: no sockets, no timers, no output. The line-mode client and the
 * terminal UI both show what it returns.
 *
 * @module
 */

import { t } from "../i18n/mod.ts";
import { hostPort } from "../net/mod.ts";
import { DEFAULT_P2P_PORT, type Member } from "../protocol/mod.ts";
import { sameNick } from "../protocol/mod.ts";
import type { ChatEvent, InfoEvent } from "./chat_event.ts";

/** What a p2p listener tells its person once it is ready for a peer. */
export interface Listening {
  /** The port listened on. */
  port: number;
  /** This machine's addresses a peer can dial, most likely first (IPv6 without brackets). */
  addresses: readonly string[];
  /** The key's fingerprint, to compare aloud. */
  fingerprint: string;
}

/** Direct (p2p) mode of a chat front end. */
export interface DirectMode {
  /** This side listens (it joined its own listener over loopback); absent: this side dialed. */
  listening?: Listening;
}

/**
 * Turns a connection's display events into what direct mode shows. Feed it
 * every {@linkcode ChatEvent} in order; show what it returns, in order.
 *
 * @example Usage
 * ```ts ignore
 * const direct = new DirectChat({});
 * chat.onEvent = (event) => {
 *   if (event.kind !== "chat") return;
 *   for (const line of direct.present(event.event, chat.nick)) show(line);
 *   if (direct.ended) void chat.close(0);
 * };
 * ```
 */
export class DirectChat {
  readonly #listening: Listening | undefined;
  #peer: string | undefined;
  /** The next member list is the welcome's: it says who the peer is, and is not shown. */
  #welcome = false;
  #ended = false;

  /** Starts with no peer. */
  constructor(mode: DirectMode) {
    this.#listening = mode.listening;
  }

  /** The peer's nick, while one is here (live or dropped and expected back). */
  get peer(): string | undefined {
    return this.#peer;
  }

  /** Whether this side listens. */
  get listening(): boolean {
    return this.#listening !== undefined;
  }

  /** Dialer only: the listener left on purpose; the direct chat is over. */
  get ended(): boolean {
    return this.#ended;
  }

  /** What to show for `event` (none, the event itself, or other lines); `nick` is ours now. */
  present(event: ChatEvent, nick: string): ChatEvent[] {
    switch (event.type) {
      case "info":
        if (event.code === "connected") {
          this.#welcome = true;
          return this.#listening === undefined ? [] : this.#banner(event.ts, this.#listening);
        }
        if (event.code === "new-session") this.#welcome = true;
        return [event];
      case "members": {
        if (!this.#welcome) return [event]; // an answer to /who
        this.#welcome = false;
        return this.#peerFrom(event.members, nick, event.ts);
      }
      case "join":
        if (event.self) return [];
        this.#peer = event.nick;
        return [this.#direct(event.nick, event.ts, event.seq)];
      case "leave": {
        if (this.#peer === undefined || !sameNick(event.nick, this.#peer)) return [event];
        this.#peer = undefined;
        if (this.#listening !== undefined) return [event, this.#waiting(event.ts)];
        if (event.reason !== "quit") return [event];
        this.#ended = true;
        return [
          event,
          info("ended", event.ts, t("p2p.ended", { nick: event.nick }), event.nick),
        ];
      }
      case "nick":
        if (this.#peer !== undefined && sameNick(event.nick, this.#peer)) {
          this.#peer = event.newNick;
        }
        return [event];
      default:
        return [event];
    }
  }

  #peerFrom(members: readonly Member[], nick: string, ts: number): ChatEvent[] {
    const other = members.find((member) => !sameNick(member.nick, nick));
    this.#peer = other?.nick;
    if (other !== undefined) return [this.#direct(other.nick, ts)];
    return this.#listening === undefined ? [] : [this.#waiting(ts)];
  }

  #direct(peer: string, ts: number, seq?: number): InfoEvent {
    const event = info("direct", ts, t("p2p.direct_with", { nick: peer }), peer);
    if (seq !== undefined) event.seq = seq;
    return event;
  }

  #waiting(ts: number): InfoEvent {
    return info("waiting", ts, t("p2p.waiting"));
  }

  #banner(ts: number, listening: Listening): InfoEvent[] {
    const { port, addresses, fingerprint } = listening;
    const first: InfoEvent = {
      ...info("listening", ts, t("p2p.listening", { port: String(port) })),
      port,
      addresses: addresses.map((address) => hostPort(address, port)),
      fingerprint,
    };
    const lines = [first];
    for (const address of addresses) {
      lines.push(info("listening", ts, t("p2p.address", { address: hostPort(address, port) })));
    }
    if (addresses.length === 0) {
      lines.push(info("listening", ts, t("p2p.no_address", { port: String(port) })));
    }
    lines.push(info("listening", ts, t("p2p.fingerprint", { fingerprint })));
    const host = addresses[0];
    if (host !== undefined) {
      const where = port === DEFAULT_P2P_PORT
        ? (host.includes(":") ? `[${host}]` : host)
        : hostPort(host, port);
      lines.push(info("listening", ts, t("p2p.peer_runs", { command: `stealth p2p ${where}` })));
    }
    return lines;
  }
}

function info(code: InfoEvent["code"], ts: number, text: string, nick?: string): InfoEvent {
  const event: InfoEvent = { type: "info", code, ts, self: false, text };
  if (nick !== undefined) event.nick = nick;
  return event;
}
