/**
 * The input line: `ink-text-input` with history (Up/Down) and Tab
 * completion of commands and nicks. Enter hands the line over and clears it.
 *
 * @module
 */

import { Box, Text, useInput, usePaste } from "ink";
import TextInput from "ink-text-input";
import { useEffect, useRef, useState } from "react";
import { completeInput, type CompletionSource, type CompletionState } from "./complete_input.ts";
import { rowsOf } from "./event_line.tsx";
import type { InputHistory } from "./input_history.ts";
import type { Theme } from "./theme.ts";

/** Rows the input grows to at most; longer lines show their end. */
export const MAX_INPUT_ROWS = 3;

/** What comes before the text. */
const PROMPT = "> ";

/** Props of {@linkcode ChatInput}. */
export interface ChatInputProps {
  /** Lines typed before; survives the component. */
  history: InputHistory;
  /** What Tab completes from, asked at each Tab. */
  completions: () => CompletionSource;
  /** Gets each line on Enter. */
  onSubmit: (line: string) => void;
  /** Told the rows the input needs, when that changes. */
  onRows?: (rows: number) => void;
  /** Columns. */
  width: number;
  /** Colours. */
  theme: Theme;
  /** Whether keys go here (default true). */
  focus?: boolean;
  /** Shown while empty. */
  placeholder?: string;
}

/** The input line. */
export function ChatInput(props: ChatInputProps) {
  const { history, width, theme } = props;
  const focus = props.focus ?? true;
  const [value, setValue] = useState("");
  // A new key remounts the text input, which puts its cursor at the end of a recalled line.
  const [revision, setRevision] = useState(0);
  const current = useRef("");
  const completion = useRef<CompletionState | undefined>(undefined);

  const change = (next: string) => {
    current.current = next;
    setValue(next);
  };
  const replace = (next: string) => {
    change(next);
    setRevision((n) => n + 1);
  };

  /** Sends each whole line of `text` and keeps the rest: a pasted block is many messages. */
  const take = (text: string) => {
    const lines = text.split(/\r\n|\r|\n/);
    const rest = lines.pop()!;
    for (const line of lines) submit(line);
    replace(rest);
  };
  const submit = (line: string) => {
    completion.current = undefined;
    history.push(line);
    props.onSubmit(line);
  };

  usePaste((text) => take(current.current + text), { isActive: focus });

  useInput((_input, key) => {
    if (key.upArrow) {
      const line = history.previous(current.current);
      if (line !== undefined) replace(line);
    } else if (key.downArrow) {
      const line = history.next();
      if (line !== undefined) replace(line);
    } else if (key.tab && !key.shift) {
      const result = completeInput(current.current, props.completions(), completion.current);
      completion.current = result.state;
      if (result.line !== current.current) replace(result.line);
    }
  }, { isActive: focus });

  const rows = Math.min(MAX_INPUT_ROWS, rowsOf(PROMPT + value + " ", width));
  const onRows = props.onRows;
  useEffect(() => onRows?.(rows), [rows, onRows]);

  return (
    <Box
      width={width}
      height={rows}
      flexShrink={0}
      overflow="hidden"
      flexDirection="column"
      justifyContent="flex-end"
    >
      <Box flexShrink={0}>
        <Text wrap="wrap" {...(theme.accent ? { color: theme.accent } : {})}>
          <Text bold>{PROMPT}</Text>
          <TextInput
            key={revision}
            value={value}
            focus={focus}
            placeholder={props.placeholder ?? ""}
            onChange={(next) => {
              completion.current = undefined;
              // Keys that came in one read with Enter (a fast typist, a paste without brackets).
              if (/[\r\n]/.test(next)) take(next);
              else change(next);
            }}
            onSubmit={(line) => {
              change("");
              submit(line);
            }}
          />
        </Text>
      </Box>
    </Box>
  );
}
