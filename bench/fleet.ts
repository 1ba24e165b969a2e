/**
 * One server under load: the server process (stealth's or the baseline
 * relay) and the load workers driving it, with the coordinator's side of
 * every step — schedule, measure `/proc` over the window, wait for the
 * deliveries to drain, merge what the workers counted.
 *
 * @module
 */

import { circleCA, issueLeaf } from "../certs/mod.ts";
import { SecretKey } from "../crypto/mod.ts";
import { BenchChild } from "./bench_child.ts";
import { LatencyHistogram } from "./latency_histogram.ts";
import type { WorkerConfig } from "./load_worker.ts";
import { cpuSeconds, machineCpu, memoryOf } from "./proc_stats.ts";

/** Which server a fleet drives. */
export type Target = "stealth" | "baseline";

/** Clients per load worker by default. */
export const CLIENTS_PER_WORKER = 250;
/**
 * Dials in flight at once over all workers: the listener drops the oldest
 * TLS handshake past 64 pending from one address, and everything here
 * comes from 127.0.0.1.
 */
export const JOIN_CONCURRENCY = 48;

/** Other processes may use this much of one core before a step starts (%). */
export const QUIET_PCT = 20;
/** Longest wait for the machine to be that quiet before a step starts anyway. */
export const QUIET_WAIT_MS = 30_000;
/** Most tries of one step while other processes keep the machine busy. */
export const STEP_TRIES = 3;

/** A circle for one bench run: a fresh key, its CA and a leaf for the baseline. */
export interface BenchCircle {
  /** The key, base64 (a throwaway key made for this run). */
  keyBase64: string;
  /** The circle CA as PEM. */
  caPem: string;
  /** A leaf for 127.0.0.1, for the baseline relay. */
  certPem: string;
  /** The leaf's key. */
  keyPem: string;
}

/** Makes a fresh circle for a bench run. */
export async function benchCircle(): Promise<BenchCircle> {
  const bytes = crypto.getRandomValues(new Uint8Array(32));
  const ca = await circleCA(new SecretKey(bytes));
  const leaf = await issueLeaf(ca, { sans: ["127.0.0.1"] });
  return {
    keyBase64: btoa(String.fromCharCode(...bytes)),
    caPem: ca.certPem,
    certPem: leaf.certPem,
    keyPem: leaf.keyPem,
  };
}

/** How a fleet is made. */
export interface FleetOptions {
  /** Which server. */
  target: Target;
  /** Its circle. */
  circle: BenchCircle;
  /** Clients. */
  clients: number;
  /** Senders among them. */
  senders: number;
  /** Plaintext bytes per message body. */
  size: number;
  /** Worker processes (default: one per 250 clients, at least 2, at most one per client). */
  workers?: number;
  /** The stealth server's flush scheduling. */
  flush?: "immediate" | "timer";
  /** The stealth server's flush pace, ms. */
  pace?: number;
  /** CPUs for the server and for the load workers (`taskset -c` lists); absent: no pinning. */
  cpus?: { server: string; load: string };
  /** Longest wait for a quiet machine before each step (default {@linkcode QUIET_WAIT_MS}); 0: no waits, no retries. */
  quietWaitMs?: number;
}

/** A server's memory. */
export interface ServerMemory {
  /** Resident now, bytes. */
  rss: number;
  /** Resident at the peak, bytes. */
  peak: number;
  /** JavaScript heap in use, bytes. */
  heapUsed: number;
  /** Memory outside the heap held by JavaScript objects (buffers), bytes. */
  external: number;
}

/** How the joins went. */
export interface JoinStats {
  /** Server CPU while the members joined, % of one core. */
  serverCpuPct: number;
  /** Load workers' CPU while the members joined, % of one core, summed. */
  loadCpuPct: number;
  /** Clients joined. */
  joined: number;
  /** Clients that failed to join. */
  failed: number;
  /** First errors, for the report. */
  errors: string[];
  /** From the first dial to the last join, over all workers (s). */
  seconds: number;
  /** Joins per second over that time. */
  perSecond: number;
  /** Time of one join (dial, TLS, handshake), ms. */
  p50Ms: number;
  /** 99th percentile of one join, ms. */
  p99Ms: number;
  /** Slowest join, ms. */
  maxMs: number;
  /** Of a join, the TCP connect and TLS handshake alone: median, ms. */
  tlsP50Ms: number;
  /** 99th percentile, ms. */
  tlsP99Ms: number;
}

/** What one step measured. */
export interface StepResult {
  /** Step number (0 is the unreported warm-up). */
  step: number;
  /** Tries it took to measure the step with the machine quiet enough (the quietest is reported). */
  tries: number;
  /** Offered deliveries per second. */
  offeredPerS: number;
  /** Deliveries that arrived during the step's window, per second. */
  deliveriesPerS: number;
  /** Messages the schedule asked the senders for. */
  scheduled: number;
  /** Messages the senders sent. */
  sent: number;
  /** Scheduled messages not sent: a sender's queue was full or its worker fell behind. */
  blocked: number;
  /** Deliveries of this step's messages after the drain, and how many were due. */
  delivered: number;
  /** Deliveries due for the messages sent. */
  due: number;
  /** Latency of this step's messages, ms. */
  p50Ms: number;
  /** 90th percentile, ms. */
  p90Ms: number;
  /** 99th percentile, ms. */
  p99Ms: number;
  /** Slowest, ms. */
  maxMs: number;
  /** Server process CPU over the window, % of one core. */
  serverCpuPct: number;
  /** All load workers' CPU over the window, % of one core. */
  loadCpuPct: number;
  /** The busiest load worker, % of one core. */
  busiestWorkerPct: number;
  /** Whole machine busy over the window, % of all cores. */
  machineBusyPct: number;
  /** CPU of other processes (not the bench's) over the window, % of one core: noise when above a few %. */
  otherCpuPct: number;
  /** Server CPU per delivery, µs (CPU time, so robust to other load on the machine). */
  serverUsPerDelivery: number;
  /** Load workers' CPU per delivery, µs. */
  loadUsPerDelivery: number;
  /** Connections the server dropped so far. */
  dropped: number;
}

/** Losses over a whole fleet run. */
export interface FinalCounts {
  /** Deliveries that should have happened. */
  expected: number;
  /** Deliveries of a message a client did not get. */
  lost: number;
  /** Deliveries of a message a client already had. */
  duplicated: number;
  /** Deliveries that came after a later message of the same sender. */
  outOfOrder: number;
  /** Frames that were not a well-formed bench message. */
  bad: number;
  /** Connections the server dropped (not closed by the client). */
  dropped: number;
  /** Why, by close reason. */
  dropReasons: Record<string, number>;
}

interface CountEvent {
  received: number;
  windowReceived: number;
  step: number;
  dropped: number;
}

/** A server process and its load workers. */
export class Fleet {
  readonly target: Target;
  readonly clients: number;
  readonly senders: number;
  readonly server: BenchChild;
  readonly workers: BenchChild[];
  readonly port: number;
  /** Step ids on the wire: each try of a step gets its own. */
  #nextId = 0;
  readonly #quietWaitMs: number;

  private constructor(
    options: FleetOptions,
    server: BenchChild,
    workers: BenchChild[],
    port: number,
  ) {
    this.target = options.target;
    this.clients = options.clients;
    this.senders = options.senders;
    this.server = server;
    this.workers = workers;
    this.port = port;
    this.#quietWaitMs = options.quietWaitMs ?? QUIET_WAIT_MS;
  }

  /** Starts the server and the workers (not yet joined). */
  static async start(options: FleetOptions): Promise<Fleet> {
    const { target, circle, clients, senders } = options;
    const script = new URL(
      target === "stealth" ? "./server_process.ts" : "./baseline_relay.ts",
      import.meta.url,
    );
    // BENCH_SERVER_FLAGS: extra deno flags for the server only (e.g. --inspect=127.0.0.1:9229).
    const serverFlags = Deno.env.get("BENCH_SERVER_FLAGS")?.split(" ").filter((f) => f !== "") ??
      [];
    const server = new BenchChild(`${target} server`, script, {
      denoFlags: ["--v8-flags=--expose-gc", ...serverFlags],
      ...(options.cpus ? { cpus: options.cpus.server } : {}),
    });
    let workers: BenchChild[] = [];
    try {
      await server.send(
        target === "stealth"
          ? {
            cmd: "start",
            key: circle.keyBase64,
            ...(options.flush ? { flush: options.flush } : {}),
            ...(options.pace !== undefined ? { pace: options.pace } : {}),
          }
          : { cmd: "start", certPem: circle.certPem, keyPem: circle.keyPem },
      );
      const { port } = await server.next<{ port: number }>("listening", 60_000);
      const count = Math.min(
        clients,
        options.workers ?? Math.max(2, Math.ceil(clients / CLIENTS_PER_WORKER)),
      );
      const concurrency = Math.max(1, Math.floor(JOIN_CONCURRENCY / count));
      const workerScript = new URL("./load_worker.ts", import.meta.url);
      workers = Array.from(
        { length: count },
        (_, i) =>
          new BenchChild(
            `load worker ${i}`,
            workerScript,
            options.cpus ? { cpus: options.cpus.load } : {},
          ),
      );
      await Promise.all(workers.map(async (worker, i) => {
        const mine = Math.floor(((i + 1) * clients) / count) - Math.floor((i * clients) / count);
        const config: WorkerConfig = {
          target,
          port,
          caPem: circle.caPem,
          key: circle.keyBase64,
          firstClient: Math.floor((i * clients) / count),
          clients: mine,
          totalClients: clients,
          totalSenders: senders,
          size: options.size,
          joinConcurrency: concurrency,
        };
        await worker.send({ cmd: "start", config });
        await worker.next("ready", 60_000);
      }));
      return new Fleet(options, server, workers, port);
    } catch (error) {
      server.kill();
      for (const worker of workers) worker.kill();
      throw error;
    }
  }

  /** Deliveries one message makes: stealth sends the sender its own copy, the baseline does not. */
  get receiversPerMessage(): number {
    return this.target === "stealth" ? this.clients : this.clients - 1;
  }

  /** Server resident memory now, after a full collection, and its JavaScript heap. */
  async serverMemory(): Promise<ServerMemory> {
    await this.server.send({ cmd: "gc" });
    const { heapUsed, external } = await this.server.next<{ heapUsed: number; external: number }>(
      "gc",
      30_000,
    );
    return { ...memoryOf(this.server.pid), heapUsed, external };
  }

  /** Joins every client, as fast as the workers' dial lanes go. */
  async join(): Promise<JoinStats> {
    const before = this.#cpuSnapshot();
    await Promise.all(this.workers.map((worker) => worker.send({ cmd: "join" })));
    const results = await Promise.all(
      this.workers.map((worker) =>
        worker.next<{
          joined: number;
          failed: number;
          errors: string[];
          histogram: { counts: number[]; max: number };
          tlsHistogram: { counts: number[]; max: number };
          firstStart: number;
          lastEnd: number;
        }>("joined", 120_000 + this.clients * 50)
      ),
    );
    const histogram = new LatencyHistogram();
    const tls = new LatencyHistogram();
    let joined = 0;
    let failed = 0;
    let firstStart = Infinity;
    let lastEnd = 0;
    const errors: string[] = [];
    for (const result of results) {
      histogram.merge(new LatencyHistogram(result.histogram.counts, result.histogram.max));
      tls.merge(new LatencyHistogram(result.tlsHistogram.counts, result.tlsHistogram.max));
      joined += result.joined;
      failed += result.failed;
      errors.push(...result.errors);
      firstStart = Math.min(firstStart, result.firstStart);
      lastEnd = Math.max(lastEnd, result.lastEnd);
    }
    const seconds = Math.max(0.001, (lastEnd - firstStart) / 1000);
    const after = this.#cpuSnapshot();
    const window = after.at - before.at;
    return {
      serverCpuPct: pct(after.server - before.server, window),
      loadCpuPct: pct(
        after.workers.reduce((sum, cpu, i) => sum + cpu - before.workers[i]!, 0),
        window,
      ),
      joined,
      failed,
      errors: errors.slice(0, 5),
      seconds: round(seconds, 3),
      perSecond: round(joined / seconds, 0),
      p50Ms: round(histogram.quantile(0.5) / 1000, 2),
      p99Ms: round(histogram.quantile(0.99) / 1000, 2),
      maxMs: round(histogram.max / 1000, 2),
      tlsP50Ms: round(tls.quantile(0.5) / 1000, 2),
      tlsP99Ms: round(tls.quantile(0.99) / 1000, 2),
    };
  }

  /**
   * Offers `deliveriesPerS` for `seconds`: measures CPU over the window,
   * then waits (at most `drainMs`) for the step's messages to arrive.
   */
  /**
   * Offers `deliveriesPerS` for `seconds` as step number `step`. A try
   * during which other processes used more than {@linkcode QUIET_PCT} of a
   * core is measured again, at most {@linkcode STEP_TRIES} times in all; the
   * result says how much they used.
   */
  async step(step: number, deliveriesPerS: number, seconds: number): Promise<StepResult> {
    let result: StepResult | undefined;
    const tries = this.#quietWaitMs > 0 ? STEP_TRIES : 1;
    for (let attempt = 1; attempt <= tries; attempt++) {
      await this.#waitForQuiet();
      const tried = await this.#try(this.#nextId++, deliveriesPerS, seconds);
      tried.step = step;
      tried.tries = attempt;
      if (result === undefined || tried.otherCpuPct < result.otherCpuPct) result = tried;
      if (tried.otherCpuPct < QUIET_PCT || tried.dropped > 0) break;
    }
    return result!;
  }

  async #try(
    step: number,
    deliveriesPerS: number,
    seconds: number,
    drainMs = 10_000,
  ): Promise<StepResult> {
    const messagesPerS = deliveriesPerS / Math.max(1, this.receiversPerMessage);
    const perSender = this.senders > 0 ? messagesPerS / this.senders : 0;
    const start = performance.timeOrigin + performance.now() + 150;
    await Promise.all(
      this.workers.map((worker) => worker.send({ cmd: "step", step, start, seconds, perSender })),
    );
    await sleepUntil(start);
    const before = this.#cpuSnapshot();
    await sleepUntil(start + seconds * 1000);
    const after = this.#cpuSnapshot();
    const sentEvents = await Promise.all(
      this.workers.map((worker) =>
        worker.next<{ sent: number; scheduled: number; blocked: number }>(
          "sent",
          30_000 + seconds * 1000,
        )
      ),
    );
    const sent = sentEvents.reduce((sum, e) => sum + e.sent, 0);
    const due = sent * this.receiversPerMessage;
    // Drain: until every delivery of this step arrived, or nothing moves for 1 s.
    const drainEnd = performance.now() + drainMs;
    let last = -1;
    let lastChange = performance.now();
    let counts: CountEvent[] = [];
    while (performance.now() < drainEnd) {
      counts = await this.#counts(step);
      const delivered = counts.reduce((sum, c) => sum + c.step, 0);
      if (delivered >= due) break;
      if (delivered !== last) {
        last = delivered;
        lastChange = performance.now();
      } else if (performance.now() - lastChange > 1_000) {
        break;
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const collected = await Promise.all(this.workers.map(async (worker) => {
      await worker.send({ cmd: "collect", step });
      return worker.next<{
        windowReceived: number;
        delivered: number;
        histogram: { counts: number[]; max: number };
      }>("collected", 30_000);
    }));
    const histogram = new LatencyHistogram();
    for (const c of collected) {
      histogram.merge(new LatencyHistogram(c.histogram.counts, c.histogram.max));
    }
    const windowReceived = collected.reduce((sum, c) => sum + c.windowReceived, 0);
    const window = after.at - before.at;
    const workerCpu = this.workers.map((_, i) => after.workers[i]! - before.workers[i]!);
    const workerPct = workerCpu.map((cpu) => pct(cpu, window));
    const serverCpu = after.server - before.server;
    const loadCpu = workerCpu.reduce((a, b) => a + b, 0);
    const ours = serverCpu + loadCpu + (after.self - before.self);
    const busy = after.machine.busy - before.machine.busy;
    return {
      step,
      tries: 1,
      offeredPerS: Math.round(deliveriesPerS),
      deliveriesPerS: Math.round(windowReceived / seconds),
      scheduled: sentEvents.reduce((sum, e) => sum + e.scheduled, 0),
      sent,
      blocked: sentEvents.reduce((sum, e) => sum + e.blocked, 0),
      delivered: collected.reduce((sum, c) => sum + c.delivered, 0),
      due,
      p50Ms: round(histogram.quantile(0.5) / 1000, 2),
      p90Ms: round(histogram.quantile(0.9) / 1000, 2),
      p99Ms: round(histogram.quantile(0.99) / 1000, 2),
      maxMs: round(histogram.max / 1000, 2),
      serverCpuPct: pct(after.server - before.server, window),
      loadCpuPct: round(workerPct.reduce((a, b) => a + b, 0), 0),
      busiestWorkerPct: Math.max(0, ...workerPct),
      machineBusyPct: round(
        (100 * (after.machine.busy - before.machine.busy)) /
          Math.max(0.001, after.machine.total - before.machine.total),
        0,
      ),
      otherCpuPct: Math.max(0, pct(busy - ours, window)),
      serverUsPerDelivery: round((1e6 * serverCpu) / Math.max(1, windowReceived), 3),
      loadUsPerDelivery: round((1e6 * loadCpu) / Math.max(1, windowReceived), 3),
      dropped: counts.reduce((sum, c) => sum + c.dropped, 0),
    };
  }

  /** Loss, duplicates and order over the whole run. */
  async final(): Promise<FinalCounts> {
    const finals = await Promise.all(this.workers.map(async (worker) => {
      await worker.send({ cmd: "final" });
      return worker.next<{
        clients: number;
        unique: number[];
        sent: [number, number][];
        duplicated: number;
        outOfOrder: number;
        bad: number;
        dropped: number;
        dropReasons: Record<string, number>;
      }>("final", 30_000);
    }));
    const sentBy = new Float64Array(this.senders);
    for (const f of finals) for (const [sender, count] of f.sent) sentBy[sender] = count;
    let expected = 0;
    let unique = 0;
    const counts: FinalCounts = {
      expected: 0,
      lost: 0,
      duplicated: 0,
      outOfOrder: 0,
      bad: 0,
      dropped: 0,
      dropReasons: {},
    };
    for (const f of finals) {
      const own = new Set(f.sent.map(([sender]) => sender));
      for (let s = 0; s < this.senders; s++) {
        const receivers = this.target === "baseline" && own.has(s) ? f.clients - 1 : f.clients;
        expected += sentBy[s]! * receivers;
        unique += f.unique[s] ?? 0;
      }
      counts.duplicated += f.duplicated;
      counts.outOfOrder += f.outOfOrder;
      counts.bad += f.bad;
      counts.dropped += f.dropped;
      for (const [reason, n] of Object.entries(f.dropReasons)) {
        counts.dropReasons[reason] = (counts.dropReasons[reason] ?? 0) + n;
      }
    }
    counts.expected = expected;
    counts.lost = expected - unique;
    return counts;
  }

  /** Stops the workers, then the server; kills whatever does not leave in time. */
  async stop(): Promise<void> {
    await Promise.all(this.workers.map((worker) => worker.stop(3_000)));
    await this.server.stop(3_000);
  }

  async #counts(step: number): Promise<CountEvent[]> {
    return await Promise.all(this.workers.map(async (worker) => {
      await worker.send({ cmd: "count", step });
      return worker.next<CountEvent>("count", 30_000);
    }));
  }

  /**
   * Waits (at most {@linkcode QUIET_WAIT_MS}) until processes other than the
   * bench's use less than {@linkcode QUIET_PCT} of one core: a step measured
   * while something else runs on the machine measures that too. Each step
   * reports what others used during it anyway (`otherCpuPct`).
   */
  async #waitForQuiet(): Promise<void> {
    const deadline = performance.now() + this.#quietWaitMs;
    while (performance.now() < deadline) {
      const before = this.#cpuSnapshot();
      await new Promise((resolve) => setTimeout(resolve, 500));
      const after = this.#cpuSnapshot();
      const ours = after.server - before.server + after.self - before.self +
        after.workers.reduce((sum, cpu, i) => sum + cpu - before.workers[i]!, 0);
      const others = after.machine.busy - before.machine.busy - ours;
      if (pct(others, after.at - before.at) < QUIET_PCT) return;
    }
  }

  #cpuSnapshot() {
    return {
      at: performance.now() / 1000,
      server: cpuSeconds(this.server.pid),
      self: cpuSeconds(Deno.pid),
      workers: this.workers.map((worker) => cpuSeconds(worker.pid)),
      machine: machineCpu(),
    };
  }
}

function pct(cpu: number, seconds: number): number {
  return round((100 * cpu) / Math.max(0.001, seconds), 0);
}

/** Rounds to `digits` decimals. */
export function round(value: number, digits: number): number {
  const scale = 10 ** digits;
  return Math.round(value * scale) / scale;
}

async function sleepUntil(epochMs: number): Promise<void> {
  const left = epochMs - (performance.timeOrigin + performance.now());
  if (left > 0) await new Promise((resolve) => setTimeout(resolve, left));
}
