/**
 * The host's console: commands typed on the server's stdin. The host
 * commands are the shared table ({@linkcode HOST_COMMANDS}, run through
 * the server exactly as a host client's `op` is); the console adds only
 * what is its own (`/help`, `/quit`) and words each result in the host's
 * language.
 * `/help` is made from the tables. The console is not a connection: no ban,
 * lock or limit can shut the host out of it.
 *
 * @module
 */

import { duration as durationText, list, t, wait } from "../i18n/mod.ts";
import {
  type BanEntry,
  HOST_OPS,
  hostOpSpec,
  type OpResult,
  parseOpLine,
} from "../protocol/mod.ts";
import type { ChatServer } from "./chat_server.ts";
import { HOST_COMMANDS, type HostOp } from "./host_commands.ts";

/** What a console command can reach. */
export interface ConsoleContext {
  /** The running server. */
  server: ChatServer;
  /** Prints one line to the host. */
  print: (line: string) => void;
  /** Asks the process to shut down. */
  quit: () => void;
  /** The clock (ms). */
  clock: () => number;
  /** Seals an announcement or welcome text under the circle key (a Fernet token). */
  seal: (text: string) => string;
  /** Opens a sealed text; undefined when it cannot be read. */
  open: (token: string) => string | undefined;
}

/** One console command. */
export interface ConsoleCommand {
  /** Name without the slash. */
  name: string;
  /** Argument synopsis for `/help`. */
  args: string;
  /** One line of help, in the host's language. */
  readonly help: string;
  /** Runs it with what follows its name; it checks its own arguments. */
  run: (context: ConsoleContext, rest: string) => void;
}

const LOCAL_COMMANDS: readonly ConsoleCommand[] = [
  {
    name: "help",
    args: "",
    get help() {
      return t("host.help_help");
    },
    run({ print }) {
      for (const c of CONSOLE_COMMANDS) {
        print(`  /${(c.name + (c.args ? " " + c.args : "")).padEnd(44)} ${c.help}`);
      }
    },
  },
  {
    name: "quit",
    args: "",
    get help() {
      return t("host.help_quit");
    },
    run({ quit }) {
      quit();
    },
  },
];

/** The console's commands, in the order `/help` lists them: the host commands, then its own. */
export const CONSOLE_COMMANDS: readonly ConsoleCommand[] = [
  ...HOST_OPS.map(({ name, usage }): ConsoleCommand => ({
    name,
    args: usage,
    get help() {
      return HOST_COMMANDS[name].help;
    },
    run: (context, rest) => runHostLine(context, name, rest),
  })),
  ...LOCAL_COMMANDS,
];

/** Runs one console line; unknown commands and bad arguments answer with a line. */
export function runConsoleLine(context: ConsoleContext, line: string): void {
  const trimmed = line.trim();
  if (trimmed === "") return;
  if (!trimmed.startsWith("/")) {
    context.print(t("host.commands_start_with_slash"));
    return;
  }
  const match = /^\/(\S*)\s*([\s\S]*)$/.exec(trimmed)!;
  const name = match[1]!.toLowerCase();
  const command = CONSOLE_COMMANDS.find((c) => c.name === name);
  if (command === undefined) {
    context.print(t("host.unknown_command", { name: match[1]! }));
    return;
  }
  command.run(context, match[2]!);
}

function runHostLine(context: ConsoleContext, name: string, rest: string): void {
  const spec = hostOpSpec(name)!;
  const { args, text } = parseOpLine(spec, rest);
  const op: HostOp = text === undefined ? { cmd: name, args } : {
    cmd: name,
    args,
    body: context.seal(text),
  };
  const result = context.server.runOp(op, { kind: "console" });
  for (const line of describeOpResult(result, context)) context.print(line);
}

/**
 * A host command's result in the host's language, one or more lines, for
 * the console. The host's own words (a kick or ban reason) stay as typed.
 */
export function describeOpResult(
  result: OpResult,
  context: Pick<ConsoleContext, "clock" | "open">,
): string[] {
  const target = result.target ?? "";
  const cmd = result.cmd;
  if (!result.ok) {
    switch (result.code) {
      case "usage": {
        const spec = hostOpSpec(cmd);
        return [t("host.usage", { command: `/${cmd}${spec?.usage ? ` ${spec.usage}` : ""}` })];
      }
      case "no-such-nick":
        return [t("host.no_such_nick", { target })];
      case "bad-target":
        return [t("host.bad_target", { target })];
      case "bad-duration":
        return [t("host.bad_duration", { target })];
      case "bad-number":
        return [t("host.bad_number", { target })];
      case "no-such-ban":
        return [t("host.no_such_ban", { target })];
      case "not-muted":
        return [t("host.not_muted", { target })];
      case "too-many-bans":
        return [t("host.too_many_bans")];
      case "closed":
        return [t("host.shutting_down")];
      default:
        return [t("host.refused", { cmd, code: result.code })];
    }
  }
  switch (result.code) {
    case "kicked":
      return [
        result.detail === undefined
          ? t("host.kicked", { target })
          : t("host.kicked_reason", { target, reason: result.detail }),
      ];
    case "banned": {
      const line = result.durationMs === undefined
        ? t("host.banned", { target })
        : t("host.banned_for", { target, time: durationText(result.durationMs) });
      const reason = result.detail === undefined
        ? ""
        : ` ${t("host.reason", { reason: result.detail })}`;
      const removed = result.count ? ` — ${t("host.removed", { count: result.count })}` : "";
      return [`${line}${reason}${removed}`];
    }
    case "unbanned":
      return [t("host.unbanned", { target })];
    case "bans":
      return describeBans(result.bans ?? [], context.clock());
    case "muted":
      return [
        result.durationMs === undefined
          ? t("host.muted", { target })
          : t("host.muted_for", { target, time: durationText(result.durationMs) }),
      ];
    case "unmuted":
      return [t("host.unmuted", { target })];
    case "announced":
      return [t("host.announced")];
    case "motd": {
      if (result.body === undefined) return [t("host.no_motd")];
      const text = context.open(result.body);
      return [text === undefined ? t("host.motd_unreadable") : t("host.motd", { text })];
    }
    case "motd-set":
      return [t("host.motd_set")];
    case "motd-cleared":
      return [t("host.motd_cleared")];
    case "who":
      return describeMembers(result.members ?? [], context.clock());
    case "limit":
      return [
        result.count === undefined ? t("host.no_limit") : t("host.limit", { count: result.count }),
      ];
    case "locked":
      return [t("host.locked")];
    case "unlocked":
      return [t("host.unlocked")];
    default:
      return [`/${cmd}: ${result.code}`];
  }
}

function describeMembers(members: NonNullable<OpResult["members"]>, now: number): string[] {
  if (members.length === 0) return [t("host.nobody_here")];
  const lines = [t("host.members", { count: members.length })];
  for (const m of members) {
    const flags = list([
      m.away ? t("chat.mark_away") : "",
      m.host ? t("chat.mark_host") : "",
      m.muted ? t("chat.mark_muted") : "",
    ].filter(Boolean));
    lines.push(
      `  ${m.nick.padEnd(24)} ${(m.address ?? "").padEnd(39)} ${durationText(now - m.since)}${
        flags ? `  (${flags})` : ""
      }`,
    );
  }
  return lines;
}

function describeBans(bans: readonly BanEntry[], now: number): string[] {
  if (bans.length === 0) return [t("host.no_bans")];
  const lines = [t("host.bans", { count: bans.length })];
  for (const ban of bans) {
    const left = ban.until === undefined
      ? t("host.until_unban")
      : t("host.time_left", { time: wait(ban.until - now) });
    lines.push(`  ${ban.target.padEnd(39)} ${left.padEnd(18)} ${ban.reason ?? ""}`.trimEnd());
  }
  return lines;
}

/** Reads console lines from `input` until it ends or `signal` aborts. */
export async function readConsole(
  context: ConsoleContext,
  input: ReadableStream<Uint8Array>,
  signal: AbortSignal,
): Promise<void> {
  const reader = input.pipeThrough(new TextDecoderStream()).getReader();
  const onAbort = () => reader.cancel().catch(() => {});
  signal.addEventListener("abort", onAbort, { once: true });
  let rest = "";
  try {
    while (!signal.aborted) {
      const { value, done } = await reader.read();
      if (done) break;
      rest += value;
      const lines = rest.split(/\r?\n/);
      rest = lines.pop() ?? "";
      if (rest.length > 4096) rest = ""; // a console line is short
      for (const line of lines) runConsoleLine(context, line);
    }
  } catch {
    // stdin went away: the server keeps running
  } finally {
    signal.removeEventListener("abort", onAbort);
    reader.releaseLock();
  }
}
