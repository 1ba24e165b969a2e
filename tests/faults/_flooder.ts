/**
 * A member that floods, run as its own process so the flood does not slow
 * the test that measures the room: `deno run -A _flooder.ts PORT KEYFILE
 * KIND MS`. KIND is `say` (metered by the rate limit), `ping` or `who`. It
 * joins as "flooder", writes batches of frames as fast as the socket takes
 * them for MS milliseconds (reading every answer), and prints one JSON
 * line: frames sent, answers, and how it ended.
 *
 * @module
 */

import { circleCA } from "../../certs/mod.ts";
import { authKey, readKeyFile } from "../../crypto/mod.ts";
import { dialHandshake, dialTls } from "../../net/mod.ts";
import { type ClientMessage, decodeServerMessage, encodeMessage } from "../../protocol/mod.ts";

const [portText, keyPath, kind, msText] = Deno.args;
const key = await readKeyFile(keyPath!);
const conn = await dialTls({
  hostname: "127.0.0.1",
  port: Number(portText),
  caPem: (await circleCA(key)).certPem,
});
await dialHandshake(conn, { role: "server", authKey: authKey(key), nick: "flooder" });

const counts: Record<string, number> = {};
let closed: string | undefined;
let error: string | undefined;
conn.onFrame = (payload) => {
  const message = decodeServerMessage(payload);
  const name = message.t === "refused" || message.t === "error"
    ? `${message.t}:${message.code}`
    : message.t;
  counts[name] = (counts[name] ?? 0) + 1;
  if (message.t === "error") error = message.code;
};
conn.onClose = (reason) => closed = reason;
conn.resume();

let n = 0;
const next = (): ClientMessage =>
  kind === "say"
    ? { t: "say", id: `f${n++}`, body: "gAAAAA" }
    : kind === "who"
    ? { t: "who" }
    : { t: "ping", ts: n++ };
const started = performance.now();
let sent = 0;
while (closed === undefined && performance.now() - started < Number(msText)) {
  const frames = Array.from({ length: 200 }, () => encodeMessage(next()));
  const bytes = new Uint8Array(frames.reduce((sum, f) => sum + f.length, 0));
  let at = 0;
  for (const frame of frames) {
    bytes.set(frame, at);
    at += frame.length;
  }
  if (!conn.send(bytes)) break;
  sent += frames.length;
  // Let the socket drain and the answers in: the flooder reads what it is sent.
  await new Promise((resolve) => setTimeout(resolve, conn.queuedBytes > 256 * 1024 ? 5 : 0));
}
await new Promise((resolve) => setTimeout(resolve, 300));
console.log(JSON.stringify({ sent, counts, closed: closed ?? null, error: error ?? null }));
await conn.close(100);
