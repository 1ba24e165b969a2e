/**
 * Peers that do not play by the rules, for the flood and brute-force tests:
 * raw TCP connections from any loopback address (127.0.0.0/8) that never
 * start TLS, and a TLS peer that skips certificate checks, as an outsider
 * without the key would, and speaks frames by hand.
 *
 * `node:net` and `node:tls` are used because they can pick the local
 * address, so one test can be many "addresses" on 127.0.0.0/8.
 *
 * @module
 */

import net from "node:net";
import tls from "node:tls";
import {
  decodeServerMessage,
  encodeMessage,
  FrameDecoder,
  type Message,
  type ServerMessage,
} from "../../protocol/mod.ts";

/** A TCP connection that sends nothing; `closed` tells whether the server hung up. */
export interface IdleSocket {
  /** True once the server closed it (or it failed). */
  readonly closed: boolean;
  /** Closes it from this side. */
  destroy(): void;
}

/** Opens a TCP connection from `localAddress` that never sends a byte. */
export function idleSocket(port: number, localAddress: string): Promise<IdleSocket> {
  return new Promise((resolve, reject) => {
    let closed = false;
    const socket = net.connect({ host: "127.0.0.1", port, localAddress }, () => {
      socket.off("error", reject);
      socket.on("error", () => closed = true);
      resolve({
        get closed() {
          return closed;
        },
        destroy: () => socket.destroy(),
      });
    });
    socket.on("close", () => closed = true);
    socket.once("error", reject);
  });
}

/** A TLS peer speaking frames by hand. */
export class RawTlsPeer {
  readonly received: ServerMessage[] = [];
  #socket: tls.TLSSocket;
  #closed = false;
  #waiters = new Set<() => void>();

  private constructor(socket: tls.TLSSocket) {
    this.#socket = socket;
    const decoder = new FrameDecoder();
    socket.on("data", (chunk: Uint8Array) => {
      try {
        for (const payload of decoder.push(chunk)) this.received.push(decodeServerMessage(payload));
      } catch {
        socket.destroy();
      }
      this.#wake();
    });
    socket.on("close", () => {
      this.#closed = true;
      this.#wake();
    });
    socket.on("error", () => {});
  }

  /** Connects over TLS 1.3 from `localAddress` without checking the certificate. */
  static connect(port: number, localAddress = "127.0.0.1"): Promise<RawTlsPeer> {
    return new Promise((resolve, reject) => {
      const tcp = net.connect({ host: "127.0.0.1", port, localAddress });
      tcp.once("error", reject);
      const socket = tls.connect(
        { socket: tcp, rejectUnauthorized: false, minVersion: "TLSv1.3" },
        () => {
          socket.off("error", reject);
          resolve(new RawTlsPeer(socket));
        },
      );
      socket.once("error", reject);
    });
  }

  /** Whether the server closed the connection. */
  get closed(): boolean {
    return this.#closed;
  }

  /** Sends one message as a frame. */
  send(message: Message): void {
    this.#socket.write(encodeMessage(message));
  }

  /** The first received message of type `t`, waiting for it up to `timeoutMs`. */
  async next<T extends ServerMessage["t"]>(
    t: T,
    timeoutMs = 5_000,
  ): Promise<Extract<ServerMessage, { t: T }> | undefined> {
    const deadline = performance.now() + timeoutMs;
    while (true) {
      const found = this.received.find((m) => m.t === t);
      if (found !== undefined) return found as Extract<ServerMessage, { t: T }>;
      const left = deadline - performance.now();
      if (this.#closed || left <= 0) return undefined;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(done, left);
        const waiters = this.#waiters;
        waiters.add(done);
        function done() {
          clearTimeout(timer);
          waiters.delete(done);
          resolve();
        }
      });
    }
  }

  /** Waits until the server closed the connection, up to `timeoutMs`; true if it did. */
  async untilClosed(timeoutMs = 5_000): Promise<boolean> {
    const deadline = performance.now() + timeoutMs;
    while (!this.#closed && performance.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    return this.#closed;
  }

  /** Closes the connection. */
  destroy(): void {
    this.#socket.destroy();
  }

  #wake(): void {
    for (const wake of [...this.#waiters]) wake();
  }
}
