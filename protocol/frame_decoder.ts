/**
 * Splits a byte stream into frames: a 4-byte big-endian length N, then N
 * bytes. Fed arbitrary chunks, does no I/O, and checks N against the limit
 * before it allocates anything, so a peer can never make it grow past one
 * frame.
 *
 * @module
 */

import { DEFAULT_MAX_FRAME_BYTES, FRAME_HEADER_BYTES } from "./constants.ts";
import { ProtocolError } from "./protocol_error.ts";

/**
 * A streaming frame splitter. `push()` a chunk, get back the complete frame
 * payloads it finished (possibly none). Payloads are views into the chunks
 * when a frame fits inside one chunk, so they must be consumed before the
 * caller reuses its buffers.
 */
export class FrameDecoder {
  #max: number;
  /** Bytes of the frame being assembled, when it spans chunks. */
  #partial: Uint8Array | undefined;
  #filled = 0;
  /** Header bytes seen so far when a header spans chunks; made the first time one does. */
  #header: Uint8Array | undefined;
  #headerFilled = 0;

  /** A decoder refusing frames longer than `maxFrameBytes`. */
  constructor(maxFrameBytes: number = DEFAULT_MAX_FRAME_BYTES) {
    this.#max = maxFrameBytes;
  }

  /** The largest payload accepted now. */
  get maxFrameBytes(): number {
    return this.#max;
  }

  /** Changes the limit (e.g. raised after the handshake). */
  set maxFrameBytes(value: number) {
    this.#max = value;
  }

  /** Bytes held for a frame not yet complete: never more than the limit plus a header. */
  get buffered(): number {
    return this.#headerFilled + this.#filled;
  }

  /**
   * Feeds one chunk; returns the payloads it completed.
   *
   * @throws {ProtocolError} "frame-size" for a zero or too-long length; the
   *   decoder must then be dropped with its connection.
   */
  push(chunk: Uint8Array): Uint8Array[] {
    const out: Uint8Array[] = [];
    let offset = 0;
    while (offset < chunk.length) {
      if (this.#partial === undefined) {
        let length: number;
        if (this.#headerFilled === 0 && chunk.length - offset >= FRAME_HEADER_BYTES) {
          length = readLength(chunk, offset);
          offset += FRAME_HEADER_BYTES;
        } else {
          const take = Math.min(FRAME_HEADER_BYTES - this.#headerFilled, chunk.length - offset);
          const header = this.#header ??= new Uint8Array(FRAME_HEADER_BYTES);
          header.set(chunk.subarray(offset, offset + take), this.#headerFilled);
          this.#headerFilled += take;
          offset += take;
          if (this.#headerFilled < FRAME_HEADER_BYTES) break;
          this.#headerFilled = 0;
          length = readLength(header, 0);
        }
        this.#check(length);
        if (chunk.length - offset >= length) {
          out.push(chunk.subarray(offset, offset + length));
          offset += length;
          continue;
        }
        this.#partial = new Uint8Array(length);
        this.#filled = 0;
      }
      const partial = this.#partial;
      const take = Math.min(partial.length - this.#filled, chunk.length - offset);
      partial.set(chunk.subarray(offset, offset + take), this.#filled);
      this.#filled += take;
      offset += take;
      if (this.#filled === partial.length) {
        out.push(partial);
        this.#partial = undefined;
        this.#filled = 0;
      }
    }
    return out;
  }

  #check(length: number): void {
    if (length === 0 || length > this.#max) {
      throw new ProtocolError(
        "frame-size",
        `Cannot read frame: length ${length} is outside 1..${this.#max}`,
      );
    }
  }
}

function readLength(bytes: Uint8Array, at: number): number {
  return ((bytes[at]! << 24) | (bytes[at + 1]! << 16) | (bytes[at + 2]! << 8) | bytes[at + 3]!) >>>
    0;
}

/** Puts the 4-byte length in front of a payload. */
export function encodeFrame(payload: Uint8Array): Uint8Array {
  const frame = new Uint8Array(FRAME_HEADER_BYTES + payload.length);
  writeLength(frame, payload.length);
  frame.set(payload, FRAME_HEADER_BYTES);
  return frame;
}

/** Writes a frame length into the first 4 bytes of `target`. */
export function writeLength(target: Uint8Array, length: number): void {
  target[0] = (length >>> 24) & 0xff;
  target[1] = (length >>> 16) & 0xff;
  target[2] = (length >>> 8) & 0xff;
  target[3] = length & 0xff;
}
