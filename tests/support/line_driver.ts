/**
 * A line-mode command run in this process: stdin and stdout in memory, a
 * signal to leave as Ctrl-C would. The client and p2p harnesses build on it.
 *
 * @module
 */

import { waitFor, within } from "./wait_for.ts";

/** What a line-mode command is handed instead of the process's streams. */
export interface LineIo {
  stdin: ReadableStream<Uint8Array>;
  stdout: (line: string) => void;
  stderr: (line: string) => void;
  signal: AbortSignal;
}

/** One line-mode command running in this process. */
export class LineDriver {
  readonly stdout: string[] = [];
  readonly stderr: string[] = [];
  /** The exit code, once it ended. */
  readonly done: Promise<number>;
  readonly #what: string;
  #input!: ReadableStreamDefaultController<Uint8Array>;
  #ended = false;
  #code: number | undefined;
  readonly #abort = new AbortController();

  /** Starts `run` with in-memory streams; `what` names it in timeouts ("the client"). */
  constructor(run: (io: LineIo) => Promise<number>, what: string) {
    this.#what = what;
    const stdin = new ReadableStream<Uint8Array>({
      start: (controller) => {
        this.#input = controller;
      },
    });
    this.done = run({
      stdin,
      stdout: (line) => this.stdout.push(line),
      stderr: (line) => this.stderr.push(line),
      signal: this.#abort.signal,
    }).then((code) => this.#code = code);
  }

  /** The exit code, if it ended. */
  get code(): number | undefined {
    return this.#code;
  }

  /** Types lines. */
  type(...lines: string[]): void {
    const text = lines.map((line) => line + "\n").join("");
    try {
      this.#input.enqueue(new TextEncoder().encode(text));
    } catch {
      // It stopped reading already.
    }
  }

  /** Closes stdin. */
  end(): void {
    if (this.#ended) return;
    this.#ended = true;
    try {
      this.#input.close();
    } catch {
      // It stopped reading already.
    }
  }

  /** Waits for a stdout line matching `pattern` (from index `from`), returns it. */
  async waitFor(pattern: RegExp, timeoutMs = 5_000, from = 0): Promise<string> {
    let found: string | undefined;
    try {
      await waitFor(
        () => (found = this.stdout.slice(from).find((line) => pattern.test(line))) !== undefined,
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

  /** Ends stdin and waits for the exit code. */
  async stop(timeoutMs = 10_000): Promise<number> {
    this.end();
    return await within(this.done, `${this.#what} to exit`, timeoutMs);
  }

  /** Leaves without waiting for stdin, as Ctrl-C would. */
  abort(): void {
    this.#abort.abort();
  }
}
