/**
 * `stealth registry`: the registry alone, until Ctrl-C, SIGTERM or an abort.
 *
 * @module
 */

import { EXIT, listenProblem, loadKey, untilStopped } from "../cli/mod.ts";
import { t } from "../i18n/mod.ts";
import { hostPort } from "../net/mod.ts";
import { startRegistry } from "./registry_service.ts";

/** Options of {@linkcode runRegistry}; main.ts resolves the defaults. */
export interface RunRegistryOptions {
  /** The circle key file. */
  keyPath: string;
  /** Address to listen on, e.g. `0.0.0.0`. */
  hostname: string;
  /** Port to listen on (`DEFAULT_REGISTRY_PORT`, 5556, by default in main.ts). */
  port: number;
  /** Stops the registry when aborted, like SIGINT or SIGTERM. */
  signal?: AbortSignal;
  /** Normal output, one call per line (default `console.log`). */
  stdout?: (line: string) => void;
  /** Error output, one call per line (default `console.error`). */
  stderr?: (line: string) => void;
}

/**
 * Runs a registry: prints `registry listening on HOST:PORT` once it listens,
 * serves until SIGINT, SIGTERM or `signal`, then closes gracefully (servers
 * are told it shut down, so they retry).
 *
 * @returns the exit code: 0 after a requested stop; 1 after one
 *   `stealth: …` line when the key cannot be read or the port cannot be
 *   listened on.
 */
export async function runRegistry(options: RunRegistryOptions): Promise<number> {
  const stdout = options.stdout ?? console.log;
  const stderr = options.stderr ?? console.error;
  const key = await loadKey(options.keyPath, stderr);
  if (key === undefined) return EXIT.failed;
  if (options.signal?.aborted) return EXIT.ok;

  let registry;
  try {
    registry = await startRegistry({ key, hostname: options.hostname, port: options.port });
  } catch (error) {
    stderr(`stealth: ${listenProblem(error, options.port, "registry")}`);
    return EXIT.failed;
  }

  const stopped = untilStopped(options.signal);
  try {
    stdout(t("registry.listening", { where: hostPort(options.hostname, registry.port) }));
    await stopped.done;
  } finally {
    await registry.close();
  }
  return EXIT.ok;
}
