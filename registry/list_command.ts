/**
 * `stealth list`: the registry's servers, as a table for people or as JSON
 * for scripts.
 *
 * @module
 */

import { KeyError, readKeyFile } from "../crypto/mod.ts";
import { duration, t } from "../i18n/mod.ts";
import { DialError, HandshakeError, hostPort } from "../net/mod.ts";
import { DEFAULT_REGISTRY_PORT, type ServerEntry } from "../protocol/mod.ts";
import { listServers } from "./list_servers.ts";
import { type HostPort, parseHostPort } from "./parse_host_port.ts";

/** Options of {@linkcode runList}; main.ts resolves the defaults. */
export interface RunListOptions {
  /** The circle key file. */
  keyPath: string;
  /** The registry as `HOST[:PORT]` (port 5556 when left out; IPv6 in brackets). */
  registry: string;
  /** Print one JSON array instead of a table. */
  json: boolean;
  /** Time for the whole exchange (default 10 s). */
  timeoutMs?: number;
  /** The clock for "up 3 h 12 min", in ms (default `Date.now`). */
  now?: () => number;
  /** Normal output, one call per line (default `console.log`). */
  stdout?: (line: string) => void;
  /** Error output, one call per line (default `console.error`). */
  stderr?: (line: string) => void;
}

/** Exit code when the registry is not of this circle (wrong `secret.key`). */
export const EXIT_NOT_IN_CIRCLE = 3;

/**
 * Asks the registry for its servers and prints them: a line per server
 * (name, address, users online, how long it is up), or with `json` one JSON
 * array of `{name, host, port, users, since}` (`since` in ms since the
 * epoch), `[]` when none. Errors are one `stealth: …` line on stderr.
 *
 * @returns the exit code: 0 (also for an empty registry); 1 when the key
 *   cannot be read or the registry cannot be reached; 2 when `registry` is
 *   not `HOST[:PORT]`; 3 when the registry is not of this circle.
 */
export async function runList(options: RunListOptions): Promise<number> {
  const stdout = options.stdout ?? console.log;
  const stderr = options.stderr ?? console.error;
  let target: HostPort;
  try {
    target = parseHostPort(options.registry, DEFAULT_REGISTRY_PORT);
  } catch (error) {
    stderr(`stealth: ${(error as Error).message}`);
    return 2;
  }
  const where = hostPort(target.hostname, target.port);
  let key;
  try {
    key = await readKeyFile(options.keyPath, { warn: (line) => stderr(`stealth: ${line}`) });
  } catch (error) {
    if (!(error instanceof KeyError)) throw error;
    stderr(`stealth: ${error.message}`);
    return 1;
  }

  let servers: ServerEntry[];
  try {
    servers = await listServers({ key, ...target, timeoutMs: options.timeoutMs });
  } catch (error) {
    const [code, line] = problem(error, where);
    stderr(`stealth: ${line}`);
    return code;
  }

  if (options.json) {
    stdout(JSON.stringify(servers.map(({ name, host, port, users, since }) => ({
      name,
      host,
      port,
      users,
      since,
    }))));
    return 0;
  }
  if (servers.length === 0) {
    stdout(t("registry.none_registered", { where, host: target.hostname }));
    return 0;
  }
  stdout(t("registry.servers_at", { count: servers.length, where }));
  for (const line of formatTable(servers, (options.now ?? Date.now)())) stdout(line);
  return 0;
}

/** The exit code and the line for a failed list. */
function problem(error: unknown, where: string): [number, string] {
  const notInCircle = t("registry.not_in_circle_at", { where });
  if (error instanceof HandshakeError) {
    if (error.code === "not-in-circle") return [EXIT_NOT_IN_CIRCLE, notInCircle];
    return [1, error.message];
  }
  if (error instanceof DialError) {
    // A registry of another circle shows a certificate our circle CA did not sign.
    if (error.code === "foreign") return [EXIT_NOT_IN_CIRCLE, notInCircle];
    if (error.code === "refused") return [1, t("registry.refused_list", { where })];
    return [1, error.message];
  }
  throw error;
}

/** One line per server, columns aligned: name, address, users online, uptime. */
export function formatTable(servers: readonly ServerEntry[], now: number): string[] {
  const rows = servers.map((s) => [
    printable(s.name),
    hostPort(printable(s.host), s.port),
    t("registry.online", { count: s.users }),
    formatUptime(now - s.since),
  ]);
  const widths = [0, 1, 2].map((i) => Math.max(...rows.map((row) => row[i]!.length)));
  return rows.map((row) =>
    "  " + row.map((cell, i) => i < 3 ? cell.padEnd(widths[i]!) : cell).join("   ")
  );
}

/**
 * "up 42 sec", "up 3 hr 12 min", "up 2 days 4 hr" in the reader's language;
 * "just started" for a future start.
 */
export function formatUptime(ms: number): string {
  if (!(ms >= 1000)) return t("registry.just_started");
  return t("registry.up_for", { time: duration(Math.floor(ms / 1000) * 1000) });
}

/** A peer's text, safe for a terminal: control characters become `?`. */
function printable(text: string): string {
  // deno-lint-ignore no-control-regex
  return text.replace(/[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, "?");
}
