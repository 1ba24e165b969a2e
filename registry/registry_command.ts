/**
 * `stealth registry`: the registry alone, until Ctrl-C, SIGTERM or an abort.
 *
 * @module
 */

import { KeyError, readKeyFile } from "../crypto/mod.ts";
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
  let key;
  try {
    key = await readKeyFile(options.keyPath, { warn: (line) => stderr(`stealth: ${line}`) });
  } catch (error) {
    if (!(error instanceof KeyError)) throw error;
    stderr(`stealth: ${error.message}`);
    return 1;
  }
  if (options.signal?.aborted) return 0;

  let registry;
  try {
    registry = await startRegistry({ key, hostname: options.hostname, port: options.port });
  } catch (error) {
    stderr(`stealth: ${listenProblem(error, options.port)}`);
    return 1;
  }

  const stopped = Promise.withResolvers<void>();
  const stop = () => stopped.resolve();
  const signals = listenForSignals(stop);
  options.signal?.addEventListener("abort", stop, { once: true });
  try {
    stdout(`registry listening on ${hostPort(options.hostname, registry.port)}`);
    if (options.signal?.aborted) stop();
    await stopped.promise;
  } finally {
    options.signal?.removeEventListener("abort", stop);
    signals.remove();
    await registry.close();
  }
  return 0;
}

function listenProblem(error: unknown, port: number): string {
  const code = (error as { cause?: { code?: unknown } } | null)?.cause?.code;
  if (code === "EADDRINUSE") {
    return `port ${port} is already in use — is another registry running? choose another with --port`;
  }
  return error instanceof Error ? error.message : String(error);
}

/** SIGINT and SIGTERM (where the platform has them) call `stop`, until removed. */
function listenForSignals(stop: () => void): { remove(): void } {
  const added: Deno.Signal[] = [];
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    try {
      Deno.addSignalListener(signal, stop);
      added.push(signal);
    } catch {
      // Windows has no SIGTERM listener; Ctrl-C still works.
    }
  }
  return {
    remove() {
      for (const signal of added) Deno.removeSignalListener(signal, stop);
    },
  };
}
