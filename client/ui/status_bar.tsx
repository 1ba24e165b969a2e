/**
 * The status bar: server name (in p2p mode "direct", and with whom), members online, the connection's state
 * (connected / reconnecting, attempt 2 of 3 / offline) and our nick, plus
 * what else is worth a glance (away, pending messages, bell off).
 *
 * @module
 */

import { Box, Text } from "ink";
import { t } from "../../i18n/mod.ts";
import type { ChatView } from "./chat_store.ts";
import type { Theme } from "./theme.ts";

/** The connection's state in words. */
export function stateText(
  view: Pick<ChatView, "state" | "attempt" | "attempts" | "leaving" | "retrying">,
): string {
  if (view.leaving) return t("ui.leaving");
  switch (view.state) {
    case "idle":
    case "connecting":
      return t("ui.connecting");
    case "connected":
      return t("ui.connected");
    case "reconnecting":
      return view.attempt === undefined ? t("ui.reconnecting") : t("ui.reconnecting_attempt", {
        attempt: view.attempt,
        attempts: view.attempts === undefined ? "?" : view.attempts,
      });
    case "offline":
      return view.retrying === true ? t("ui.offline_retrying") : t("ui.offline");
    case "closed":
      return t("ui.left");
  }
}

/**
 * The bar's text: its parts joined by " │ ", in at most `width` columns
 * when it can. A bar too wide for its row (a long language, a crowded
 * moment) says less rather than cut a word: first the away count goes,
 * then the attempt's words become "2/3", then our own "(away)", then "bell
 * off", and last the server's name is shortened. What stays is whole.
 */
export function statusText(view: ChatView, width = Infinity): string {
  const away = view.members.filter((member) => member.away).length;
  const count = view.members.length;
  const reconnecting = view.state === "reconnecting" && !view.leaving &&
    view.attempt !== undefined;
  let where = whereText(view);
  let online = away > 0 ? t("ui.online_away", { count, away }) : t("ui.online", { count });
  let state = stateText(view);
  let ownAway = view.away;
  let bellOff = !view.bell;
  const text = () => {
    const parts = [
      where,
      online,
      state,
      view.nick + (view.host ? ` ${t("ui.mark_host")}` : "") +
      (ownAway ? ` ${t("ui.mark_away")}` : ""),
    ];
    if (view.pending > 0) parts.push(t("ui.pending", { count: view.pending }));
    if (bellOff) parts.push(t("ui.bell_off"));
    return ` ${parts.join(" │ ")} `;
  };
  const steps = [
    () => online = t("ui.online", { count }),
    () => {
      if (reconnecting) {
        state = t("ui.reconnecting_short", {
          attempt: view.attempt!,
          attempts: view.attempts ?? "?",
        });
      }
    },
    () => ownAway = false,
    () => bellOff = false,
  ];
  for (const step of steps) {
    if (columnsOf(text()) <= width) return text();
    step();
  }
  const over = columnsOf(text()) - width;
  if (over > 0) where = shorten(where, Math.max(4, columnsOf(where) - over));
  return text();
}

/** `text` cut to `columns`, an ellipsis marking the cut. */
function shorten(text: string, columns: number): string {
  if (columnsOf(text) <= columns) return text;
  let out = "";
  for (const char of text) {
    if (columnsOf(out + char) > columns - 1) break;
    out += char;
  }
  return `${out}…`;
}

/**
 * Terminal columns of one line of the bar: wide (East Asian) characters
 * count 2, combining marks none, everything else 1 — the bar's own marks
 * (`│`, `…`) included, unlike the pane's deliberately generous count.
 */
export function columnsOf(text: string): number {
  let width = 0;
  for (const char of text) {
    const code = char.codePointAt(0)!;
    if (/\p{Mn}|\p{Me}|\u200d|[\ufe00-\ufe0f]/u.test(char)) continue;
    width += WIDE.some(([from, to]) => code >= from && code <= to) ? 2 : 1;
  }
  return width;
}

const WIDE: readonly (readonly [number, number])[] = [
  [0x1100, 0x115f],
  [0x2e80, 0xa4cf],
  [0xac00, 0xd7a3],
  [0xf900, 0xfaff],
  [0xfe30, 0xfe4f],
  [0xff00, 0xff60],
  [0xffe0, 0xffe6],
  [0x1f300, 0x1f64f],
  [0x1f900, 0x1f9ff],
  [0x20000, 0x3fffd],
];

/** The bar's first part: the server's name, or in p2p mode "direct" and with whom. */
function whereText(view: ChatView): string {
  if (view.direct) {
    return view.peer === undefined ? t("ui.direct") : t("p2p.direct_with", { nick: view.peer });
  }
  return view.server === "" ? "stealth" : view.server;
}

/** Props of {@linkcode StatusBar}. */
export interface StatusBarProps {
  /** What to show. */
  view: ChatView;
  /** Columns. */
  width: number;
  /** Colours. */
  theme: Theme;
}

/** One row, full width, in the bar's colours (or inverse). */
export function StatusBar(props: StatusBarProps) {
  const { view, width, theme } = props;
  let text = statusText(view, width);
  const used = columnsOf(text);
  if (used < width) text += " ".repeat(width - used);
  const alarm = view.state === "offline" || view.state === "reconnecting";
  const bar = theme.bar;
  return (
    <Box width={width} height={1} flexShrink={0}>
      <Text
        wrap="truncate"
        bold={alarm}
        {...(bar === undefined ? { inverse: true } : {
          color: bar.color,
          backgroundColor: alarm ? theme.error ?? bar.background : bar.background,
        })}
      >
        {text}
      </Text>
    </Box>
  );
}
