/**
 * What every line-mode command (`chat --plain`, `send`, `p2p --plain`) does
 * until it has joined: where its lines go, how a fatal line is told
 * (stderr, and an error event for JSON readers), the server's address and
 * the keys, the connection and its join — each failure one line and its
 * exit code.
 *
 * @module
 */

import { EXIT } from "../cli/mod.ts";
import { KeyError, readKeyFile, type SecretKey } from "../crypto/mod.ts";
import { t } from "../i18n/mod.ts";
import { DialError, HandshakeError, hostPort } from "../net/mod.ts";
import { ChatConnection, type ChatConnectionOptions } from "./chat_connection.ts";
import type { ChatEvent } from "./chat_event.ts";
import type { FileOptions } from "./file_transfers.ts";
import { parseServerAddress, type ServerAddress } from "./parse_server_address.ts";
import { renderEvent } from "./render_event.ts";

/** Exit codes of the line-mode commands (the same as every command's). */
export const EXIT_OK = EXIT.ok;
/** Connection failure, offline, or messages left unsent. */
export const EXIT_FAILURE = EXIT.failed;
/** A bad address or nick. */
export const EXIT_USAGE = EXIT.usage;
/** The server is not in our circle: another key. */
export const EXIT_NOT_IN_CIRCLE = EXIT.notInCircle;

/** Where a line-mode command writes. */
export interface LineOutput {
  /** One event line. */
  stdout: (line: string) => void;
  /** One line for people only. */
  stderr: (line: string) => void;
  /** The clock (ms). */
  clock: () => number;
  /** Prints an event as a plain line or a JSON object. */
  print: (event: ChatEvent) => void;
  /** Tells a fatal problem and returns `code`. */
  fatal: (code: number, text: string) => number;
}

/** Knobs for tests of the line-mode commands; people never need them. */
export interface LineTuning extends
  Pick<
    ChatConnectionOptions,
    "clock" | "backoffMs" | "pingIntervalMs" | "peerTimeoutMs" | "outbox" | "maxInFlight" | "dial"
  > {
  /** How long leaving waits for pending messages (default 5 s). */
  closeTimeoutMs?: number;
  /** Formats the time of plain lines (default local `HH:MM`). */
  time?: (ts: number) => string;
}

/** The connection settings a tuning overrides (tests shorten the waits, or dial a fake). */
export function connectionTuning(tuning: LineTuning): Partial<ChatConnectionOptions> {
  const picked: Partial<ChatConnectionOptions> = {};
  if (tuning.backoffMs !== undefined) picked.backoffMs = tuning.backoffMs;
  if (tuning.pingIntervalMs !== undefined) picked.pingIntervalMs = tuning.pingIntervalMs;
  if (tuning.peerTimeoutMs !== undefined) picked.peerTimeoutMs = tuning.peerTimeoutMs;
  if (tuning.outbox !== undefined) picked.outbox = tuning.outbox;
  if (tuning.maxInFlight !== undefined) picked.maxInFlight = tuning.maxInFlight;
  if (tuning.dial !== undefined) picked.dial = tuning.dial;
  return picked;
}

/** What every line-mode command is told. */
export interface LineOptions {
  /** Path of secret.key. */
  keyPath: string;
  /** `HOST[:PORT]` of the chat server (or a p2p listener), IPv6 in brackets. */
  server: string;
  /** The port when `server` names none (default 5555). */
  defaultPort?: number;
  /** The nick to join with. */
  nick: string;
  /** The CA of a server with an external certificate (`--ca FILE`). */
  caFile?: string;
  /** One JSON object per event instead of text. */
  json: boolean;
  /** Gets each event line (default: console.log). */
  stdout?: (line: string) => void;
  /** Gets fatal error lines and warnings (default: console.error). */
  stderr?: (line: string) => void;
  /** Aborting leaves (and cancels a transfer under way). */
  signal?: AbortSignal;
  /** File sharing: download folder, `--auto-accept`, limits. */
  files?: FileOptions;
  /** Test knobs. */
  tuning?: LineTuning;
}

/** Builds the output of a line-mode command. */
export function lineOutput(options: {
  json: boolean;
  stdout?: (line: string) => void;
  stderr?: (line: string) => void;
  clock?: () => number;
  time?: (ts: number) => string;
}): LineOutput {
  const stdout = options.stdout ?? ((line: string) => console.log(line));
  const stderr = options.stderr ?? ((line: string) => console.error(line));
  const clock = options.clock ?? Date.now;
  const format = options.json ? "json" : "plain";
  const print = (event: ChatEvent) => {
    const line = renderEvent(event, format, options.time ? { time: options.time } : {});
    if (line !== undefined) stdout(line);
  };
  const fatal = (code: number, text: string): number => {
    stderr(text);
    if (options.json) print({ type: "error", code: "fatal", ts: clock(), self: false, text });
    return code;
  };
  return { stdout, stderr, clock, print, fatal };
}

/** The address and keys of a line-mode command, or the exit code after a fatal line. */
export async function lineStart(
  options: { server: string; defaultPort?: number; keyPath: string; hostKeyPath?: string },
  out: LineOutput,
): Promise<{ address: ServerAddress; key: SecretKey; hostKey?: SecretKey } | number> {
  let address: ServerAddress;
  try {
    address = parseServerAddress(options.server, options.defaultPort);
  } catch (error) {
    return out.fatal(EXIT_USAGE, messageOf(error));
  }
  try {
    const key = await readKeyFile(options.keyPath, { warn: out.stderr });
    if (options.hostKeyPath === undefined) return { address, key };
    const hostKey = await readKeyFile(options.hostKeyPath, { warn: out.stderr });
    return { address, key, hostKey };
  } catch (error) {
    if (error instanceof KeyError) return out.fatal(EXIT_FAILURE, error.message);
    throw error;
  }
}

/** The connection, or the exit code after a fatal line (a bad nick is a usage error). */
export function lineChat(options: ChatConnectionOptions, out: LineOutput): ChatConnection | number {
  try {
    return new ChatConnection(options);
  } catch (error) {
    if (error instanceof TypeError) return out.fatal(EXIT_USAGE, messageOf(error));
    throw error;
  }
}

/**
 * Joins: undefined once in, else the exit code after a fatal line — a
 * server of another circle, or one that cannot be reached (`direct`: a p2p
 * dial, where a refused connection means nobody is listening).
 */
export async function lineJoin(
  chat: ChatConnection,
  address: ServerAddress,
  out: LineOutput,
  direct = false,
): Promise<number | undefined> {
  try {
    await chat.connect();
    return undefined;
  } catch (error) {
    if (error instanceof HandshakeError && error.code === "not-in-circle") {
      return out.fatal(EXIT_NOT_IN_CIRCLE, error.message);
    }
    const where = hostPort(address.hostname, address.port);
    const text = direct && error instanceof DialError && error.code === "refused"
      ? t("p2p.not_listening", { where })
      : messageOf(error);
    return out.fatal(EXIT_FAILURE, text.includes(where) ? text : t("chat.at", { where, text }));
  }
}

/** The message of anything thrown. */
export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
