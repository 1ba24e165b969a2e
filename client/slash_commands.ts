/**
 * What a member types: a line to say, or a slash command. The commands are
 * one table — name, arguments, help, handler — with the argument checks in
 * one place and `/help` made from it, shared by the line-mode client and the
 * terminal UI. A bad command becomes one error event, never an exception.
 *
 * @module
 */

import type { ChatEvent } from "./chat_event.ts";
import type { SayOptions } from "./chat_connection.ts";

/** What the commands act on: a {@linkcode ChatConnection}, or a fake in tests. */
export interface CommandTarget {
  /** Queues a message. */
  say(text: string, options?: SayOptions): unknown;
  /** Shows us as away or back. */
  setAway(away: boolean): void;
  /** Asks for another nick. */
  changeNick(nick: string): void;
  /** Asks for the member list. */
  who(): void;
  /** Whether we asked to be away. */
  readonly away: boolean;
}

/** Everything a command may use. */
export interface CommandContext {
  /** The chat. */
  chat: CommandTarget;
  /** Shows an info or error event. */
  show(event: ChatEvent): void;
  /** Ends the client (`/quit`). */
  quit(): void;
  /** The clock, for the events' time (ms). */
  now(): number;
}

/** The shape of a command's arguments, checked before its handler runs. */
export type CommandArgs =
  | "none" // nothing after the name
  | "text" // some text
  | "optional" // maybe one word
  | "nick" // one nick
  | "nick-text"; // a nick, then some text

/** One slash command. */
export interface SlashCommand {
  /** Its name, without the slash. */
  name: string;
  /** Its arguments as shown in help, e.g. "NICK TEXT". */
  usage: string;
  /** One line saying what it does. */
  help: string;
  /** What it takes. */
  args: CommandArgs;
  /** Does it; `words` are the checked arguments (for "nick-text": nick and text). */
  run(context: CommandContext, words: string[]): void;
}

/** The commands, in the order `/help` lists them. */
export const SLASH_COMMANDS: readonly SlashCommand[] = [
  {
    name: "me",
    usage: "TEXT",
    help: "say what you do: /me waves → * you waves",
    args: "text",
    run: (context, [text]) => void context.chat.say(text!, { kind: "me" }),
  },
  {
    name: "msg",
    usage: "NICK TEXT",
    help: "a private message only NICK sees",
    args: "nick-text",
    run: (context, [nick, text]) => void context.chat.say(text!, { to: nick! }),
  },
  {
    name: "nick",
    usage: "NEW",
    help: "change your nick",
    args: "nick",
    run: (context, [nick]) => context.chat.changeNick(nick!),
  },
  {
    name: "who",
    usage: "",
    help: "who is here",
    args: "none",
    run: (context) => context.chat.who(),
  },
  {
    name: "away",
    usage: "[on|off]",
    help: "show yourself as away (or back); without a word, switch",
    args: "optional",
    run: (context, [word]) => {
      if (word === undefined) {
        context.chat.setAway(!context.chat.away);
      } else if (word === "on" || word === "off") {
        context.chat.setAway(word === "on");
      } else {
        throw new SyntaxError(`/away takes "on" or "off", not "${word}"`);
      }
    },
  },
  {
    name: "help",
    usage: "",
    help: "this list",
    args: "none",
    run: (context) => {
      for (const command of SLASH_COMMANDS) {
        const usage = command.usage === "" ? "" : ` ${command.usage}`;
        context.show({
          type: "info",
          code: "help",
          ts: context.now(),
          self: false,
          text: `/${command.name}${usage} — ${command.help}`,
        });
      }
      context.show({
        type: "info",
        code: "help",
        ts: context.now(),
        self: false,
        text: "a line starting with // is said as is, with one / less",
      });
    },
  },
  {
    name: "quit",
    usage: "",
    help: "leave (after what you typed is sent)",
    args: "none",
    run: (context) => context.quit(),
  },
];

const BY_NAME = new Map(SLASH_COMMANDS.map((command) => [command.name, command]));

/**
 * Handles one typed line: an empty line does nothing, `/name ...` runs a
 * command, `//text` says `/text`, anything else is said. Refusals and
 * mistakes become one error event.
 */
export function handleInput(line: string, context: CommandContext): void {
  if (line.trim() === "") return;
  try {
    if (line.startsWith("//")) {
      context.chat.say(line.slice(1));
    } else if (line.startsWith("/")) {
      runCommand(line, context);
    } else {
      context.chat.say(line);
    }
  } catch (error) {
    context.show({
      type: "error",
      code: error instanceof SyntaxError ? "command" : (error as { code?: string }).code ?? "error",
      ts: context.now(),
      self: true,
      text: error instanceof Error ? error.message : String(error),
    });
  }
}

/** @throws {SyntaxError} for an unknown command or bad arguments; what the handler throws. */
function runCommand(line: string, context: CommandContext): void {
  const match = /^\/(\S*)\s*([\s\S]*)$/.exec(line)!;
  const name = match[1]!.toLowerCase();
  const rest = match[2]!.trimEnd();
  const command = BY_NAME.get(name);
  if (command === undefined) {
    throw new SyntaxError(`unknown command /${match[1]} — try /help`);
  }
  const usage = `usage: /${command.name}${command.usage === "" ? "" : ` ${command.usage}`}`;
  const words = rest === "" ? [] : rest.split(/\s+/);
  switch (command.args) {
    case "none":
      if (rest !== "") throw new SyntaxError(usage);
      command.run(context, []);
      return;
    case "text":
      if (rest === "") throw new SyntaxError(usage);
      command.run(context, [rest]);
      return;
    case "optional":
      if (words.length > 1) throw new SyntaxError(usage);
      command.run(context, words);
      return;
    case "nick":
      if (words.length !== 1) throw new SyntaxError(usage);
      command.run(context, words);
      return;
    case "nick-text": {
      const split = /^(\S+)\s+([\s\S]+)$/.exec(rest);
      if (split === null) throw new SyntaxError(usage);
      command.run(context, [split[1]!, split[2]!]);
      return;
    }
  }
}
