/**
 * The scenarios of `deno task bench`, each run against the stealth server
 * and the baseline relay with the same load, and the result of each run in
 * one shape: `{scenario, clients, stealth, baseline, ratio, ...}`.
 *
 * @module
 */

import { cpuPlan } from "./bench_child.ts";
import type { BenchOptions, Scenario, Targets } from "./bench_options.ts";
import {
  type BenchCircle,
  benchCircle,
  type FinalCounts,
  Fleet,
  type JoinStats,
  round,
  type ServerMemory,
  type StepResult,
  type Target,
} from "./fleet.ts";
import { type FilesResult, runFiles } from "./files_run.ts";
import { type MachineInfo, machineInfo, memoryOf } from "./proc_stats.ts";

/** First offered rate of a fanout ramp, deliveries/s. */
export const RAMP_START = 100_000;
/** Each ramp step offers this much more than the last. */
export const RAMP_FACTOR = 1.5;
/** A step whose p99 passes this has saturated ("latency explodes"). */
export const RAMP_P99_LIMIT_MS = 250;
/** A step delivering less than this share of what it offered has saturated. */
export const RAMP_MIN_SHARE = 0.9;
/** CPU (% of one core) at which a process counts as out of CPU. */
export const BUSY_PCT = 85;
/** The chat-like and the heavy rate of the latency scenario, deliveries/s. */
export const LATENCY_RATES = [20_000, 1_000_000] as const;

const DEFAULT_CLIENTS: Record<Scenario, number[]> = {
  fanout: [50, 200, 1000],
  latency: [200],
  idle: [1000, 5000],
  join: [1000],
  files: [],
};

/** What one server did in one run. */
export interface TargetResult {
  /** Deliveries per second: the saturation point (fanout), the achieved rate (latency). */
  deliveries_per_s: number;
  /** Offered deliveries per second at that point. */
  offered_per_s: number;
  /** Latency at that point, ms. */
  p50_ms: number;
  /** 90th percentile, ms. */
  p90_ms: number;
  /** 99th percentile, ms. */
  p99_ms: number;
  /** Slowest delivery, ms. */
  max_ms: number;
  /** Deliveries lost over the whole run. */
  lost: number;
  /** Deliveries duplicated over the whole run. */
  duplicated: number;
  /** Deliveries out of order over the whole run. */
  out_of_order: number;
  /** Connections the server dropped. */
  dropped: number;
  /** Server resident memory at the end of the run, bytes. */
  rss_bytes: number;
  /** Server peak resident memory, bytes. */
  rss_peak_bytes: number;
  /** Server CPU at that point, % of one core. */
  server_cpu_pct: number;
  /** Load workers' CPU at that point, % of one core, summed. */
  load_cpu_pct: number;
  /** Machine busy at that point, % of all cores. */
  machine_busy_pct: number;
  /** Other processes' CPU at that point, % of one core (noise when above a few %). */
  other_cpu_pct: number;
  /** Server CPU time per delivery at that point, µs. */
  server_us_per_delivery: number;
  /** Deliveries per second of server CPU at that point: what one core would carry. */
  deliveries_per_cpu_s: number;
  /** Load generator CPU time per delivery at that point, µs. */
  load_us_per_delivery: number;
  /** Who was out of CPU at that point: "server", "load generator", "both" or "none". */
  limited_by: string;
  /** Along the ramp, who reached {@linkcode BUSY_PCT} first. */
  first_out_of_cpu: string;
  /** Server memory per member (idle): resident. */
  bytes_per_member?: number;
  /** Of which JavaScript heap per member (idle). */
  heap_bytes_per_member?: number;
  /** Of which buffers outside the heap per member (idle). */
  external_bytes_per_member?: number;
  /** How the joins went. */
  join: JoinStats;
  /** Every measured step (fanout ramp; one step for latency). */
  steps: StepResult[];
}

/** One run of one scenario, both servers. */
export interface RunResult {
  /** The scenario. */
  scenario: Scenario;
  /** Clients. */
  clients: number;
  /** Senders. */
  senders: number;
  /** Plaintext bytes per message. */
  size: number;
  /** Seconds per step or run. */
  seconds: number;
  /** The fixed rate asked for, if any. */
  rate?: number;
  /** The stealth server. */
  stealth?: TargetResult;
  /** The baseline relay. */
  baseline?: TargetResult;
  /** stealth ÷ baseline of `ratio_of`; null when one side did not run. */
  ratio: number | null;
  /** What `ratio` compares. */
  ratio_of: "deliveries_per_s" | "bytes_per_member" | "joins_per_s" | "mib_per_s";
  /** The `files` scenario's figures. */
  files?: FilesResult;
  /**
   * stealth ÷ baseline of deliveries per second of server CPU (fanout,
   * latency): the comparison that holds when the load generator, not the
   * server, ran out of CPU first.
   */
  cpu_ratio?: number | null;
  /** What was not measured, and why. */
  skipped?: string;
  /** The machine. */
  machine: MachineInfo;
  /** CPUs of the server and of the load generator (`taskset -c`); null: not pinned. */
  cpus: { server: string; load: string } | null;
}

/** Runs the scenarios in `options`, calling `report` with each run's result as it ends. */
export async function runBench(
  options: BenchOptions,
  report: (result: RunResult) => void,
  progress: (line: string) => void = () => {},
): Promise<RunResult[]> {
  const circle = await benchCircle();
  const machine = machineInfo();
  const cpus = options.pin ? cpuPlan() ?? null : null;
  if (cpus !== null) pinSelf(cpus.load);
  const results: RunResult[] = [];
  for (const scenario of options.scenarios) {
    if (scenario === "files") {
      // One transfer through the stealth server (the baseline relay has no files to compare).
      const result = await runFiles(circle, machine, cpus, progress);
      results.push(result);
      report(result);
      continue;
    }
    const clientsList = options.clients !== undefined
      ? [options.clients]
      : DEFAULT_CLIENTS[scenario];
    const rates = scenario === "latency"
      ? (options.rate !== undefined ? [options.rate] : [...LATENCY_RATES])
      : [options.rate];
    for (const clients of clientsList) {
      for (const rate of rates) {
        const run = new Run(scenario, clients, rate, options, circle, machine, cpus, progress);
        const result = await run.run();
        results.push(result);
        report(result);
      }
    }
  }
  return results;
}

class Run {
  readonly #scenario: Scenario;
  readonly #clients: number;
  readonly #senders: number;
  readonly #rate: number | undefined;
  readonly #seconds: number;
  readonly #options: BenchOptions;
  readonly #circle: BenchCircle;
  readonly #machine: MachineInfo;
  readonly #cpus: { server: string; load: string } | null;
  readonly #progress: (line: string) => void;

  constructor(
    scenario: Scenario,
    clients: number,
    rate: number | undefined,
    options: BenchOptions,
    circle: BenchCircle,
    machine: MachineInfo,
    cpus: { server: string; load: string } | null,
    progress: (line: string) => void,
  ) {
    this.#scenario = scenario;
    this.#clients = clients;
    const talking = scenario === "fanout" || scenario === "latency";
    this.#senders = talking ? Math.min(clients, options.senders ?? clients) : 0;
    this.#rate = rate;
    this.#seconds = options.seconds ?? (scenario === "latency" ? 5 : scenario === "fanout" ? 3 : 2);
    this.#options = options;
    this.#circle = circle;
    this.#machine = machine;
    this.#cpus = cpus;
    this.#progress = progress;
  }

  async run(): Promise<RunResult> {
    const result: RunResult = {
      scenario: this.#scenario,
      clients: this.#clients,
      senders: this.#senders,
      size: this.#options.size,
      seconds: this.#seconds,
      ...(this.#rate !== undefined ? { rate: this.#rate } : {}),
      ratio: null,
      ratio_of: this.#scenario === "idle"
        ? "bytes_per_member"
        : this.#scenario === "join"
        ? "joins_per_s"
        : "deliveries_per_s",
      machine: this.#machine,
      cpus: this.#cpus,
    };
    for (const target of targetsOf(this.#options.targets)) {
      result[target] = await this.#runTarget(target);
    }
    const { stealth, baseline } = result;
    if (stealth && baseline) {
      const [a, b] = result.ratio_of === "bytes_per_member"
        ? [stealth.bytes_per_member ?? 0, baseline.bytes_per_member ?? 0]
        : result.ratio_of === "joins_per_s"
        ? [stealth.join.perSecond, baseline.join.perSecond]
        : [stealth.deliveries_per_s, baseline.deliveries_per_s];
      result.ratio = b > 0 ? round(a / b, 3) : null;
      if (result.ratio_of === "deliveries_per_s") {
        result.cpu_ratio = baseline.deliveries_per_cpu_s > 0
          ? round(stealth.deliveries_per_cpu_s / baseline.deliveries_per_cpu_s, 3)
          : null;
      }
    }
    return result;
  }

  async #runTarget(target: Target): Promise<TargetResult> {
    const label = `${this.#scenario} ${this.#clients} ${target}`;
    this.#progress(`${label}: starting the server and the load workers`);
    const fleet = await Fleet.start({
      target,
      circle: this.#circle,
      clients: this.#clients,
      senders: this.#senders,
      size: this.#options.size,
      ...(this.#options.workers ? { workers: this.#options.workers } : {}),
      ...(this.#options.flush ? { flush: this.#options.flush } : {}),
      ...(this.#options.pace !== undefined ? { pace: this.#options.pace } : {}),
      quietWaitMs: this.#options.quietWait * 1000,
      ...(this.#cpus ? { cpus: this.#cpus } : {}),
    });
    try {
      const before = this.#scenario === "idle" ? await fleet.serverMemory() : undefined;
      this.#progress(`${label}: joining ${this.#clients} members`);
      const join = await fleet.join();
      if (join.failed > 0) {
        this.#progress(`${label}: ${join.failed} joins failed: ${join.errors.join("; ")}`);
      }
      const steps: StepResult[] = [];
      if (this.#senders > 0) {
        const warmUp = Math.min(this.#rate ?? RAMP_START, 50_000);
        await fleet.step(0, warmUp, 1);
        if (this.#scenario === "fanout" && this.#rate === undefined) {
          await this.#ramp(fleet, steps, label);
        } else {
          const rate = this.#rate ?? RAMP_START;
          this.#progress(`${label}: ${formatRate(rate)} deliveries/s for ${this.#seconds} s`);
          steps.push(await fleet.step(1, rate, this.#seconds));
        }
      } else {
        await new Promise((resolve) => setTimeout(resolve, this.#seconds * 1000));
      }
      const counts = await fleet.final();
      const memory = this.#scenario === "idle"
        ? await fleet.serverMemory()
        : memoryOf(fleet.server.pid);
      return this.#summarise(steps, counts, memory, join, before);
    } finally {
      await fleet.stop();
    }
  }

  async #ramp(fleet: Fleet, steps: StepResult[], label: string): Promise<void> {
    let rate = RAMP_START;
    for (let k = 1; k <= this.#options.steps; k++) {
      const step = await fleet.step(k, rate, this.#seconds);
      steps.push(step);
      this.#progress(
        `${label}: step ${k}: offered ${formatRate(rate)}, delivered ${
          formatRate(step.deliveriesPerS)
        }` +
          ` /s, p99 ${step.p99Ms} ms, server ${step.serverCpuPct} %, load ${step.loadCpuPct} %`,
      );
      if (saturated(step, steps)) return;
      rate *= RAMP_FACTOR;
    }
  }

  #summarise(
    steps: StepResult[],
    counts: FinalCounts,
    memory: { rss: number; peak: number; heapUsed?: number; external?: number },
    join: JoinStats,
    before: ServerMemory | undefined,
  ): TargetResult {
    const best = steps.reduce<StepResult | undefined>(
      (a, b) => (a === undefined || b.deliveriesPerS > a.deliveriesPerS ? b : a),
      undefined,
    );
    const result: TargetResult = {
      deliveries_per_s: best?.deliveriesPerS ?? 0,
      offered_per_s: best?.offeredPerS ?? 0,
      p50_ms: best?.p50Ms ?? 0,
      p90_ms: best?.p90Ms ?? 0,
      p99_ms: best?.p99Ms ?? 0,
      max_ms: best?.maxMs ?? 0,
      lost: counts.lost,
      duplicated: counts.duplicated,
      out_of_order: counts.outOfOrder,
      dropped: counts.dropped,
      rss_bytes: memory.rss,
      rss_peak_bytes: memory.peak,
      server_cpu_pct: best?.serverCpuPct ?? 0,
      load_cpu_pct: best?.loadCpuPct ?? 0,
      machine_busy_pct: best?.machineBusyPct ?? 0,
      other_cpu_pct: best?.otherCpuPct ?? 0,
      server_us_per_delivery: best?.serverUsPerDelivery ?? 0,
      deliveries_per_cpu_s: best && best.serverUsPerDelivery > 0
        ? Math.round(1e6 / best.serverUsPerDelivery)
        : 0,
      load_us_per_delivery: best?.loadUsPerDelivery ?? 0,
      limited_by: best ? limitedBy(best) : "none",
      first_out_of_cpu: firstOutOfCpu(steps),
      join,
      steps,
    };
    if (before !== undefined) {
      const members = Math.max(1, join.joined);
      result.bytes_per_member = Math.round((memory.rss - before.rss) / members);
      result.heap_bytes_per_member = Math.round(
        ((memory.heapUsed ?? 0) - before.heapUsed) / members,
      );
      result.external_bytes_per_member = Math.round(
        ((memory.external ?? 0) - before.external) / members,
      );
    }
    if (counts.bad > 0) result.limited_by += ` (${counts.bad} malformed frames!)`;
    return result;
  }
}

/** Moves this process (every thread) to the load generator's CPUs. */
function pinSelf(cpus: string): void {
  try {
    new Deno.Command("taskset", {
      args: ["-a", "-p", "-c", cpus, String(Deno.pid)],
      stdout: "null",
      stderr: "null",
    }).outputSync();
  } catch {
    // Not pinned; the figures say so only through `cpus`.
  }
}

function targetsOf(targets: Targets): Target[] {
  return targets === "both" ? ["stealth", "baseline"] : [targets];
}

/** Whether a ramp step is past the saturation point. */
export function saturated(step: StepResult, steps: readonly StepResult[]): boolean {
  const previous = steps.length > 1 ? steps[steps.length - 2]! : undefined;
  return step.deliveriesPerS < RAMP_MIN_SHARE * step.offeredPerS ||
    step.p99Ms > RAMP_P99_LIMIT_MS ||
    step.blocked > 0.05 * step.scheduled ||
    step.dropped > (previous?.dropped ?? 0);
}

/** Who was out of CPU during a step. */
export function limitedBy(step: StepResult): string {
  const server = step.serverCpuPct >= BUSY_PCT;
  const load = step.busiestWorkerPct >= BUSY_PCT || step.loadCpuPct >= BUSY_PCT ||
    (!server && step.machineBusyPct >= 90);
  if (server && load) return "both";
  if (server) return "server";
  if (load) return "load generator";
  return "none";
}

/** The first of server and load generator to run out of CPU along a ramp. */
export function firstOutOfCpu(steps: readonly StepResult[]): string {
  for (const step of steps) {
    const who = limitedBy(step);
    if (who !== "none") return who;
  }
  return "none";
}

/** 1234567 → "1.23 M". */
export function formatRate(rate: number): string {
  if (rate >= 1e6) return `${(rate / 1e6).toFixed(2)} M`;
  if (rate >= 1e3) return `${(rate / 1e3).toFixed(1)} k`;
  return `${Math.round(rate)}`;
}
