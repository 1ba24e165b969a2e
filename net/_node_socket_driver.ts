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

/** The framed connection a node socket feeds, kept on the socket itself. */
const framedOf = Symbol("framed");

/** A node socket feeding a framed connection. */
type FeedingSocket = TLSSocket & { [framedOf]: FramedSocket };

// The socket's listeners: one function each for every socket (node calls them with the socket as
// `this`), not four closures per connection.

function onData(this: FeedingSocket, chunk: Uint8Array): void {
  // Plain views, not Buffers: callers copy with slice(), which on a Buffer would share memory.
  this[framedOf].receive(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength));
}

function onEnded(this: FeedingSocket): void {
  this[framedOf].ended();
}

function onError(this: FeedingSocket, error: Error): void {
  this[framedOf].failed(error);
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
  const feeding = socket as FeedingSocket;
  feeding[framedOf] = framed;
  feeding.on("data", onData);
  feeding.on("end", onEnded);
  feeding.on("close", onEnded);
  feeding.on("error", onError);
  return framed;
}
