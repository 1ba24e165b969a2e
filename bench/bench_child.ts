/**
 * A child process of the bench (the server under test, the baseline relay,
 * a load worker) spoken to in JSON lines: commands on its stdin, events on
 * its stdout; its stderr goes to ours. Every wait has a deadline, and every
 * child is killed at the end — {@linkcode killAllChildren} also on Ctrl-C.
 *
 * The child side: {@linkcode readCommands} and {@linkcode emit}. A child
 * exits when its stdin closes, so a coordinator that dies takes its
 * children with it.
 *
 * @module
 */

/**
 * CPUs for the server under test and for everything else, when the machine
 * has at least two and `taskset` is there: the server gets the last core to
 * itself, so its figures are its own and the load generator can never take
 * its CPU (nor it the generator's). Undefined: no pinning.
 */
export function cpuPlan(): { server: string; load: string } | undefined {
  const cores = navigator.hardwareConcurrency;
  if (cores < 2) return undefined;
  try {
    const found = new Deno.Command("taskset", { args: ["-V"], stdout: "null", stderr: "null" })
      .outputSync();
    if (!found.success) return undefined;
  } catch {
    return undefined;
  }
  return { server: String(cores - 1), load: cores === 2 ? "0" : `0-${cores - 2}` };
}

/** Every child still running, to kill on the way out. */
const running = new Set<BenchChild>();

/** A running child speaking JSON lines. */
export class BenchChild {
  readonly #child: Deno.ChildProcess;
  readonly #writer: WritableStreamDefaultWriter<Uint8Array>;
  readonly #events: Record<string, unknown>[] = [];
  #wake: (() => void) | undefined;
  #exited = false;
  readonly #status: Promise<Deno.CommandStatus>;
  readonly name: string;

  /**
   * Runs `deno run -A [denoFlags] script [args]`, on the given CPUs only
   * when `cpus` is set (through `taskset`, which execs: the pid stays
   * deno's). `BENCH_DENO_FLAGS` adds flags to every child (e.g.
   * `--cpu-prof --cpu-prof-dir=/tmp/prof`).
   */
  constructor(
    name: string,
    script: URL,
    options: { args?: string[]; denoFlags?: string[]; cpus?: string } = {},
  ) {
    this.name = name;
    const extra = Deno.env.get("BENCH_DENO_FLAGS")?.split(" ").filter((f) => f !== "") ?? [];
    const deno = [
      Deno.execPath(),
      "run",
      "--allow-all",
      ...extra,
      ...(options.denoFlags ?? []),
      script.pathname,
      ...(options.args ?? []),
    ];
    const command = options.cpus === undefined ? deno : ["taskset", "-c", options.cpus, ...deno];
    this.#child = new Deno.Command(command[0]!, {
      args: command.slice(1),
      stdin: "piped",
      stdout: "piped",
      stderr: "inherit",
      env: { NO_COLOR: "1" },
    }).spawn();
    running.add(this);
    this.#writer = this.#child.stdin.getWriter();
    this.#status = this.#child.status.then((status) => {
      this.#exited = true;
      running.delete(this);
      this.#wake?.();
      return status;
    });
    void this.#pump();
  }

  /** The child's process id (its own, not a shell's): read its `/proc`. */
  get pid(): number {
    return this.#child.pid;
  }

  /** Sends one command line. */
  async send(command: Record<string, unknown>): Promise<void> {
    await this.#writer.write(new TextEncoder().encode(JSON.stringify(command) + "\n"));
  }

  /**
   * The next event whose `ev` is `ev` (events before it are discarded);
   * rejects after `timeoutMs` or when the child exits first.
   */
  async next<T = Record<string, unknown>>(ev: string, timeoutMs: number): Promise<T> {
    const deadline = performance.now() + timeoutMs;
    while (true) {
      while (this.#events.length > 0) {
        const event = this.#events.shift()!;
        if (event.ev === ev) return event as T;
        if (event.ev === "fatal") {
          throw new Error(`${this.name} failed: ${event.message}`);
        }
      }
      if (this.#exited) throw new Error(`${this.name} exited while the bench waited for "${ev}"`);
      const left = deadline - performance.now();
      if (left <= 0) throw new Error(`${this.name} sent no "${ev}" within ${timeoutMs} ms`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.#wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      this.#wake = undefined;
    }
  }

  /** Closes stdin (the child's signal to leave), waits up to `timeoutMs`, then kills it. */
  async stop(timeoutMs = 3_000): Promise<void> {
    await this.#writer.close().catch(() => {});
    const timer = setTimeout(() => this.kill(), timeoutMs);
    try {
      await this.#status;
    } finally {
      clearTimeout(timer);
    }
  }

  /** Kills the child now (idempotent). */
  kill(): void {
    if (this.#exited) return;
    try {
      this.#child.kill("SIGKILL");
    } catch {
      // Already gone.
    }
  }

  async #pump(): Promise<void> {
    const decoder = new TextDecoder();
    let rest = "";
    try {
      for await (const chunk of this.#child.stdout) {
        rest += decoder.decode(chunk, { stream: true });
        let newline: number;
        while ((newline = rest.indexOf("\n")) >= 0) {
          const line = rest.slice(0, newline);
          rest = rest.slice(newline + 1);
          if (!line.startsWith("{")) continue;
          try {
            this.#events.push(JSON.parse(line));
          } catch {
            // Not ours; ignore.
          }
        }
        this.#wake?.();
      }
    } catch {
      // The child is gone; #status says so.
    }
  }
}

/** Kills every child the bench started and has not stopped yet. */
export function killAllChildren(): void {
  for (const child of running) child.kill();
}

// ---- the child side -------------------------------------------------------

/** Writes one event line to stdout. */
export function emit(event: Record<string, unknown>): void {
  Deno.stdout.writeSync(new TextEncoder().encode(JSON.stringify(event) + "\n"));
}

/**
 * Reads command lines from stdin and hands each to `handle`, one at a time;
 * resolves when stdin closes. A command that throws is reported as a
 * `fatal` event and ends the process.
 */
export async function readCommands(
  handle: (command: Record<string, unknown>) => Promise<void> | void,
): Promise<void> {
  const decoder = new TextDecoder();
  let rest = "";
  for await (const chunk of Deno.stdin.readable) {
    rest += decoder.decode(chunk, { stream: true });
    let newline: number;
    while ((newline = rest.indexOf("\n")) >= 0) {
      const line = rest.slice(0, newline);
      rest = rest.slice(newline + 1);
      if (line.trim() === "") continue;
      try {
        await handle(JSON.parse(line));
      } catch (error) {
        emit({ ev: "fatal", message: error instanceof Error ? error.message : String(error) });
        Deno.exit(1);
      }
    }
  }
}

/**
 * Collects all the garbage it can and gives the freed pages back, as V8
 * does when memory runs out ("last-resort"), when the process runs with
 * `--v8-flags=--expose-gc`; else nothing. Without it, idle memory would be
 * measured before V8's own memory reducer runs (about 30 s later).
 */
export function collectGarbage(): void {
  const gc = (globalThis as { gc?: (options?: unknown) => unknown }).gc;
  gc?.({ type: "major", execution: "sync", flavor: "last-resort" });
}
