/**
 * The host's console: commands typed on the server's stdin. The host
 * commands are the shared table ({@linkcode HOST_COMMANDS}, run through
 * the server exactly as a host client's `op` is); the console adds only
 * what is its own (`/help`, `/quit`) and words each result in English.
 * `/help` is made from the tables. The console is not a connection: no ban,
 * lock or limit can shut the host out of it.
 *
 * @module
 */

import { humanDuration, humanWait } from "../cli/mod.ts";
import { type BanEntry, hostOpSpec, type OpResult, parseOpLine } from "../protocol/mod.ts";
import type { ChatServer } from "./chat_server.ts";
import { hostCommandHelp, type HostOp } from "./host_commands.ts";

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
  /** One line of help. */
  help: string;
  /** Runs it with what follows its name; it checks its own arguments. */
  run: (context: ConsoleContext, rest: string) => void;
}

const LOCAL_COMMANDS: readonly ConsoleCommand[] = [
  {
    name: "help",
    args: "",
    help: "show these commands",
    run({ print }) {
      for (const c of CONSOLE_COMMANDS) {
        print(`  /${(c.name + (c.args ? " " + c.args : "")).padEnd(44)} ${c.help}`);
      }
    },
  },
  {
    name: "quit",
    args: "",
    help: "tell everyone and shut the server down",
    run({ quit }) {
      quit();
    },
  },
];

/** The console's commands, in the order `/help` lists them: the host commands, then its own. */
export const CONSOLE_COMMANDS: readonly ConsoleCommand[] = [
  ...hostCommandHelp().map(({ name, usage, help }): ConsoleCommand => ({
    name,
    args: usage,
    help,
    run: (context, rest) => runHostLine(context, name, rest),
  })),
  ...LOCAL_COMMANDS,
];

/** Runs one console line; unknown commands and bad arguments answer with a line. */
export function runConsoleLine(context: ConsoleContext, line: string): void {
  const trimmed = line.trim();
  if (trimmed === "") return;
  if (!trimmed.startsWith("/")) {
    context.print("commands start with / — type /help");
    return;
  }
  const match = /^\/(\S*)\s*([\s\S]*)$/.exec(trimmed)!;
  const name = match[1]!.toLowerCase();
  const command = CONSOLE_COMMANDS.find((c) => c.name === name);
  if (command === undefined) {
    context.print(`unknown command /${match[1]} — type /help`);
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

/** A host command's result in English, one or more lines, for the console. */
export function describeOpResult(
  result: OpResult,
  context: Pick<ConsoleContext, "clock" | "open">,
): string[] {
  const target = result.target ?? "";
  const reason = result.detail === undefined ? "" : ` (${result.detail})`;
  const length = (ms: number | undefined, until: string) =>
    ms === undefined ? until : `for ${humanDuration(ms)}`;
  if (!result.ok) {
    switch (result.code) {
      case "usage": {
        const spec = hostOpSpec(result.cmd);
        return [`usage: /${result.cmd}${spec?.usage ? ` ${spec.usage}` : ""}`];
      }
      case "no-such-nick":
        return [`nobody here is called ${target} — type /who`];
      case "bad-target":
        return [`${target} is not a nick, an address or a CIDR range (like 192.168.1.0/24)`];
      case "bad-duration":
        return [`${target} is not a duration — use 10m, 2h or 7d`];
      case "bad-number":
        return [`${target} is not a number of members — give N from 1, or off`];
      case "no-such-ban":
        return [`${target} is not banned — type /bans`];
      case "not-muted":
        return [`${target} is not muted`];
      case "too-many-bans":
        return ["too many bans — lift some with /unban first"];
      case "closed":
        return ["the server is shutting down"];
      default:
        return [`/${result.cmd} refused: ${result.code}`];
    }
  }
  switch (result.code) {
    case "kicked":
      return [`kicked ${target}${reason}`];
    case "banned": {
      const removed = result.count
        ? ` — removed ${result.count} ${result.count === 1 ? "member" : "members"}`
        : "";
      return [`banned ${target} ${length(result.durationMs, "until /unban")}${reason}${removed}`];
    }
    case "unbanned":
      return [`lifted the ban on ${target}`];
    case "bans":
      return describeBans(result.bans ?? [], context.clock());
    case "muted":
      return [`muted ${target} ${length(result.durationMs, "until /unmute")}`];
    case "unmuted":
      return [`${target} may speak again`];
    case "announced":
      return ["announced to everyone"];
    case "motd": {
      if (result.body === undefined) return ["no welcome text — set one with /motd TEXT"];
      const text = context.open(result.body);
      return [text === undefined ? "the welcome text cannot be read" : `welcome text: ${text}`];
    }
    case "motd-set":
      return ["welcome text set: members see it when they join"];
    case "motd-cleared":
      return ["welcome text cleared"];
    case "who":
      return describeMembers(result.members ?? [], context.clock());
    case "limit":
      return [
        result.count === undefined ? "no member limit" : `at most ${result.count} members`,
      ];
    case "locked":
      return ["locked: nobody new can join (members here can still come back)"];
    case "unlocked":
      return ["unlocked: new members can join"];
    default:
      return [`/${result.cmd}: ${result.code}`];
  }
}

function describeMembers(members: NonNullable<OpResult["members"]>, now: number): string[] {
  if (members.length === 0) return ["nobody is here yet"];
  const lines = [`${members.length} ${members.length === 1 ? "member" : "members"}:`];
  for (const m of members) {
    const flags = [m.away ? "away" : "", m.host ? "host" : "", m.muted ? "muted" : ""]
      .filter(Boolean).join(", ");
    lines.push(
      `  ${m.nick.padEnd(24)} ${(m.address ?? "").padEnd(39)} ${humanDuration(now - m.since)}${
        flags ? `  (${flags})` : ""
      }`,
    );
  }
  return lines;
}

function describeBans(bans: readonly BanEntry[], now: number): string[] {
  if (bans.length === 0) return ["no bans"];
  const lines = [`${bans.length} ${bans.length === 1 ? "ban" : "bans"}:`];
  for (const ban of bans) {
    const left = ban.until === undefined ? "until /unban" : `${humanWait(ban.until - now)} left`;
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

/** "3 h 12 min", "5 min", "40 s". */
export function duration(ms: number): string {
  return humanDuration(ms);
}
