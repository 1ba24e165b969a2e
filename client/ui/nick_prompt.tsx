/**
 * Asks for a nick when none was given or remembered, or when the server
 * refused the one we had.
 *
 * @module
 */

import { Box, Text } from "ink";
import TextInput from "ink-text-input";
import { useState } from "react";
import { t } from "../../i18n/mod.ts";
import { NICK_PATTERN } from "../../protocol/mod.ts";
import type { Theme } from "./theme.ts";

/** Props of {@linkcode NickPrompt}. */
export interface NickPromptProps {
  /** Where we are going, as `HOST:PORT` or a server's name. */
  server: string;
  /** The text to start with. */
  initial: string;
  /** Why we ask again, if we do. */
  problem?: string;
  /** Gets a valid nick on Enter. */
  onSubmit: (nick: string) => void;
  /** Columns. */
  width: number;
  /** Colours. */
  theme: Theme;
  /** Whether keys go here (default true). */
  focus?: boolean;
}

/** Why `text` cannot be a nick, or `undefined` when it can. */
export function nickProblem(text: string): string | undefined {
  const nick = text.trim().normalize("NFC");
  if (nick === "") return t("ui.nick_empty");
  if (!NICK_PATTERN.test(nick)) return t("ui.nick_invalid", { nick });
  return undefined;
}

/** The prompt. */
export function NickPrompt(props: NickPromptProps) {
  const { theme } = props;
  const [value, setValue] = useState(props.initial);
  const [problem, setProblem] = useState(props.problem);
  const accent = theme.accent === undefined ? {} : { color: theme.accent };
  const submit = (text: string) => {
    setValue(text);
    const why = nickProblem(text);
    if (why !== undefined) setProblem(why);
    else props.onSubmit(text.trim().normalize("NFC"));
  };
  return (
    <Box flexDirection="column" width={props.width} paddingX={1}>
      <Text bold {...accent} wrap="truncate">{t("ui.joining", { server: props.server })}</Text>
      <Text></Text>
      {problem === undefined
        ? null
        : <Text bold {...(theme.error ? { color: theme.error } : {})} wrap="wrap">{problem}</Text>}
      <Box>
        <Box marginRight={1}>
          <Text bold {...accent}>{t("ui.your_nick")}</Text>
        </Box>
        <TextInput
          value={value}
          focus={props.focus ?? true}
          onChange={(next) => {
            // A name and Enter that came in one read.
            const line = /^([^\r\n]*)[\r\n]/.exec(next);
            if (line === null) setValue(next);
            else submit(line[1]!);
          }}
          onSubmit={submit}
        />
      </Box>
      <Text></Text>
      <Text dimColor wrap="truncate">{t("ui.keys_join")}</Text>
    </Box>
  );
}
