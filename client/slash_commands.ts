/**
 * What a member types: a line to say, or a slash command. The commands are
 * one table — name, arguments, help, handler — with the argument checks in
 * one place and `/help` made from it, shared by the line-mode client and the
 * terminal UI. A bad command becomes one error event, never an exception.
 *
 * @module
 */

import { t } from "../i18n/mod.ts";
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
  /** Offers a file to everyone, or to `to`; rejects with a line for a person. */
  sendFile?(path: string, to?: string): Promise<unknown>;
  /** Accepts an offer by its number. */
  acceptFile?(ref: string): Promise<unknown>;
  /** Declines an offer by its number. */
  rejectFile?(ref: string): void;
  /** Stops a transfer by its number. */
  cancelFile?(ref: string): void;
  /** Lists the transfers. */
  showFiles?(): void;
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
  | "word" // one word
  | "nick-text"; // a nick, then some text

/** One slash command. */
export interface SlashCommand {
  /** Its name, without the slash. */
  name: string;
  /** Its arguments as shown in help, e.g. "NICK TEXT". */
  usage: string;
  /** One line saying what it does, in the member's language (read when shown). */
  readonly help: string;
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
function hostHelp(name: Exclude<HostOpName, "who">): string {
  switch (name) {
    case "kick":
      return t("chat.help_kick");
    case "ban":
      return t("chat.help_ban");
    case "unban":
      return t("chat.help_unban");
    case "bans":
      return t("chat.help_bans");
    case "mute":
      return t("chat.help_mute");
    case "unmute":
      return t("chat.help_unmute");
    case "announce":
      return t("chat.help_announce");
    case "motd":
      return t("chat.help_motd");
    case "limit":
      return t("chat.help_limit");
    case "lock":
      return t("chat.help_lock");
    case "unlock":
      return t("chat.help_unlock");
  }
}

/** The host commands, made from the protocol's table: sent to the server as `op`. */
function hostCommands(): SlashCommand[] {
  return HOST_OPS.flatMap((spec): SlashCommand[] => {
    if (spec.name === "who") return []; // everyone's /who; the host's list has addresses
    const name = spec.name;
    return [{
      name,
      usage: spec.usage,
      get help() {
        return hostHelp(name);
      },
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
    get help() {
      return t("chat.help_me");
    },
    args: "text",
    run: (context, [text]) => void context.chat.say(text!, { kind: "me" }),
  },
  {
    name: "msg",
    usage: "NICK TEXT",
    get help() {
      return t("chat.help_msg");
    },
    args: "nick-text",
    run: (context, [nick, text]) => void context.chat.say(text!, { to: nick! }),
  },
  {
    name: "nick",
    usage: "NEW",
    get help() {
      return t("chat.help_nick");
    },
    args: "nick",
    run: (context, [nick]) => context.chat.changeNick(nick!),
  },
  {
    name: "who",
    usage: "",
    get help() {
      return t("chat.help_who");
    },
    args: "none",
    run: (context) => context.chat.who(),
  },
  {
    name: "away",
    usage: "[on|off]",
    get help() {
      return t("chat.help_away");
    },
    args: "optional",
    run: (context, [word]) => {
      if (word === undefined) {
        context.chat.setAway(!context.chat.away);
      } else if (word === "on" || word === "off") {
        context.chat.setAway(word === "on");
      } else {
        throw new SyntaxError(t("chat.on_off", { command: "/away", word }));
      }
    },
  },
  {
    name: "send",
    usage: "PATH [NICK]",
    get help() {
      return t("file.help_send");
    },
    args: "any",
    run: (context, [rest]) => {
      const words = splitQuoted(rest ?? "");
      if (words === undefined || words.length < 1 || words.length > 2) {
        throw new SyntaxError(t("chat.usage", { command: '/send PATH [NICK] (or "A PATH")' }));
      }
      const [path, nick] = words as [string, string | undefined];
      const send = needFiles(context.chat.sendFile);
      later(context, send.call(context.chat, expandHome(path), nick));
    },
  },
  {
    name: "accept",
    usage: "ID",
    get help() {
      return t("file.help_accept");
    },
    args: "word",
    run: (context, [ref]) => {
      later(context, needFiles(context.chat.acceptFile).call(context.chat, ref!));
    },
  },
  {
    name: "reject",
    usage: "ID",
    get help() {
      return t("file.help_reject");
    },
    args: "word",
    run: (context, [ref]) => needFiles(context.chat.rejectFile).call(context.chat, ref!),
  },
  {
    name: "cancel",
    usage: "ID",
    get help() {
      return t("file.help_cancel");
    },
    args: "word",
    run: (context, [ref]) => needFiles(context.chat.cancelFile).call(context.chat, ref!),
  },
  {
    name: "files",
    usage: "",
    get help() {
      return t("file.help_files");
    },
    args: "none",
    run: (context) => needFiles(context.chat.showFiles).call(context.chat),
  },
  {
    name: "clear",
    usage: "",
    get help() {
      return t("chat.help_clear");
    },
    args: "none",
    ui: true,
    run: (context) => context.ui!.clear(),
  },
  {
    name: "bell",
    usage: "[on|off]",
    get help() {
      return t("chat.help_bell");
    },
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
        text: ui.bell ? t("chat.bell_on") : t("chat.bell_off"),
      });
    },
  },
  {
    name: "debug",
    usage: "on|off",
    get help() {
      return t("chat.help_debug");
    },
    args: "optional",
    ui: true,
    run: (context, [word]) => {
      if (word === undefined) throw new SyntaxError(t("chat.usage", { command: "/debug on|off" }));
      context.ui!.setDebug(onOff("debug", word, false));
    },
  },
  {
    name: "reconnect",
    usage: "",
    get help() {
      return t("chat.help_reconnect");
    },
    args: "none",
    ui: true,
    run: (context) => context.ui!.reconnect(),
  },
  {
    name: "help",
    usage: "",
    get help() {
      return t("chat.help_help");
    },
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
              text: t("chat.help_host_heading"),
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
        text: t("chat.help_slashes"),
      });
    },
  },
  {
    name: "quit",
    usage: "",
    get help() {
      return t("chat.help_quit");
    },
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
    throw new SyntaxError(t("chat.unknown_command", { name: match[1]! }));
  }
  if (command.ui === true && context.ui === undefined) {
    throw new SyntaxError(t("chat.ui_only", { name: command.name }));
  }
  const usage = t("chat.usage", {
    command: `/${command.name}${command.usage === "" ? "" : ` ${command.usage}`}`,
  });
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
    case "word":
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

/** A file command's method, or a SyntaxError where the chat has no file sharing (a fake). */
function needFiles<F>(method: F | undefined): F {
  if (method === undefined) throw new SyntaxError(t("file.not_here"));
  return method;
}

/** A command whose outcome comes later: its failure becomes one error event. */
function later(context: CommandContext, outcome: Promise<unknown>): void {
  outcome.catch((error) =>
    context.show({
      type: "error",
      code: (error as { code?: string }).code ?? "error",
      ts: context.now(),
      self: true,
      text: error instanceof Error ? error.message : String(error),
    })
  );
}

/**
 * Words as a shell would split them, with "double" or 'single' quotes
 * keeping spaces; undefined for an unclosed quote.
 */
export function splitQuoted(text: string): string[] | undefined {
  const words: string[] = [];
  const pattern = /\s*(?:"([^"]*)"|'([^']*)'|([^\s"']+))/y;
  const input = text.trimEnd();
  let at = 0;
  while (at < input.length) {
    pattern.lastIndex = at;
    const match = pattern.exec(input);
    if (match === null) return undefined; // an unclosed quote
    words.push(match[1] ?? match[2] ?? match[3]!);
    at = pattern.lastIndex;
  }
  return words;
}

/** `~/x` → the home folder's `x`, as a shell would. */
function expandHome(path: string): string {
  if (path !== "~" && !path.startsWith("~/")) return path;
  const home = Deno.env.get("HOME") ?? Deno.env.get("USERPROFILE");
  return home === undefined ? path : home + path.slice(1);
}

/** "on" → true, "off" → false, nothing → the opposite of `now`. @throws {SyntaxError} */
function onOff(name: string, word: string | undefined, now: boolean): boolean {
  if (word === undefined) return !now;
  if (word === "on" || word === "off") return word === "on";
  throw new SyntaxError(t("chat.on_off", { command: `/${name}`, word }));
}
