/**
 * Optique's own words in the reader's language: its parse errors
 * ("Unexpected option or argument: …"), its built-in help lines ("Show help
 * information.") and its labels ("Usage:", "Error:"). Optique writes them
 * in English as messages made of terms; a message formatter and a terminal
 * theme given to `run()` swap the English text terms this table knows for
 * the catalogue's, and leave everything else (option names, values,
 * metavariables, and any text it does not know) as it was.
 *
 * @module
 */

import {
  createMessageFormatter,
  type Message,
  type MessageFormatter,
  type MessageTerm,
} from "@optique/core/message";
import { defaultTerminalTheme, type TerminalTheme } from "@optique/core/terminal";
import { type PlainKey, t } from "../i18n/mod.ts";

/** Optique's English text terms (exactly as it writes them), by catalogue key. */
const FRAGMENTS: Readonly<Record<string, PlainKey>> = {
  "Unexpected option or argument: ": "cli.optique_unexpected",
  "Unexpected option or subcommand: ": "cli.optique_unexpected_subcommand",
  "Did you mean one of these?": "cli.optique_did_you_mean_one_of",
  "Did you mean ": "cli.optique_did_you_mean",
  " requires ": "cli.optique_requires",
  "Expected a valid integer, but got ": "cli.optique_expected_integer",
  "Expected a value greater than or equal to ": "cli.optique_expected_at_least",
  "Expected a value less than or equal to ": "cli.optique_expected_at_most",
  "Expected one of ": "cli.optique_expected_one_of",
  ", but got ": "cli.optique_but_got",
  " and ": "cli.optique_and",
  ", and ": "cli.optique_and",
  " cannot be used multiple times.": "cli.optique_multiple",
  "No matching option or command found.": "cli.optique_no_match",
  "No matching option, command, or argument found.": "cli.optique_no_match_all",
  "No matching option or argument found.": "cli.optique_no_match_option_argument",
  "No matching command or argument found.": "cli.optique_no_match_command_argument",
  "No matching option found.": "cli.optique_no_match_option",
  "No matching command found.": "cli.optique_no_command",
  "Expected an option, but got end of input.": "cli.optique_end_of_input_option",
  "Expected an argument, but got end of input.": "cli.optique_end_of_input_argument",
  "No value provided.": "cli.optique_no_value",
  "Missing option ": "cli.optique_missing_option",
  "Missing required argument.": "cli.optique_missing_argument",
  "Flag ": "cli.optique_flag",
  " does not accept a value, but got: ": "cli.optique_flag_value",
  "Show help information.": "cli.optique_help",
  "Show version information.": "cli.optique_version",
  "Generate shell completion script or provide completions.": "cli.optique_completion_command",
  "Generate shell completion script.": "cli.optique_completion_option",
  "Command line arguments for completion suggestions (used by shell integration; you usually don't need to provide this).":
    "cli.optique_completion_args",
  "Command name to show help for.": "cli.optique_help_command",
  "Usage:": "cli.optique_usage",
  "Error:": "cli.optique_error",
  "Examples:": "cli.optique_examples",
};

/** `text` in the reader's language when it is one of optique's own fragments, else as it is. */
export function optiqueText(text: string): string {
  const key = FRAGMENTS[text];
  return key === undefined ? text : t(key);
}

function translateTerm(term: MessageTerm): MessageTerm {
  return term.type === "text" ? { type: "text", text: optiqueText(term.text) } : term;
}

/** A theme that writes optique's labels ("Usage:", "Error:") in the reader's language. */
export function optiqueTheme(): TerminalTheme {
  return {
    label: (term, context) =>
      defaultTerminalTheme.label(term, {
        ...context,
        text: term.kind === "section" && context.text.endsWith(":")
          ? t("cli.section", { title: context.text.slice(0, -1) })
          : optiqueText(context.text),
      }),

    errorLabel: (term, context) =>
      defaultTerminalTheme.errorLabel(term, { ...context, text: optiqueText(context.text) }),
  };
}

/** A message formatter that writes optique's own sentences in the reader's language. */
export function optiqueMessageFormatter(theme: TerminalTheme): MessageFormatter {
  const format = createMessageFormatter(theme);
  return (message: Message, options) => format(message.map(translateTerm), options);
}
