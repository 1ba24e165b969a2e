/**
 * What a member types: a line to say, or a slash command. The commands are
 * one table — name, arguments, help, handler — with the argument checks in
 * one place and `/help` made from it, shared by the line-mode client and the
 * terminal UI. A bad command becomes one error event, never an exception.
 *
 * @module
 */

import { HOST_OPS, type HostOpName, parseOpLine } from "../protocol/mod.ts";
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
  /** Whether the server granted us host powers (host commands show in `/help`). */
  readonly host?: boolean;
  /** Runs a host command on the server; `text` is sealed before it leaves. */
  op?(cmd: string, args: readonly string[], text?: string): void;
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
  /** What the full-screen client adds; absent in line mode. */
  ui?: UiControls;
}

/** Controls only the full-screen client has (`/clear`, `/bell`, `/debug`, `/reconnect`). */
export interface UiControls {
  /** Empties the message pane. */
  clear(): void;
  /** Whether a mention rings the bell now. */
  readonly bell: boolean;
  /** Turns the bell on or off. */
  setBell(on: boolean): void;
  /** Turns the debug trace to the log file on or off; tells the result itself. */
  setDebug(on: boolean): void;
  /** Tries the server again after going offline. */
  reconnect(): void;
}

/** The shape of a command's arguments, checked before its handler runs. */
export type CommandArgs =
  | "none" // nothing after the name
  | "text" // some text
  | "optional" // maybe one word
  | "nick" // one nick
  | "any" // whatever follows, as is (host commands: the server checks them)
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
  /** Only in the full-screen client: line mode answers that it is not there. */
  ui?: boolean;
  /** A host command: `/help` lists it only to the host (anyone may try; the server refuses). */
  host?: boolean;
  /** Does it; `words` are the checked arguments (for "nick-text": nick and text). */
  run(context: CommandContext, words: string[]): void;
}

/** What each host command does, in the member's words (the server sends codes only). */
const HOST_HELP: { readonly [N in Exclude<HostOpName, "who">]: string } = {
  kick: "remove NICK from the chat now, telling everyone why",
  ban: "keep a nick, an address or a range out (10m, 2h, 7d; none: until /unban)",
  unban: "lift a ban",
  bans: "list the bans and the time each has left",
  mute: "stop NICK from saying anything (they still read); for 10m, 2h... or until /unmute",
  unmute: "let NICK speak again",
  announce: "say something to everyone as Server",
  motd: "show the welcome text; with TEXT, set it; with -, clear it",
  limit: "show the most members; with N, set it; with off, no limit",
  lock: "let nobody new join (members here can still come back)",
  unlock: "let new members join again",
};

/** The host commands, made from the protocol's table: sent to the server as `op`. */
function hostCommands(): SlashCommand[] {
  return HOST_OPS.flatMap((spec): SlashCommand[] => {
    if (spec.name === "who") return []; // everyone's /who; the host's list has addresses
    return [{
      name: spec.name,
      usage: spec.usage,
      help: HOST_HELP[spec.name],
      args: "any",
      host: spec.hostOnly,
      run: (context, [rest]) => {
        const op = context.chat.op;
        if (op === undefined) throw new SyntaxError(`/${spec.name} needs a chat connection`);
        const { args, text } = parseOpLine(spec, rest ?? "");
        op.call(context.chat, spec.name, args, text);
      },
    }];
  });
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
    name: "clear",
    usage: "",
    help: "empty the message pane",
    args: "none",
    ui: true,
    run: (context) => context.ui!.clear(),
  },
  {
    name: "bell",
    usage: "[on|off]",
    help: "a beep when someone says your nick; without a word, switch",
    args: "optional",
    ui: true,
    run: (context, [word]) => {
      const ui = context.ui!;
      ui.setBell(onOff("bell", word, ui.bell));
      context.show({
        type: "info",
        code: "setting",
        ts: context.now(),
        self: true,
        text: ui.bell ? "bell on: a beep when someone says your nick" : "bell off",
      });
    },
  },
  {
    name: "debug",
    usage: "on|off",
    help: "write a debug trace to the log file, or stop",
    args: "optional",
    ui: true,
    run: (context, [word]) => {
      if (word === undefined) throw new SyntaxError("usage: /debug on|off");
      context.ui!.setDebug(onOff("debug", word, false));
    },
  },
  {
    name: "reconnect",
    usage: "",
    help: "try the server again after going offline",
    args: "none",
    ui: true,
    run: (context) => context.ui!.reconnect(),
  },
  {
    name: "help",
    usage: "",
    help: "this list",
    args: "none",
    run: (context) => {
      let hostHeading = false;
      for (const command of SLASH_COMMANDS) {
        if (command.ui === true && context.ui === undefined) continue;
        if (command.host === true) {
          if (context.chat.host !== true) continue;
          if (!hostHeading) {
            hostHeading = true;
            context.show({
              type: "info",
              code: "help",
              ts: context.now(),
              self: false,
              text: "host commands:",
            });
          }
        }
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
  ...hostCommands(),
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
  if (command.ui === true && context.ui === undefined) {
    throw new SyntaxError(
      `/${command.name} works only in the full-screen client, not in line mode`,
    );
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
    case "any":
      command.run(context, [rest]);
      return;
    case "nick-text": {
      const split = /^(\S+)\s+([\s\S]+)$/.exec(rest);
      if (split === null) throw new SyntaxError(usage);
      command.run(context, [split[1]!, split[2]!]);
      return;
    }
  }
}

/** "on" → true, "off" → false, nothing → the opposite of `now`. @throws {SyntaxError} */
function onOff(name: string, word: string | undefined, now: boolean): boolean {
  if (word === undefined) return !now;
  if (word === "on" || word === "off") return word === "on";
  throw new SyntaxError(`/${name} takes "on" or "off", not "${word}"`);
}
