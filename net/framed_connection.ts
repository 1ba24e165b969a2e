/**
 * The one shape every connection has, whatever TLS stack is below it: frames
 * in, frames out, a bounded outbound queue and a close reason.
 *
 * @module
 */

/** Why a connection ended, as seen by this side. */
export type CloseReason =
  | "local" // this side closed it
  | "remote" // the peer closed it (EOF)
  | "error" // a socket or TLS error, or a handler that threw
  | "timeout" // a deadline passed (handshake, silence)
  | "slow" // the outbound bound was exceeded: the peer does not read
  | "protocol"; // the peer sent a bad frame

/** A TLS connection carrying length-prefixed frames. */
export interface FramedConnection {
  /** The peer's address (IP, no port), for throttles, bans and the host's `/who`. */
  readonly remoteAddress: string;
  /** The peer's port. */
  readonly remotePort: number;
  /** This side's address of the connection (the address the peer reached us at). */
  readonly localAddress: string;
  /** Bytes queued for the peer and not yet handed to the kernel. */
  readonly queuedBytes: number;
  /** True once closed, from either side, or once {@linkcode FramedConnection.close} was called. */
  readonly closed: boolean;
  /**
   * Called with each complete frame payload, in order. The payload may be a
   * view into a reused buffer: decode it before returning. A handler that
   * throws closes the connection with "error".
   */
  onFrame: (payload: Uint8Array) => void;
  /**
   * Called once when the connection ends, with why. For "protocol" the error
   * is the {@linkcode ProtocolError} of the bad frame; the socket is already
   * gone, nothing more can be sent.
   */
  onClose: (reason: CloseReason, error?: unknown) => void;
  /**
   * Queues an encoded frame (header included). Writes are coalesced: every
   * frame queued in one turn of the event loop goes out in one socket write.
   * Returns false, and closes the connection with "slow", when the outbound
   * bound is exceeded; returns false without effect when already closed.
   * The frame is not copied and must not change afterwards (one encoded
   * frame may be sent to many connections).
   */
  send(frame: Uint8Array, options?: SendOptions): boolean;
  /** Sets the largest frame payload accepted from the peer. */
  setMaxFrameBytes(bytes: number): void;
  /**
   * Stops delivering: frames and the close notification are held (reading
   * from the socket stops too) until {@linkcode FramedConnection.resume}.
   * The handshakes return paused connections, so frames the peer sent right
   * after its last handshake frame wait for the caller's handlers.
   */
  pause(): void;
  /** Delivers what was held, in order, then goes on reading. */
  resume(): void;
  /**
   * Flushes what is queued (bounded by `timeoutMs`, default 1 s), then
   * closes; bulk frames still queued are dropped. The `onClose` reason is
   * "local". Never rejects.
   */
  close(timeoutMs?: number): Promise<void>;
}

/** How {@linkcode FramedConnection.send} queues a frame. */
export interface SendOptions {
  /**
   * Bulk data (file chunks): written only after every ordinary frame queued
   * before the write, a slice at a time, so a chat line queued behind a
   * transfer overtakes it. Bulk frames have their own bound
   * ({@linkcode OutboundLimits.maxBulkBytes}); past it `send` returns false
   * and the connection stays (the sender tries again later).
   */
  bulk?: boolean;
  /**
   * The frame was made for this connection alone (an `ok` listing every
   * member, say) and nothing else reads it: its memory is given back as soon
   * as it is written (its buffer is detached), not whenever the garbage
   * collector gets to it. Buffers live outside the JavaScript heap, in
   * malloc's: a join storm makes one such frame per join, each larger than
   * the last, and garbage waiting for a collection grows malloc's heap past
   * the connections made meanwhile, which then keep its pages (7 KB a member
   * at 5,000). The buffer must span the frame exactly.
   */
  release?: boolean;
}

/** Bounds of one connection's outbound queue. */
export interface OutboundLimits {
  /**
   * Most bytes queued for a peer before it is dropped (default 1 MiB). One
   * frame of any size is accepted into an empty queue.
   */
  readonly maxQueuedBytes: number;
  /** Longest time the queue may stay non-empty without progress before the peer is dropped (default 5 s). */
  readonly maxStuckMs: number;
  /** Most bulk bytes queued (default {@linkcode DEFAULT_MAX_BULK_BYTES}); not counted in `maxQueuedBytes`. */
  readonly maxBulkBytes?: number;
}

/** The default bound of bulk frames (file chunks) queued for one peer. */
export const DEFAULT_MAX_BULK_BYTES = 4 * 1024 * 1024;

/** The default outbound bound: generous, so healthy members are never dropped. */
export const DEFAULT_OUTBOUND_LIMITS: OutboundLimits = {
  maxQueuedBytes: 1024 * 1024,
  maxStuckMs: 5_000,
};
