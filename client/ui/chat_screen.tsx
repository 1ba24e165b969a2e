/**
 * The chat screen: the message pane, a progress bar per file moving, the
 * status bar, the input line at the bottom. PageUp/PageDown scroll, End jumps back to the newest
 * line, Home to the oldest kept.
 *
 * @module
 */

import { Box, useInput } from "ink";
import { t } from "../../i18n/mod.ts";
import { useCallback, useState, useSyncExternalStore } from "react";
import { sameNick } from "../../protocol/mod.ts";
import { SLASH_COMMANDS } from "../slash_commands.ts";
import { ChatInput } from "./chat_input.tsx";
import type { ChatStore, ChatView } from "./chat_store.ts";
import type { CompletionSource } from "./complete_input.ts";
import type { InputHistory } from "./input_history.ts";
import { MessagePane, visibleRange } from "./message_pane.tsx";
import { StatusBar } from "./status_bar.tsx";
import { barRows, TransferBars } from "./transfer_bars.tsx";
import type { Theme } from "./theme.ts";

/** Props of {@linkcode ChatScreen}. */
export interface ChatScreenProps {
  /** What to show. */
  store: ChatStore;
  /** The input's history. */
  history: InputHistory;
  /** Gets each line typed. */
  onLine: (line: string) => void;
  /** Columns. */
  width: number;
  /** Rows. */
  height: number;
  /** Colours. */
  theme: Theme;
  /** Formats times (default local `HH:MM`). */
  time?: (ts: number) => string;
  /** Whether keys go here (default true). */
  focus?: boolean;
}

/** The commands Tab completes: those this member may use. */
export function commandNames(view: Pick<ChatView, "host">): string[] {
  return SLASH_COMMANDS
    .filter((command) => view.host || command.host !== true)
    .map((command) => command.name);
}

/** The chat screen. */
export function ChatScreen(props: ChatScreenProps) {
  const { store, width, height, theme } = props;
  const view = useSyncExternalStore(store.subscribe, store.getSnapshot);
  const [inputRows, setInputRows] = useState(1);
  const transfers = view.transfers ?? [];
  const bars = barRows(transfers.length);
  const paneHeight = Math.max(1, height - 1 - inputRows - bars);
  const style = props.time === undefined ? { theme } : { theme, time: props.time };

  useInput((_input, key) => {
    if (key.pageUp || key.pageDown) {
      const { from, to } = visibleRange(store, store.view, paneHeight - 1, width, style);
      const page = Math.max(1, to - from - 1);
      if (key.pageUp) store.scrollUp(page);
      else store.scrollDown(page);
    } else if (key.end) {
      store.scrollToEnd();
    } else if (key.home) {
      store.scrollUp(store.view.count);
    }
  }, { isActive: props.focus ?? true });

  const completions = useCallback((): CompletionSource => {
    const now = store.view;
    return {
      commands: commandNames(now),
      nicks: now.members.map((member) => member.nick).filter((nick) => !sameNick(nick, now.nick)),
    };
  }, [store]);

  return (
    <Box flexDirection="column" width={width} height={height}>
      <MessagePane
        store={store}
        view={view}
        width={width}
        height={paneHeight}
        theme={theme}
        {...(props.time === undefined ? {} : { time: props.time })}
      />
      <TransferBars transfers={transfers} width={width} theme={theme} />
      <StatusBar view={view} width={width} theme={theme} />
      <ChatInput
        history={props.history}
        completions={completions}
        onSubmit={props.onLine}
        onRows={setInputRows}
        width={width}
        theme={theme}
        focus={props.focus ?? true}
        placeholder={t("ui.placeholder")}
      />
    </Box>
  );
}
