/**
 * Captures what a command prints with `console.log` and `console.error`.
 * Private to these tests.
 *
 * @module
 */

/** What a command printed, one entry a call. */
export interface Captured<T> {
  result: T;
  stdout: string[];
  stderr: string[];
}

/** Runs `fn` with `console.log` and `console.error` recorded instead of printed. */
export async function capture<T>(fn: () => Promise<T>): Promise<Captured<T>> {
  const { log, error } = console;
  const stdout: string[] = [];
  const stderr: string[] = [];
  console.log = (...args: unknown[]) => stdout.push(args.map(String).join(" "));
  console.error = (...args: unknown[]) => stderr.push(args.map(String).join(" "));
  try {
    return { result: await fn(), stdout, stderr };
  } finally {
    console.log = log;
    console.error = error;
  }
}
