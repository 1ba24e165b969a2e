/**
 * The host's console: commands typed on the server's stdin. Commands are a
 * table (name, arguments, help, handler) and `/help` is made from it.
 *
 * @module
 */

import type { ChatServer } from "./chat_server.ts";

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
}

/** One console command. */
export interface ConsoleCommand {
  /** Name without the slash. */
  name: string;
  /** Argument synopsis for `/help`. */
  args: string;
  /** One line of help. */
  help: string;
  /** Fewest arguments. */
  minArgs: number;
  /** Runs it. */
  run: (context: ConsoleContext, args: string[]) => void;
}

/** The console's commands, in the order `/help` lists them. */
export const CONSOLE_COMMANDS: readonly ConsoleCommand[] = [
  {
    name: "who",
    args: "",
    help: "list members, with their addresses and how long they have been here",
    minArgs: 0,
    run({ server, print, clock }) {
      const members = server.room.who({ forHost: true });
      if (members.length === 0) {
        print("nobody is here yet");
        return;
      }
      print(`${members.length} ${members.length === 1 ? "member" : "members"}:`);
      for (const m of members) {
        const flags = [m.away ? "away" : "", m.host ? "host" : ""].filter(Boolean).join(", ");
        print(
          `  ${m.nick.padEnd(24)} ${(m.address ?? "").padEnd(39)} ${duration(clock() - m.since)}${
            flags ? `  (${flags})` : ""
          }`,
        );
      }
    },
  },
  {
    name: "help",
    args: "",
    help: "show these commands",
    minArgs: 0,
    run({ print }) {
      for (const c of CONSOLE_COMMANDS) {
        print(`  /${(c.name + (c.args ? " " + c.args : "")).padEnd(28)} ${c.help}`);
      }
    },
  },
  {
    name: "quit",
    args: "",
    help: "tell everyone and shut the server down",
    minArgs: 0,
    run({ quit }) {
      quit();
    },
  },
];

/** Runs one console line; unknown commands and missing arguments answer with a line. */
export function runConsoleLine(context: ConsoleContext, line: string): void {
  const trimmed = line.trim();
  if (trimmed === "") return;
  if (!trimmed.startsWith("/")) {
    context.print("commands start with / — type /help");
    return;
  }
  const [name = "", ...args] = trimmed.slice(1).split(/\s+/);
  const command = CONSOLE_COMMANDS.find((c) => c.name === name.toLowerCase());
  if (command === undefined) {
    context.print(`unknown command /${name} — type /help`);
    return;
  }
  if (args.length < command.minArgs) {
    context.print(`usage: /${command.name} ${command.args}`);
    return;
  }
  command.run(context, args);
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
  const s = Math.max(0, Math.floor(ms / 1000));
  if (s < 60) return `${s} s`;
  const min = Math.floor(s / 60);
  if (min < 60) return `${min} min`;
  const h = Math.floor(min / 60);
  if (h < 48) return `${h} h ${min % 60} min`;
  return `${Math.floor(h / 24)} d ${h % 24} h`;
}
