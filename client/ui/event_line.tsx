/**
 * One {@linkcode ChatEvent} as one (wrapping) line of the message pane:
 * time, nick in its colour, text. Private messages carry a marker, the
 * host's announcements come from **Server**, presence and status lines are
 * dimmed, our own messages show whether they are still on their way. Text
 * from peers is made terminal-safe first.
 *
 * @module
 */

import { Box, Text } from "ink";
import { t } from "../../i18n/mod.ts";
import type { ChatEvent } from "../chat_event.ts";
import { localTime, renderEvent, safe } from "../render_event.ts";
import { nickColor, type Theme } from "./theme.ts";

/** A run of text in one style. */
export interface Segment {
  /** The text. */
  text: string;
  /** Ink colour name. */
  color?: string;
  /** Bold. */
  bold?: boolean;
  /** Dimmed. */
  dim?: boolean;
  /** Italic. */
  italic?: boolean;
  /** Inverse (the plain theme's highlight). */
  inverse?: boolean;
}

/** What {@linkcode eventSegments} needs besides the event. */
export interface LineStyle {
  /** The theme. */
  theme: Theme;
  /** Formats the time (default: the local time, the reader's way). */
  time?: (ts: number) => string;
  /** Someone said our nick: the line stands out. */
  mention?: boolean;
}

/** The styled runs of one pane line. */
export function eventSegments(event: ChatEvent, style: LineStyle): Segment[] {
  const { theme } = style;
  const time = style.time ?? localTime;
  const stamp: Segment = { text: `[${time(event.ts)}] `, dim: true };
  const nick = (name: string, self: boolean): Segment => {
    const color = nickColor(name, theme);
    return color === undefined
      ? { text: name, bold: true }
      : { text: name, color: self ? theme.accent ?? color : color, bold: true };
  };
  const body = (text: string, extra: Partial<Segment> = {}): Segment =>
    style.mention
      ? { text: safe(text), bold: true, ...(theme.accent ? { color: theme.accent } : {}), ...extra }
      : { text: safe(text), ...extra };
  const delivery = (status: string): Segment[] => {
    if (status === "pending") return [{ text: `  ⋯ ${t("ui.sending")}`, dim: true }];
    if (status === "failed") {
      return [{ text: `  ✗ ${t("ui.not_sent")}`, bold: true, ...color(theme.error) }];
    }
    return [];
  };
  const pendingDim = (segments: Segment[], status: string): Segment[] =>
    status === "pending" ? segments.map((s) => ({ ...s, dim: true })) : segments;

  switch (event.type) {
    case "message":
      return [
        stamp,
        ...pendingDim([
          { text: "<" },
          nick(event.from, event.self),
          { text: "> " },
          body(event.text),
        ], event.status),
        ...delivery(event.status),
      ];
    case "me":
      return [
        stamp,
        ...pendingDim([
          { text: "* " },
          nick(event.from, event.self),
          { text: " " },
          body(event.text, { italic: true }),
        ], event.status),
        ...delivery(event.status),
      ];
    case "private": {
      const label = `[${t("ui.private")}]`;
      const marker: Segment = theme.private === undefined
        ? { text: label, inverse: true }
        : { text: label, color: theme.private, bold: true };
      const from = event.self ? { text: t("chat.you") } : nick(event.from, false);
      const to = event.self ? nick(event.to, false) : { text: t("chat.you") };
      const said: Segment[] = event.me
        ? [{ text: "* " }, nick(event.from, event.self), { text: " " }, body(event.text)]
        : [body(event.text)];
      return [
        stamp,
        ...pendingDim([
          marker,
          { text: " <" },
          from,
          { text: " → " },
          to,
          { text: "> " },
          ...said,
        ], event.status),
        ...delivery(event.status),
      ];
    }
    case "notice":
      return [
        stamp,
        { text: "<" },
        { text: t("chat.server_name"), bold: true, ...color(theme.server) },
        { text: "> " },
        { text: safe(event.text), bold: true },
      ];
    case "error":
      return [
        stamp,
        {
          text: event.from === undefined
            ? `!! ${safe(event.text)}`
            : `!! ${event.from}: ${safe(event.text)}`,
          bold: true,
          ...color(theme.error),
        },
      ];
    case "file": {
      // Offers and files kept stand out; trouble reads as an error; the rest is quiet.
      const trouble = event.code === "failed" || event.code === "refused";
      const news = event.code === "offer" || event.code === "received";
      const look: Partial<Segment> = trouble
        ? { bold: true, ...color(theme.error) }
        : news
        ? { bold: true, ...color(theme.accent) }
        : { dim: true };
      return [stamp, { text: `${trouble ? "!!" : "▸"} ${safe(event.text)}`, ...look }];
    }
    default: {
      // Presence, member lists and the client's own status lines: quiet.
      const line = renderEvent(event, "plain", { time }) ?? "";
      return [{ text: line, dim: true }];
    }
  }
}

function color(name: string | undefined): Partial<Segment> {
  return name === undefined ? {} : { color: name };
}

/** The line's text without styles. */
export function segmentsText(segments: readonly Segment[]): string {
  return segments.map((segment) => segment.text).join("");
}

/**
 * Terminal columns `text` takes, erring on the wide side (every character
 * of the wide scripts and emoji counts 2): used to decide how many lines
 * fill the pane, where too many only costs a little drawing.
 */
export function displayWidth(text: string): number {
  let width = 0;
  for (const char of text) {
    const code = char.codePointAt(0)!;
    if (code < 0x300) width += 1;
    else if (/\p{Mn}|\p{Me}|\u200d|[\ufe00-\ufe0f]/u.test(char)) continue;
    else if (code >= 0x1100) width += 2;
    else width += 1;
  }
  return width;
}

/** Rows a line of `text` takes when wrapped at `columns` (at least 1). */
export function rowsOf(text: string, columns: number): number {
  return Math.max(1, Math.ceil(displayWidth(text) / Math.max(1, columns)));
}

/** Props of {@linkcode EventLine}. */
export interface EventLineProps extends LineStyle {
  /** The event. */
  event: ChatEvent;
}

/** One pane line; it wraps, and never shrinks below its text. */
export function EventLine(props: EventLineProps) {
  const segments = eventSegments(props.event, props);
  return (
    <Box flexShrink={0}>
      <Text wrap="wrap" {...(props.theme.text ? { color: props.theme.text } : {})}>
        {segments.map((segment, i) => (
          <Text
            key={i}
            {...(segment.color === undefined ? {} : { color: segment.color })}
            bold={segment.bold ?? false}
            dimColor={segment.dim ?? false}
            italic={segment.italic ?? false}
            inverse={segment.inverse ?? false}
          >
            {segment.text}
          </Text>
        ))}
      </Text>
    </Box>
  );
}
