/**
 * Fakes for room tests: links that record frames, a clock the test moves,
 * deterministic session ids, and a stand-in for the glue's resume.
 *
 * @module
 */

import assert from "node:assert/strict";
import { decodeServerMessage, type RoomEvent, type ServerMessage } from "../../protocol/mod.ts";
import type { MemberLink } from "../../server/room.ts";

/** Decodes one whole frame (length header included). */
export function decodeFrame(frame: Uint8Array): ServerMessage {
  return decodeServerMessage(frame.subarray(4));
}

/** A link that records what it is sent; `alive = false` makes it refuse frames. */
export class FakeLink implements MemberLink {
  frames: Uint8Array[] = [];
  alive = true;
  closed: { code: string; detail: string | undefined } | undefined;

  deliver(frame: Uint8Array): boolean {
    if (!this.alive) return false;
    this.frames.push(frame);
    return true;
  }

  disconnect(code: string, detail?: string): void {
    assert.equal(this.closed, undefined, "disconnected twice");
    this.closed = { code, detail };
    this.alive = false;
  }

  /** Every frame decoded. */
  messages(): ServerMessage[] {
    return this.frames.map(decodeFrame);
  }

  /** The room events among the frames. */
  events(): RoomEvent[] {
    return this.messages().filter((m): m is RoomEvent => "seq" in m && "ts" in m);
  }

  /** Seqs of the room events received. */
  seqs(): number[] {
    return this.events().map((e) => e.seq);
  }

  /** Forgets what was recorded so far. */
  clear(): void {
    this.frames = [];
  }
}

/** A clock the test moves by hand. */
export class FakeClock {
  now = 1_700_000_000_000;
  readonly read = (): number => this.now;

  advance(ms: number): void {
    this.now += ms;
  }
}

/** Session ids 43 characters long, in order. */
export function sessionIds(): () => string {
  let n = 0;
  return () => `session${String(++n).padStart(36, "0")}`;
}

/** A Fernet-looking token, distinct for each `n`. */
export function token(n: number | string): string {
  return `gAAAAAB${n}`.replaceAll(/[^A-Za-z0-9_-]/g, "x");
}

/** Where a connection came from. */
export const INFO = { host: false, address: "192.0.2.1" } as const;

/** What the glue does on a resume: deliver the replay to the link (after its `ok`). */
export function deliverReplay(link: FakeLink, replay: readonly Uint8Array[]): void {
  for (const frame of replay) link.deliver(frame);
}
