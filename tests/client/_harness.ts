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
import { LineDriver } from "../support/line_driver.ts";

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
export class PlainClient extends LineDriver {
  constructor(options: Omit<PlainChatOptions, "stdin" | "stdout" | "stderr" | "signal">) {
    super((io) => runPlainChat({ ...options, ...io }), "the client");
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
