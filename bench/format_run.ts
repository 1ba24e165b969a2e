/**
 * A bench run as a person reads it: stealth and the baseline side by side,
 * their ratio, and the ramp step by step.
 *
 * @module
 */

import { formatRate, type RunResult, type TargetResult } from "./run_bench.ts";

/** The text of one run. */
export function formatRun(result: RunResult): string {
  const lines: string[] = [];
  if (result.skipped !== undefined) {
    return `== ${result.scenario}: skipped — ${result.skipped}\n`;
  }
  if (result.files !== undefined) {
    const f = result.files;
    return [
      `== files · one ${mib(f.bytes)} MiB file, one member to another, through the stealth server`,
      `throughput MiB/s                    ${f.mib_per_s} (${result.seconds} s)`,
      `chunk · window                      ${f.chunk_bytes / 1024} KiB · ${f.window} in flight`,
      `server CPU % (one core)             ${f.server_cpu_pct} (${f.server_cpu_s_per_gib} CPU-s per GiB)`,
      `sender + receiver CPU %             ${f.load_cpu_pct}`,
      `server RSS peak MiB                 ${mib(f.rss_peak_bytes)}`,
      `chat line said at 50 %: ms · at %   ${f.chat_line_ms} · ${f.chat_line_at_percent}`,
    ].join("\n") + "\n";
  }
  const rate = result.rate !== undefined ? ` · ${formatRate(result.rate)} deliveries/s` : "";
  lines.push(
    `== ${result.scenario} · ${result.clients} members · ${result.senders} senders · ` +
      `${result.size}-byte bodies${rate} · ${result.seconds} s per step`,
  );
  const { stealth, baseline } = result;
  const rows: [string, (t: TargetResult) => string][] = [];
  if (result.scenario === "fanout" || result.scenario === "latency") {
    rows.push(
      [
        result.scenario === "fanout" ? "saturation deliveries/s" : "deliveries/s",
        (t) => formatRate(t.deliveries_per_s),
      ],
      ["  offered deliveries/s", (t) => formatRate(t.offered_per_s)],
      ["latency p50 / p90 ms", (t) => `${t.p50_ms} / ${t.p90_ms}`],
      ["latency p99 / max ms", (t) => `${t.p99_ms} / ${t.max_ms}`],
      ["lost / dup / out of order", (t) => `${t.lost} / ${t.duplicated} / ${t.out_of_order}`],
      ["server CPU % (one core)", (t) => `${t.server_cpu_pct}`],
      ["load CPU % (all workers)", (t) => `${t.load_cpu_pct}`],
      ["machine busy %", (t) => `${t.machine_busy_pct}`],
      ["other processes CPU %", (t) => `${t.other_cpu_pct}`],
      [
        "server / load µs per delivery",
        (t) => `${t.server_us_per_delivery} / ${t.load_us_per_delivery}`,
      ],
      ["deliveries per server CPU-s", (t) => formatRate(t.deliveries_per_cpu_s)],
      ["limited by", (t) => t.limited_by],
      ["first out of CPU", (t) => t.first_out_of_cpu],
    );
  }
  if (result.scenario === "idle") {
    rows.push(
      ["bytes per member (RSS)", (t) => `${t.bytes_per_member ?? 0}`],
      ["  of which JS heap", (t) => `${t.heap_bytes_per_member ?? 0}`],
      ["  of which buffers", (t) => `${t.external_bytes_per_member ?? 0}`],
    );
  }
  rows.push(
    ["dropped connections", (t) => `${t.dropped}`],
    ["server RSS MiB (peak)", (t) => `${mib(t.rss_bytes)} (${mib(t.rss_peak_bytes)})`],
    ["joins/s", (t) => `${t.join.perSecond} (${t.join.joined} in ${t.join.seconds} s)`],
    ["join p50 / p99 ms", (t) => `${t.join.p50Ms} / ${t.join.p99Ms}`],
    ["  of which TLS p50 / p99 ms", (t) => `${t.join.tlsP50Ms} / ${t.join.tlsP99Ms}`],
    ["CPU % while joining: server / load", (t) => `${t.join.serverCpuPct} / ${t.join.loadCpuPct}`],
  );
  const width = 36;
  const col = 26;
  lines.push(`${"".padEnd(width)}${"stealth".padEnd(col)}${"baseline".padEnd(col)}`);
  for (const [name, get] of rows) {
    lines.push(
      `${name.padEnd(width)}${(stealth ? get(stealth) : "-").padEnd(col)}${
        (baseline ? get(baseline) : "-").padEnd(col)
      }`,
    );
  }
  lines.push(`ratio (stealth ÷ baseline, ${result.ratio_of}): ${result.ratio ?? "-"}`);
  if (result.cpu_ratio !== undefined) {
    lines.push(`ratio of deliveries per server CPU-second: ${result.cpu_ratio ?? "-"}`);
  }
  for (const [name, target] of [["stealth", stealth], ["baseline", baseline]] as const) {
    if (!target || target.steps.length <= 1) continue;
    lines.push(
      `${name} ramp:  offered → delivered /s   p50 / p99 ms   server % load % machine % other %  µs/dlv srv load`,
    );
    for (const step of target.steps) {
      lines.push(
        `  ${String(step.step).padStart(2)}  ${formatRate(step.offeredPerS).padStart(8)} → ${
          formatRate(step.deliveriesPerS).padEnd(8)
        }   ${`${step.p50Ms} / ${step.p99Ms}`.padEnd(14)} ${
          String(step.serverCpuPct).padStart(4)
        } ${String(step.loadCpuPct).padStart(6)} ${String(step.machineBusyPct).padStart(9)} ${
          String(step.otherCpuPct).padStart(7)
        }  ${step.serverUsPerDelivery.toFixed(2).padStart(6)} ${
          step.loadUsPerDelivery.toFixed(2).padStart(5)
        }${step.blocked > 0 ? `  blocked ${step.blocked}` : ""}${
          step.dropped > 0 ? `  dropped ${step.dropped}` : ""
        }`,
      );
    }
  }
  return lines.join("\n") + "\n";
}

function mib(bytes: number): string {
  return (bytes / 1024 / 1024).toFixed(1);
}

/** A run as one line of JSON, every key in snake_case (`p50Ms` → `p50_ms`). */
export function formatRunJson(result: RunResult): string {
  return JSON.stringify(snakeKeys(result));
}

function snakeKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(snakeKeys);
  if (typeof value !== "object" || value === null) return value;
  const out: Record<string, unknown> = {};
  for (const [key, inner] of Object.entries(value)) {
    out[key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)] = snakeKeys(inner);
  }
  return out;
}
