/**
 * What every bench message carries in its `id`: the ramp step it was sent
 * in, the sender's index, the sender's sequence number and the send time in
 * µs since the epoch (`performance.timeOrigin + performance.now()`, which is
 * comparable across processes on one machine). Receivers read it straight
 * from the frame bytes — no UTF-8 decode, no JSON parse, no allocation — so
 * counting a delivery costs the load generator as little as possible.
 *
 * @module
 */

/** The fields of a bench message id. */
export interface MessageId {
  /** Ramp step the message was sent in. */
  step: number;
  /** Index of the sending client. */
  sender: number;
  /** The sender's sequence number, from 0, over the whole run. */
  seq: number;
  /** Send time, µs since the epoch. */
  sentMicros: number;
}

/** The id text of a bench message: `step.sender.seq.sentMicros`. */
export function formatMessageId(id: MessageId): string {
  return `${id.step}.${id.sender}.${id.seq}.${id.sentMicros}`;
}

const QUOTE = 0x22;
const DOT = 0x2e;
const ZERO = 0x30;
const NINE = 0x39;
/** `"id":"` */
const ID_KEY = [0x22, 0x69, 0x64, 0x22, 0x3a, 0x22];
/** `{"t":"msg"` */
const MSG_PREFIX = [0x7b, 0x22, 0x74, 0x22, 0x3a, 0x22, 0x6d, 0x73, 0x67, 0x22];

/** Whether a frame payload is a `msg` (a stealth `msg` or a baseline frame, which copies its shape). */
export function isMsgPayload(payload: Uint8Array): boolean {
  if (payload.length < MSG_PREFIX.length) return false;
  for (let i = 0; i < MSG_PREFIX.length; i++) {
    if (payload[i] !== MSG_PREFIX[i]) return false;
  }
  return true;
}

/**
 * Reads the bench id out of a `msg` payload's JSON into `out`; false when
 * there is no `"id":"` field or it is not four dot-separated integers.
 */
export function readMessageId(payload: Uint8Array, out: MessageId): boolean {
  let at = findIdValue(payload);
  if (at < 0) return false;
  let field = 0;
  let value = 0;
  let digits = 0;
  for (; at < payload.length; at++) {
    const byte = payload[at]!;
    if (byte >= ZERO && byte <= NINE) {
      value = value * 10 + (byte - ZERO);
      if (++digits > 16) return false;
      continue;
    }
    if (digits === 0) return false;
    if (byte === DOT && field < 3) {
      store(out, field++, value);
    } else if (byte === QUOTE && field === 3) {
      store(out, field, value);
      return true;
    } else {
      return false;
    }
    value = 0;
    digits = 0;
  }
  return false;
}

function store(out: MessageId, field: number, value: number): void {
  switch (field) {
    case 0:
      out.step = value;
      return;
    case 1:
      out.sender = value;
      return;
    case 2:
      out.seq = value;
      return;
    default:
      out.sentMicros = value;
  }
}

/** Index just after `"id":"`, or -1. */
function findIdValue(payload: Uint8Array): number {
  const last = payload.length - ID_KEY.length;
  outer: for (let i = MSG_PREFIX.length; i <= last; i++) {
    for (let k = 0; k < ID_KEY.length; k++) {
      if (payload[i + k] !== ID_KEY[k]) continue outer;
    }
    return i + ID_KEY.length;
  }
  return -1;
}
