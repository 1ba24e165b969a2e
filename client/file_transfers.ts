/**
 * File sharing on one chat connection, both ways. An offer (name, size,
 * SHA-256, chunk size and count) is a `say` sealed like any message,
 * public or private; the answers between sender and receiver (accept from
 * a chunk, reject, cancel, done) are private `say`s that are never shown as
 * chat lines, so they survive a dropped connection like messages do. The
 * file itself travels as `chunk` frames, each a Fernet token of up to one
 * chunk of bytes, relayed by the server point to point without reading
 * them, and acknowledged (`chunkack`) so the sender keeps a bounded window
 * in flight per receiver.
 *
 * The receiver checks every field of an offer before it touches the disk,
 * writes chunks in order to a hidden part file (0600) in its download
 * folder while hashing them, and keeps the file — under a safe name that
 * overwrites nothing — only once size and SHA-256 match. Whatever else
 * happens (cancel, a bad chunk, a wrong hash, the sender gone, leaving),
 * the part file is removed: nothing half-received is left behind.
 *
 * After a reconnect the receiver asks again from the first chunk it lacks,
 * and the sender goes back to the first chunk not acknowledged: a transfer
 * resumes where it stopped.
 *
 * @module
 */

import { createHash, type Hash } from "node:crypto";
import { type FileHandle, open } from "node:fs/promises";
import { basename, join } from "node:path";
import { fernetDecrypt, fernetEncrypt, randomId, type SecretKey } from "../crypto/mod.ts";
import { bytes as sizeText, duration, t } from "../i18n/mod.ts";
import { getLogger } from "../log/mod.ts";
import {
  checkFileOffer,
  chunkLength,
  type ClientMessage,
  DEFAULT_CHUNK_BYTES,
  DEFAULT_MAX_FILE_BYTES,
  type FileBody,
  type FileOffer,
  MAX_CHUNK_BYTES,
  type MessageOf,
  MIN_CHUNK_BYTES,
  nickKey,
  type OfferProblem,
  sameNick,
  type ServerMessage,
} from "../protocol/mod.ts";
import { ChatError } from "./chat_error.ts";
import type { ChatEvent, FileEvent, FileEventCode } from "./chat_event.ts";
import { keepFile } from "./file_name.ts";

/** Chunks in flight per receiver by default: 8 × 64 KiB keeps a LAN busy, and bounds every queue. */
export const DEFAULT_WINDOW = 8;

/** Files we send at once by default (the server's default limit too). */
export const DEFAULT_MAX_OUTGOING = 3;

/** No acknowledgement for this long: the chunks not acknowledged go again. */
export const DEFAULT_STALL_MS = 10_000;

/** Offers remembered for an answer; the oldest unanswered ones are forgotten past it. */
const MAX_REMEMBERED = 64;

/** How often progress is told while bytes move (the line mode prints only each tenth). */
const PROGRESS_EVERY_MS = 250;

/** Chunks a receiver holds waiting for the disk, at most (a faithful sender has 8 in flight). */
const MAX_QUEUED_WRITES = 32;

/** Wait before trying again when our own bulk queue is full. */
const QUEUE_FULL_RETRY_MS = 20;

/** The rate is measured over about this long. */
const RATE_WINDOW_MS = 3_000;

const log = getLogger(["stealth", "client", "files"]);

/** Settings of file sharing on a connection. */
export interface FileOptions {
  /** Where received files land; without it offers are shown and cannot be accepted. */
  downloads?: string;
  /** Accept every offer that passes the checks, at once (scripts). */
  autoAccept?: boolean;
  /** Largest file accepted, and sent (default 100 MiB). */
  maxFileBytes?: number;
  /** Plaintext bytes per chunk we send (default 64 KiB). */
  chunkBytes?: number;
  /** Chunks in flight per receiver (default {@linkcode DEFAULT_WINDOW}). */
  window?: number;
  /** Files we send at once (default {@linkcode DEFAULT_MAX_OUTGOING}). */
  maxOutgoing?: number;
  /** No acknowledgement for this long: resend from the first not acknowledged (default 10 s). */
  stallMs?: number;
}

/** What file sharing needs from the connection. */
export interface FileLink {
  /** Whether frames can be sent now. */
  connected(): boolean;
  /**
   * Seals a body and queues it as a `say` (private with `to`), kept and sent
   * again across reconnects like any message, never shown as a chat line.
   * Returns its id. @throws {ChatError} when leaving or the outbox is full.
   */
  say(body: FileBody, to?: string): string;
  /** Sends a chunk (bulk) or an ack now; false when not connected or the queue is full. */
  send(message: MessageOf<ClientMessage, "chunk" | "chunkack">): boolean;
  /** Shows an event. */
  show(event: ChatEvent): void;
}

/** A transfer as `/files` lists it. */
export interface TransferInfo {
  /** Its number here. */
  ref: number;
  /** The file id. */
  file: string;
  /** Coming or going. */
  direction: "in" | "out";
  /** The name as offered. */
  name: string;
  /** Bytes. */
  size: number;
  /** The sender (in), or each receiver (out; none yet for an open offer). */
  peers: string[];
  /** Where it stands. */
  state: TransferState;
  /** Bytes moved (out: acknowledged by the slowest receiver still receiving). */
  bytes: number;
}

/** Where a transfer stands. */
export type TransferState =
  | "offered" // waiting for an answer
  | "moving" // chunks flowing
  | "checking" // all chunks there, hash being checked
  | "done"
  | "rejected"
  | "cancelled"
  | "failed";

const FINISHED = new Set<TransferState>(["done", "rejected", "cancelled", "failed"]);

/** Bytes per second over the last few seconds. */
class RateMeter {
  #samples: [number, number][] = [];

  /** Records `bytes` moved in all at time `now` (ms). */
  add(now: number, bytes: number): void {
    this.#samples.push([now, bytes]);
    while (this.#samples.length > 2 && now - this.#samples[1]![0] > RATE_WINDOW_MS) {
      this.#samples.shift();
    }
  }

  /** Bytes per second; 0 before two samples. */
  get rate(): number {
    const first = this.#samples[0];
    const last = this.#samples.at(-1);
    if (first === undefined || last === undefined || last[0] <= first[0]) return 0;
    return ((last[1] - first[1]) * 1000) / (last[0] - first[0]);
  }
}

/** Progress telling, shared by both directions. */
class Progress {
  readonly meter = new RateMeter();
  bytes = 0;
  /** Tenths already told. */
  tenths = 0;
  lastToldAt = 0;
  toldBytes = -1;
}

/** One receiver of one of our files. */
interface Stream {
  nick: string;
  state: TransferState;
  /** Chunks the receiver has (all below this index). */
  acked: number;
  /** The next chunk to send. */
  sent: number;
  lastAckAt: number;
  /** No chunk before this time (performance.now): the server asked us to wait. */
  pausedUntil: number;
  /** The receiver's connection dropped: wait for it to ask again. */
  waiting: boolean;
  pumping: boolean;
  timer: ReturnType<typeof setTimeout> | undefined;
  progress: Progress;
}

interface Outgoing {
  direction: "out";
  ref: number;
  offer: FileOffer;
  path: string;
  /** The private receiver, if any. */
  to: string | undefined;
  state: TransferState;
  handle: FileHandle | undefined;
  streams: Map<string, Stream>;
}

interface Incoming {
  direction: "in";
  ref: number;
  offer: FileOffer;
  from: string;
  private: boolean;
  state: TransferState;
  /** The next chunk expected (those below are written or being written). */
  next: number;
  part: string | undefined;
  handle: FileHandle | undefined;
  hash: Hash | undefined;
  /** Writes, in order; each acknowledges its chunk when done. */
  writing: Promise<void>;
  /** Chunks waiting in `writing`. */
  queued: number;
  progress: Progress;
}

type Transfer = Outgoing | Incoming;

/**
 * Every file transfer of one connection. The connection feeds it what
 * arrives (offers and answers, chunks, acks, refusals, reconnects, members
 * leaving); the commands call {@linkcode FileTransfers.offer},
 * {@linkcode FileTransfers.accept}, {@linkcode FileTransfers.reject},
 * {@linkcode FileTransfers.cancel} and {@linkcode FileTransfers.list}.
 */
export class FileTransfers {
  readonly #key: SecretKey;
  readonly #link: FileLink;
  readonly #clock: () => number;
  readonly #downloads: string | undefined;
  readonly #autoAccept: boolean;
  readonly #maxFileBytes: number;
  readonly #chunkBytes: number;
  readonly #window: number;
  readonly #maxOutgoing: number;
  readonly #stallMs: number;
  readonly #byFile = new Map<string, Transfer>();
  readonly #byRef = new Map<number, Transfer>();
  #nextRef = 1;
  /** Offers being read for their hash, not said yet. */
  #preparing = 0;
  #ticker: ReturnType<typeof setInterval> | undefined;
  #closed = false;
  readonly #waiters = new Set<() => void>();

  /** @throws {RangeError} for a chunk size or bound out of range. */
  constructor(key: SecretKey, link: FileLink, clock: () => number, options: FileOptions = {}) {
    this.#key = key;
    this.#link = link;
    this.#clock = clock;
    this.#downloads = options.downloads;
    this.#autoAccept = options.autoAccept ?? false;
    this.#maxFileBytes = options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
    this.#chunkBytes = options.chunkBytes ?? DEFAULT_CHUNK_BYTES;
    this.#window = options.window ?? DEFAULT_WINDOW;
    this.#maxOutgoing = options.maxOutgoing ?? DEFAULT_MAX_OUTGOING;
    this.#stallMs = options.stallMs ?? DEFAULT_STALL_MS;
    if (
      !Number.isInteger(this.#chunkBytes) || this.#chunkBytes < MIN_CHUNK_BYTES ||
      this.#chunkBytes > MAX_CHUNK_BYTES
    ) {
      throw new RangeError(
        `Cannot share files: chunkBytes must be ${MIN_CHUNK_BYTES}..${MAX_CHUNK_BYTES}, got ${this.#chunkBytes}`,
      );
    }
    for (const [name, value] of [["window", this.#window], ["maxOutgoing", this.#maxOutgoing]]) {
      if (!Number.isInteger(value) || (value as number) < 1) {
        throw new RangeError(`Cannot share files: ${name} must be an integer ≥ 1, got ${value}`);
      }
    }
  }

  /**
   * Whether a transfer is under way: a file coming or going, a private
   * offer of ours not answered. An offer to us that we have not answered
   * does not count, nor does a public offer of ours once its takers are
   * done (it stays open for more).
   */
  get busy(): boolean {
    if (this.#preparing > 0) return true;
    for (const transfer of this.#byRef.values()) if (this.#active(transfer)) return true;
    return false;
  }

  #active(transfer: Transfer): boolean {
    if (FINISHED.has(transfer.state)) return false;
    if (transfer.direction === "in") return transfer.state !== "offered";
    if (transfer.to !== undefined) return true;
    for (const stream of transfer.streams.values()) if (!FINISHED.has(stream.state)) return true;
    return false;
  }

  // ---- commands -----------------------------------------------------------

  /**
   * Offers the file at `path` to everyone, or to `to` only: reads it once
   * for its SHA-256, then says the offer. Chunks go to each member who
   * accepts. Resolves with the transfer's number.
   *
   * @throws {ChatError} "file" with a line for a person: not a file, too
   *   big, unreadable, too many files at once, or leaving.
   */
  async offer(path: string, to?: string): Promise<number> {
    this.#preparing++;
    try {
      return await this.#offer(path, to);
    } finally {
      this.#preparing--;
      this.#settled();
    }
  }

  async #offer(path: string, to?: string): Promise<number> {
    if (this.#closed) throw new ChatError("closed", t("chat.send_closing"));
    const sending =
      [...this.#byRef.values()].filter((transfer) =>
        transfer.direction === "out" && this.#active(transfer)
      ).length;
    if (sending >= this.#maxOutgoing) {
      throw new ChatError("file", t("file.too_many", { count: this.#maxOutgoing }));
    }
    let handle: FileHandle;
    let size: number;
    let sha256: string;
    try {
      handle = await open(path, "r");
    } catch (error) {
      throw new ChatError("file", t("file.cannot_read", { path, problem: problemOf(error) }));
    }
    try {
      const stat = await handle.stat();
      if (!stat.isFile()) throw new ChatError("file", t("file.not_a_file", { path }));
      size = stat.size;
      if (size > this.#maxFileBytes) {
        throw new ChatError(
          "file",
          t("file.too_big_to_send", {
            path,
            size: sizeText(size),
            max: sizeText(this.#maxFileBytes),
          }),
        );
      }
      sha256 = await hashOf(handle, size);
    } catch (error) {
      await handle.close().catch(() => {});
      if (error instanceof ChatError) throw error;
      throw new ChatError("file", t("file.cannot_read", { path, problem: problemOf(error) }));
    }
    if (this.#closed) {
      await handle.close().catch(() => {});
      throw new ChatError("closed", t("chat.send_closing"));
    }
    const chunkSize = this.#chunkBytes;
    const offer: FileOffer = {
      kind: "file",
      file: randomId(),
      name: basename(path),
      size,
      sha256,
      chunkSize,
      chunks: Math.ceil(size / chunkSize),
    };
    const transfer: Outgoing = {
      direction: "out",
      ref: this.#nextRef++,
      offer,
      path,
      to,
      state: "offered",
      handle,
      streams: new Map(),
    };
    this.#remember(transfer);
    try {
      this.#link.say(offer, to);
    } catch (error) {
      this.#forget(transfer);
      await handle.close().catch(() => {});
      throw error;
    }
    return transfer.ref;
  }

  /**
   * Accepts an offer: the part file is made in the download folder and the
   * sender asked for chunks from the first.
   *
   * @throws {ChatError} "file" for no such offer, one already answered, or no download folder.
   */
  async accept(ref: string): Promise<void> {
    const transfer = this.#find(ref);
    if (transfer.direction !== "in" || transfer.state !== "offered") {
      throw new ChatError("file", t("file.not_offered", { ref }));
    }
    await this.#accept(transfer);
  }

  /** Declines an offer. @throws {ChatError} "file" for no such offer, or one already answered. */
  reject(ref: string): void {
    const transfer = this.#find(ref);
    if (transfer.direction !== "in" || transfer.state !== "offered") {
      throw new ChatError("file", t("file.not_offered", { ref }));
    }
    transfer.state = "rejected";
    this.#signal({ kind: "file-reject", file: transfer.offer.file }, transfer.from);
    this.#tell(transfer, "rejected", t("file.rejected_in", this.#words(transfer)));
    this.#settled();
  }

  /**
   * Stops a transfer, either way: the other side is told, a part file is
   * removed. @throws {ChatError} "file" for no such transfer, or one over.
   */
  cancel(ref: string): void {
    const transfer = this.#find(ref);
    if (FINISHED.has(transfer.state)) {
      throw new ChatError("file", t("file.over", { ref }));
    }
    if (transfer.direction === "in") {
      this.#signal({ kind: "file-cancel", file: transfer.offer.file }, transfer.from);
      this.#endIncoming(transfer, "cancelled", t("file.cancelled_by_you", this.#words(transfer)));
      return;
    }
    const told = new Set<string>();
    for (const stream of transfer.streams.values()) {
      if (FINISHED.has(stream.state)) continue;
      stream.state = "cancelled";
      this.#signal({ kind: "file-cancel", file: transfer.offer.file }, stream.nick);
      told.add(nickKey(stream.nick));
    }
    if (transfer.to !== undefined && !told.has(nickKey(transfer.to))) {
      this.#signal({ kind: "file-cancel", file: transfer.offer.file }, transfer.to);
    }
    this.#endOutgoing(transfer, "cancelled");
    this.#tell(transfer, "cancelled", t("file.cancelled_by_you", this.#words(transfer)));
  }

  /** Every transfer of this connection, oldest first. */
  list(): TransferInfo[] {
    return [...this.#byRef.values()].map((transfer) => {
      if (transfer.direction === "in") {
        return {
          ref: transfer.ref,
          file: transfer.offer.file,
          direction: "in" as const,
          name: transfer.offer.name,
          size: transfer.offer.size,
          peers: [transfer.from],
          state: transfer.state,
          bytes: transfer.progress.bytes,
        };
      }
      const streams = [...transfer.streams.values()];
      const moving = streams.filter((stream) => !FINISHED.has(stream.state));
      const counted = moving.length > 0 ? moving : streams;
      return {
        ref: transfer.ref,
        file: transfer.offer.file,
        direction: "out" as const,
        name: transfer.offer.name,
        size: transfer.offer.size,
        peers: streams.map((stream) => stream.nick),
        // A public offer is open for takers: moving while one takes it, offered otherwise.
        state: transfer.to === undefined && !FINISHED.has(transfer.state)
          ? (moving.length > 0 ? "moving" : "offered")
          : transfer.state,
        bytes: counted.length === 0
          ? 0
          : Math.min(...counted.map((stream) => stream.progress.bytes)),
      };
    });
  }

  /** Shows `/files`: one line per transfer, or that there are none. */
  showList(): void {
    const transfers = this.list();
    if (transfers.length === 0) {
      this.#link.show({
        type: "info",
        code: "help",
        ts: this.#clock(),
        self: true,
        text: t("file.none"),
      });
      return;
    }
    for (const info of transfers) {
      const transfer = this.#byRef.get(info.ref)!;
      const words = {
        ref: String(info.ref),
        name: info.name,
        size: sizeText(info.size),
        done: sizeText(info.bytes),
        state: stateText(info.state),
        nick: info.peers.length === 0 ? t("file.everyone") : info.peers.join(", "),
      };
      this.#tell(
        transfer,
        "list",
        info.direction === "in" ? t("file.list_in", words) : t("file.list_out", words),
      );
    }
  }

  /**
   * Resolves once no transfer is under way (every one done, declined,
   * cancelled or failed), or after `timeoutMs` (false).
   */
  async settled(timeoutMs = Infinity): Promise<boolean> {
    const deadline = performance.now() + timeoutMs;
    while (this.busy) {
      const left = deadline - performance.now();
      if (left <= 0) return false;
      await new Promise<void>((resolve) => {
        const done = () => {
          clearTimeout(timer);
          this.#waiters.delete(done);
          resolve();
        };
        const timer = setTimeout(done, left === Infinity ? 2 ** 31 - 1 : left);
        this.#waiters.add(done);
      });
    }
    return true;
  }

  /**
   * Leaving: every transfer under way is cancelled (the other sides are
   * told while the outbox still drains) and every part file removed.
   */
  async close(): Promise<void> {
    if (this.#closed) return;
    for (const transfer of [...this.#byRef.values()]) {
      if (FINISHED.has(transfer.state)) continue;
      try {
        this.cancel(String(transfer.ref));
      } catch {
        // Leaving anyway: the part file goes below.
      }
    }
    this.#closed = true;
    this.#stopTicker();
    const closing: Promise<unknown>[] = [];
    for (const transfer of this.#byRef.values()) {
      if (transfer.direction === "in") closing.push(transfer.writing);
      else if (transfer.handle !== undefined) closing.push(transfer.handle.close().catch(() => {}));
    }
    await Promise.all(closing);
  }

  // ---- what arrives ----------------------------------------------------------

  /**
   * A file body in a room message. `self`: our own (its echo confirms it
   * was said); `to`: the private recipient, if any.
   */
  onBody(body: FileBody, from: string, to: string | undefined, self: boolean, ts: number): void {
    if (this.#closed) return;
    if (body.kind === "file") {
      if (self) this.#offered(body, ts);
      else void this.#onOffer(body, from, to !== undefined);
      return;
    }
    if (self) return; // our own answers coming back
    const transfer = this.#byFile.get(body.file);
    switch (body.kind) {
      case "file-accept":
        if (transfer === undefined || transfer.direction !== "out") {
          // An offer of ours this connection no longer knows (we restarted, or forgot it).
          this.#signal({ kind: "file-cancel", file: body.file, reason: "unknown" }, from);
          return;
        }
        this.#onAccept(transfer, from, body.from);
        return;
      case "file-reject":
      case "file-cancel":
      case "file-done":
        if (transfer === undefined) return;
        if (transfer.direction === "out") this.#onReceiverSays(transfer, from, body);
        else if (sameNick(transfer.from, from)) this.#onSenderCancels(transfer, body);
        return;
    }
  }

  /** A `say` of ours carrying a file body was refused for good (`code`). */
  onSayRefused(body: FileBody, to: string | undefined, code: string): void {
    const transfer = this.#byFile.get(body.file);
    if (transfer === undefined || FINISHED.has(transfer.state)) return;
    if (body.kind === "file" && transfer.direction === "out") {
      this.#endOutgoing(transfer, "failed");
      this.#tell(
        transfer,
        "failed",
        t("file.failed_out", { ...this.#words(transfer, to), reason: refusalText(code, to) }),
        code,
      );
    }
  }

  /** A chunk of a file we are receiving. */
  onChunk(message: MessageOf<ServerMessage, "chunk">): void {
    const transfer = this.#byFile.get(message.file);
    if (
      transfer === undefined || transfer.direction !== "in" ||
      !sameNick(transfer.from, message.from) || transfer.state !== "moving"
    ) {
      return;
    }
    const { offer } = transfer;
    const i = message.i;
    if (i >= offer.chunks) return this.#hostile(transfer, "range");
    if (i < transfer.next) {
      // Again (the sender went back after a reconnect): tell it how far we are.
      this.#ack(transfer, transfer.next - 1);
      return;
    }
    if (i > transfer.next) return; // a gap: the sender goes back to the first not acknowledged
    // A sender ignoring the window would pile writes up in memory: past a bound, it sends again.
    if (transfer.queued >= MAX_QUEUED_WRITES) return;
    let bytes: Uint8Array;
    try {
      bytes = fernetDecrypt(this.#key, message.body);
    } catch {
      return this.#hostile(transfer, "unreadable");
    }
    if (bytes.length !== chunkLength(offer, i)) return this.#hostile(transfer, "length");
    transfer.next = i + 1;
    transfer.hash!.update(bytes);
    const handle = transfer.handle!;
    const position = i * offer.chunkSize;
    transfer.queued++;
    transfer.writing = transfer.writing.then(async () => {
      transfer.queued--;
      if (transfer.state !== "moving") return;
      let written = 0;
      while (written < bytes.length) {
        const { bytesWritten } = await handle.write(
          bytes,
          written,
          bytes.length - written,
          position + written,
        );
        written += bytesWritten;
      }
      if (transfer.state !== "moving") return;
      this.#ack(transfer, i);
      this.#progressed(transfer, transfer.progress, position + bytes.length);
      if (i === offer.chunks - 1) await this.#finish(transfer);
    }).catch((error) => {
      if (transfer.state === "moving") this.#diskProblem(transfer, error);
    });
  }

  /** An acknowledgement from a receiver of ours. */
  onChunkAck(message: MessageOf<ServerMessage, "chunkack">): void {
    const transfer = this.#byFile.get(message.file);
    if (transfer === undefined || transfer.direction !== "out") return;
    const stream = transfer.streams.get(nickKey(message.from));
    if (stream === undefined || stream.state !== "moving") return;
    const { offer } = transfer;
    const have = Math.min(offer.chunks, message.i + 1);
    stream.lastAckAt = performance.now();
    if (have <= stream.acked) return;
    stream.acked = have;
    if (stream.sent < have) stream.sent = have;
    this.#progressed(
      transfer,
      stream.progress,
      Math.min(offer.size, have * offer.chunkSize),
      stream,
    );
    if (have >= offer.chunks) stream.state = "checking"; // the receiver checks the hash, then says done
    this.#pump(transfer, stream);
  }

  /** The server refused a chunk of ours. */
  onChunkRefused(message: MessageOf<ServerMessage, "refused">): void {
    const { file, i, to, code } = message;
    if (file === undefined || to === undefined) return;
    const transfer = this.#byFile.get(file);
    if (transfer === undefined || transfer.direction !== "out") return;
    const stream = transfer.streams.get(nickKey(to));
    if (stream === undefined || stream.state !== "moving") return;
    const from = Math.min(stream.sent, Math.max(stream.acked, i ?? stream.acked));
    switch (code) {
      case "file-rate":
      case "file-busy":
        stream.sent = from;
        this.#pauseStream(transfer, stream, message.retryAfterMs ?? 1_000);
        return;
      case "away":
        // The receiver dropped: it asks again (from what it has) once it is back.
        stream.sent = stream.acked;
        stream.waiting = true;
        return;
      default:
        this.#endStream(
          transfer,
          stream,
          "failed",
          t("file.failed_out", {
            ...this.#words(transfer, stream.nick),
            reason: refusalText(code, stream.nick),
          }),
          code,
        );
    }
  }

  /**
   * The connection is back. Receivers ask again from the first chunk they
   * lack (what was sent meanwhile may be lost); senders go back to the
   * first chunk not acknowledged.
   */
  onConnected(): void {
    for (const transfer of this.#byRef.values()) {
      if (transfer.direction === "in") {
        if (transfer.state === "moving") {
          this.#signal(
            { kind: "file-accept", file: transfer.offer.file, from: transfer.next },
            transfer.from,
          );
        }
        continue;
      }
      for (const stream of transfer.streams.values()) {
        if (stream.state !== "moving") continue;
        stream.sent = stream.acked;
        stream.lastAckAt = performance.now();
        this.#pump(transfer, stream);
      }
    }
  }

  /** A member left the room: its transfers with us are over. */
  onLeave(nick: string): void {
    for (const transfer of this.#byRef.values()) {
      if (FINISHED.has(transfer.state)) continue;
      if (transfer.direction === "in") {
        if (!sameNick(transfer.from, nick)) continue;
        this.#endIncoming(
          transfer,
          "failed",
          t("file.failed_in", { ...this.#words(transfer), reason: t("file.why_left", { nick }) }),
          "left",
        );
        continue;
      }
      const stream = transfer.streams.get(nickKey(nick));
      if (stream !== undefined && !FINISHED.has(stream.state)) {
        this.#endStream(
          transfer,
          stream,
          "failed",
          t("file.failed_out", {
            ...this.#words(transfer, stream.nick),
            reason: t("file.why_left", { nick }),
          }),
          "left",
        );
      } else if (transfer.to !== undefined && sameNick(transfer.to, nick) && stream === undefined) {
        this.#endOutgoing(transfer, "failed");
        this.#tell(
          transfer,
          "failed",
          t("file.failed_out", { ...this.#words(transfer), reason: t("file.why_left", { nick }) }),
          "left",
        );
      }
    }
  }

  /** A member changed nick: transfers with it follow. */
  onNick(old: string, nick: string): void {
    for (const transfer of this.#byRef.values()) {
      if (transfer.direction === "in") {
        if (sameNick(transfer.from, old)) transfer.from = nick;
        continue;
      }
      if (transfer.to !== undefined && sameNick(transfer.to, old)) transfer.to = nick;
      const stream = transfer.streams.get(nickKey(old));
      if (stream !== undefined) {
        transfer.streams.delete(nickKey(old));
        stream.nick = nick;
        transfer.streams.set(nickKey(nick), stream);
      }
    }
  }

  // ---- receiving --------------------------------------------------------------

  async #onOffer(offer: FileOffer, from: string, isPrivate: boolean): Promise<void> {
    if (this.#byFile.has(offer.file)) return; // seen already (a replay)
    const transfer: Incoming = {
      direction: "in",
      ref: this.#nextRef++,
      offer,
      from,
      private: isPrivate,
      state: "offered",
      next: 0,
      part: undefined,
      handle: undefined,
      hash: undefined,
      writing: Promise.resolve(),
      queued: 0,
      progress: new Progress(),
    };
    this.#remember(transfer);
    const problem = checkFileOffer(offer, { maxFileBytes: this.#maxFileBytes });
    if (problem !== undefined) {
      transfer.state = "rejected";
      this.#signal({ kind: "file-reject", file: offer.file, reason: problem }, from);
      this.#tell(
        transfer,
        "refused",
        t("file.refused", { ...this.#words(transfer), reason: this.#offerProblem(offer, problem) }),
        problem,
      );
      return;
    }
    const words = this.#words(transfer);
    this.#tell(
      transfer,
      "offer",
      isPrivate ? t("file.offer_private", words) : t("file.offer", words),
    );
    if (this.#autoAccept) {
      try {
        await this.#accept(transfer);
      } catch (error) {
        this.#link.show({
          type: "error",
          code: "file",
          ts: this.#clock(),
          self: true,
          text: error instanceof Error ? error.message : String(error),
        });
      }
    }
  }

  async #accept(transfer: Incoming): Promise<void> {
    const folder = this.#downloads;
    if (folder === undefined) throw new ChatError("file", t("file.no_downloads"));
    transfer.state = "moving";
    const part = join(folder, `.stealth-${transfer.offer.file}.part`);
    try {
      await Deno.mkdir(folder, { recursive: true, mode: 0o700 });
      transfer.handle = await open(part, "wx", 0o600);
      transfer.part = part;
      if (Deno.build.os !== "windows") await Deno.chmod(part, 0o600);
    } catch (error) {
      if (transfer.handle !== undefined) {
        await transfer.handle.close().catch(() => {});
        transfer.handle = undefined;
      }
      if (transfer.part !== undefined) await Deno.remove(transfer.part).catch(() => {});
      transfer.part = undefined;
      transfer.state = "offered";
      throw new ChatError("file", t("file.cannot_write", { folder, problem: problemOf(error) }));
    }
    if (transfer.state !== "moving") {
      // Cancelled or failed while the part file was being made.
      await this.#removePart(transfer);
      return;
    }
    transfer.hash = createHash("sha256");
    this.#signal({ kind: "file-accept", file: transfer.offer.file, from: 0 }, transfer.from);
    this.#tell(transfer, "accepted", t("file.accepted_in", this.#words(transfer)));
    this.#startTicker();
    if (transfer.offer.chunks === 0) {
      transfer.writing = transfer.writing.then(() => this.#finish(transfer));
    }
  }

  /** Every chunk is written: check size and hash, keep the file, or remove it. */
  async #finish(transfer: Incoming): Promise<void> {
    if (transfer.state !== "moving") return;
    transfer.state = "checking";
    const { offer } = transfer;
    const digest = transfer.hash!.digest("hex");
    let size = -1;
    try {
      await transfer.handle!.sync().catch(() => {});
      size = (await transfer.handle!.stat()).size;
      await transfer.handle!.close();
    } catch (error) {
      transfer.state = "moving";
      return this.#diskProblem(transfer, error);
    }
    transfer.handle = undefined;
    if (size !== offer.size || digest !== offer.sha256) {
      transfer.state = "moving";
      return this.#hostile(transfer, "mismatch");
    }
    let path: string;
    try {
      path = await keepFile(transfer.part!, this.#downloads!, offer.name);
    } catch (error) {
      transfer.state = "moving";
      return this.#diskProblem(transfer, error);
    }
    transfer.part = undefined;
    if (transfer.state !== "checking") {
      // Cancelled while the file was being kept: nothing stays.
      await Deno.remove(path).catch(() => {});
      return;
    }
    transfer.state = "done";
    this.#signal({ kind: "file-done", file: offer.file }, transfer.from);
    const event = this.#event(
      transfer,
      "received",
      t("file.received", { ...this.#words(transfer), path }),
    );
    event.path = path;
    event.bytes = offer.size;
    this.#link.show(event);
    this.#settled();
  }

  #ack(transfer: Incoming, i: number): void {
    if (i < 0) return;
    this.#link.send({ t: "chunkack", file: transfer.offer.file, i, to: transfer.from });
  }

  /** The sender sent something a faithful sender cannot: stop, remove, say why. */
  #hostile(transfer: Incoming, why: "range" | "unreadable" | "length" | "mismatch"): void {
    this.#signal({ kind: "file-cancel", file: transfer.offer.file, reason: why }, transfer.from);
    this.#endIncoming(
      transfer,
      "failed",
      t("file.failed_in", { ...this.#words(transfer), reason: whyText(why) }),
      why,
    );
  }

  #diskProblem(transfer: Incoming, error: unknown): void {
    log.debug("Cannot write a received file: {error}", { error });
    this.#signal({ kind: "file-cancel", file: transfer.offer.file, reason: "disk" }, transfer.from);
    this.#endIncoming(
      transfer,
      "failed",
      t("file.failed_in_disk", { ...this.#words(transfer), problem: problemOf(error) }),
      "disk",
    );
  }

  #onSenderCancels(transfer: Incoming, body: FileBody): void {
    if (body.kind !== "file-cancel" || FINISHED.has(transfer.state)) return;
    const reason = body.reason;
    this.#endIncoming(
      transfer,
      "cancelled",
      t("file.cancelled_in", this.#words(transfer)),
      ...(reason === undefined ? [] : [reason]),
    );
  }

  /** Ends a receiving transfer: the part file goes, once pending writes are done. */
  #endIncoming(transfer: Incoming, state: TransferState, text: string, reason?: string): void {
    if (FINISHED.has(transfer.state)) return;
    transfer.state = state;
    this.#tell(transfer, state === "cancelled" ? "cancelled" : "failed", text, reason);
    transfer.writing = transfer.writing.then(() => this.#removePart(transfer));
    this.#settled();
  }

  async #removePart(transfer: Incoming): Promise<void> {
    const handle = transfer.handle;
    transfer.handle = undefined;
    if (handle !== undefined) await handle.close().catch(() => {});
    const part = transfer.part;
    transfer.part = undefined;
    if (part !== undefined) await Deno.remove(part).catch(() => {});
  }

  // ---- sending -------------------------------------------------------------------

  /** Our offer's echo: it was said. */
  #offered(offer: FileOffer, ts: number): void {
    const transfer = this.#byFile.get(offer.file);
    if (transfer === undefined || transfer.direction !== "out") return;
    const words = this.#words(transfer, transfer.to);
    const event = this.#event(
      transfer,
      "offered",
      transfer.to === undefined ? t("file.offered_all", words) : t("file.offered_to", words),
    );
    event.ts = ts;
    this.#link.show(event);
  }

  #onAccept(transfer: Outgoing, from: string, first: number): void {
    if (FINISHED.has(transfer.state)) {
      this.#signal({ kind: "file-cancel", file: transfer.offer.file, reason: "cancelled" }, from);
      return;
    }
    if (transfer.to !== undefined && !sameNick(transfer.to, from)) return; // not offered to it
    const { offer } = transfer;
    const start = Math.max(0, Math.min(offer.chunks, Number.isSafeInteger(first) ? first : 0));
    let stream = transfer.streams.get(nickKey(from));
    if (stream === undefined || FINISHED.has(stream.state)) {
      stream = {
        nick: from,
        state: "moving",
        acked: start,
        sent: start,
        lastAckAt: performance.now(),
        pausedUntil: 0,
        waiting: false,
        pumping: false,
        timer: undefined,
        progress: new Progress(),
      };
      transfer.streams.set(nickKey(from), stream);
      transfer.state = "moving";
      this.#tell(
        transfer,
        "accepted",
        t("file.accepted_out", this.#words(transfer, from)),
        undefined,
        from,
      );
      this.#startTicker();
    } else {
      // Asked again after a reconnect: from the first chunk it lacks.
      stream.acked = start;
      stream.sent = start;
      stream.waiting = false;
      stream.lastAckAt = performance.now();
      if (stream.state === "checking" && start < offer.chunks) stream.state = "moving";
    }
    stream.progress.bytes = Math.min(offer.size, start * offer.chunkSize);
    if (start >= offer.chunks) stream.state = "checking";
    this.#pump(transfer, stream);
  }

  #onReceiverSays(transfer: Outgoing, from: string, body: FileBody): void {
    const stream = transfer.streams.get(nickKey(from));
    switch (body.kind) {
      case "file-reject": {
        if (stream !== undefined && FINISHED.has(stream.state)) return;
        if (transfer.to !== undefined && !sameNick(transfer.to, from)) return;
        if (stream !== undefined) stream.state = "rejected";
        const reason = body.reason;
        this.#tell(
          transfer,
          "rejected",
          t("file.rejected_out", this.#words(transfer, from)),
          reason,
          from,
        );
        if (transfer.to !== undefined) this.#endOutgoing(transfer, "rejected");
        else this.#maybeDone(transfer);
        return;
      }
      case "file-cancel":
        if (stream === undefined || FINISHED.has(stream.state)) return;
        this.#endStream(
          transfer,
          stream,
          body.reason === undefined || body.reason === "cancelled" ? "cancelled" : "failed",
          body.reason === undefined
            ? t("file.cancelled_out", this.#words(transfer, from))
            : t("file.failed_out", {
              ...this.#words(transfer, from),
              reason: whyText(body.reason),
            }),
          body.reason,
        );
        return;
      case "file-done": {
        if (stream === undefined || FINISHED.has(stream.state)) return;
        stream.state = "done";
        this.#clearTimer(stream);
        stream.progress.bytes = transfer.offer.size;
        const event = this.#event(
          transfer,
          "delivered",
          t("file.delivered", this.#words(transfer, from)),
          undefined,
          from,
        );
        event.bytes = transfer.offer.size;
        this.#link.show(event);
        this.#maybeDone(transfer);
        return;
      }
    }
  }

  /** Sends chunks while the window has room. */
  #pump(transfer: Outgoing, stream: Stream): void {
    if (stream.pumping) return;
    stream.pumping = true;
    void this.#pumpNow(transfer, stream).finally(() => stream.pumping = false);
  }

  async #pumpNow(transfer: Outgoing, stream: Stream): Promise<void> {
    const { offer } = transfer;
    while (
      stream.state === "moving" && !stream.waiting && this.#link.connected() &&
      stream.sent < offer.chunks && stream.sent - stream.acked < this.#window &&
      transfer.handle !== undefined
    ) {
      const left = stream.pausedUntil - performance.now();
      if (left > 0) return this.#pauseStream(transfer, stream, left);
      const i = stream.sent;
      let bytes: Uint8Array;
      try {
        bytes = await readChunk(transfer.handle, offer, i);
      } catch (error) {
        if (FINISHED.has(transfer.state)) return;
        return this.#sendProblem(transfer, error);
      }
      if (stream.sent !== i || stream.state !== "moving") continue; // went back meanwhile
      const message: MessageOf<ClientMessage, "chunk"> = {
        t: "chunk",
        file: offer.file,
        i,
        to: stream.nick,
        body: fernetEncrypt(this.#key, bytes, { now: Math.max(0, this.#clock()) }),
      };
      if (i === offer.chunks - 1) message.last = true;
      if (!this.#link.send(message)) {
        // Our own queue is full, or the connection went: try again shortly (or on reconnect).
        if (this.#link.connected()) this.#pauseStream(transfer, stream, QUEUE_FULL_RETRY_MS);
        return;
      }
      if (stream.sent === i) stream.sent = i + 1;
    }
  }

  #pauseStream(transfer: Outgoing, stream: Stream, ms: number): void {
    stream.pausedUntil = Math.max(stream.pausedUntil, performance.now() + ms);
    if (stream.timer !== undefined) return;
    stream.timer = setTimeout(() => {
      stream.timer = undefined;
      this.#pump(transfer, stream);
    }, Math.max(1, stream.pausedUntil - performance.now()));
  }

  #clearTimer(stream: Stream): void {
    clearTimeout(stream.timer);
    stream.timer = undefined;
  }

  #sendProblem(transfer: Outgoing, error: unknown): void {
    for (const stream of transfer.streams.values()) {
      if (FINISHED.has(stream.state)) continue;
      stream.state = "failed";
      this.#signal({ kind: "file-cancel", file: transfer.offer.file, reason: "disk" }, stream.nick);
    }
    this.#endOutgoing(transfer, "failed");
    this.#tell(
      transfer,
      "failed",
      t("file.failed_out", {
        ...this.#words(transfer, transfer.to),
        reason: t("file.why_disk", { problem: problemOf(error) }),
      }),
      "disk",
    );
  }

  #endStream(
    transfer: Outgoing,
    stream: Stream,
    state: TransferState,
    text: string,
    reason?: string,
  ): void {
    stream.state = state;
    this.#clearTimer(stream);
    this.#tell(transfer, state === "cancelled" ? "cancelled" : "failed", text, reason, stream.nick);
    if (transfer.to !== undefined) this.#endOutgoing(transfer, state);
    else this.#maybeDone(transfer);
  }

  /** A private offer is over when its one stream is; a public one stays open for more takers. */
  #maybeDone(transfer: Outgoing): void {
    if (transfer.to === undefined) {
      this.#settled();
      return;
    }
    const streams = [...transfer.streams.values()];
    if (streams.length > 0 && streams.every((stream) => FINISHED.has(stream.state))) {
      this.#endOutgoing(transfer, streams.some((s) => s.state === "done") ? "done" : "failed");
    }
  }

  #endOutgoing(transfer: Outgoing, state: TransferState): void {
    if (FINISHED.has(transfer.state)) return;
    transfer.state = state;
    for (const stream of transfer.streams.values()) {
      this.#clearTimer(stream);
      if (!FINISHED.has(stream.state)) stream.state = state;
    }
    const handle = transfer.handle;
    transfer.handle = undefined;
    void handle?.close().catch(() => {});
    this.#settled();
  }

  // ---- progress -------------------------------------------------------------------

  #progressed(transfer: Transfer, progress: Progress, bytes: number, stream?: Stream): void {
    const now = performance.now();
    progress.bytes = bytes;
    progress.meter.add(now, bytes);
    const size = transfer.offer.size;
    const tenths = size === 0 ? 10 : Math.floor((bytes * 10) / size);
    if (tenths > progress.tenths) {
      progress.tenths = tenths;
      this.#tellProgress(transfer, progress, true, stream);
    }
  }

  #tellProgress(transfer: Transfer, progress: Progress, step: boolean, stream?: Stream): void {
    progress.lastToldAt = performance.now();
    progress.toldBytes = progress.bytes;
    const { size } = transfer.offer;
    const rate = progress.meter.rate;
    const percent = size === 0 ? 100 : Math.floor((progress.bytes * 100) / size);
    const etaMs = rate > 0 ? ((size - progress.bytes) * 1000) / rate : undefined;
    const peer = transfer.direction === "in" ? transfer.from : stream?.nick;
    const words = {
      ...this.#words(transfer, peer),
      percent: String(percent),
      done: sizeText(progress.bytes),
      rate: sizeText(Math.round(rate)),
      left: etaMs === undefined ? "?" : duration(etaMs),
    };
    const event = this.#event(
      transfer,
      "progress",
      transfer.direction === "in" ? t("file.progress_in", words) : t("file.progress_out", words),
      undefined,
      peer,
    );
    event.bytes = progress.bytes;
    event.rate = Math.round(rate);
    if (etaMs !== undefined) event.etaMs = Math.round(etaMs);
    event.percent = percent;
    if (step) event.step = true;
    this.#link.show(event);
  }

  /** Progress now and then while bytes move, and the stall check of our streams. */
  #tick = (): void => {
    const now = performance.now();
    let active = false;
    for (const transfer of this.#byRef.values()) {
      if (FINISHED.has(transfer.state)) continue;
      if (transfer.direction === "in") {
        if (transfer.state !== "moving") continue;
        active = true;
        this.#maybeTell(transfer, transfer.progress, now);
        continue;
      }
      for (const stream of transfer.streams.values()) {
        if (stream.state !== "moving") continue;
        active = true;
        this.#maybeTell(transfer, stream.progress, now, stream);
        if (
          stream.sent > stream.acked && !stream.waiting && now - stream.lastAckAt >= this.#stallMs
        ) {
          // Nothing heard for a while: what was sent may be lost; go back.
          stream.sent = stream.acked;
          stream.lastAckAt = now;
          this.#pump(transfer, stream);
        }
      }
    }
    if (!active) this.#stopTicker();
  };

  #maybeTell(transfer: Transfer, progress: Progress, now: number, stream?: Stream): void {
    if (progress.bytes === progress.toldBytes) return;
    if (now - progress.lastToldAt < PROGRESS_EVERY_MS) return;
    this.#tellProgress(transfer, progress, false, stream);
  }

  #startTicker(): void {
    if (this.#ticker !== undefined || this.#closed) return;
    this.#ticker = setInterval(this.#tick, PROGRESS_EVERY_MS);
  }

  #stopTicker(): void {
    clearInterval(this.#ticker);
    this.#ticker = undefined;
  }

  // ---- telling ---------------------------------------------------------------------

  /** The words every file line uses. */
  #words(transfer: Transfer, peer?: string): Record<"ref" | "name" | "size" | "nick", string> {
    return {
      ref: String(transfer.ref),
      name: transfer.offer.name,
      size: sizeText(transfer.offer.size),
      nick: transfer.direction === "in" ? transfer.from : peer ?? transfer.to ?? t("file.everyone"),
    };
  }

  #offerProblem(offer: FileOffer, problem: OfferProblem): string {
    switch (problem) {
      case "name":
        return t("file.why_name");
      case "size":
        return offer.size < 0
          ? t("file.why_chunks")
          : t("file.why_size", { size: sizeText(offer.size), max: sizeText(this.#maxFileBytes) });
      case "chunk-size":
        return t("file.why_chunk_size");
      case "chunks":
        return t("file.why_chunks");
      case "hash":
        return t("file.why_hash");
    }
  }

  #event(
    transfer: Transfer,
    code: FileEventCode,
    text: string,
    reason?: string,
    peer?: string,
  ): FileEvent {
    const event: FileEvent = {
      type: "file",
      code,
      ts: this.#clock(),
      self: transfer.direction === "out",
      ref: transfer.ref,
      file: transfer.offer.file,
      name: transfer.offer.name,
      size: transfer.offer.size,
      direction: transfer.direction,
      text,
    };
    const who = transfer.direction === "in" ? transfer.from : peer ?? transfer.to;
    if (who !== undefined) event.peer = who;
    if (reason !== undefined) event.reason = reason;
    return event;
  }

  #tell(
    transfer: Transfer,
    code: FileEventCode,
    text: string,
    reason?: string,
    peer?: string,
  ): void {
    this.#link.show(this.#event(transfer, code, text, reason, peer));
  }

  /** A control body to one member; a connection already leaving just drops it. */
  #signal(body: FileBody, to: string): void {
    try {
      this.#link.say(body, to);
    } catch (error) {
      log.debug("Cannot tell {kind}: {error}", { kind: body.kind, error });
    }
  }

  #settled(): void {
    for (const waiter of [...this.#waiters]) waiter();
  }

  // ---- bookkeeping -----------------------------------------------------------------

  #remember(transfer: Transfer): void {
    this.#byFile.set(transfer.offer.file, transfer);
    this.#byRef.set(transfer.ref, transfer);
    if (this.#byRef.size <= MAX_REMEMBERED) return;
    for (const old of this.#byRef.values()) {
      if (this.#byRef.size <= MAX_REMEMBERED) break;
      if (FINISHED.has(old.state) || (old.direction === "in" && old.state === "offered")) {
        this.#forget(old);
      }
    }
  }

  #forget(transfer: Transfer): void {
    this.#byFile.delete(transfer.offer.file);
    this.#byRef.delete(transfer.ref);
  }

  /** The transfer a person named: its number, or its file id. @throws {ChatError} */
  #find(ref: string): Transfer {
    const word = ref.trim().replace(/^#/, "");
    const byRef = /^\d{1,9}$/.test(word) ? this.#byRef.get(Number(word)) : undefined;
    const transfer = byRef ?? this.#byFile.get(word);
    if (transfer === undefined) {
      throw new ChatError("file", t("file.no_such_transfer", { ref: word }));
    }
    return transfer;
  }
}

/** A transfer's state in words. */
function stateText(state: TransferState): string {
  switch (state) {
    case "offered":
      return t("file.state_offered");
    case "moving":
      return t("file.state_moving");
    case "checking":
      return t("file.state_checking");
    case "done":
      return t("file.state_done");
    case "rejected":
      return t("file.state_rejected");
    case "cancelled":
      return t("file.state_cancelled");
    case "failed":
      return t("file.state_failed");
  }
}

/** Why a transfer broke, from its code. */
function whyText(code: string): string {
  switch (code) {
    case "range":
      return t("file.why_range");
    case "unreadable":
      return t("file.why_unreadable");
    case "length":
      return t("file.why_length");
    case "mismatch":
      return t("file.why_mismatch");
    case "disk":
      return t("file.why_their_disk");
    case "unknown":
    case "cancelled":
      return t("file.why_gone");
    default:
      return code;
  }
}

/** A server's refusal of our offer or chunks, in words. */
function refusalText(code: string, to: string | undefined): string {
  switch (code) {
    case "no-such-nick":
      return t("file.why_not_here", { nick: to ?? "?" });
    case "file-size":
      return t("file.why_server_size");
    case "muted":
      return t("chat.you_are_muted");
    default:
      return code;
  }
}

function problemOf(error: unknown): string {
  if (error instanceof Deno.errors.NotFound) return t("file.problem_not_found");
  if (error instanceof Deno.errors.PermissionDenied) return t("file.problem_permission");
  const code = (error as { code?: unknown } | null)?.code;
  if (code === "ENOENT") return t("file.problem_not_found");
  if (code === "EACCES" || code === "EPERM") return t("file.problem_permission");
  if (code === "ENOSPC") return t("file.problem_full");
  return error instanceof Error ? error.message : String(error);
}

/** SHA-256 of the first `size` bytes, hex, read in big slices. */
async function hashOf(handle: FileHandle, size: number): Promise<string> {
  const hash = createHash("sha256");
  const buffer = new Uint8Array(Math.min(Math.max(size, 1), 1024 * 1024));
  let position = 0;
  while (position < size) {
    const { bytesRead } = await handle.read(
      buffer,
      0,
      Math.min(buffer.length, size - position),
      position,
    );
    if (bytesRead === 0) break;
    hash.update(buffer.subarray(0, bytesRead));
    position += bytesRead;
  }
  return hash.digest("hex");
}

/** Chunk `i` of the offer, read at its position (short only if the file shrank). */
async function readChunk(handle: FileHandle, offer: FileOffer, i: number): Promise<Uint8Array> {
  const length = chunkLength(offer, i);
  const buffer = new Uint8Array(length);
  let read = 0;
  while (read < length) {
    const { bytesRead } = await handle.read(
      buffer,
      read,
      length - read,
      i * offer.chunkSize + read,
    );
    if (bytesRead === 0) break;
    read += bytesRead;
  }
  return read === length ? buffer : buffer.subarray(0, read);
}
