/**
 * The listening side's byte stream: a `node:tls` socket under a
 * {@linkcode FramedSocket}.
 *
 * @module
 */

import type { TLSSocket } from "node:tls";
import { FramedSocket, type SocketDriver } from "./_framed_socket.ts";
import type { OutboundLimits } from "./framed_connection.ts";

/** A {@linkcode SocketDriver} over a node socket; node queues writes itself, so it is always idle. */
export class NodeSocketDriver implements SocketDriver {
  #socket: TLSSocket;
  #onWritten: () => void;

  /** Drives `socket`; `onWritten` is called after each write left. */
  constructor(socket: TLSSocket, onWritten: () => void) {
    this.#socket = socket;
    this.#onWritten = onWritten;
  }

  /** Always: node queues writes, and the queue counts in {@linkcode pendingBytes}. */
  get idle(): boolean {
    return true;
  }

  /** Bytes node holds for the socket. */
  get pendingBytes(): number {
    return this.#socket.writableLength;
  }

  /** One socket write; the callback is shared, nothing is allocated per write. */
  write(bytes: Uint8Array): void {
    this.#socket.write(bytes, this.#onWritten);
  }

  /** Stops 'data' events (and reading). */
  pauseReading(): void {
    this.#socket.pause();
  }

  /** Goes on with 'data' events. */
  resumeReading(): void {
    this.#socket.resume();
  }

  /** Sends close_notify and FIN after the queued writes, waits for 'close' up to `timeoutMs`. */
  end(timeoutMs: number): Promise<void> {
    const socket = this.#socket;
    if (socket.destroyed) return Promise.resolve();
    return new Promise<void>((resolve) => {
      const timer = setTimeout(done, timeoutMs);
      socket.once("close", done);
      socket.end();
      function done() {
        clearTimeout(timer);
        socket.off("close", done);
        resolve();
      }
    });
  }

  /** Destroys the socket (idempotent). */
  destroy(): void {
    this.#socket.destroy();
  }
}

/**
 * A framed connection over an established TLS socket. The socket must already
 * have an 'error' listener or get one here: errors end the connection, they
 * never reach the process.
 */
export function framedNodeSocket(
  socket: TLSSocket,
  remoteAddress: string,
  limits: OutboundLimits,
): FramedSocket {
  let framed: FramedSocket | undefined = undefined;
  const driver = new NodeSocketDriver(socket, () => framed!.written());
  framed = new FramedSocket(
    driver,
    remoteAddress,
    socket.remotePort ?? 0,
    limits,
    undefined,
    (socket.localAddress ?? "").replace(/^::ffff:/, ""),
  );
  const conn = framed;
  socket.on("data", (chunk: Uint8Array) => conn.receive(chunk));
  socket.on("end", () => conn.ended());
  socket.on("close", () => conn.ended());
  socket.on("error", (error: Error) => conn.failed(error));
  return conn;
}
