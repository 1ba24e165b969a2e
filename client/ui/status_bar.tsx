/**
 * The status bar: server name (in p2p mode "direct", and with whom), members online, the connection's state
 * (connected / reconnecting, attempt 2 of 3 / offline) and our nick, plus
 * what else is worth a glance (away, pending messages, bell off).
 *
 * @module
 */

import { Box, Text } from "ink";
import type { ChatView } from "./chat_store.ts";
import { displayWidth } from "./event_line.tsx";
import type { Theme } from "./theme.ts";

/** The connection's state in words. */
export function stateText(
  view: Pick<ChatView, "state" | "attempt" | "attempts" | "leaving">,
): string {
  if (view.leaving) return "leaving…";
  switch (view.state) {
    case "idle":
    case "connecting":
      return "connecting…";
    case "connected":
      return "connected";
    case "reconnecting":
      return view.attempt === undefined
        ? "reconnecting"
        : `reconnecting, attempt ${view.attempt} of ${view.attempts ?? "?"}`;
    case "offline":
      return "offline — /reconnect";
    case "closed":
      return "left";
  }
}

/** The bar's text: its parts joined by " │ ". */
export function statusText(view: ChatView): string {
  const away = view.members.filter((member) => member.away).length;
  const parts = [
    whereText(view),
    `${view.members.length} online${away > 0 ? ` (${away} away)` : ""}`,
    stateText(view),
    view.nick + (view.host ? " (host)" : "") + (view.away ? " (away)" : ""),
  ];
  if (view.pending > 0) parts.push(`${view.pending} pending`);
  if (!view.bell) parts.push("bell off");
  return ` ${parts.join(" │ ")} `;
}

/** The bar's first part: the server's name, or in p2p mode "direct" and with whom. */
function whereText(view: ChatView): string {
  if (view.direct) return view.peer === undefined ? "direct" : `direct with ${view.peer}`;
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
  let text = statusText(view);
  const used = displayWidth(text);
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
