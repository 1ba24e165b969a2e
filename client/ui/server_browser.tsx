/**
 * The server browser: the registry's servers (name, address, users online,
 * how long up), arrow keys and Enter to connect, `r` to refresh, `q` to
 * quit. An empty or unreachable registry says so, and how to fix it.
 *
 * @module
 */

import { Box, Text, useInput } from "ink";
import { useState } from "react";
import { t } from "../../i18n/mod.ts";
import type { ServerEntry } from "../../protocol/mod.ts";
import { formatUptime } from "../../registry/mod.ts";
import { hostPort } from "../../net/mod.ts";
import { safe } from "../render_event.ts";
import { displayWidth } from "./event_line.tsx";
import type { Theme } from "./theme.ts";

/** What the browser shows. */
export type BrowserState =
  | { kind: "loading" }
  | { kind: "list"; servers: readonly ServerEntry[] }
  | { kind: "error"; text: string; hint?: string };

/** Props of {@linkcode ServerBrowser}. */
export interface ServerBrowserProps {
  /** The registry asked, as `HOST:PORT`. */
  registry: string;
  /** What it answered. */
  state: BrowserState;
  /** A line about the last attempt to connect, if it failed. */
  problem?: string;
  /** Connect to this one. */
  onPick: (server: ServerEntry) => void;
  /** Ask again. */
  onRefresh: () => void;
  /** Leave. */
  onQuit: () => void;
  /** The clock for "up 3 h", ms (default `Date.now`). */
  now?: () => number;
  /** Columns. */
  width: number;
  /** Rows. */
  height: number;
  /** Colours. */
  theme: Theme;
  /** Whether keys go here (default true). */
  focus?: boolean;
}

const NAME_WIDTH = 24;
const USERS_WIDTH = 10;

/** One row of the table, columns padded: name, address, users, uptime. */
export function serverRow(server: ServerEntry, now: number, addressWidth: number): string {
  const name = fit(safe(server.name), NAME_WIDTH);
  const address = fit(hostPort(safe(server.host), server.port), addressWidth);
  const users = fit(t("ui.users_online", { count: server.users }), USERS_WIDTH);
  return `${name}  ${address}  ${users}  ${formatUptime(now - server.since)}`;
}

function fit(text: string, width: number): string {
  let out = "";
  let used = 0;
  for (const char of text) {
    const w = displayWidth(char);
    if (used + w > width) {
      out = out.slice(0, -1) + "…";
      used = width;
      break;
    }
    out += char;
    used += w;
  }
  return out + " ".repeat(Math.max(0, width - used));
}

/** The browser. */
export function ServerBrowser(props: ServerBrowserProps) {
  const { state, theme, width, height } = props;
  const [selected, setSelected] = useState(0);
  const servers = state.kind === "list" ? state.servers : [];
  const index = Math.min(selected, Math.max(0, servers.length - 1));

  useInput((input, key) => {
    if (key.upArrow) setSelected(Math.max(0, index - 1));
    else if (key.downArrow) setSelected(Math.min(Math.max(0, servers.length - 1), index + 1));
    else if (key.return && servers[index] !== undefined) props.onPick(servers[index]);
    else if (input === "r" || input === "R") props.onRefresh();
    else if (input === "q" || input === "Q" || key.escape) props.onQuit();
  }, { isActive: props.focus ?? true });

  const now = (props.now ?? Date.now)();
  const accent = theme.accent === undefined ? {} : { color: theme.accent };
  const addressWidth = Math.min(
    28,
    Math.max(
      displayWidth(t("ui.column_address")),
      ...servers.map((s) => displayWidth(hostPort(s.host, s.port))),
    ),
  );
  // Title, blank, header, rows, blank, problem, help: the rows get what is left.
  const room = Math.max(1, height - 7);
  const first = Math.max(0, Math.min(index - room + 1, servers.length - room));
  const shown = servers.slice(first, first + room);

  return (
    <Box flexDirection="column" width={width} height={height} paddingX={1}>
      <Text bold {...accent} wrap="truncate">
        {t("ui.browser_title", { registry: props.registry })}
      </Text>
      <Text></Text>
      {state.kind === "loading"
        ? <Text wrap="truncate">{t("ui.asking", { registry: props.registry })}</Text>
        : null}
      {state.kind === "error"
        ? (
          <Box flexDirection="column">
            <Text bold {...(theme.error ? { color: theme.error } : {})} wrap="wrap">
              {state.text}
            </Text>
            {state.hint === undefined ? null : <Text wrap="wrap">{state.hint}</Text>}
          </Box>
        )
        : null}
      {state.kind === "list" && servers.length === 0
        ? (
          <Box flexDirection="column">
            <Text bold wrap="wrap">{t("ui.no_servers", { registry: props.registry })}</Text>
            <Text wrap="wrap">{t("ui.no_servers_hint")}</Text>
          </Box>
        )
        : null}
      {servers.length > 0
        ? (
          <Box flexDirection="column">
            <Text dimColor wrap="truncate">
              {"  " + fit(t("ui.column_name"), NAME_WIDTH) + "  " +
                fit(t("ui.column_address"), addressWidth) + "  " +
                fit(t("ui.column_users"), USERS_WIDTH) + "  " + t("ui.column_up")}
            </Text>
            {shown.map((server, i) => {
              const active = first + i === index;
              return (
                <Text
                  key={`${server.host}:${server.port}`}
                  wrap="truncate"
                  bold={active}
                  inverse={active && theme.accent === undefined}
                  {...(active ? accent : {})}
                >
                  {(active ? "▸ " : "  ") + serverRow(server, now, addressWidth)}
                </Text>
              );
            })}
          </Box>
        )
        : null}
      <Text></Text>
      {props.problem === undefined
        ? null
        : (
          <Text bold {...(theme.error ? { color: theme.error } : {})} wrap="wrap">
            {props.problem}
          </Text>
        )}
      <Text dimColor wrap="truncate">
        {servers.length > 0 ? `${t("ui.keys_choose")} · ` : ""}
        {t("ui.keys_refresh")}
      </Text>
    </Box>
  );
}
