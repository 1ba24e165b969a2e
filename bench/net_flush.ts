/**
 * How should a connection flush its coalesced writes: `setImmediate` or a
 * 1 ms timer? One listener sends 200-byte frames to 50 local dialers (in a
 * child process) for ~3 s; prints frames/s delivered and the listener's CPU.
 *
 *     deno run --allow-all bench/net_flush.ts [immediate|timer|both] [burst]
 *
 * `burst` is how many frames each dialer is sent per turn of the event loop
 * (default 20; 1 is chat-like, 200 saturates).
 *
 * @module
 */

import process from "node:process";
import { setFlushScheduler } from "../net/_framed_socket.ts";
import { dialTls, type FramedConnection, listenTls } from "../net/mod.ts";
import { circleCA, issueLeaf } from "../certs/mod.ts";
import { SecretKey } from "../crypto/mod.ts";
import { encodeFrame } from "../protocol/mod.ts";

const DIALERS = 50;
const SECONDS = 3;
const FRAME = encodeFrame(new Uint8Array(200).fill(97));

async function circle() {
  const ca = await circleCA(new SecretKey(new Uint8Array(32).fill(1)));
  const leaf = await issueLeaf(ca, { sans: ["127.0.0.1"] });
  return { caPem: ca.certPem, certPem: leaf.certPem, keyPem: leaf.keyPem };
}

/** Child: dial, count frames until the listener hangs up, print the count. */
async function dialers(port: number): Promise<void> {
  const { caPem } = await circle();
  let frames = 0;
  const done: Promise<void>[] = [];
  for (let i = 0; i < DIALERS; i++) {
    const conn = await dialTls({ hostname: "127.0.0.1", port, caPem });
    conn.onFrame = () => frames++;
    done.push(new Promise((resolve) => conn.onClose = () => resolve()));
    conn.resume();
  }
  await Promise.all(done);
  console.log(frames);
}

async function run(kind: "immediate" | "timer", burst: number) {
  setFlushScheduler(kind);
  const { certPem, keyPem } = await circle();
  const conns: FramedConnection[] = [];
  const all = Promise.withResolvers<void>();
  const listener = await listenTls({
    hostname: "127.0.0.1",
    port: 0,
    cert: certPem,
    key: keyPem,
    onConnection(conn) {
      conns.push(conn);
      if (conns.length === DIALERS) all.resolve();
    },
  });
  const child = new Deno.Command(Deno.execPath(), {
    args: [
      "run",
      "--allow-all",
      new URL(import.meta.url).pathname,
      "--dialers",
      String(listener.port),
    ],
    stdout: "piped",
  }).spawn();
  await all.promise;
  let sent = 0;
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  await new Promise<void>((resolve) => {
    const tick = () => {
      if (performance.now() - t0 >= SECONDS * 1000) return resolve();
      for (let b = 0; b < burst; b++) {
        for (const conn of conns) {
          if (conn.queuedBytes < 256 * 1024 && conn.send(FRAME)) sent++;
        }
      }
      setTimeout(tick, 0);
    };
    tick();
  });
  const cpu = process.cpuUsage(cpu0);
  const elapsed = (performance.now() - t0) / 1000;
  await Promise.all(conns.map((conn) => conn.close(5_000)));
  const received = Number(new TextDecoder().decode((await child.output()).stdout).trim());
  await listener.close();
  const cpuMs = (cpu.user + cpu.system) / 1000;
  console.log(JSON.stringify({
    flush: kind,
    burst,
    framesPerSecond: Math.round(received / elapsed),
    lost: sent - received,
    listenerCpu: `${Math.round(cpuMs / elapsed / 10)}%`,
    cpuMicrosPerFrame: +(cpuMs * 1000 / sent).toFixed(2),
  }));
}

if (Deno.args[0] === "--dialers") {
  await dialers(Number(Deno.args[1]));
} else {
  const which = Deno.args[0] ?? "both";
  const burst = Number(Deno.args[1] ?? 20);
  for (const kind of ["immediate", "timer"] as const) {
    if (which === kind || which === "both") await run(kind, burst);
  }
}
