/**
 * Our messages that the server has not acknowledged yet, in the order they
 * were typed. Bounded in count and bytes; pure, no sockets.
 *
 * The messages sent on the current connection and not yet acknowledged are
 * always a prefix of the outbox ("in flight"); the rest waits its turn.
 *
 * @module
 */

import type { FileBody } from "../protocol/mod.ts";
import { ChatError } from "./chat_error.ts";

/** Bounds of an {@linkcode Outbox}. */
export interface OutboxLimits {
  /** Most messages waiting (default 1,000). */
  maxMessages: number;
  /** Most frame bytes waiting (default 4 MiB). */
  maxBytes: number;
}

/** The default bounds: far more than anyone types while the network is down. */
export const DEFAULT_OUTBOX_LIMITS: OutboxLimits = {
  maxMessages: 1_000,
  maxBytes: 4 * 1024 * 1024,
};

/** One message of ours, sealed and encoded, waiting for the server's copy. */
export interface OutgoingMessage {
  /** Its id: the server says each id once, and its copy carries it back. */
  readonly id: string;
  /** Recipient of a private message. */
  readonly to?: string;
  /** Line or action, or a file sharing body (never shown as a line). */
  readonly kind: "text" | "me" | "file";
  /** For kind "file": the body sealed in `frame`. */
  readonly fileBody?: FileBody;
  /** The plaintext, for showing it as pending. */
  readonly text: string;
  /** The whole `say` frame, sent as is (again after a reconnect). */
  readonly frame: Uint8Array;
  /** When it was typed (ms). */
  readonly queuedAt: number;
}

/** A bounded FIFO of {@linkcode OutgoingMessage}, keyed by id. */
export class Outbox {
  readonly #limits: OutboxLimits;
  /** By id, in order; the value says whether it was sent on the current connection. */
  readonly #entries = new Map<string, { message: OutgoingMessage; sent: boolean }>();
  #bytes = 0;
  #inFlight = 0;

  /**
   * Makes an empty outbox.
   *
   * @throws {RangeError} when a bound is not a positive integer.
   */
  constructor(limits: Partial<OutboxLimits> = {}) {
    this.#limits = { ...DEFAULT_OUTBOX_LIMITS, ...limits };
    for (const [name, value] of Object.entries(this.#limits)) {
      if (!Number.isInteger(value) || value < 1) {
        throw new RangeError(`Cannot make outbox: ${name} must be an integer ≥ 1, got ${value}`);
      }
    }
  }

  /** Messages waiting. */
  get size(): number {
    return this.#entries.size;
  }

  /** Frame bytes waiting. */
  get bytes(): number {
    return this.#bytes;
  }

  /** Messages sent on the current connection and not yet acknowledged. */
  get inFlight(): number {
    return this.#inFlight;
  }

  /** The bounds. */
  get limits(): OutboxLimits {
    return { ...this.#limits };
  }

  /**
   * Queues a message at the end.
   *
   * @throws {ChatError} "outbox-full" when it would pass a bound; nothing is queued.
   */
  add(message: OutgoingMessage): void {
    const { maxMessages, maxBytes } = this.#limits;
    if (this.#entries.size >= maxMessages) {
      throw new ChatError(
        "outbox-full",
        `Cannot send: ${maxMessages} messages are already waiting to be sent — wait for the connection`,
      );
    }
    if (this.#entries.size > 0 && this.#bytes + message.frame.length > maxBytes) {
      throw new ChatError(
        "outbox-full",
        `Cannot send: ${
          Math.round(maxBytes / 1024)
        } KiB of messages are already waiting to be sent — wait for the connection`,
      );
    }
    if (this.#entries.has(message.id)) {
      throw new RangeError(`Cannot queue message: id ${message.id} is already queued`);
    }
    this.#entries.set(message.id, { message, sent: false });
    this.#bytes += message.frame.length;
  }

  /** Whether a message with this id is waiting. */
  has(id: string): boolean {
    return this.#entries.has(id);
  }

  /** The waiting message with this id. */
  get(id: string): OutgoingMessage | undefined {
    return this.#entries.get(id)?.message;
  }

  /** Removes a message (acknowledged, or refused for good) and returns it. */
  remove(id: string): OutgoingMessage | undefined {
    const entry = this.#entries.get(id);
    if (entry === undefined) return undefined;
    this.#entries.delete(id);
    this.#bytes -= entry.message.frame.length;
    if (entry.sent) this.#inFlight--;
    return entry.message;
  }

  /** The first message not sent on the current connection, marked sent. */
  takeNext(): OutgoingMessage | undefined {
    let index = 0;
    for (const entry of this.#entries.values()) {
      if (index++ < this.#inFlight) continue;
      entry.sent = true;
      this.#inFlight++;
      return entry.message;
    }
    return undefined;
  }

  /** The connection was lost: everything waiting is to be sent again, in order. */
  requeueAll(): void {
    for (const entry of this.#entries.values()) entry.sent = false;
    this.#inFlight = 0;
  }

  /**
   * The server refused `id` for now (rate): it and every message sent after
   * it are to be sent again, in order. Returns false for an unknown id.
   */
  requeueFrom(id: string): boolean {
    if (!this.#entries.has(id)) return false;
    let found = false;
    let kept = 0;
    for (const [key, entry] of this.#entries) {
      if (key === id) found = true;
      if (found) entry.sent = false;
      else if (entry.sent) kept++;
    }
    this.#inFlight = kept;
    return true;
  }

  /** The waiting messages, oldest first. */
  *messages(): IterableIterator<OutgoingMessage> {
    for (const entry of this.#entries.values()) yield entry.message;
  }
}
