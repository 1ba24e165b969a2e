/**
 * One side of `stealth p2p` run in this process in line mode: stdin and
 * stdout in memory, a signal to leave as Ctrl-C would.
 *
 * @module
 */

import { type P2pOptions, runP2p } from "../../p2p/mod.ts";
import { waitFor, within } from "../support/wait_for.ts";

/** Backoff short enough for tests. */
export const FAST_BACKOFF = [30, 60, 120] as const;

/** A `stealth p2p --plain` (or `--json`) side running in this process. */
export class P2pSide {
  readonly stdout: string[] = [];
  readonly stderr: string[] = [];
  /** The exit code, once it ended. */
  readonly done: Promise<number>;
  #input!: ReadableStreamDefaultController<Uint8Array>;
  readonly #abort = new AbortController();

  constructor(
    options:
      & Omit<
        P2pOptions,
        "stdin" | "stdout" | "stderr" | "signal" | "mode" | "theme" | "homeDir" | "debug"
      >
      & { json?: boolean },
  ) {
    const stdin = new ReadableStream<Uint8Array>({
      start: (controller) => {
        this.#input = controller;
      },
    });
    const { json, ...rest } = options;
    this.done = runP2p({
      mode: json ? "json" : "plain",
      theme: "plain",
      homeDir: "/nonexistent",
      debug: false,
      tuning: { backoffMs: FAST_BACKOFF },
      ...rest,
      stdin,
      stdout: (line) => this.stdout.push(line),
      stderr: (line) => this.stderr.push(line),
      signal: this.#abort.signal,
    });
  }

  /** Types lines. */
  type(...lines: string[]): void {
    try {
      this.#input.enqueue(new TextEncoder().encode(lines.map((line) => line + "\n").join("")));
    } catch {
      // It stopped reading already.
    }
  }

  /** Waits for a stdout line matching `pattern`, returns it. */
  async waitFor(pattern: RegExp, timeoutMs = 5_000): Promise<string> {
    let found: string | undefined;
    try {
      await waitFor(
        () => (found = this.stdout.find((line) => pattern.test(line))) !== undefined,
        `${pattern}`,
        timeoutMs,
      );
    } catch (error) {
      throw new Error(
        `${(error as Error).message}\n--- stdout\n${this.stdout.join("\n")}\n--- stderr\n${
          this.stderr.join("\n")
        }`,
      );
    }
    return found!;
  }

  /** The stdout lines matching `pattern`. */
  lines(pattern: RegExp): string[] {
    return this.stdout.filter((line) => pattern.test(line));
  }

  /** Closes stdin and waits for the exit code. */
  async stop(timeoutMs = 10_000): Promise<number> {
    try {
      this.#input.close();
    } catch {
      // It stopped reading already.
    }
    return await within(this.done, "the p2p side to exit", timeoutMs);
  }

  /** Leaves as Ctrl-C would. */
  abort(): void {
    this.#abort.abort();
  }
}
