/**
 * The listening side's byte stream: a `node:tls` socket under a
 * {@linkcode FramedSocket}.
 *
 * @module
 */

import type { TLSSocket } from "node:tls";
import { FramedSocket, type SocketDriver } from "./_framed_socket.ts";
import type { OutboundLimits } from "./framed_connection.ts";

/**
 * A {@linkcode SocketDriver} over a node socket. Idle only when node holds
 * nothing unwritten: while a write is in flight, the framed socket keeps
 * what comes next and writes it all at once when the write completes, so a
 * peer that reads slowly gets a few big writes, not a queue of small ones
 * (each costs a TLS record, a write, and runtime buffers that stay grown).
 */
export class NodeSocketDriver implements SocketDriver {
  #socket: TLSSocket;
  #onWritten: () => void;

  /** Drives `socket`; `onWritten` is called after each write left. */
  constructor(socket: TLSSocket, onWritten: () => void) {
    this.#socket = socket;
    this.#onWritten = onWritten;
  }

  /** When node holds nothing unwritten for the socket. */
  get idle(): boolean {
    return this.#socket.writableLength === 0;
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
  // Plain views, not Buffers: callers copy with slice(), which on a Buffer would share memory.
  socket.on(
    "data",
    (chunk: Uint8Array) =>
      conn.receive(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength)),
  );
  socket.on("end", () => conn.ended());
  socket.on("close", () => conn.ended());
  socket.on("error", (error: Error) => conn.failed(error));
  return conn;
}
