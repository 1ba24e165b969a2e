/**
 * The baseline: the least a relay can do in this runtime and TLS stack.
 * `node:tls` with `minVersion: "TLSv1.3"` and the same kind of circle leaf
 * as stealth, TCP no-delay, length-prefixed frames, and each frame written
 * to every other connection — no handshake, no JSON, no room, no bound, no
 * coalescing beyond what the socket does itself. Whatever stealth costs
 * above this is stealth's own.
 *
 * Spoken to in JSON lines (see `bench_child.ts`):
 *
 * - `{"cmd":"start","certPem","keyPem"}` → `{"ev":"listening","port"}`
 * - `{"cmd":"gc"}` → `{"ev":"gc","rss","heapTotal","heapUsed","external"}` (run with
 *   `--v8-flags=--expose-gc`)
 * - `{"cmd":"stats"}` → `{"ev":"stats","connections"}`
 *
 * It exits when its stdin closes.
 *
 * @module
 */

import type { Socket } from "node:net";
import tls from "node:tls";
import { collectGarbage, emit, readCommands } from "./bench_child.ts";

/** Largest frame relayed; a longer length ends the connection. */
const MAX_FRAME = 1024 * 1024;

const sockets = new Set<tls.TLSSocket>();

function relay(socket: tls.TLSSocket): void {
  sockets.add(socket);
  let partial: Uint8Array | undefined;
  socket.on("data", (chunk: Uint8Array) => {
    let bytes = chunk;
    if (partial !== undefined) {
      bytes = new Uint8Array(partial.length + chunk.length);
      bytes.set(partial);
      bytes.set(chunk, partial.length);
      partial = undefined;
    }
    let at = 0;
    while (bytes.length - at >= 4) {
      const length = ((bytes[at]! << 24) | (bytes[at + 1]! << 16) | (bytes[at + 2]! << 8) |
        bytes[at + 3]!) >>> 0;
      if (length === 0 || length > MAX_FRAME) {
        socket.destroy();
        return;
      }
      if (bytes.length - at < 4 + length) break;
      const frame = bytes.subarray(at, at + 4 + length);
      for (const other of sockets) {
        if (other !== socket) other.write(frame);
      }
      at += 4 + length;
    }
    if (at < bytes.length) partial = bytes.slice(at);
  });
  socket.on("error", () => socket.destroy());
  socket.on("close", () => sockets.delete(socket));
}

let server: tls.Server | undefined;

await readCommands(async (command) => {
  switch (command.cmd) {
    case "start": {
      const tlsServer = tls.createServer({
        cert: String(command.certPem),
        key: String(command.keyPem),
        minVersion: "TLSv1.3",
      });
      server = tlsServer;
      tlsServer.on("connection", (raw: Socket) => {
        raw.on("error", () => {});
        raw.setNoDelay(true);
      });
      tlsServer.on("secureConnection", relay);
      tlsServer.on("tlsClientError", (_error: Error, socket: tls.TLSSocket) => socket?.destroy());
      await new Promise<void>((resolve) =>
        tlsServer.listen({ port: 0, host: "127.0.0.1" }, resolve)
      );
      const address = tlsServer.address();
      emit({ ev: "listening", port: typeof address === "object" && address ? address.port : 0 });
      return;
    }
    case "gc":
      collectGarbage();
      emit({ ev: "gc", ...Deno.memoryUsage() });
      return;
    case "stats":
      emit({ ev: "stats", connections: sockets.size });
      return;
  }
});
server?.close();
Deno.exit(0);
