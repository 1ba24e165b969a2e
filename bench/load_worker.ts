/**
 * One load-generating process: a block of real clients — TLS 1.3 through
 * `net`'s `dialTls`, the real handshake (`dialHandshake`) for stealth, real
 * Fernet bodies — that send at a scheduled rate and count everything they
 * receive: deliveries, latency from the send time in each message id, and
 * per sender what was lost, duplicated or out of order.
 *
 * Bodies come from a pool of 64 Fernet tokens made at start: encrypting
 * each message (≈ 23 µs) would make the load generator the bottleneck long
 * before the server, and the server relays the token without reading it.
 *
 * Spoken to in JSON lines (see `bench_child.ts`), one command at a time,
 * none of them blocking: `start`, `join`, `step`, `count`, `collect`,
 * `final`. It exits when its stdin closes.
 *
 * @module
 */

import { authKey as deriveAuthKey, fernetEncrypt, SecretKey } from "../crypto/mod.ts";
import { dialHandshake, dialTls, type FramedConnection } from "../net/mod.ts";
import {
  DEFAULT_MAX_FRAME_BYTES,
  encodeBody,
  encodeMessage,
  PING_INTERVAL_MS,
} from "../protocol/mod.ts";
import { emit, readCommands } from "./bench_child.ts";
import { LatencyHistogram } from "./latency_histogram.ts";
import { formatMessageId, isMsgPayload, type MessageId, readMessageId } from "./message_id.ts";
import { senderOf } from "./sender_of.ts";

/** What a worker is told at `start`. */
export interface WorkerConfig {
  /** Which server: the real one (handshake, `say`) or the baseline relay (TLS and frames only). */
  target: "stealth" | "baseline";
  /** The server's port on 127.0.0.1. */
  port: number;
  /** The circle CA, to trust the server's certificate. */
  caPem: string;
  /** The circle key, base64: for the handshake's proofs and the Fernet bodies. */
  key: string;
  /** Global index of this worker's first client. */
  firstClient: number;
  /** Clients in this worker. */
  clients: number;
  /** Clients in the whole run. */
  totalClients: number;
  /** Senders in the whole run, spread evenly over the clients. */
  totalSenders: number;
  /** Plaintext bytes of each message body. */
  size: number;
  /** Dials in flight at once in this worker. */
  joinConcurrency: number;
}

/** Tokens in the pool each worker sends from. */
const TOKEN_POOL = 64;
/** A sender whose outbound queue holds more than this skips its turn (counted as blocked). */
const SENDER_QUEUE_LIMIT = 256 * 1024;
/** Most messages one sender catches up on in one tick, so a late tick cannot flood. */
const MAX_CATCH_UP = 256;
/** Most gaps remembered per run; beyond it, a late arrival counts as a duplicate. */
const MAX_MISSING = 1_000_000;

interface Client {
  index: number;
  conn: FramedConnection | undefined;
  sender: number;
  nick: string;
}

interface Sender {
  client: Client;
  sender: number;
  phase: number;
  /** Sequence number of the next message, over the whole run. */
  seq: number;
  /** Messages sent in the current step. */
  sentInStep: number;
}

let config: WorkerConfig;
let clients: Client[] = [];
let senders: Sender[] = [];
let tokens: string[] = [];
let auth: Uint8Array | undefined;
let quitting = false;

// Receiving.
const id: MessageId = { step: 0, sender: 0, seq: 0, sentMicros: 0 };
let nextSeq = new Int32Array(0);
let uniqueBySender = new Float64Array(0);
const missing = new Map<number, Set<number>>();
let missingCount = 0;
let received = 0;
let duplicated = 0;
let outOfOrder = 0;
let bad = 0;
let dropped = 0;
const dropReasons: Record<string, number> = {};
let windowStart = Infinity;
let windowEnd = -Infinity;
let windowReceived = 0;
/** Step ids a run may use (every try of every step, and the warm-up); ids naming others are bad. */
const MAX_STEPS = 256;
const histograms: LatencyHistogram[] = Array.from(
  { length: MAX_STEPS },
  () => new LatencyHistogram(),
);
const deliveredByStep = new Float64Array(MAX_STEPS);

/**
 * The arrival time of the frames being delivered now, read once per socket
 * read rather than once per frame: every frame of one read arrived together.
 * A microtask clears it after the read's frames were handed out.
 */
let arrival = 0;
const clearArrival = () => {
  arrival = 0;
};
function arrivalTime(): number {
  if (arrival === 0) {
    arrival = performance.timeOrigin + performance.now();
    queueMicrotask(clearArrival);
  }
  return arrival;
}

function onPayload(local: number, payload: Uint8Array): void {
  if (!isMsgPayload(payload)) return;
  if (!readMessageId(payload, id)) {
    bad++;
    return;
  }
  const { step, sender, seq } = id;
  if (sender >= config.totalSenders || step >= MAX_STEPS) {
    bad++;
    return;
  }
  const now = arrivalTime();
  received++;
  if (now >= windowStart && now < windowEnd) windowReceived++;
  histograms[step]!.record(now * 1000 - id.sentMicros);
  deliveredByStep[step]!++;
  const slot = local * config.totalSenders + sender;
  const expected = nextSeq[slot]!;
  if (seq === expected) {
    nextSeq[slot] = seq + 1;
    uniqueBySender[sender]!++;
  } else if (seq > expected) {
    let gaps = missing.get(slot);
    if (gaps === undefined) {
      gaps = new Set();
      missing.set(slot, gaps);
    }
    for (let s = expected; s < seq && missingCount < MAX_MISSING; s++) {
      gaps.add(s);
      missingCount++;
    }
    nextSeq[slot] = seq + 1;
    uniqueBySender[sender]!++;
  } else if (missing.get(slot)?.delete(seq)) {
    missingCount--;
    outOfOrder++;
    uniqueBySender[sender]!++;
  } else {
    duplicated++;
  }
}

function onClosed(reason: string): void {
  if (quitting) return;
  dropped++;
  dropReasons[reason] = (dropReasons[reason] ?? 0) + 1;
}

// ---- joining ---------------------------------------------------------------

async function join(): Promise<void> {
  const histogram = new LatencyHistogram();
  /** The TCP connect and TLS handshake alone. */
  const tlsHistogram = new LatencyHistogram();
  const errors: string[] = [];
  let failed = 0;
  let next = 0;
  let firstStart = Infinity;
  let lastEnd = 0;
  const joinOne = async (client: Client): Promise<void> => {
    const started = performance.now();
    firstStart = Math.min(firstStart, performance.timeOrigin + started);
    const conn = await dialTls({ hostname: "127.0.0.1", port: config.port, caPem: config.caPem });
    tlsHistogram.record((performance.now() - started) * 1000);
    if (config.target === "stealth") {
      await dialHandshake(conn, { role: "server", authKey: auth!, nick: client.nick });
    } else {
      conn.setMaxFrameBytes(DEFAULT_MAX_FRAME_BYTES);
    }
    const local = client.index - config.firstClient;
    conn.onFrame = (payload) => onPayload(local, payload);
    conn.onClose = (reason) => onClosed(reason);
    conn.resume();
    client.conn = conn;
    const ended = performance.now();
    lastEnd = Math.max(lastEnd, performance.timeOrigin + ended);
    histogram.record((ended - started) * 1000);
  };
  const lane = async (): Promise<void> => {
    while (next < clients.length) {
      const client = clients[next++]!;
      try {
        await joinOne(client);
      } catch (error) {
        failed++;
        if (errors.length < 5) errors.push(error instanceof Error ? error.message : String(error));
      }
    }
  };
  const lanes = Array.from({ length: Math.max(1, config.joinConcurrency) }, lane);
  await Promise.all(lanes);
  emit({
    ev: "joined",
    joined: clients.length - failed,
    failed,
    errors,
    histogram: histogram.toJSON(),
    tlsHistogram: tlsHistogram.toJSON(),
    firstStart,
    lastEnd,
  });
}

// ---- sending ---------------------------------------------------------------

function frameFor(sender: Sender, step: number, token: string): Uint8Array {
  const messageId = formatMessageId({
    step,
    sender: sender.sender,
    seq: sender.seq,
    sentMicros: Math.round((performance.timeOrigin + performance.now()) * 1000),
  });
  if (config.target === "stealth") {
    return encodeMessage({ t: "say", id: messageId, body: token });
  }
  // The baseline relays what it is given: send what stealth's members receive, a `msg`.
  return encodeMessage({
    t: "msg",
    seq: 100_000_000 + (sender.seq % 100_000_000),
    ts: Date.now(),
    from: sender.client.nick,
    id: messageId,
    body: token,
  });
}

function runStep(step: number, start: number, seconds: number, perSender: number): void {
  windowStart = start;
  windowEnd = start + seconds * 1000;
  windowReceived = 0;
  for (const sender of senders) sender.sentInStep = 0;
  let sent = 0;
  let blocked = 0;
  let token = 0;
  const end = windowEnd;
  const dueAt = (sender: Sender, now: number) =>
    Math.floor(((Math.min(now, end) - start) / 1000) * perSender + sender.phase);
  const tick = () => {
    const now = performance.timeOrigin + performance.now();
    if (now >= start && perSender > 0) {
      for (const sender of senders) {
        const conn = sender.client.conn;
        if (conn === undefined || conn.closed) continue;
        let due = dueAt(sender, now) - sender.sentInStep;
        if (due <= 0) continue;
        if (conn.queuedBytes > SENDER_QUEUE_LIMIT) continue;
        due = Math.min(due, MAX_CATCH_UP);
        for (let i = 0; i < due; i++) {
          const frame = frameFor(sender, step, tokens[token++ % tokens.length]!);
          if (!conn.send(frame)) break;
          sender.seq++;
          sender.sentInStep++;
          sent++;
        }
      }
    }
    if (now < end) {
      setTimeout(tick, now < start ? Math.max(1, Math.min(50, start - now - 1)) : 1);
      return;
    }
    let scheduled = 0;
    for (const sender of senders) {
      const due = perSender > 0 ? dueAt(sender, end) : 0;
      scheduled += due;
      blocked += Math.max(0, due - sender.sentInStep);
    }
    emit({ ev: "sent", step, sent, scheduled, blocked });
  };
  tick();
}

// ---- commands ---------------------------------------------------------------

function start(command: Record<string, unknown>): void {
  config = command.config as WorkerConfig;
  const key = new SecretKey(Uint8Array.from(atob(config.key), (c) => c.charCodeAt(0)));
  auth = deriveAuthKey(key);
  const text = "x".repeat(Math.max(0, config.size - encodeBody({ kind: "text", text: "" }).length));
  tokens = Array.from(
    { length: TOKEN_POOL },
    () => fernetEncrypt(key, encodeBody({ kind: "text", text })),
  );
  clients = [];
  senders = [];
  for (let i = 0; i < config.clients; i++) {
    const index = config.firstClient + i;
    const client: Client = {
      index,
      conn: undefined,
      sender: senderOf(index, config.totalClients, config.totalSenders),
      nick: `m${index}`,
    };
    clients.push(client);
    if (client.sender >= 0) {
      // Golden-ratio phases spread the senders' sends over each period.
      senders.push({
        client,
        sender: client.sender,
        phase: (client.sender * 0.6180339887) % 1,
        seq: 0,
        sentInStep: 0,
      });
    }
  }
  nextSeq = new Int32Array(config.clients * config.totalSenders);
  uniqueBySender = new Float64Array(config.totalSenders);
  if (config.target === "stealth") startPinging();
  emit({ ev: "ready", senders: senders.length });
}

/** A real client pings every 15 s; a silent one would be dropped after 45 s. */
function startPinging(): void {
  let at = 0;
  const slice = Math.max(1, Math.ceil(clients.length / (PING_INTERVAL_MS / 1000)));
  setInterval(() => {
    for (let i = 0; i < slice && clients.length > 0; i++) {
      const conn = clients[at++ % clients.length]!.conn;
      conn?.send(encodeMessage({ t: "ping", ts: Date.now() }));
    }
  }, 1000);
}

/**
 * What this worker received, per sender, and what its own senders sent: the
 * coordinator adds up every worker's senders to know what each client should
 * have got.
 */
function finalCounts(): Record<string, unknown> {
  return {
    ev: "final",
    clients: config.clients,
    unique: Array.from(uniqueBySender),
    sent: senders.map((sender) => [sender.sender, sender.seq]),
    received,
    duplicated,
    outOfOrder,
    bad,
    dropped,
    dropReasons,
    missingTracked: missingCount,
  };
}

await readCommands((command) => {
  switch (command.cmd) {
    case "start":
      start(command);
      return;
    case "join":
      void join();
      return;
    case "step":
      runStep(
        Number(command.step),
        Number(command.start),
        Number(command.seconds),
        Number(command.perSender),
      );
      return;
    case "count":
      emit({
        ev: "count",
        received,
        windowReceived,
        step: deliveredByStep[Number(command.step)] ?? 0,
        dropped,
      });
      return;
    case "collect": {
      const step = Number(command.step);
      emit({
        ev: "collected",
        step,
        windowReceived,
        delivered: deliveredByStep[step] ?? 0,
        histogram: (histograms[step] ?? new LatencyHistogram()).toJSON(),
      });
      return;
    }
    case "final":
      emit(finalCounts());
      return;
  }
});
quitting = true;
Deno.exit(0);
