/**
 * The dialing side's byte stream: a `Deno.TlsConn` under a
 * {@linkcode FramedSocket}, read with one reused buffer, written one
 * coalesced buffer at a time.
 *
 * @module
 */

import { FramedSocket, type SocketDriver } from "./_framed_socket.ts";
import type { OutboundLimits } from "./framed_connection.ts";

/** Bytes read at once; frames inside one read are handed out as views. */
const READ_BUFFER_BYTES = 64 * 1024;

/** A {@linkcode SocketDriver} over a Deno connection: one write in flight at a time. */
export class DenoConnDriver implements SocketDriver {
  #conn: Deno.Conn;
  #framed!: FramedSocket;
  #pending = 0;
  #writing = false;
  #paused = false;
  #resumeReading: (() => void) | undefined;
  #destroyed = false;

  /** Drives `conn`; {@linkcode attach} connects it to its framed socket. */
  constructor(conn: Deno.Conn) {
    this.#conn = conn;
  }

  /** Starts reading into `framed`. */
  attach(framed: FramedSocket): void {
    this.#framed = framed;
    void this.#readLoop();
  }

  /** True when no write is in flight. */
  get idle(): boolean {
    return !this.#writing;
  }

  /** Bytes of the write in flight not yet written. */
  get pendingBytes(): number {
    return this.#pending;
  }

  /** Writes all of `bytes` (a TLS write may take part of them), reporting progress. */
  write(bytes: Uint8Array): void {
    this.#writing = true;
    this.#pending = bytes.length;
    void this.#writeAll(bytes);
  }

  /** Stops reading after the current read. */
  pauseReading(): void {
    this.#paused = true;
  }

  /** Goes on reading. */
  resumeReading(): void {
    this.#paused = false;
    const resume = this.#resumeReading;
    this.#resumeReading = undefined;
    resume?.();
  }

  /** Sends close_notify and FIN (the queue has drained by now), then closes. */
  async end(timeoutMs: number): Promise<void> {
    let timer: ReturnType<typeof setTimeout> | undefined;
    try {
      await Promise.race([
        this.#conn.closeWrite(),
        new Promise<void>((resolve) => timer = setTimeout(resolve, timeoutMs)),
      ]);
    } catch {
      // Closed below all the same.
    } finally {
      clearTimeout(timer);
      this.destroy();
    }
  }

  /** Closes the connection now (idempotent). */
  destroy(): void {
    if (this.#destroyed) return;
    this.#destroyed = true;
    try {
      this.#conn.close();
    } catch {
      // Already closed.
    }
    this.resumeReading();
  }

  async #writeAll(bytes: Uint8Array): Promise<void> {
    try {
      let offset = 0;
      while (offset < bytes.length) {
        offset += await this.#conn.write(offset === 0 ? bytes : bytes.subarray(offset));
        this.#pending = bytes.length - offset;
        if (offset < bytes.length) this.#framed.written();
      }
      this.#writing = false;
      this.#framed.written();
    } catch (error) {
      this.#writing = false;
      this.#pending = 0;
      if (!this.#destroyed) this.#framed.failed(error);
    }
  }

  async #readLoop(): Promise<void> {
    const buffer = new Uint8Array(READ_BUFFER_BYTES);
    try {
      while (!this.#destroyed) {
        if (this.#paused) {
          await new Promise<void>((resolve) => this.#resumeReading = resolve);
          continue;
        }
        const n = await this.#conn.read(buffer);
        if (n === null) {
          this.#framed.ended();
          return;
        }
        this.#framed.receive(buffer.subarray(0, n));
      }
    } catch (error) {
      if (this.#destroyed) return;
      // A TLS peer that vanishes without close_notify is a peer that left.
      if (error instanceof Deno.errors.UnexpectedEof) {
        this.#framed.ended();
      } else {
        this.#framed.failed(error);
      }
    }
  }
}

/** A framed connection over an established Deno TLS connection, paused: nothing is read before `resume()`. */
export function framedDenoConn(
  conn: Deno.Conn,
  limits: OutboundLimits,
): FramedSocket {
  const driver = new DenoConnDriver(conn);
  const address = conn.remoteAddr as Deno.NetAddr;
  const local = (conn.localAddr as Deno.NetAddr).hostname;
  const framed = new FramedSocket(driver, address.hostname, address.port, limits, undefined, local);
  framed.pause();
  driver.attach(framed);
  return framed;
}
