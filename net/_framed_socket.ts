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
import {
  type CloseReason,
  DEFAULT_MAX_BULK_BYTES,
  type FramedConnection,
  type OutboundLimits,
  type SendOptions,
} from "./framed_connection.ts";

/** Time `close()` gives the queue to drain by default. */
export const DEFAULT_CLOSE_TIMEOUT_MS = 1_000;

/**
 * Bulk bytes (file chunks) one write carries at most, behind the ordinary
 * frames (at least one bulk frame): a chat frame queued meanwhile waits for
 * at most this much.
 */
export const BULK_SLICE_BYTES = 256 * 1024;

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
 * Flush rounds. Every connection with frames held joins the next round, and
 * one round flushes them all: one `setImmediate` per turn of the event loop
 * rather than one per connection. The cost of a flush is in the socket
 * write (TLS, and the kernel's loopback or NIC path below it), so what
 * matters is how many writes: a round runs after the I/O of its turn (so
 * everything read in that turn goes out in one write per connection), and
 * a busy process batches by itself: the longer its turns, the more each
 * write carries. A pace (rounds at least `flushPaceMs` apart) exists for
 * the benchmark; `bench/` measured the choice (docs/PERFORMANCE.md).
 */
let dirty: (() => void)[] = [];
/** The other list, swapped in while a round runs (no allocation per round). */
let spare: (() => void)[] = [];
let roundScheduled = false;
/** When the last round ended (ms). */
let lastRoundEnd = -Infinity;
/**
 * Least time between two rounds (ms). 0: every turn. A pace of 1 ms (or a
 * 1 ms timer) saved 15–40 % CPU between 100k and 750k deliveries/s, but
 * Deno's timers fire after about 2 ms: it missed the 5 ms p99 at chat
 * rates (timer) and made joins twice as slow, for no gain at chat rates
 * (docs/PERFORMANCE.md).
 */
export const DEFAULT_FLUSH_PACE_MS = 0;
let flushPaceMs = DEFAULT_FLUSH_PACE_MS;
/** A round is due on a timer (paced); an urgent one may run before it. */
let pacedRound: ReturnType<typeof setTimeout> | undefined;
let flushKind: "immediate" | "timer" = "immediate";

/**
 * Input backpressure. A process that relays more than it can write must
 * stop reading, not queue without end (and then drop healthy members as
 * "slow" because its own backlog is in their queues): once the bytes held
 * for the next round pass the budget, a connection that has frames to
 * deliver stops reading until that round is written, and TCP slows its
 * peer down. The budget grows with the connections, so a big room still
 * gets big batches.
 */
export const ROUND_BYTES_PER_CONNECTION = 32 * 1024;
/** The budget of a round whatever the number of connections. */
export const ROUND_MIN_BYTES = 1024 * 1024;
/**
 * Bytes queued for the next round, over every connection of the process
 * (bytes waiting behind a write still in flight leave it at the round: they
 * are that peer's backlog, bounded by its own limit, not the round's).
 */
let heldTotal = 0;
/** Framed sockets not finished yet. */
let openSockets = 0;
/** Connections whose reading waits for the next round. */
let throttled: (() => void)[] = [];

/**
 * The last batch concatenated in the running round. In a room every member
 * is usually sent the same frames in the same order, so the next connection
 * holding exactly those frames writes the same bytes: one concatenation per
 * round instead of one per member (the frames, like the batch, are never
 * changed once queued).
 */
let inRound = false;
let batchFrames: Uint8Array[] | undefined;
let batchBytes: Uint8Array | undefined;

/** The frames as one buffer; shared with the previous connection of the round when it held the same frames. */
function concatenate(frames: Uint8Array[], length: number): Uint8Array {
  if (inRound && batchBytes !== undefined && batchBytes.length === length) {
    const batch = batchFrames!;
    let same = batch.length === frames.length;
    for (let i = 0; same && i < frames.length; i++) same = batch[i] === frames[i];
    if (same) return batchBytes;
  }
  const bytes = new Uint8Array(length);
  let offset = 0;
  for (const frame of frames) {
    bytes.set(frame, offset);
    offset += frame.length;
  }
  if (inRound) {
    batchFrames = frames;
    batchBytes = bytes;
  }
  return bytes;
}

/** The bytes a round may hold now before connections stop reading. */
export function roundBudgetBytes(): number {
  return Math.max(ROUND_MIN_BYTES, ROUND_BYTES_PER_CONNECTION * openSockets);
}

function overBudget(): boolean {
  return heldTotal > ROUND_MIN_BYTES &&
    heldTotal > ROUND_BYTES_PER_CONNECTION * openSockets;
}

function scheduleFlush(flush: () => void): void {
  dirty.push(flush);
  scheduleRound();
}

/**
 * Schedules the next round. `urgent` (a connection stopped reading because
 * the round holds its budget already) runs it after this turn's I/O whatever
 * the pace: there is enough to write, and waiting would leave the process
 * idle with its input stopped.
 */
function scheduleRound(urgent = false): void {
  if (roundScheduled) {
    if (urgent && pacedRound !== undefined) {
      clearTimeout(pacedRound);
      pacedRound = undefined;
      setImmediate(runFlushRound);
    }
    return;
  }
  roundScheduled = true;
  const wait = flushKind === "timer" ? 1 : lastRoundEnd + flushPaceMs - performance.now();
  if (wait >= 0.5 && !urgent) {
    pacedRound = setTimeout(runFlushRound, wait);
  } else {
    setImmediate(runFlushRound);
  }
}

function runFlushRound(): void {
  roundScheduled = false;
  pacedRound = undefined;
  // A flush can close a connection, and its close handler send to others:
  // those join the next round, not this list.
  const flushes = dirty;
  dirty = spare;
  inRound = true;
  for (let i = 0; i < flushes.length; i++) {
    try {
      flushes[i]!();
    } catch (error) {
      log.error("A flush threw: {error}", { error });
    }
  }
  inRound = false;
  batchFrames = undefined;
  batchBytes = undefined;
  flushes.length = 0;
  spare = flushes;
  lastRoundEnd = performance.now();
  if (throttled.length > 0) {
    const waiting = throttled;
    throttled = [];
    for (const resume of waiting) {
      try {
        resume();
      } catch (error) {
        log.error("Resuming a connection threw: {error}", { error });
      }
    }
  }
}

/**
 * Switches the flush scheduling, for the benchmark only: rounds once per
 * turn, at least `paceMs` apart ("immediate"), or on a 1 ms timer ("timer").
 */
export function setFlushScheduler(kind: "immediate" | "timer", paceMs = flushPaceMs): void {
  flushKind = kind;
  flushPaceMs = paceMs;
}

/** Gives a frame's memory back now (see {@linkcode SendOptions.release}). */
function releaseFrame(frame: Uint8Array): void {
  const buffer = frame.buffer;
  if (buffer instanceof ArrayBuffer && buffer.byteLength === frame.byteLength) buffer.transfer(0);
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
  /**
   * Bulk frames waiting: each write takes a slice of them after every ordinary frame held. Made
   * by the first one (this list, the backlog and the header buffer of the decoder are made only
   * when needed: a big room holds one connection per member, most of them idle).
   */
  #bulk: Uint8Array[] | undefined;
  #bulkBytes = 0;
  /** Bulk bytes in the write in flight: not counted against the ordinary bound. */
  #bulkInWrite = 0;
  /** Held frames sent with `release`: made only when there is one. */
  #toRelease: Uint8Array[] | undefined;
  /** The write in flight, when it is to be released once written. */
  #releaseWhenWritten: Uint8Array | undefined;
  /** Of the held bytes, those counted in the round's `heldTotal`. */
  #counted = 0;
  #flushScheduled = false;
  #stuckTimer: ReturnType<typeof setTimeout> | undefined;
  /** When the queue last made progress, or became non-empty. */
  #progressAt = 0;
  /** close() was called: no more sends, no more frames delivered. */
  #closing = false;
  /** The socket is gone and onClose is due or done. */
  #finished = false;
  #paused = false;
  /** Reading waits for the next flush round (input backpressure). */
  #throttled = false;
  /** Frames read while paused or throttled, copied; made by the first one. */
  #backlog: Uint8Array[] | undefined;
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
    openSockets++;
  }

  /** See {@linkcode FramedConnection.queuedBytes}. */
  get queuedBytes(): number {
    return this.#heldBytes + this.#bulkBytes + this.#driver.pendingBytes;
  }

  /** See {@linkcode FramedConnection.closed}. */
  get closed(): boolean {
    return this.#closing || this.#finished;
  }

  /** See {@linkcode FramedConnection.send}. */
  send(frame: Uint8Array, options?: SendOptions): boolean {
    if (this.#closing || this.#finished) return false;
    if (options?.bulk === true) return this.#sendBulk(frame);
    const queued = this.#heldBytes +
      Math.max(0, this.#driver.pendingBytes - this.#bulkInWrite);
    if (queued === 0) {
      this.#progressAt = performance.now();
    } else if (queued + frame.length > this.#limits.maxQueuedBytes) {
      this.#finish("slow");
      return false;
    }
    this.#held.push(frame);
    if (options?.release === true) (this.#toRelease ??= []).push(frame);
    this.#heldBytes += frame.length;
    this.#counted += frame.length;
    heldTotal += frame.length;
    if (!this.#flushScheduled) {
      this.#flushScheduled = true;
      scheduleFlush(this.#flush);
    }
    return true;
  }

  /**
   * Queues a bulk frame behind the ordinary ones, within its own bound (not
   * the round's budget: the sender's window bounds it); false when full.
   */
  #sendBulk(frame: Uint8Array): boolean {
    const max = this.#limits.maxBulkBytes ?? DEFAULT_MAX_BULK_BYTES;
    if (this.#bulkBytes > 0 && this.#bulkBytes + frame.length > max) return false;
    if (this.#heldBytes + this.#bulkBytes + this.#driver.pendingBytes === 0) {
      this.#progressAt = performance.now();
    }
    (this.#bulk ??= []).push(frame);
    this.#bulkBytes += frame.length;
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
    if (!this.#throttled) this.#drainBacklog();
  }

  /** Delivers what was held back, then goes on reading (or delivers the held close). */
  #drainBacklog(): void {
    const backlog = this.#backlog;
    while (
      backlog !== undefined && backlog.length > 0 && !this.#paused && !this.#throttled &&
      !this.#closing
    ) {
      if (overBudget()) {
        this.#throttle();
        return;
      }
      if (!this.#deliver(backlog.shift()!)) break;
    }
    if (this.#paused || this.#throttled) return;
    this.#backlog = undefined;
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
      if (!this.#paused && !this.#throttled && overBudget()) this.#throttle();
      if (this.#paused || this.#throttled) {
        // A handshake handing over, or an overloaded process: keep copies, the chunk may be reused.
        const backlog = this.#backlog ??= [];
        for (; i < frames.length; i++) backlog.push(frames[i]!.slice());
        return;
      }
      if (this.#closing || this.#finished) return;
      if (!this.#deliver(frames[i]!)) return;
    }
  }

  /** Some written bytes left; the driver may be idle again. */
  written(): void {
    this.#progressAt = performance.now();
    if (this.#releaseWhenWritten !== undefined) {
      releaseFrame(this.#releaseWhenWritten);
      this.#releaseWhenWritten = undefined;
    }
    if (
      (this.#heldBytes > 0 || this.#bulkBytes > 0) && this.#driver.idle &&
      !this.#flushScheduled && !this.#finished
    ) {
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

  /** Stops reading until the next flush round has written what is held. */
  #throttle(): void {
    this.#throttled = true;
    if (!this.#finished) this.#driver.pauseReading();
    throttled.push(() => this.#unthrottle());
    scheduleRound(true);
  }

  #unthrottle(): void {
    this.#throttled = false;
    if (!this.#paused) this.#drainBacklog();
  }

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
    heldTotal -= this.#counted;
    this.#counted = 0;
    if (this.#finished || !this.#driver.idle) return;
    if (this.#bulkBytes > 0) {
      this.#flushWithBulk();
      return;
    }
    if (this.#heldBytes === 0) return;
    const held = this.#held;
    let bytes: Uint8Array;
    if (held.length === 1) {
      bytes = held[0]!;
      held.length = 0;
    } else {
      bytes = concatenate(held, this.#heldBytes);
      // The list may be the round's batch now: start a new one.
      this.#held = [];
    }
    this.#heldBytes = 0;
    this.#bulkInWrite = 0;
    this.#write(bytes);
    if (this.#stuckTimer === undefined && this.#driver.pendingBytes > 0) {
      this.#stuckTimer = setTimeout(FramedSocket.#checkStuck, this.#limits.maxStuckMs, this);
    }
  };

  /**
   * Hands `bytes` to the driver and releases the frames sent with `release`:
   * a frame written as it is once written; frames copied into `bytes` at
   * once, and the copy (this connection's alone, then) once written.
   */
  #write(bytes: Uint8Array): void {
    const toRelease = this.#toRelease;
    if (toRelease !== undefined) {
      this.#toRelease = undefined;
      for (const frame of toRelease) if (frame !== bytes) releaseFrame(frame);
      this.#releaseWhenWritten = bytes;
    }
    this.#driver.write(bytes);
  }

  /** One write: every ordinary frame held, then a slice of the bulk frames. */
  #flushWithBulk(): void {
    let sliceBytes = 0;
    let count = 0;
    const bulk = this.#bulk!;
    while (count < bulk.length) {
      const next = bulk[count]!.length;
      if (count > 0 && sliceBytes + next > BULK_SLICE_BYTES) break;
      sliceBytes += next;
      count++;
    }
    const slice = bulk.splice(0, count);
    this.#bulkBytes -= sliceBytes;
    const frames = this.#held.length === 0 ? slice : [...this.#held, ...slice];
    const length = this.#heldBytes + sliceBytes;
    let bytes = frames[0]!;
    if (frames.length > 1) {
      bytes = new Uint8Array(length);
      let offset = 0;
      for (const frame of frames) {
        bytes.set(frame, offset);
        offset += frame.length;
      }
    }
    this.#held.length = 0;
    this.#heldBytes = 0;
    this.#bulkInWrite = sliceBytes;
    this.#write(bytes);
    if (this.#stuckTimer === undefined && this.#driver.pendingBytes > 0) {
      this.#stuckTimer = setTimeout(FramedSocket.#checkStuck, this.#limits.maxStuckMs, this);
    }
  }

  /**
   * Runs at most once per maxStuckMs while there is traffic; it is not
   * cleared when the queue drains (that would cost a timer per flush), it
   * just finds the queue empty and stops. Static, the socket an argument of
   * the timer: no closure per connection.
   */
  static #checkStuck(socket: FramedSocket): void {
    socket.#stuckTimer = undefined;
    if (
      socket.#finished || socket.#heldBytes + socket.#bulkBytes + socket.#driver.pendingBytes === 0
    ) {
      return;
    }
    const still = performance.now() - socket.#progressAt;
    if (still >= socket.#limits.maxStuckMs) {
      socket.#finish("slow");
      return;
    }
    socket.#stuckTimer = setTimeout(
      FramedSocket.#checkStuck,
      socket.#limits.maxStuckMs - still,
      socket,
    );
  }

  async #closeGracefully(timeoutMs: number): Promise<void> {
    if (this.#finished) return;
    this.#closing = true;
    // Bulk frames (file chunks) are of no use to a peer we are leaving: only the ordinary ones drain.
    this.#bulk = undefined;
    this.#bulkBytes = 0;
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
    this.#toRelease = undefined;
    this.#releaseWhenWritten = undefined;
    heldTotal -= this.#counted;
    this.#counted = 0;
    this.#heldBytes = 0;
    this.#bulk = undefined;
    this.#bulkBytes = 0;
    openSockets--;
    this.#driver.destroy();
    const waiter = this.#progressWaiter;
    this.#progressWaiter = undefined;
    waiter?.();
    if (this.#paused || this.#throttled) {
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
