/**
 * Runs the real `main.ts` as a process for end-to-end tests: a temporary
 * home, stdout and stderr collected as lines, waits with deadlines, and a
 * kill that always happens.
 *
 * @module
 */

import { RUN_PERMISSIONS } from "../../tools/permissions.ts";

const MAIN = new URL("../../main.ts", import.meta.url).pathname;

/**
 * The environment every process under test starts with: no colours, and
 * English whatever the machine's locale (an empty `LC_ALL`/`LC_MESSAGES`
 * counts as unset), so tests that read its words pass anywhere. A test of
 * another language passes `LANG` (or `--lang`) in its own `env`.
 */
export const TEST_ENV: Readonly<Record<string, string>> = {
  NO_COLOR: "1",
  LC_ALL: "",
  LC_MESSAGES: "",
  LANG: "C",
};

/**
 * Where the program under test comes from: main.ts, or a bundle when
 * STEALTH_BUNDLE is set. A bundle runs as shipped: no deno.json, and only the
 * permissions the binaries get, so a missing one fails here.
 */
export function programArgs(): string[] {
  const bundle = Deno.env.get("STEALTH_BUNDLE");
  if (bundle === undefined || bundle === "") return ["run", "--allow-all", MAIN];
  const path = bundle.startsWith("/") ? bundle : `${Deno.cwd()}/${bundle}`;
  return ["run", "--no-config", ...RUN_PERMISSIONS, path];
}

/** A line-oriented view of a running stealth process. */
export class StealthProcess {
  readonly child: Deno.ChildProcess;
  readonly stdout: string[] = [];
  readonly stderr: string[] = [];
  #writer: WritableStreamDefaultWriter<Uint8Array> | undefined;
  #waiters = new Set<() => void>();
  #done: Promise<Deno.CommandStatus>;
  #pumps: Promise<void>[];

  constructor(
    args: string[],
    options: { env?: Record<string, string>; cwd?: string; stdin?: boolean } = {},
  ) {
    this.child = new Deno.Command(Deno.execPath(), {
      args: [...programArgs(), ...args],
      env: { ...TEST_ENV, ...options.env },
      cwd: options.cwd,
      stdin: options.stdin ? "piped" : "null",
      stdout: "piped",
      stderr: "piped",
    }).spawn();
    if (options.stdin) this.#writer = this.child.stdin.getWriter();
    this.#pumps = [
      this.#pump(this.child.stdout, this.stdout),
      this.#pump(this.child.stderr, this.stderr),
    ];
    this.#done = this.child.status;
  }

  async #pump(stream: ReadableStream<Uint8Array>, lines: string[]): Promise<void> {
    const decoder = new TextDecoder();
    let rest = "";
    for await (const chunk of stream) {
      rest += decoder.decode(chunk, { stream: true });
      const parts = rest.split("\n");
      rest = parts.pop() ?? "";
      lines.push(...parts);
      for (const wake of this.#waiters) wake();
    }
    if (rest) lines.push(rest);
    for (const wake of this.#waiters) wake();
  }

  /** Everything printed so far, both streams. */
  get output(): string {
    return [...this.stdout, ...this.stderr].join("\n");
  }

  /** Writes one line to stdin. */
  async writeLine(line: string): Promise<void> {
    if (!this.#writer) throw new Error("Cannot write: process started without stdin");
    await this.#writer.write(new TextEncoder().encode(line + "\n"));
  }

  /** Closes stdin. */
  async closeStdin(): Promise<void> {
    await this.#writer?.close().catch(() => {});
    this.#writer = undefined;
  }

  /**
   * Waits until a line of stdout (or stderr with `stream: "stderr"`) matches,
   * and returns it; fails after `timeoutMs` with what was printed.
   */
  async waitFor(
    pattern: RegExp,
    options: { timeoutMs?: number; stream?: "stdout" | "stderr"; from?: number } = {},
  ): Promise<string> {
    const lines = options.stream === "stderr" ? this.stderr : this.stdout;
    const timeoutMs = options.timeoutMs ?? 15_000;
    let index = options.from ?? 0;
    const deadline = Date.now() + timeoutMs;
    let exited = false;
    this.#done.then(() => exited = true);
    while (true) {
      for (; index < lines.length; index++) {
        if (pattern.test(lines[index]!)) return lines[index]!;
      }
      const left = deadline - Date.now();
      if (left <= 0 || exited) {
        throw new Error(
          `Cannot find ${pattern} in ${
            exited ? "the output of an exited process" : `${timeoutMs} ms`
          }:\n--- stdout\n${this.stdout.join("\n")}\n--- stderr\n${this.stderr.join("\n")}`,
        );
      }
      let wake = () => {};
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, Math.min(left, 200));
        wake = () => {
          clearTimeout(timer);
          resolve();
        };
        this.#waiters.add(wake);
      });
      this.#waiters.delete(wake);
    }
  }

  /** Sends a signal (default SIGTERM) and waits for the exit status, killing after a deadline. */
  async stop(signal: Deno.Signal = "SIGTERM", timeoutMs = 5_000): Promise<Deno.CommandStatus> {
    try {
      this.child.kill(signal);
    } catch { /* already gone */ }
    const timer = setTimeout(() => {
      try {
        this.child.kill("SIGKILL");
      } catch { /* already gone */ }
    }, timeoutMs);
    try {
      return await this.status();
    } finally {
      clearTimeout(timer);
    }
  }

  /** The exit status, once the process ended and its output is read. */
  async status(): Promise<Deno.CommandStatus> {
    const status = await this.#done;
    await Promise.all(this.#pumps);
    await this.#writer?.close().catch(() => {});
    return status;
  }
}

/** Runs main.ts to completion and returns its exit code and output. */
export async function runStealth(
  args: string[],
  options: { env?: Record<string, string>; cwd?: string; stdin?: string } = {},
): Promise<{ code: number; stdout: string; stderr: string }> {
  const child = new Deno.Command(Deno.execPath(), {
    args: [...programArgs(), ...args],
    env: { ...TEST_ENV, ...options.env },
    cwd: options.cwd,
    stdin: options.stdin === undefined ? "null" : "piped",
    stdout: "piped",
    stderr: "piped",
  }).spawn();
  if (options.stdin !== undefined) {
    const writer = child.stdin.getWriter();
    await writer.write(new TextEncoder().encode(options.stdin));
    await writer.close();
  }
  const out = await child.output();
  const decoder = new TextDecoder();
  return { code: out.code, stdout: decoder.decode(out.stdout), stderr: decoder.decode(out.stderr) };
}

/** A fresh temporary home, removed by the returned function. */
export async function tempHome(): Promise<
  { dir: string; env: Record<string, string>; remove(): Promise<void> }
> {
  const dir = await Deno.makeTempDir({ prefix: "stealth-home-" });
  return {
    dir,
    env: { STEALTH_HOME: dir },
    remove: () => Deno.remove(dir, { recursive: true }).catch(() => {}),
  };
}
