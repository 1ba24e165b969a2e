/**
 * File sharing between real clients through a real server: a chat server
 * on 127.0.0.1 port 0, members as {@linkcode ChatConnection}s with their
 * own download folders, every event they see collected, and files of a
 * chosen size made and hashed.
 *
 * @module
 */

import { createHash } from "node:crypto";
import { join } from "node:path";
import {
  type ChatConnectionOptions,
  type ChatEvent,
  type FileEvent,
  type FileOptions,
} from "../../client/mod.ts";
import { ChatConnection } from "../../client/mod.ts";
import type { ChatServer, ChatServerOptions } from "../../server/mod.ts";
import { FAST_BACKOFF, testServer } from "../client/_harness.ts";
import { testCircle } from "../support/test_circle.ts";
import { waitFor } from "../support/wait_for.ts";

/** A member in the test: its connection, what it saw, its download folder. */
export interface Member {
  chat: ChatConnection;
  events: ChatEvent[];
  downloads: string;
  /** File events only. */
  files(): FileEvent[];
  /** Waits for a file event matching `code` (and `match`); returns it. */
  waitFile(
    code: FileEvent["code"],
    match?: (event: FileEvent) => boolean,
    timeoutMs?: number,
  ): Promise<FileEvent>;
  /** Waits for any event matching. */
  waitEvent(
    match: (event: ChatEvent) => boolean,
    what: string,
    timeoutMs?: number,
  ): Promise<ChatEvent>;
}

/** A server, a scratch folder, and members made on demand; `close()` undoes it all. */
export class FileCircle {
  readonly server: ChatServer;
  readonly dir: string;
  readonly #members: Member[] = [];

  private constructor(server: ChatServer, dir: string) {
    this.server = server;
    this.dir = dir;
  }

  /** Starts a server (generous rates unless told) and makes a scratch folder. */
  static async start(options: Partial<ChatServerOptions> = {}): Promise<FileCircle> {
    const server = await testServer(options);
    const dir = await Deno.makeTempDir({ prefix: "stealth-files-" });
    return new FileCircle(server, dir);
  }

  /** Joins `nick` with its own download folder (`<dir>/<nick>`); `port` to go through a proxy. */
  async join(
    nick: string,
    files: FileOptions = {},
    extra: Partial<ChatConnectionOptions> & { port?: number } = {},
  ): Promise<Member> {
    const circle = await testCircle(1);
    const downloads = join(this.dir, nick);
    const events: ChatEvent[] = [];
    const chat = new ChatConnection({
      key: circle.key,
      hostname: "127.0.0.1",
      port: this.server.port,
      nick,
      backoffMs: FAST_BACKOFF,
      ...extra,
      files: { downloads, ...files },
      onEvent(event) {
        if (event.kind === "chat") events.push(event.event);
      },
    });
    await chat.connect();
    const fileEvents = () => events.filter((e): e is FileEvent => e.type === "file");
    const member: Member = {
      chat,
      events,
      downloads,
      files: fileEvents,
      async waitFile(code, match = () => true, timeoutMs = 10_000) {
        const found = () => fileEvents().find((e) => e.code === code && match(e));
        await waitFor(
          () => found() !== undefined,
          `${nick} to see a file event "${code}"`,
          timeoutMs,
        );
        return found()!;
      },
      async waitEvent(match, what, timeoutMs = 10_000) {
        await waitFor(() => events.some(match), `${nick} to see ${what}`, timeoutMs);
        return events.find(match)!;
      },
    };
    this.#members.push(member);
    return member;
  }

  /** Writes a file of `size` pseudo-random bytes into the scratch folder; returns its path. */
  async makeFile(name: string, size: number): Promise<string> {
    const path = join(this.dir, name);
    const file = await Deno.open(path, { write: true, create: true, truncate: true });
    try {
      const block = new Uint8Array(Math.min(size, 1 << 20) || 1);
      let seed = size * 2654435761 % 2 ** 32;
      for (let i = 0; i < block.length; i++) {
        seed = (seed * 1103515245 + 12345) % 2 ** 31;
        block[i] = seed & 0xff;
      }
      let written = 0;
      while (written < size) {
        const n = Math.min(block.length, size - written);
        block[0] = written & 0xff; // no two blocks alike
        written += await file.write(block.subarray(0, n));
      }
    } finally {
      file.close();
    }
    return path;
  }

  /** Leaves with every member, stops the server, removes the scratch folder. */
  async close(): Promise<void> {
    await Promise.all(this.#members.map((member) => member.chat.close(1_000)));
    await this.server.close();
    await Deno.remove(this.dir, { recursive: true }).catch(() => {});
  }

  [Symbol.asyncDispose](): Promise<void> {
    return this.close();
  }
}

/** SHA-256 of a file, hex. */
export async function sha256Of(path: string): Promise<string> {
  const hash = createHash("sha256");
  const file = await Deno.open(path);
  try {
    for await (const chunk of file.readable) hash.update(chunk);
  } catch (error) {
    throw error;
  }
  return hash.digest("hex");
}

/** Every entry of a folder (hidden ones too); none when it does not exist. */
export async function listFolder(path: string): Promise<string[]> {
  const names: string[] = [];
  try {
    for await (const entry of Deno.readDir(path)) names.push(entry.name);
  } catch (error) {
    if (!(error instanceof Deno.errors.NotFound)) throw error;
  }
  return names.sort();
}
