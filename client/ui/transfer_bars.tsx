/**
 * The files moving now, one progress bar each above the status bar:
 * direction, name, the other side, the bar, percent, bytes, rate and time
 * left. At most {@linkcode MAX_BARS} rows; more are counted on one line.
 *
 * @module
 */

import { Box, Text } from "ink";
import { bytes, t, wait } from "../../i18n/mod.ts";
import { safe } from "../render_event.ts";
import type { TransferBar } from "./chat_store.ts";
import type { Theme } from "./theme.ts";

/** Bars drawn at most; the rest become "+N more". */
export const MAX_BARS = 3;

/** Rows the bars take for `count` transfers. */
export function barRows(count: number): number {
  return count === 0 ? 0 : Math.min(count, MAX_BARS) + (count > MAX_BARS ? 1 : 0);
}

/** One bar's text in at most `width` columns (the name is shortened first). */
export function transferBarText(bar: TransferBar, width: number): string {
  const percent = bar.size === 0 ? 100 : Math.min(100, Math.floor((bar.bytes * 100) / bar.size));
  const arrow = bar.direction === "in" ? "↓" : "↑";
  const who = bar.peer === undefined
    ? ""
    : bar.direction === "in"
    ? ` ← ${bar.peer}`
    : ` → ${bar.peer}`;
  const left = bar.etaMs === undefined ? "" : ` · ${t("file.bar_left", { left: wait(bar.etaMs) })}`;
  const numbers = `${String(percent).padStart(3)} % ${bytes(bar.bytes)}/${bytes(bar.size)}` +
    (bar.rate > 0 ? ` · ${bytes(bar.rate)}/s` : "") + left;
  const head = `${arrow} [${bar.ref}] `;
  // Room for the name first (up to 16), then the gauge (5 to 20 cells), then the rest of the name.
  const spare = width - head.length - who.length - numbers.length - 4;
  const cells = Math.max(5, Math.min(20, spare - 16));
  const full = Math.round((percent / 100) * cells);
  const gauge = `▕${"█".repeat(full)}${"░".repeat(cells - full)}▏`;
  const tail = `${who} ${gauge} ${numbers}`;
  const room = Math.max(4, width - head.length - tail.length);
  let name = safe(bar.name);
  if (name.length > room) name = `${name.slice(0, room - 1)}…`;
  return `${head}${name}${tail}`;
}

/** Props of {@linkcode TransferBars}. */
export interface TransferBarsProps {
  /** The files moving. */
  transfers: readonly TransferBar[];
  /** Columns. */
  width: number;
  /** Colours. */
  theme: Theme;
}

/** The bars, or nothing when no file moves. */
export function TransferBars(props: TransferBarsProps) {
  const { transfers, width, theme } = props;
  if (transfers.length === 0) return null;
  const shown = transfers.slice(0, MAX_BARS);
  const more = transfers.length - shown.length;
  return (
    <Box flexDirection="column" width={width} flexShrink={0}>
      {shown.map((bar) => (
        <Text
          key={`${bar.ref}:${bar.peer ?? ""}`}
          wrap="truncate"
          {...(theme.accent === undefined ? {} : { color: theme.accent })}
        >
          {transferBarText(bar, width)}
        </Text>
      ))}
      {more > 0
        ? <Text dimColor wrap="truncate">{t("file.bars_more", { count: more })}</Text>
        : null}
    </Box>
  );
}
