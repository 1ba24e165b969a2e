/**
 * The host commands as the wire knows them: each one's name, the arguments
 * an `op {cmd, args, body?}` frame carries, and whether only a host may run
 * it. The server's console and a host's chat client both read typed lines
 * with {@linkcode parseOpLine}, and the server checks every `op` with
 * {@linkcode checkOpArgs} before any handler runs: one contract, checked in
 * one place. What each command does (and the words that describe it) belong
 * to each side.
 *
 * Pure: no sockets, no rooms, no English beyond the argument synopsis.
 *
 * @module
 */

import { MAX_TEXT_LENGTH } from "./constants.ts";

/** Arguments a typed host command can carry besides its sealed text. */
export interface HostOpSpec {
  /** Name, without the slash. */
  readonly name: string;
  /** Argument synopsis, as help shows it: `NICK [REASON]`. */
  readonly usage: string;
  /** Fewest `args` on the wire. */
  readonly minArgs: number;
  /** Most `args` on the wire. */
  readonly maxArgs: number;
  /** The last argument takes the rest of the line, spaces and all (a reason). */
  readonly rest: boolean;
  /** Only a connection that proved the host key (or the server's console) may run it. */
  readonly hostOnly: boolean;
  /**
   * The command's text is a message body, sealed under the circle key by
   * whoever types it and carried as `body` (a Fernet token of
   * `{kind:"announce", text}`), never in `args`: "required" or "optional".
   */
  readonly sealed?: "required" | "optional";
  /** With `sealed`: this word alone, instead of a text, travels as the one arg (to clear). */
  readonly clearWord?: string;
}

const OPS = [
  { name: "kick", usage: "NICK [REASON]", minArgs: 1, maxArgs: 2, rest: true, hostOnly: true },
  {
    name: "ban",
    usage: "NICK|ADDRESS|CIDR [DURATION] [REASON]",
    minArgs: 1,
    maxArgs: 3,
    rest: true,
    hostOnly: true,
  },
  {
    name: "unban",
    usage: "NICK|ADDRESS|CIDR",
    minArgs: 1,
    maxArgs: 1,
    rest: false,
    hostOnly: true,
  },
  { name: "bans", usage: "", minArgs: 0, maxArgs: 0, rest: false, hostOnly: true },
  { name: "mute", usage: "NICK [DURATION]", minArgs: 1, maxArgs: 2, rest: false, hostOnly: true },
  { name: "unmute", usage: "NICK", minArgs: 1, maxArgs: 1, rest: false, hostOnly: true },
  {
    name: "announce",
    usage: "TEXT",
    minArgs: 0,
    maxArgs: 0,
    rest: false,
    hostOnly: true,
    sealed: "required",
  },
  {
    name: "motd",
    usage: "[TEXT|-]",
    minArgs: 0,
    maxArgs: 1,
    rest: false,
    hostOnly: true,
    sealed: "optional",
    clearWord: "-",
  },
  { name: "who", usage: "", minArgs: 0, maxArgs: 0, rest: false, hostOnly: false },
  { name: "limit", usage: "[N|off]", minArgs: 0, maxArgs: 1, rest: false, hostOnly: true },
  { name: "lock", usage: "", minArgs: 0, maxArgs: 0, rest: false, hostOnly: true },
  { name: "unlock", usage: "", minArgs: 0, maxArgs: 0, rest: false, hostOnly: true },
] as const satisfies readonly HostOpSpec[];

/** A host command's name. */
export type HostOpName = typeof OPS[number]["name"];

/** Every host command, in the order help lists them. */
export const HOST_OPS: readonly (HostOpSpec & { readonly name: HostOpName })[] = OPS;

const BY_NAME: ReadonlyMap<string, HostOpSpec> = new Map(HOST_OPS.map((op) => [op.name, op]));

/** The spec of a host command, by name (case-insensitive); undefined for an unknown one. */
export function hostOpSpec(name: string): HostOpSpec | undefined {
  return BY_NAME.get(name.toLowerCase());
}

/** What a typed command line becomes: the `op` frame's `args`, and the text to seal. */
export interface ParsedOpLine {
  /** Words (and a trailing rest) for `args`. */
  args: string[];
  /** For a sealed command: the text the typist seals into `body`. */
  text?: string;
}

/**
 * Splits what follows a command's name into `args` (and, for a sealed
 * command, the text to seal) the way the spec says: words, the last one
 * taking the rest of the line when `rest` is set. It does not check counts:
 * {@linkcode checkOpArgs} does, on the server, for every frame.
 */
export function parseOpLine(spec: HostOpSpec, line: string): ParsedOpLine {
  const rest = line.trim();
  if (spec.sealed !== undefined) {
    if (rest === "") return { args: [] };
    if (spec.clearWord !== undefined && rest === spec.clearWord) return { args: [rest] };
    return { args: [], text: rest };
  }
  if (rest === "") return { args: [] };
  if (!spec.rest) return { args: rest.split(/\s+/) };
  const args: string[] = [];
  let remaining = rest;
  while (args.length < spec.maxArgs - 1) {
    const match = /^(\S+)\s*([\s\S]*)$/.exec(remaining);
    if (match === null) break;
    args.push(match[1]!);
    remaining = match[2]!;
  }
  if (remaining !== "") args.push(remaining);
  return { args };
}

/**
 * Whether an `op`'s arguments fit its spec: the count within bounds, no
 * empty or over-long argument, a `body` exactly when the command seals its
 * text (required, or optional and given instead of the clear word).
 */
export function checkOpArgs(spec: HostOpSpec, args: readonly string[], body?: string): boolean {
  if (args.length < spec.minArgs || args.length > spec.maxArgs) return false;
  for (const arg of args) {
    if (arg.trim() === "" || arg.length > MAX_TEXT_LENGTH) return false;
  }
  if (spec.sealed === undefined) return body === undefined;
  if (body !== undefined) return args.length === 0;
  if (spec.sealed === "required") return false;
  return args.length === 0 || args[0] === spec.clearWord;
}
