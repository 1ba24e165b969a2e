/**
 * One line per {@linkcode ChatEvent}, for the line-mode client: readable
 * text (`[12:03] <alice> hi`) or one JSON object with stable field names.
 * Text from peers is made safe for a terminal: control characters (escape
 * sequences), bidirectional overrides and line breaks cannot reach it raw.
 *
 * @module
 */

import { duration, t, time } from "../i18n/mod.ts";
import type { ChatEvent, LeaveEvent, MembersEvent } from "./chat_event.ts";

/** How {@linkcode renderEvent} writes a line. */
export type LineFormat = "plain" | "json";

/** Options of {@linkcode renderEvent}. */
export interface RenderOptions {
  /** Formats the time of plain lines (default: the local time, the reader's way). */
  time?: (ts: number) => string;
}

/**
 * Whether the line-mode client shows the event: our own messages appear
 * once, when the server's copy confirms them, never while pending; a
 * failed one is told by its own error event.
 */
export function isShown(event: ChatEvent): boolean {
  if (event.type === "message" || event.type === "me" || event.type === "private") {
    return event.status === "confirmed";
  }
  // A transfer's progress: one line per tenth, not one per chunk.
  if (event.type === "file" && event.code === "progress") return event.step === true;
  return true;
}

/** One line for the event, or `undefined` when the line-mode client does not show it. */
export function renderEvent(
  event: ChatEvent,
  format: LineFormat,
  options: RenderOptions = {},
): string | undefined {
  if (!isShown(event)) return undefined;
  return format === "json" ? renderJson(event) : renderPlain(event, options.time ?? localTime);
}

/** Local time, hours and minutes, the reader's way (`02:05 PM`, `14:05`). */
export function localTime(ts: number): string {
  return time(ts);
}

function renderPlain(event: ChatEvent, time: (ts: number) => string): string {
  return `[${time(event.ts)}] ${plainBody(event)}`;
}

function plainBody(event: ChatEvent): string {
  switch (event.type) {
    case "message":
      return `<${event.from}> ${safe(event.text)}`;
    case "me":
      return `* ${event.from} ${safe(event.text)}`;
    case "private": {
      const from = event.self ? t("chat.you") : event.from;
      const to = event.self ? event.to : t("chat.you");
      const text = event.me ? `* ${event.from} ${safe(event.text)}` : safe(event.text);
      return `<${from} → ${to}> ${text}`;
    }
    case "notice":
      return `<${t("chat.server_name")}> ${safe(event.text)}`;
    case "join":
      return `-- ${event.self ? t("chat.you_joined") : t("chat.joined", { nick: event.nick })}`;
    case "leave":
      return `-- ${leaveText(event)}`;
    case "mute": {
      if (!event.muted) {
        return `-- ${event.self ? t("chat.you_unmuted") : t("chat.unmuted", { nick: event.nick })}`;
      }
      if (event.until === undefined) {
        return `-- ${
          event.self
            ? t("chat.you_muted_until_lifted")
            : t("chat.muted_until_lifted", { nick: event.nick })
        }`;
      }
      const length = duration(event.until - event.ts);
      return `-- ${
        event.self
          ? t("chat.you_muted_for", { time: length })
          : t("chat.muted_for", { nick: event.nick, time: length })
      }`;
    }
    case "room": {
      const door = event.locked ? t("chat.room_locked") : t("chat.room_open");
      const limit = event.limit === undefined
        ? t("chat.no_limit")
        : t("chat.limit", { count: event.limit });
      return `-- ${t("chat.room_changed", { door, limit })}`;
    }
    case "away":
      if (event.self) return `-- ${event.away ? t("chat.you_away") : t("chat.you_back")}`;
      return `-- ${
        event.away ? t("chat.away", { nick: event.nick }) : t("chat.back", { nick: event.nick })
      }`;
    case "nick":
      return `-- ${
        event.self
          ? t("chat.you_renamed", { nick: event.newNick })
          : t("chat.renamed", { old: event.nick, nick: event.newNick })
      }`;
    case "members":
      return `-- ${membersText(event)}`;
    case "info":
      return `-- ${safe(event.text)}`;
    case "error":
      return event.from === undefined
        ? `!! ${safe(event.text)}`
        : `!! ${event.from}: ${safe(event.text)}`;
    case "file":
      // The text quotes the offered name: made safe like everything a peer wrote.
      return `${FILE_TROUBLE.has(event.code) ? "!!" : "--"} ${safe(event.text)}`;
  }
}

/** File events told as problems. */
const FILE_TROUBLE = new Set(["failed", "refused"]);

function renderJson(event: ChatEvent): string {
  // Fixed leading fields, then the event's own, in its declared order.
  const { type, ts, seq, ...rest } = event;
  const head: Record<string, unknown> = { type, ts };
  if (seq !== undefined) head.seq = seq;
  return JSON.stringify({ ...head, ...rest });
}

/**
 * Peer text made safe for one terminal line: line breaks become `⏎`, other
 * control characters and bidirectional overrides become `�`.
 */
export function safe(text: string): string {
  return text.replace(/\r\n|\r|\n/g, " ⏎ ").replace(UNSAFE, "\ufffd");
}

/** C0 controls but tab, DEL, C1 controls (ESC starts terminal sequences), bidi controls. */
// deno-lint-ignore no-control-regex
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** Why someone left, in the reader's words; the host's reason as the host typed it. */
function leaveText(event: LeaveEvent): string {
  const { nick, detail } = event;
  if (event.reason === "kicked" || event.reason === "banned") {
    const kicked = event.reason === "kicked";
    if (detail === undefined) {
      return kicked ? t("chat.kicked", { nick }) : t("chat.banned", { nick });
    }
    const reason = safe(detail);
    return kicked
      ? t("chat.kicked_reason", { nick, reason })
      : t("chat.banned_reason", { nick, reason });
  }
  const why = leaveReason(event.reason);
  if (why !== undefined) return t("chat.left", { nick, reason: why });
  // A reason this version does not know: its code, and the server's words if any.
  const code = detail === undefined ? event.reason : `${event.reason}: ${safe(detail)}`;
  return t("chat.left", { nick, reason: code });
}

/** A `leave` reason code in words, or undefined for a code this version does not know. */
function leaveReason(reason: string): string | undefined {
  switch (reason) {
    case "quit":
      return t("chat.reason_quit");
    case "timeout":
      return t("chat.reason_timeout");
    case "flood":
      return t("chat.reason_flood");
    case "replaced":
      return t("chat.reason_replaced");
    default:
      return undefined;
  }
}

/** "3 here: alice, bob (away)"; the host's lists add where each member is from, and since when. */
function membersText(event: MembersEvent): string {
  const names = event.members.map((m) => {
    const marks = [
      m.away ? t("chat.mark_away") : "",
      m.host ? t("chat.mark_host") : "",
      m.muted ? t("chat.mark_muted") : "",
      m.address === undefined ? "" : `${m.address}, ${duration(event.ts - m.since)}`,
    ].filter(Boolean);
    return marks.length === 0 ? m.nick : `${m.nick} (${marks.join(", ")})`;
  });
  return t("chat.members_here", { count: event.members.length, names: names.join(", ") });
}
