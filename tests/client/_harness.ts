/**
 * Integration harness for the client: a real chat server on 127.0.0.1 port
 * 0, key files in a temporary folder, and line-mode clients driven through
 * in-memory stdin and stdout.
 *
 * @module
 */

import { Buffer } from "node:buffer";
import { join } from "node:path";
import { type PlainChatOptions, runPlainChat } from "../../client/mod.ts";
import { SecretKey } from "../../crypto/mod.ts";
import { type ChatServer, type ChatServerOptions, startChatServer } from "../../server/mod.ts";
import { testCircle } from "../support/test_circle.ts";
import { waitFor, within } from "../support/wait_for.ts";

/** Backoff short enough for tests. */
export const FAST_BACKOFF = [30, 60, 120] as const;

/** A chat server of circle `seed` (default 1), with a generous rate unless told. */
export async function testServer(
  options: Partial<ChatServerOptions> & { seed?: number } = {},
): Promise<ChatServer> {
  const circle = await testCircle(options.seed ?? 1);
  return startChatServer({
    key: circle.key,
    hostname: "127.0.0.1",
    port: 0,
    name: "kitchen",
    rate: { burst: 10_000, perSecond: 10_000 },
    ...options,
  });
}

/** Key files in a temporary folder: `secret.key` of each seed asked for. */
export class KeyFolder {
  readonly dir: string;

  private constructor(dir: string) {
    this.dir = dir;
  }

  /** Makes the folder. */
  static async make(): Promise<KeyFolder> {
    return new KeyFolder(await Deno.makeTempDir({ prefix: "stealth-client-" }));
  }

  /** Writes the key of 32 bytes all equal to `fill` (mode 0600) and returns its path. */
  async key(fill: number): Promise<string> {
    const path = join(this.dir, `key-${fill}.key`);
    const text = Buffer.from(new Uint8Array(32).fill(fill)).toString("base64url") + "=";
    await Deno.writeTextFile(path, text + "\n", { mode: 0o600 });
    return path;
  }

  /** Removes the folder. */
  async remove(): Promise<void> {
    await Deno.remove(this.dir, { recursive: true }).catch(() => {});
  }

  [Symbol.asyncDispose](): Promise<void> {
    return this.remove();
  }
}

/** The key of 32 bytes all equal to `fill`. */
export function keyOf(fill: number): SecretKey {
  return new SecretKey(new Uint8Array(32).fill(fill));
}

/** A line-mode client running in this process. */
export class PlainClient {
  readonly stdout: string[] = [];
  readonly stderr: string[] = [];
  /** The exit code, once it ended. */
  readonly done: Promise<number>;
  #input!: ReadableStreamDefaultController<Uint8Array>;
  #ended = false;
  #code: number | undefined;
  readonly #abort = new AbortController();

  constructor(options: Omit<PlainChatOptions, "stdin" | "stdout" | "stderr" | "signal">) {
    const stdin = new ReadableStream<Uint8Array>({
      start: (controller) => {
        this.#input = controller;
      },
    });
    this.done = runPlainChat({
      ...options,
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
      // The client stopped reading already.
    }
  }

  /** Closes stdin. */
  end(): void {
    if (this.#ended) return;
    this.#ended = true;
    try {
      this.#input.close();
    } catch {
      // The client stopped reading already.
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
    return await within(this.done, "the client to exit", timeoutMs);
  }

  /** Leaves without waiting for stdin (as a signal would). */
  abort(): void {
    this.#abort.abort();
  }
}

/**
 * A real chat server, a key folder with key 1, and line-mode clients made
 * on demand (`client(nick)`) that all stop, with the server, on dispose.
 */
export async function plainCircle(serverOptions: Partial<ChatServerOptions> = {}) {
  const server = await testServer(serverOptions);
  const keys = await KeyFolder.make();
  const keyPath = await keys.key(1);
  const clients: PlainClient[] = [];
  const client = (nick: string, options: Partial<PlainChatOptions> = {}) => {
    const made = new PlainClient({
      keyPath,
      server: `127.0.0.1:${server.port}`,
      nick,
      json: false,
      ...options,
      tuning: { backoffMs: FAST_BACKOFF, ...options.tuning },
    });
    clients.push(made);
    return made;
  };
  const cleanup = async () => {
    for (const made of clients) made.abort();
    await Promise.all(clients.map((made) => made.done.catch(() => {})));
    await server.close();
    await keys.remove();
  };
  return { server, keys, keyPath, client, [Symbol.asyncDispose]: cleanup };
}
