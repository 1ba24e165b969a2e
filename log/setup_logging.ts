/**
 * Configuring LogTape for the whole process, and flushing it before exit.
 *
 * @module
 */

import { configure, reset, type Sink } from "@logtape/logtape";
import { t } from "../i18n/mod.ts";
import { openFileSink } from "./_file_sink.ts";
import { getLineFormatter } from "./_format_line.ts";
import { redactSink } from "./_redaction.ts";
import { getStderrSink } from "./_stderr_sink.ts";

/** Options for {@linkcode setupLogging}. */
export interface SetupLoggingOptions {
  /**
   * `true` for the trace: every `["stealth", ...]` category at level
   * "debug". `false` for quiet: warnings and errors only.
   */
  debug: boolean;
  /** A file to append the log to, created with mode 0600. */
  logFile?: string;
  /**
   * Whether to write to stderr. By default only when there is neither a
   * `logFile` nor a `sink`, so a terminal UI can keep its screen clean by
   * passing a file.
   */
  stderr?: boolean;
  /** One more sink, for tests or embedders; it receives redacted records only. */
  sink?: Sink;
}

/** Calls run one after another: LogTape refuses to be reconfigured concurrently. */
let queue: Promise<unknown> = Promise.resolve();

function exclusively(task: () => Promise<void>): Promise<void> {
  const run = queue.then(task, task);
  queue = run.catch(() => {});
  return run;
}

/**
 * Configures logging for the process, replacing any earlier configuration
 * (whose sinks are flushed and closed first), so that a UI can call it again
 * to switch the trace on or off at run time.
 *
 * Every sink, including `options.sink`, sees records only after keys,
 * tokens, proofs, nonces and message text have been replaced by
 * `[REDACTED]`. LogTape's own `["logtape", "meta"]` logger is limited to
 * errors (warnings with `debug`).
 *
 * @example
 * ```ts
 * import { flushLogging, getLogger, isDebugFromEnv, setupLogging } from "./mod.ts";
 *
 * await setupLogging({ debug: isDebugFromEnv() });
 * getLogger(["stealth", "server"]).debug("listening on {port}", { port: 5555 });
 * await flushLogging();
 * ```
 *
 * @param options Trace on or off, and where the lines go.
 * @throws {Deno.errors.NotFound} and the like when `logFile` cannot be
 * opened; the earlier configuration then stays in effect.
 */
export function setupLogging(options: SetupLoggingOptions): Promise<void> {
  return exclusively(async () => {
    const formatter = getLineFormatter();
    const sinks: Record<string, Sink> = {};
    const wantStderr = options.stderr ??
      (options.logFile === undefined && options.sink === undefined);
    if (wantStderr) sinks.stderr = redactSink(getStderrSink(formatter));
    if (options.sink !== undefined) sinks.extra = redactSink(options.sink);
    if (options.logFile !== undefined) {
      const file = await openFileSink(options.logFile, { formatter, onError: reportFileError });
      sinks.file = redactSink(file);
    }
    const ids = Object.keys(sinks);
    try {
      await configure({
        reset: true,
        sinks,
        loggers: [
          { category: ["stealth"], sinks: ids, lowestLevel: options.debug ? "debug" : "warning" },
          {
            category: ["logtape", "meta"],
            sinks: ids,
            parentSinks: "override",
            lowestLevel: options.debug ? "warning" : "error",
          },
        ],
      });
    } catch (error) {
      await (sinks.file as Partial<AsyncDisposable> | undefined)?.[Symbol.asyncDispose]?.();
      throw error;
    }
  });
}

/**
 * Writes out everything still waiting for a sink, closes the log file, and
 * drops the configuration: until {@linkcode setupLogging} runs again,
 * loggers are silent. `main.ts` calls it before the process exits.
 */
export function flushLogging(): Promise<void> {
  return exclusively(() => reset());
}

let fileErrorReported = false;

/** The log file failed: say so once, on stderr, since the log cannot. */
function reportFileError(error: unknown): void {
  if (fileErrorReported) return;
  fileErrorReported = true;
  const reason = error instanceof Error ? error.message : String(error);
  try {
    Deno.stderr.writeSync(
      new TextEncoder().encode(`stealth: ${t("log.file_failed", { reason })}\n`),
    );
  } catch {
    // Nowhere left to tell.
  }
}
