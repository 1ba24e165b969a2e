/**
 * The `files` scenario of `deno task bench`: one file through the real
 * server, in a process of its own (`server_process.ts`, file rate raised
 * so the server's own speed shows), from one member to another, both
 * real {@linkcode ChatConnection}s in the bench process: MiB/s end to end,
 * the server's CPU per GiB relayed, its memory, and how long a chat line
 * said halfway takes to overtake the chunks queued before it.
 *
 * @module
 */

import { join } from "node:path";
import { ChatConnection, type ChatEvent, type FileEvent } from "../client/mod.ts";
import { SecretKey } from "../crypto/mod.ts";
import { DEFAULT_CHUNK_BYTES } from "../protocol/mod.ts";
import { DEFAULT_WINDOW } from "../client/mod.ts";
import { BenchChild } from "./bench_child.ts";
import type { BenchCircle } from "./fleet.ts";
import { cpuSeconds, type MachineInfo, memoryOf } from "./proc_stats.ts";
import type { RunResult } from "./run_bench.ts";

/** The file sent, MiB. */
export const FILE_MIB = 64;

/** What a `files` run measured. */
export interface FilesResult {
  /** Plaintext MiB per second, from the offer's send to the receiver's file kept and checked. */
  mib_per_s: number;
  /** The file, bytes. */
  bytes: number;
  /** Plaintext bytes per chunk. */
  chunk_bytes: number;
  /** Chunks in flight per receiver. */
  window: number;
  /** Server CPU over the transfer, % of one core. */
  server_cpu_pct: number;
  /** Server CPU seconds per GiB relayed. */
  server_cpu_s_per_gib: number;
  /** Sender and receiver (this process) CPU, % of one core. */
  load_cpu_pct: number;
  /** Server resident memory at its peak, bytes. */
  rss_peak_bytes: number;
  /** A chat line said at half the transfer: ms until the receiver had it. */
  chat_line_ms: number;
  /** Percent of the file through when that line arrived. */
  chat_line_at_percent: number;
}

/** Runs the scenario once. */
export async function runFiles(
  circle: BenchCircle,
  machine: MachineInfo,
  cpus: { server: string; load: string } | null,
  progress: (line: string) => void,
): Promise<RunResult> {
  const dir = await Deno.makeTempDir({ prefix: "stealth-bench-files-" });
  const server = new BenchChild("stealth server", new URL("./server_process.ts", import.meta.url), {
    ...(cpus ? { cpus: cpus.server } : {}),
  });
  const chats: ChatConnection[] = [];
  try {
    await server.send({ cmd: "start", key: circle.keyBase64 });
    const { port } = await server.next<{ port: number }>("listening", 60_000);
    const key = new SecretKey(Uint8Array.from(atob(circle.keyBase64), (c) => c.charCodeAt(0)));
    const seen: ChatEvent[] = [];
    const join_ = async (nick: string, events?: ChatEvent[]) => {
      const chat = new ChatConnection({
        key,
        hostname: "127.0.0.1",
        port,
        nick,
        files: { downloads: join(dir, nick), autoAccept: true },
        onEvent: (event) => {
          if (events !== undefined && event.kind === "chat") events.push(event.event);
        },
      });
      chats.push(chat);
      await chat.connect();
      return chat;
    };
    const sender = await join_("sender");
    await join_("receiver", seen);
    const bytes = FILE_MIB * 1024 * 1024;
    const path = join(dir, "file.bin");
    await writeFile(path, bytes);
    progress(`files: ${FILE_MIB} MiB from one member to another through the server`);

    const cpuBefore = cpuSeconds(server.pid);
    const loadBefore = cpuSeconds(Deno.pid);
    const started = performance.now();
    await sender.sendFile(path, "receiver");
    let line: { at: number; percent: number } | undefined;
    let saidAt = 0;
    const fileEvent = (code: string) =>
      seen.find((e): e is FileEvent => e.type === "file" && e.code === code);
    while (fileEvent("received") === undefined) {
      if (performance.now() - started > 300_000) throw new Error("files: no file after 300 s");
      const last = seen.findLast((e): e is FileEvent => e.type === "file" && e.code === "progress");
      if (saidAt === 0 && (last?.percent ?? 0) >= 50) {
        saidAt = performance.now();
        sender.say("halfway");
      }
      if (saidAt > 0 && line === undefined && seen.some((e) => e.type === "message")) {
        line = { at: performance.now(), percent: last?.percent ?? 0 };
      }
      if (fileEvent("failed") !== undefined) throw new Error("files: the transfer failed");
      await new Promise((resolve) => setTimeout(resolve, 2));
    }
    const seconds = (performance.now() - started) / 1000;
    const serverCpu = cpuSeconds(server.pid) - cpuBefore;
    const loadCpu = cpuSeconds(Deno.pid) - loadBefore;
    const files: FilesResult = {
      mib_per_s: round(FILE_MIB / seconds),
      bytes,
      chunk_bytes: DEFAULT_CHUNK_BYTES,
      window: DEFAULT_WINDOW,
      server_cpu_pct: round((serverCpu / seconds) * 100),
      server_cpu_s_per_gib: round(serverCpu / (FILE_MIB / 1024)),
      load_cpu_pct: round((loadCpu / seconds) * 100),
      rss_peak_bytes: memoryOf(server.pid).peak,
      chat_line_ms: line === undefined ? -1 : round(line.at - saidAt),
      chat_line_at_percent: line?.percent ?? -1,
    };
    return {
      scenario: "files",
      clients: 2,
      senders: 1,
      size: bytes,
      seconds: round(seconds),
      ratio: null,
      ratio_of: "mib_per_s",
      files,
      machine,
      cpus,
    };
  } finally {
    await Promise.all(chats.map((chat) => chat.close(1_000)));
    await server.stop();
    await Deno.remove(dir, { recursive: true }).catch(() => {});
  }
}

/** `bytes` of varied content (compression anywhere on the way would flatter a run of zeros). */
async function writeFile(path: string, bytes: number): Promise<void> {
  const file = await Deno.open(path, { write: true, create: true, truncate: true });
  try {
    const block = new Uint8Array(1024 * 1024);
    for (let i = 0; i < block.length; i += 65_536) {
      crypto.getRandomValues(block.subarray(i, i + 65_536));
    }
    for (let written = 0; written < bytes;) {
      written += await file.write(block.subarray(0, Math.min(block.length, bytes - written)));
    }
  } finally {
    file.close();
  }
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}
