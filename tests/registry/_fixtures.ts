/**
 * Registries and raw registry clients for the registry tests, on 127.0.0.1
 * port 0. Private to these tests.
 *
 * @module
 */

import { Buffer } from "node:buffer";
import { keyBytes } from "../../crypto/mod.ts";
import { dialHandshake, dialTls, type FramedConnection } from "../../net/mod.ts";
import {
  type ClientMessage,
  decodeServerMessage,
  encodeMessage,
  type ServerMessage,
} from "../../protocol/mod.ts";
import { type RegistryOptions, type RegistryService, startRegistry } from "../../registry/mod.ts";
import { testCircle } from "../support/test_circle.ts";
import { waitFor } from "../support/wait_for.ts";

/** A registry of circle `seed` on 127.0.0.1, a free port (or the one given). */
export async function testRegistry(
  options: Partial<RegistryOptions> & { seed?: number } = {},
): Promise<RegistryService & AsyncDisposable> {
  const circle = await testCircle(options.seed ?? 1);
  const registry = await startRegistry({
    key: circle.key,
    hostname: "127.0.0.1",
    port: 0,
    ...options,
  });
  return Object.assign(registry, { [Symbol.asyncDispose]: () => registry.close() });
}

/** A bare registry client: dial, handshake, record every message, send raw ones. */
export class RawRegistryClient {
  readonly conn: FramedConnection;
  readonly received: ServerMessage[] = [];
  closedReason: string | undefined;

  private constructor(conn: FramedConnection) {
    this.conn = conn;
    conn.onFrame = (payload) => this.received.push(decodeServerMessage(payload));
    conn.onClose = (reason) => this.closedReason = reason;
    conn.resume();
  }

  /** Dials `hostname:port` (default 127.0.0.1) with circle `seed`'s key. */
  static async connect(
    port: number,
    options: { seed?: number; hostname?: string } = {},
  ): Promise<RawRegistryClient> {
    const circle = await testCircle(options.seed ?? 1);
    const conn = await dialTls({
      hostname: options.hostname ?? "127.0.0.1",
      port,
      caPem: circle.caPem,
    });
    await dialHandshake(conn, { role: "registry", authKey: circle.authKey });
    return new RawRegistryClient(conn);
  }

  /** Sends one message. */
  send(message: ClientMessage): void {
    this.conn.send(encodeMessage(message));
  }

  /** Waits until a received message matches, and returns it. */
  async waitFor(
    what: string,
    match: (m: ServerMessage) => boolean,
    timeoutMs = 5_000,
  ): Promise<ServerMessage> {
    await waitFor(() => this.received.some(match), what, timeoutMs);
    return this.received.find(match)!;
  }

  /** Sends `list` and returns the next `servers` list. */
  async list(): Promise<MessageList> {
    const before = this.received.length;
    this.send({ t: "list" });
    await waitFor(
      () => this.received.slice(before).some((m) => m.t === "servers"),
      "a servers reply",
    );
    const reply = this.received.slice(before).find((m) => m.t === "servers")!;
    return (reply as Extract<ServerMessage, { t: "servers" }>).list;
  }

  /** Round trip: resolves once the registry handled everything sent before. */
  async sync(): Promise<void> {
    const ts = Math.floor(Math.random() * 1e9);
    this.send({ t: "ping", ts });
    await this.waitFor("a pong", (m) => m.t === "pong" && m.ts === ts);
  }

  /** Closes the connection. */
  close(): Promise<void> {
    return this.conn.close(100);
  }
}

type MessageList = Extract<ServerMessage, { t: "servers" }>["list"];

/** Writes circle `seed`'s key to a fresh temporary file (mode 0600); returns its path and a remover. */
export async function tempKeyFile(seed = 1): Promise<{ path: string; remove(): Promise<void> }> {
  const circle = await testCircle(seed);
  const dir = await Deno.makeTempDir({ prefix: "stealth-registry-" });
  const path = `${dir}/secret.key`;
  const text = Buffer.from(keyBytes(circle.key)).toString("base64url") + "=\n";
  await Deno.writeTextFile(path, text, { mode: 0o600 });
  return { path, remove: () => Deno.remove(dir, { recursive: true }) };
}

/** A clock the test moves by hand. */
export class ManualClock {
  /** Now, in ms. */
  now: number;

  /** Starts at `start` (default: the real now, so certificates stay valid). */
  constructor(start = Date.now()) {
    this.now = start;
  }

  /** The clock function to inject. */
  readonly read = (): number => this.now;

  /** Moves time forward. */
  advance(ms: number): void {
    this.now += ms;
  }
}

/** The first non-loopback IPv4 address of this machine, if any. */
export function lanAddress(): string | undefined {
  try {
    return Deno.networkInterfaces().find((nic) =>
      nic.family === "IPv4" && !nic.address.startsWith("127.")
    )?.address;
  } catch {
    return undefined;
  }
}
