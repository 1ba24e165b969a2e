/**
 * The message pane: the lines that fit, newest at the bottom, and while
 * the reader is scrolled up a marker saying how many new lines wait below.
 * Only the visible lines are drawn, however long the scrollback.
 *
 * @module
 */

import { Box, Text } from "ink";
import { t } from "../../i18n/mod.ts";
import type { ChatStore, ChatView } from "./chat_store.ts";
import { EventLine, eventSegments, type LineStyle, rowsOf, segmentsText } from "./event_line.tsx";

/** Lines `from` (inclusive) to `to` (exclusive) of the store. */
export interface VisibleRange {
  /** First line drawn (it may be cut at the top). */
  from: number;
  /** One past the last line drawn. */
  to: number;
}

/**
 * Which lines fill `rows` rows of `columns` columns when `offset` lines are
 * hidden below: walking up from the bottom until the rows are full.
 */
export function visibleRange(
  store: ChatStore,
  view: Pick<ChatView, "count" | "offset">,
  rows: number,
  columns: number,
  style: LineStyle,
): VisibleRange {
  const to = Math.max(0, view.count - view.offset);
  let from = to;
  let filled = 0;
  while (from > 0 && filled < rows) {
    const entry = store.entry(from - 1);
    if (entry === undefined) break;
    filled += rowsOf(segmentsText(eventSegments(entry.event, style)), columns);
    from--;
  }
  return { from, to };
}

/** Props of {@linkcode MessagePane}. */
export interface MessagePaneProps extends Omit<LineStyle, "mention"> {
  /** The lines. */
  store: ChatStore;
  /** The store's view being drawn. */
  view: ChatView;
  /** Columns. */
  width: number;
  /** Rows, the marker's included. */
  height: number;
}

/** The pane. */
export function MessagePane(props: MessagePaneProps) {
  const { store, view, width, height, theme } = props;
  const scrolled = view.offset > 0;
  const rows = Math.max(0, height - (scrolled ? 1 : 0));
  const { from, to } = visibleRange(store, view, rows, width, props);
  const lines = [];
  for (let i = from; i < to; i++) {
    const entry = store.entry(i)!;
    lines.push(
      <EventLine
        key={entry.key}
        event={entry.event}
        theme={theme}
        mention={entry.mention}
        {...(props.time === undefined ? {} : { time: props.time })}
      />,
    );
  }
  return (
    <Box flexDirection="column" width={width} height={height} flexShrink={0}>
      <Box
        flexDirection="column"
        width={width}
        height={rows}
        overflow="hidden"
        justifyContent="flex-end"
      >
        {lines}
      </Box>
      {scrolled ? <ScrollMarker unread={view.unread} width={width} theme={theme} /> : null}
    </Box>
  );
}

function ScrollMarker(props: { unread: number; width: number; theme: LineStyle["theme"] }) {
  const news = props.unread === 0
    ? t("ui.scrolled_up")
    : t("ui.new_messages", { count: props.unread });
  const text = `── ${news} · ${t("ui.end_to_jump")} ──`;
  return (
    <Box width={props.width} height={1} flexShrink={0}>
      <Text
        wrap="truncate"
        bold
        inverse={props.theme.accent === undefined}
        {...(props.theme.accent === undefined ? {} : { color: props.theme.accent })}
      >
        {text}
      </Text>
    </Box>
  );
}
