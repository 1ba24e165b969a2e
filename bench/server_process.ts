/**
 * The server under test, in a process of its own so `/proc` shows its CPU
 * and memory alone: the real {@linkcode startChatServer} plus a registry it
 * registers with, as `stealth up` runs them, on 127.0.0.1. The only changes
 * from `up`: the per-member rate limits and the session cap, raised so the
 * load is not refused.
 *
 * Spoken to in JSON lines (see `bench_child.ts`):
 *
 * - `{"cmd":"start","key":BASE64,"flush"?:"immediate"|"timer","pace"?:MS}` →
 *   `{"ev":"listening","port","registryPort"}`
 * - `{"cmd":"gc"}` → `{"ev":"gc","rss","heapTotal","heapUsed","external"}` (run with
 *   `--v8-flags=--expose-gc`)
 * - `{"cmd":"stats"}` → `{"ev":"stats","members","live","connections"}`
 *
 * It exits when its stdin closes.
 *
 * @module
 */

import { SecretKey } from "../crypto/mod.ts";
import { setFlushScheduler } from "../net/_framed_socket.ts";
import { RegistryLink, startRegistry } from "../registry/mod.ts";
import { type ChatServer, startChatServer } from "../server/mod.ts";
import { collectGarbage, emit, readCommands } from "./bench_child.ts";

/** Rate limits for load: far above anything the bench offers per member. */
const BENCH_RATE = { burst: 1_000_000, perSecond: 1_000_000 };
/** Sessions the bench may open (the default cap is 1,000; `idle` joins 5,000). */
const BENCH_MAX_SESSIONS = 100_000;
/** File bytes per member per second: far above what one core relays, so `files` measures the server. */
const BENCH_FILE_RATE = 1024 ** 4;

let server: ChatServer | undefined;

await readCommands(async (command) => {
  switch (command.cmd) {
    case "start": {
      if (command.flush === "timer" || command.flush === "immediate") {
        setFlushScheduler(command.flush);
      }
      if (typeof command.pace === "number") setFlushScheduler("immediate", command.pace);
      const key = new SecretKey(Uint8Array.from(atob(String(command.key)), (c) => c.charCodeAt(0)));
      const registry = await startRegistry({
        key,
        hostname: "127.0.0.1",
        port: 0,
        interfaces: () => [],
      });
      // The link needs the server's port, the server tells the link of member changes.
      const registered: { link?: RegistryLink } = {};
      const chat = await startChatServer({
        key,
        hostname: "127.0.0.1",
        port: 0,
        name: "bench",
        rate: BENCH_RATE,
        frameRate: BENCH_RATE,
        maxSessions: BENCH_MAX_SESSIONS,
        files: { bytesPerSecond: BENCH_FILE_RATE },
        onMembersChanged: () => registered.link?.updateNow(),
      });
      server = chat;
      const link = new RegistryLink({
        key,
        registry: { hostname: "127.0.0.1", port: registry.port },
        server: () => ({
          name: "bench",
          port: chat.port,
          users: chat.room.memberCount,
          since: chat.startedAt,
        }),
      });
      link.start();
      registered.link = link;
      emit({ ev: "listening", port: chat.port, registryPort: registry.port });
      return;
    }
    case "gc":
      collectGarbage();
      emit({ ev: "gc", ...Deno.memoryUsage() });
      return;
    case "stats": {
      const stats = server?.room.stats();
      emit({
        ev: "stats",
        members: stats?.members ?? 0,
        live: stats?.live ?? 0,
        connections: server?.connections ?? 0,
      });
      return;
    }
  }
});
Deno.exit(0);
