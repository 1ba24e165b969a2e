/**
 * What a member sees: the display model shared by the line-mode client and
 * the terminal UI. Room events from the server become {@linkcode ChatEvent}s
 * here, bodies decrypted under the circle key; a body that cannot be read
 * becomes an error event, never an exception.
 *
 * Pure: no sockets, no timers, no output.
 *
 * @module
 */

import { fernetDecrypt, type SecretKey } from "../crypto/mod.ts";
import { t } from "../i18n/mod.ts";
import {
  type Body,
  decodeBody,
  type Member,
  type OpResult,
  type RoomEvent,
  sameNick,
} from "../protocol/mod.ts";

/** Delivery state of one of our own messages. */
export type MessageStatus = "pending" | "confirmed" | "failed";

/** Fields every event has. */
export interface ChatEventBase {
  /** When it happened: the server's time for room events, ours otherwise (ms since the epoch). */
  ts: number;
  /** The room's sequence number, for room events. */
  seq?: number;
  /** Whether it is about us (our message, our nick change...). */
  self: boolean;
}

/** A line said to everyone (`type: "message"`), or an action (`/me`, `type: "me"`). */
export interface MessageEvent extends ChatEventBase {
  /** Ordinary line or action. */
  type: "message" | "me";
  /** The sender's message id. */
  id: string;
  /** The sender's nick. */
  from: string;
  /** What was said. */
  text: string;
  /** For our own messages: pending until the server's copy comes back. */
  status: MessageStatus;
}

/** A private message (`/msg NICK text`), to us or from us. */
export interface PrivateEvent extends ChatEventBase {
  /** Private message. */
  type: "private";
  /** The sender's message id. */
  id: string;
  /** The sender's nick. */
  from: string;
  /** The recipient's nick. */
  to: string;
  /** What was said. */
  text: string;
  /** An action (`* nick text`) rather than a line. */
  me?: boolean;
  /** For our own messages: pending until the server's copy comes back. */
  status: MessageStatus;
}

/** An announcement from the host, or the welcome text, shown as from **Server**. */
export interface NoticeEvent extends ChatEventBase {
  /** Announcement. */
  type: "notice";
  /** Always "Server". */
  from: "Server";
  /** The announcement. */
  text: string;
}

/** Someone joined. */
export interface JoinEvent extends ChatEventBase {
  /** Join. */
  type: "join";
  /** Who. */
  nick: string;
}

/** Someone left. */
export interface LeaveEvent extends ChatEventBase {
  /** Leave. */
  type: "leave";
  /** Who. */
  nick: string;
  /** Why, as a code: "quit", "timeout", "flood", "replaced", "kicked", "banned". */
  reason: string;
  /** The server's words, if any; for "kicked" and "banned", the host's reason. */
  detail?: string;
}

/** The host muted someone, or let them speak again. */
export interface MuteEvent extends ChatEventBase {
  /** Mute. */
  type: "mute";
  /** Who. */
  nick: string;
  /** True: muted (can read, cannot say); false: may speak again. */
  muted: boolean;
  /** When the mute ends (server time, ms); absent: until the host lifts it. */
  until?: number;
}

/** The host changed who may join. */
export interface RoomSettingsEvent extends ChatEventBase {
  /** Room settings. */
  type: "room";
  /** Nobody new may join. */
  locked: boolean;
  /** Most members; absent: no limit. */
  limit?: number;
}

/** Someone went away or came back. */
export interface AwayEvent extends ChatEventBase {
  /** Away or back. */
  type: "away";
  /** Who. */
  nick: string;
  /** True: away; false: back. */
  away: boolean;
}

/** Someone changed nick. */
export interface NickEvent extends ChatEventBase {
  /** Nick change. */
  type: "nick";
  /** The old nick. */
  nick: string;
  /** The new nick. */
  newNick: string;
}

/** The member list (after joining, and as the answer to `/who`). */
export interface MembersEvent extends ChatEventBase {
  /** Member list. */
  type: "members";
  /** Members in join order. */
  members: Member[];
}

/** What an info event is about. */
export type InfoCode =
  | "connected" // first join: "connected to NAME as NICK"
  | "host" // the server accepted host.key
  | "host-refused" // the server did not accept host.key
  | "connection-lost" // the link dropped without bye
  | "reconnecting" // "reconnecting (attempt n of 3)"
  | "resumed" // "resumed, nothing missed" (or how many events were lost)
  | "new-session" // resume impossible, joined as a new session
  | "offline" // gave up reconnecting
  | "help" // one line of /help
  | "op" // the server's answer to a host command (the answer itself in `result`)
  | "setting" // a client setting changed (/bell, /debug)
  | "left" // we left (bye sent)
  | "listening" // p2p listener: where the peer can dial, and the fingerprint to read aloud
  | "direct" // p2p: "direct with NICK", the one peer is here
  | "waiting" // p2p listener: nobody else here, waiting for a peer
  | "ended"; // p2p dialer: the listener left on purpose, the direct chat is over

/** A status line from the client itself. */
export interface InfoEvent extends ChatEventBase {
  /** Status. */
  type: "info";
  /** What it is about. */
  code: InfoCode;
  /** One line for a person, in their language (scripts read `code` and the fields). */
  text: string;
  /** For "reconnecting": the attempt, from 1. */
  attempt?: number;
  /** For "reconnecting": how many attempts there will be. */
  attempts?: number;
  /** For "connected": the server's name. */
  server?: string;
  /** For "connected": our nick; for "direct" and "ended": the peer's. */
  nick?: string;
  /** For "listening": the port listened on. */
  port?: number;
  /** For "listening": this machine's addresses a peer can dial (`HOST:PORT`). */
  addresses?: string[];
  /** For "listening": the key's fingerprint, to compare aloud. */
  fingerprint?: string;
  /** For "resumed": events the server could no longer replay. */
  missed?: number;
  /** For "op": the server's answer, as it came. */
  result?: OpResult;
}

/** Something went wrong; one line for a person. */
export interface ErrorEvent extends ChatEventBase {
  /** Error. */
  type: "error";
  /**
   * What went wrong: "unreadable" (a body not sealed with our key), "command"
   * (a bad slash command), "refused" (the server refused a request),
   * "outbox-full", "not-connected", "unsent", "fatal"...
   */
  code: string;
  /** One line for a person, in their language (scripts read `code`). */
  text: string;
  /** Who sent the unreadable message, when known. */
  from?: string;
  /** The id of our message the error is about. */
  id?: string;
}

/** What a file event is about. */
export type FileEventCode =
  | "offer" // someone offers us a file: /accept or /reject
  | "offered" // our offer went out
  | "accepted" // a receiver accepted ours (out), or we accepted (in)
  | "rejected" // a receiver declined ours, or we declined
  | "progress" // bytes moved; `step` when it passed a tenth
  | "received" // the file is ours, its SHA-256 checked (`path`)
  | "delivered" // a receiver has our file, checked
  | "cancelled" // stopped by either side
  | "failed" // broken: a bad chunk, a wrong hash, a peer gone...
  | "refused" // an offer refused on sight (hostile name, too big...)
  | "list"; // one line of /files

/** A file transfer, one side of it. */
export interface FileEvent extends ChatEventBase {
  /** File sharing. */
  type: "file";
  /** What happened. */
  code: FileEventCode;
  /** The transfer's number here: what `/accept`, `/reject`, `/cancel` take. */
  ref: number;
  /** The file id (the wire's). */
  file: string;
  /** The name as offered (not made safe: render it with `safe`). */
  name: string;
  /** Its size, in bytes. */
  size: number;
  /** Coming to us, or going from us. */
  direction: "in" | "out";
  /** The sender (in) or the receiver (out); absent for an offer to everyone. */
  peer?: string;
  /** Bytes moved so far. */
  bytes?: number;
  /** Bytes per second lately. */
  rate?: number;
  /** Time left at that rate (ms). */
  etaMs?: number;
  /** Whole percent moved. */
  percent?: number;
  /** A progress event that passed a tenth (10 %, 20 %, …): the line mode prints these. */
  step?: boolean;
  /** Where the received file was kept. */
  path?: string;
  /** Why it was refused, cancelled or failed, as a code. */
  reason?: string;
  /** One line for a person, in their language (scripts read the fields). */
  text: string;
}

/** Everything the member sees, one event per line of the line-mode client. */
export type ChatEvent =
  | MessageEvent
  | PrivateEvent
  | NoticeEvent
  | JoinEvent
  | LeaveEvent
  | MuteEvent
  | RoomSettingsEvent
  | AwayEvent
  | NickEvent
  | MembersEvent
  | InfoEvent
  | ErrorEvent
  | FileEvent;

/** The text of the event made from a body that does not decrypt, in the reader's language. */
export function unreadableText(): string {
  return t("chat.unreadable");
}

/**
 * Decrypts a Fernet body and reads it; `undefined` when it was not sealed
 * with `key` or is not a body this version knows.
 */
export function openBody(key: SecretKey, token: string): Body | undefined {
  try {
    return decodeBody(fernetDecrypt(key, token));
  } catch {
    return undefined;
  }
}

/** What {@linkcode chatEventOf} needs to know about us. */
export interface ChatEventContext {
  /** The circle key, to open bodies. */
  key: SecretKey;
  /** Our nick now. */
  nick: string;
}

/**
 * The display event of a room event. `msg` and `notice` bodies are decrypted;
 * one that cannot be read becomes an {@linkcode ErrorEvent} with code
 * "unreadable". A message of ours is "confirmed" (the server's copy is its
 * acknowledgement).
 */
export function chatEventOf(message: RoomEvent, context: ChatEventContext): ChatEvent {
  const { seq, ts } = message;
  const isSelf = (nick: string) => sameNick(nick, context.nick);
  switch (message.t) {
    case "msg": {
      const self = isSelf(message.from);
      const body = openBody(context.key, message.body);
      if (body === undefined) {
        return {
          type: "error",
          code: "unreadable",
          ts,
          seq,
          self,
          from: message.from,
          id: message.id,
          text: unreadableText(),
        };
      }
      const status: MessageStatus = "confirmed";
      if (message.to !== undefined) {
        const event: PrivateEvent = {
          type: "private",
          ts,
          seq,
          self,
          id: message.id,
          from: message.from,
          to: message.to,
          text: body.text,
          status,
        };
        if (body.kind === "me") event.me = true;
        return event;
      }
      return {
        type: body.kind === "me" ? "me" : "message",
        ts,
        seq,
        self,
        id: message.id,
        from: message.from,
        text: body.text,
        status,
      };
    }
    case "notice": {
      const body = openBody(context.key, message.body);
      if (body === undefined) {
        return {
          type: "error",
          code: "unreadable",
          ts,
          seq,
          self: false,
          from: "Server",
          text: unreadableText(),
        };
      }
      return { type: "notice", ts, seq, self: false, from: "Server", text: body.text };
    }
    case "join":
      return { type: "join", ts, seq, self: isSelf(message.nick), nick: message.nick };
    case "leave": {
      const event: LeaveEvent = {
        type: "leave",
        ts,
        seq,
        self: isSelf(message.nick),
        nick: message.nick,
        reason: message.reason,
      };
      if (message.detail !== undefined) event.detail = message.detail;
      return event;
    }
    case "away":
      return {
        type: "away",
        ts,
        seq,
        self: isSelf(message.nick),
        nick: message.nick,
        away: message.away,
      };
    case "mute": {
      const event: MuteEvent = {
        type: "mute",
        ts,
        seq,
        self: isSelf(message.nick),
        nick: message.nick,
        muted: message.muted,
      };
      if (message.until !== undefined) event.until = message.until;
      return event;
    }
    case "room": {
      const event: RoomSettingsEvent = {
        type: "room",
        ts,
        seq,
        self: false,
        locked: message.locked,
      };
      if (message.limit !== undefined) event.limit = message.limit;
      return event;
    }
    case "nick":
      return {
        type: "nick",
        ts,
        seq,
        self: isSelf(message.old),
        nick: message.old,
        newNick: message.new,
      };
  }
}
