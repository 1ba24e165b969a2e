/**
 * The part of a {@linkcode FramedConnection} that does not depend on the TLS
 * stack: frame splitting, pause and resume, the coalescing outbound queue,
 * its bound and its stuck timer. A {@linkcode SocketDriver} moves the bytes.
 *
 * @module
 */

import { setImmediate } from "node:timers";
import { FrameDecoder, HANDSHAKE_MAX_FRAME_BYTES } from "../protocol/mod.ts";
import { getLogger } from "../log/mod.ts";
import type { CloseReason, FramedConnection, OutboundLimits } from "./framed_connection.ts";

/** Time `close()` gives the queue to drain by default. */
export const DEFAULT_CLOSE_TIMEOUT_MS = 1_000;

/** What a {@linkcode FramedSocket} needs from the byte stream below it. */
export interface SocketDriver {
  /**
   * Hands bytes to the stream. Called only while {@linkcode idle}; the driver
   * calls {@linkcode FramedSocket.written} whenever some of them left.
   */
  write(bytes: Uint8Array): void;
  /** Whether `write()` may be called now. */
  readonly idle: boolean;
  /** Bytes handed to `write()` and not yet written to the socket. */
  readonly pendingBytes: number;
  /** Stops reading from the socket. */
  pauseReading(): void;
  /** Goes on reading from the socket. */
  resumeReading(): void;
  /** Ends the stream gracefully after what was written; resolves once it is gone (at most `timeoutMs`). */
  end(timeoutMs: number): Promise<void>;
  /** Tears the stream down now. */
  destroy(): void;
}

const log = getLogger(["stealth", "net"]);

/**
 * How a flush is scheduled. `setImmediate` (after the I/O of this turn)
 * measured cheaper per frame and faster than a 1 ms timer; the other choice
 * stays for `bench/net_flush.ts`.
 */
let scheduleFlush: (flush: () => void) => void = (flush) => setImmediate(flush);

/** Switches the flush scheduling, for the benchmark only. */
export function setFlushScheduler(kind: "immediate" | "timer"): void {
  scheduleFlush = kind === "immediate"
    ? (flush) => setImmediate(flush)
    : (flush) => setTimeout(flush, 1);
}
const ignoreFrame = (_payload: Uint8Array): void => {};
const ignoreClose = (_reason: CloseReason, _error?: unknown): void => {};

/**
 * A framed connection over any {@linkcode SocketDriver}. The driver feeds it
 * with {@linkcode receive}, {@linkcode written}, {@linkcode ended} and
 * {@linkcode failed}.
 */
export class FramedSocket implements FramedConnection {
  /** See {@linkcode FramedConnection.onFrame}. */
  onFrame: (payload: Uint8Array) => void = ignoreFrame;
  /** See {@linkcode FramedConnection.onClose}. */
  onClose: (reason: CloseReason, error?: unknown) => void = ignoreClose;
  /** See {@linkcode FramedConnection.remoteAddress}. */
  readonly remoteAddress: string;
  /** See {@linkcode FramedConnection.remotePort}. */
  readonly remotePort: number;
  /** See {@linkcode FramedConnection.localAddress}. */
  readonly localAddress: string;

  #driver: SocketDriver;
  #limits: OutboundLimits;
  #decoder: FrameDecoder;
  #held: Uint8Array[] = [];
  #heldBytes = 0;
  #flushScheduled = false;
  #stuckTimer: ReturnType<typeof setTimeout> | undefined;
  /** When the queue last made progress, or became non-empty. */
  #progressAt = 0;
  /** close() was called: no more sends, no more frames delivered. */
  #closing = false;
  /** The socket is gone and onClose is due or done. */
  #finished = false;
  #paused = false;
  #backlog: Uint8Array[] = [];
  /** A close that happened while paused, delivered on resume. */
  #heldClose: [CloseReason, unknown] | undefined;
  #progressWaiter: (() => void) | undefined;
  #closePromise: Promise<void> | undefined;

  /** Wraps a driver; frames up to `maxFrameBytes` are accepted (the handshake limit by default). */
  constructor(
    driver: SocketDriver,
    remoteAddress: string,
    remotePort: number,
    limits: OutboundLimits,
    maxFrameBytes: number = HANDSHAKE_MAX_FRAME_BYTES,
    localAddress = "",
  ) {
    this.#driver = driver;
    this.remoteAddress = remoteAddress;
    this.remotePort = remotePort;
    this.localAddress = localAddress;
    this.#limits = limits;
    this.#decoder = new FrameDecoder(maxFrameBytes);
  }

  /** See {@linkcode FramedConnection.queuedBytes}. */
  get queuedBytes(): number {
    return this.#heldBytes + this.#driver.pendingBytes;
  }

  /** See {@linkcode FramedConnection.closed}. */
  get closed(): boolean {
    return this.#closing || this.#finished;
  }

  /** See {@linkcode FramedConnection.send}. */
  send(frame: Uint8Array): boolean {
    if (this.#closing || this.#finished) return false;
    const queued = this.#heldBytes + this.#driver.pendingBytes;
    if (queued === 0) {
      this.#progressAt = performance.now();
    } else if (queued + frame.length > this.#limits.maxQueuedBytes) {
      this.#finish("slow");
      return false;
    }
    this.#held.push(frame);
    this.#heldBytes += frame.length;
    if (!this.#flushScheduled) {
      this.#flushScheduled = true;
      scheduleFlush(this.#flush);
    }
    return true;
  }

  /** See {@linkcode FramedConnection.setMaxFrameBytes}. */
  setMaxFrameBytes(bytes: number): void {
    this.#decoder.maxFrameBytes = bytes;
  }

  /** See {@linkcode FramedConnection.pause}. */
  pause(): void {
    if (this.#paused) return;
    this.#paused = true;
    if (!this.#finished) this.#driver.pauseReading();
  }

  /** See {@linkcode FramedConnection.resume}. */
  resume(): void {
    if (!this.#paused) return;
    this.#paused = false;
    while (this.#backlog.length > 0 && !this.#paused && !this.#closing) {
      if (!this.#deliver(this.#backlog.shift()!)) break;
    }
    if (this.#paused) return;
    this.#backlog.length = 0;
    if (this.#heldClose !== undefined) {
      const [reason, error] = this.#heldClose;
      this.#heldClose = undefined;
      this.#notify(reason, error);
    } else if (!this.#finished) {
      this.#driver.resumeReading();
    }
  }

  /** See {@linkcode FramedConnection.close}. */
  close(timeoutMs: number = DEFAULT_CLOSE_TIMEOUT_MS): Promise<void> {
    this.#closePromise ??= this.#closeGracefully(timeoutMs);
    return this.#closePromise;
  }

  // ---- called by the driver -------------------------------------------

  /** Bytes from the peer. Frames are views into `chunk`, consumed before this returns. */
  receive(chunk: Uint8Array): void {
    if (this.#finished || this.#closing) return;
    let frames: Uint8Array[];
    try {
      frames = this.#decoder.push(chunk);
    } catch (error) {
      this.#finish("protocol", error);
      return;
    }
    for (let i = 0; i < frames.length; i++) {
      if (this.#paused) {
        // Rare (a handshake handing over): keep copies, the chunk may be reused.
        for (; i < frames.length; i++) this.#backlog.push(frames[i]!.slice());
        return;
      }
      if (this.#closing || this.#finished) return;
      if (!this.#deliver(frames[i]!)) return;
    }
  }

  /** Some written bytes left; the driver may be idle again. */
  written(): void {
    this.#progressAt = performance.now();
    if (this.#heldBytes > 0 && this.#driver.idle && !this.#flushScheduled && !this.#finished) {
      this.#flush();
    }
    const waiter = this.#progressWaiter;
    this.#progressWaiter = undefined;
    waiter?.();
  }

  /** The peer ended the stream. */
  ended(): void {
    this.#finish("remote");
  }

  /** The socket failed. */
  failed(error: unknown): void {
    this.#finish("error", error);
  }

  // ---- inside ---------------------------------------------------------

  #deliver(payload: Uint8Array): boolean {
    try {
      this.onFrame(payload);
      return true;
    } catch (error) {
      log.error("A frame handler threw; closing the connection: {error}", { error });
      this.#finish("error", error);
      return false;
    }
  }

  #flush = (): void => {
    this.#flushScheduled = false;
    if (this.#heldBytes === 0 || this.#finished || !this.#driver.idle) return;
    const held = this.#held;
    let bytes: Uint8Array;
    if (held.length === 1) {
      bytes = held[0]!;
    } else {
      bytes = new Uint8Array(this.#heldBytes);
      let offset = 0;
      for (const frame of held) {
        bytes.set(frame, offset);
        offset += frame.length;
      }
    }
    held.length = 0;
    this.#heldBytes = 0;
    this.#driver.write(bytes);
    if (this.#stuckTimer === undefined && this.#driver.pendingBytes > 0) {
      this.#stuckTimer = setTimeout(this.#checkStuck, this.#limits.maxStuckMs);
    }
  };

  /**
   * Runs at most once per maxStuckMs while there is traffic; it is not
   * cleared when the queue drains (that would cost a timer per flush), it
   * just finds the queue empty and stops.
   */
  #checkStuck = (): void => {
    this.#stuckTimer = undefined;
    if (this.#finished || this.#heldBytes + this.#driver.pendingBytes === 0) return;
    const still = performance.now() - this.#progressAt;
    if (still >= this.#limits.maxStuckMs) {
      this.#finish("slow");
      return;
    }
    this.#stuckTimer = setTimeout(this.#checkStuck, this.#limits.maxStuckMs - still);
  };

  async #closeGracefully(timeoutMs: number): Promise<void> {
    if (this.#finished) return;
    this.#closing = true;
    const deadline = performance.now() + timeoutMs;
    let timer: ReturnType<typeof setTimeout> | undefined;
    try {
      while (!this.#finished && this.#heldBytes + this.#driver.pendingBytes > 0) {
        const left = deadline - performance.now();
        if (left <= 0) break;
        if (this.#heldBytes > 0 && this.#driver.idle) this.#flush();
        await new Promise<void>((resolve) => {
          this.#progressWaiter = resolve;
          timer = setTimeout(resolve, left);
        });
        clearTimeout(timer);
      }
      if (!this.#finished) await this.#driver.end(Math.max(0, deadline - performance.now()));
    } catch {
      // A failing socket is closed all the same.
    } finally {
      clearTimeout(timer);
      this.#progressWaiter = undefined;
      this.#finish("local");
    }
  }

  #finish(reason: CloseReason, error?: unknown): void {
    if (this.#finished) return;
    this.#finished = true;
    if (this.#closing) reason = "local";
    clearTimeout(this.#stuckTimer);
    this.#stuckTimer = undefined;
    this.#held.length = 0;
    this.#heldBytes = 0;
    this.#driver.destroy();
    const waiter = this.#progressWaiter;
    this.#progressWaiter = undefined;
    waiter?.();
    if (this.#paused) {
      this.#heldClose = [reason, error];
    } else {
      this.#notify(reason, error);
    }
  }

  #notify(reason: CloseReason, error: unknown): void {
    const onClose = this.onClose;
    this.onFrame = ignoreFrame;
    this.onClose = ignoreClose;
    try {
      onClose(reason, error);
    } catch (thrown) {
      log.error("A close handler threw: {error}", { error: thrown });
    }
  }
}
