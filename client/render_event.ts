/**
 * One line per {@linkcode ChatEvent}, for the line-mode client: readable
 * text (`[12:03] <alice> hi`) or one JSON object with stable field names.
 * Text from peers is made safe for a terminal: control characters (escape
 * sequences), bidirectional overrides and line breaks cannot reach it raw.
 *
 * @module
 */

import { humanDuration } from "../cli/mod.ts";
import type { ChatEvent } from "./chat_event.ts";

/** How {@linkcode renderEvent} writes a line. */
export type LineFormat = "plain" | "json";

/** Options of {@linkcode renderEvent}. */
export interface RenderOptions {
  /** Formats the time of plain lines (default: local `HH:MM`). */
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

/** Local time as `HH:MM`. */
export function localTime(ts: number): string {
  const date = new Date(ts);
  return `${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

function pad(n: number): string {
  return String(n).padStart(2, "0");
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
      const from = event.self ? "you" : event.from;
      const to = event.self ? event.to : "you";
      const text = event.me ? `* ${event.from} ${safe(event.text)}` : safe(event.text);
      return `<${from} → ${to}> ${text}`;
    }
    case "notice":
      return `<Server> ${safe(event.text)}`;
    case "join":
      return `-- ${event.self ? "you" : event.nick} joined`;
    case "leave": {
      if (event.reason === "kicked" || event.reason === "banned") {
        const because = event.detail === undefined ? "" : `: ${safe(event.detail)}`;
        return `-- ${event.nick} was ${event.reason} by the host${because}`;
      }
      const why = event.detail === undefined
        ? event.reason
        : `${event.reason}: ${safe(event.detail)}`;
      return `-- ${event.nick} left (${why})`;
    }
    case "mute": {
      const who = event.self ? "you" : event.nick;
      if (!event.muted) return `-- ${who} may speak again`;
      const length = event.until === undefined
        ? "until the host lifts it"
        : `for ${humanDuration(event.until - event.ts)}`;
      const still = event.self ? " — you can still read" : "";
      return `-- ${who} ${event.self ? "were" : "was"} muted by the host ${length}${still}`;
    }
    case "room": {
      const door = event.locked ? "locked (nobody new can join)" : "open to new members";
      const limit = event.limit === undefined
        ? "no member limit"
        : `at most ${event.limit} members`;
      return `-- the host changed the room: ${door}, ${limit}`;
    }
    case "away":
      if (event.self) return `-- you are ${event.away ? "away" : "back"}`;
      return `-- ${event.nick} is ${event.away ? "away" : "back"}`;
    case "nick":
      return `-- ${event.self ? "you are" : `${event.nick} is`} now ${event.newNick}`;
    case "members": {
      const names = event.members.map((m) => {
        const marks = [
          m.away ? "away" : "",
          m.host ? "host" : "",
          m.muted ? "muted" : "",
          // Only the host's lists carry addresses: where from, and for how long.
          m.address === undefined ? "" : `${m.address}, ${humanDuration(event.ts - m.since)}`,
        ].filter(Boolean);
        return marks.length === 0 ? m.nick : `${m.nick} (${marks.join(", ")})`;
      });
      const count = event.members.length;
      return `-- ${count} here: ${names.join(", ")}`;
    }
    case "info":
      return `-- ${safe(event.text)}`;
    case "error":
      return event.from === undefined
        ? `!! ${safe(event.text)}`
        : `!! ${event.from}: ${safe(event.text)}`;
  }
}

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
