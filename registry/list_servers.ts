/**
 * A member's question to the registry: which servers are there? One short
 * connection: dial, handshake, `list`, `servers`, `bye`.
 *
 * @module
 */

import { circleCA } from "../certs/mod.ts";
import { authKey, type SecretKey } from "../crypto/mod.ts";
import { duration, t } from "../i18n/mod.ts";
import { getLogger } from "../log/mod.ts";
import { DialError, dialHandshake, dialTls, HandshakeError, hostPort } from "../net/mod.ts";
import { decodeServerMessage, encodeMessage, type ServerEntry } from "../protocol/mod.ts";
import { substituteLoopback } from "./_listed_host.ts";

/** Options of {@linkcode listServers}. */
export interface ListServersOptions {
  /** The circle key. */
  key: SecretKey;
  /** The registry's host name or address. */
  hostname: string;
  /** The registry's port. */
  port: number;
  /** Time for the whole exchange, dial included (default 10 s). */
  timeoutMs?: number;
}

/** Default time for the whole exchange. */
export const LIST_TIMEOUT_MS = 10_000;

const log = getLogger(["stealth", "registry"]);

/**
 * Asks the registry for its servers. Entries the registry lists under a
 * loopback address (it could not tell which of its addresses this member
 * reached) get the host name dialed instead, which reaches the same machine.
 *
 * @throws {DialError} when the registry cannot be reached, or its certificate
 *   is not from this circle ("foreign"), or it does not answer the list in time
 *   ("timeout"); one line a person can act on.
 * @throws {HandshakeError} "not-in-circle" ("this registry is not in your
 *   circle — check secret.key"), "role" (that port is a chat server),
 *   "throttled", "timeout", "closed", or the registry's own refusal code.
 */
export async function listServers(options: ListServersOptions): Promise<ServerEntry[]> {
  const { hostname, port } = options;
  const timeoutMs = options.timeoutMs ?? LIST_TIMEOUT_MS;
  const where = hostPort(hostname, port);
  const deadline = performance.now() + timeoutMs;
  const left = () => Math.max(1, Math.round(deadline - performance.now()));
  const caPem = (await circleCA(options.key)).certPem;

  log.debug("Asking {where} for its servers", { where });
  const conn = await dialTls({ hostname, port, caPem, timeoutMs });
  try {
    await dialHandshake(conn, {
      role: "registry",
      authKey: authKey(options.key),
      timeoutMs: left(),
    });
  } catch (error) {
    if (error instanceof HandshakeError && error.code === "not-in-circle") {
      throw new HandshakeError("not-in-circle", t("registry.not_in_circle"), { cause: error });
    }
    throw error;
  }

  const list = await new Promise<ServerEntry[]>((resolve, reject) => {
    let settled = false;
    const timer = setTimeout(() => {
      finish(
        new DialError(
          "timeout",
          hostname,
          port,
          t("registry.list_timeout", { where, time: duration(timeoutMs) }),
        ),
      );
    }, left());
    function finish(result: ServerEntry[] | Error): void {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      if (result instanceof Error) {
        void conn.close(0);
        reject(result);
      } else {
        resolve(result);
      }
    }
    conn.onFrame = (payload) => {
      let message;
      try {
        message = decodeServerMessage(payload);
      } catch (cause) {
        finish(new HandshakeError("protocol", t("registry.bad_frame", { where }), { cause }));
        return;
      }
      if (message.t === "servers") {
        finish(message.list);
      } else if (message.t === "error") {
        finish(new HandshakeError(message.code, registryRefusal(message, where)));
      } else if (message.t === "ping") {
        conn.send(encodeMessage({ t: "pong", ts: message.ts }));
      }
    };
    conn.onClose = (reason) => {
      finish(
        new HandshakeError("closed", t("registry.closed_early", { where, reason })),
      );
    };
    conn.send(encodeMessage({ t: "list" }));
    conn.resume();
  });

  conn.send(encodeMessage({ t: "bye" }));
  await conn.close(500);
  log.debug("{where} lists {count} servers", { where, count: list.length });
  return substituteLoopback(list, hostname);
}

/**
 * A registry's `error` frame in the reader's words: known codes from the
 * catalogue, the registry's own `detail` only for a code this version does
 * not know.
 */
function registryRefusal(message: { code: string; detail?: string }, where: string): string {
  switch (message.code) {
    case "rate-limited":
      return t("registry.refused_rate", { where });
    case "full":
      return t("registry.refused_full", { where });
    case "too-many-from-address":
      return t("registry.refused_too_many", { where });
    case "shutdown":
      return t("registry.refused_shutdown", { where });
    case "timeout":
    case "expired":
      return t("registry.refused_timeout", { where });
    default:
      return message.detail === undefined
        ? t("registry.refused", { where, code: message.code })
        : t("registry.refused_detail", { where, code: message.code, detail: message.detail });
  }
}
