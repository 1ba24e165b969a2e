/**
 * Probes a registry or chat server the way a member's client reaches it,
 * one finding per step: the name (DNS), the port (TCP), TLS with the
 * circle's CA, and the key (the proof). A registry is asked for its list
 * too. Each step says what to do when it fails; later steps are skipped.
 *
 * A chat server is probed without joining: the dialer sends `auth` with a
 * valid proof and no nick, which the server answers with `bad-frame` ("a
 * nick is needed to join") only after it checked the proof, and with
 * `auth` when the proof is wrong. Nobody in the room sees it.
 *
 * @module
 */

import { lookup } from "node:dns/promises";
import { isIP } from "node:net";
import { authKey, type SecretKey } from "../crypto/mod.ts";
import { t, wait } from "../i18n/mod.ts";
import {
  DialError,
  dialHandshake,
  dialTls,
  type FramedConnection,
  HandshakeError,
  hostPort,
} from "../net/mod.ts";
import type { ServerEntry } from "../protocol/mod.ts";
import { listServers } from "../registry/mod.ts";
import { fail, type Finding, ok } from "./finding.ts";

/** What a probe is told. */
export interface ProbeOptions {
  /** What the peer should be. */
  role: "registry" | "server";
  /** The circle key. */
  key: SecretKey;
  /** The circle CA as PEM; with `trust: "external"`, the CA of the server's external certificate. */
  caPem: string;
  /**
   * "circle" (default): the peer must show a leaf of the circle CA.
   * "external": a chat server with an external certificate (`--ca`).
   */
  trust?: "circle" | "external";
  /** Host name or address. */
  hostname: string;
  /** Port. */
  port: number;
  /** Time for each step. */
  timeoutMs: number;
  /** Subject of the findings (default `registry HOST:PORT` / `server HOST:PORT`). */
  subject?: string;
}

/** What a probe found. */
export interface ProbeResult {
  /** Findings, in order. */
  findings: Finding[];
  /** A registry's servers, when it listed them. */
  servers?: ServerEntry[];
  /** The peer's certificate was outside its validity by our clock. */
  clockSuspect?: string;
  /** The peer's clock, from its `hello`. */
  clock?: PeerClock;
}

/** A peer's clock reading and ours when it arrived (both ms). */
export interface PeerClock {
  /** The peer's time. */
  ts: number;
  /** Our time when its `hello` arrived. */
  at: number;
}

/** "registry HOST:PORT", "server HOST:PORT": what a probe's findings are about. */
export function peerSubject(role: "registry" | "server", where: string): string {
  return role === "registry"
    ? t("doctor.subject_registry", { where })
    : t("doctor.subject_server", { where });
}

/** Probes one peer; never throws for anything the network does. */
export async function probePeer(options: ProbeOptions): Promise<ProbeResult> {
  const { role, hostname, port, timeoutMs } = options;
  const where = hostPort(hostname, port);
  const subject = options.subject ?? peerSubject(role, where);
  const findings: Finding[] = [];

  if (isIP(hostname) === 0) {
    try {
      const found = await withTimeout(lookup(hostname, { all: true }), timeoutMs);
      findings.push(
        ok(
          "dns",
          subject,
          t("doctor.dns_found", {
            host: hostname,
            addresses: found.map((a) => a.address).join(", "),
          }),
        ),
      );
    } catch {
      findings.push(
        fail("dns", subject, t("doctor.dns_missing", { host: hostname }), t("doctor.fix_dns")),
      );
      return { findings };
    }
  }

  let conn: FramedConnection;
  try {
    conn = await dialTls({
      hostname,
      port,
      caPem: options.caPem,
      timeoutMs,
      ...(options.trust === "external" ? { trust: "external" as const } : {}),
    });
  } catch (error) {
    if (!(error instanceof DialError)) throw error;
    return {
      findings: [...findings, ...dialFindings(error, role, subject, port)],
      ...clock(error),
    };
  }
  findings.push(ok("tcp", subject, t("doctor.port_open", { port: String(port) })));
  findings.push(
    ok(
      "tls",
      subject,
      options.trust === "external" ? t("doctor.tls_ok_external") : t("doctor.tls_ok"),
    ),
  );

  let peerClock: PeerClock | undefined;
  const onHello = (hello: { ts?: number }) => {
    if (hello.ts !== undefined) peerClock = { ts: hello.ts, at: Date.now() };
  };
  if (role === "registry") {
    try {
      await dialHandshake(conn, {
        role: "registry",
        authKey: authKey(options.key),
        timeoutMs,
        onHello,
      });
    } catch {
      // listServers below says what is wrong, in its words
    } finally {
      await conn.close(0);
    }
    try {
      const servers = await listServers({
        key: options.key,
        hostname,
        port,
        timeoutMs: timeoutMs * 2,
      });
      findings.push(ok("proof", subject, t("doctor.registry_proved")));
      const names = servers.slice(0, 5).map((s) => `${s.name} (${hostPort(s.host, s.port)})`);
      findings.push(
        ok(
          "list",
          subject,
          servers.length === 0 ? t("doctor.no_servers") : t("doctor.servers", {
            count: servers.length,
            names: names.join(", ") + (servers.length > 5 ? ", …" : ""),
          }),
        ),
      );
      return { findings, servers, ...(peerClock ? { clock: peerClock } : {}) };
    } catch (error) {
      findings.push(proofFailure(error, role, subject));
      return { findings };
    }
  }

  try {
    await dialHandshake(conn, {
      role: "server",
      authKey: authKey(options.key),
      timeoutMs,
      onHello,
    });
    findings.push(ok("proof", subject, t("doctor.server_proved")));
  } catch (error) {
    if (error instanceof HandshakeError && error.code === "bad-frame") {
      findings.push(ok("proof", subject, t("doctor.server_accepted")));
    } else {
      findings.push(proofFailure(error, role, subject));
    }
  } finally {
    await conn.close(0);
  }
  return { findings, ...(peerClock ? { clock: peerClock } : {}) };
}

function dialFindings(
  error: DialError,
  role: "registry" | "server",
  subject: string,
  port: number,
): Finding[] {
  switch (error.code) {
    case "dns":
      return [fail("dns", subject, error.message)];
    case "refused":
      return [
        fail(
          "tcp",
          subject,
          t("doctor.nothing_listens", { port: String(port) }),
          role === "registry" ? t("doctor.fix_run_registry") : t("doctor.fix_run_server"),
        ),
      ];
    case "timeout":
      return [
        fail(
          "tcp",
          subject,
          t("doctor.no_answer", { port: String(port) }),
          t("doctor.fix_remote_firewall", { port: String(port) }),
        ),
      ];
    case "unreachable":
      return [fail("tcp", subject, error.message, t("doctor.fix_network"))];
    case "foreign":
      return [
        ok("tcp", subject, t("doctor.port_open", { port: String(port) })),
        fail(
          "tls",
          subject,
          t("doctor.tls_foreign"),
          // A chat server may show an external certificate (stealth server --cert).
          role === "server" ? t("doctor.fix_compare_or_ca") : t("doctor.fix_compare_fingerprints"),
        ),
      ];
    case "tls":
      return [
        ok("tcp", subject, t("doctor.port_open", { port: String(port) })),
        error.outsideValidity
          ? fail("tls", subject, t("doctor.tls_dates"), t("doctor.fix_dates"))
          : fail(
            "tls",
            subject,
            error.message,
            role === "registry"
              ? t("doctor.fix_is_registry", { port: String(port) })
              : t("doctor.fix_is_server", { port: String(port) }),
          ),
      ];
  }
}

function clock(error: DialError): { clockSuspect?: string } {
  return error.code === "tls" && error.outsideValidity ? { clockSuspect: error.message } : {};
}

function proofFailure(error: unknown, role: "registry" | "server", subject: string): Finding {
  if (error instanceof HandshakeError) {
    switch (error.code) {
      case "not-in-circle":
      case "auth":
        return fail(
          "proof",
          subject,
          role === "registry" ? t("doctor.registry_foreign") : t("doctor.server_foreign"),
          t("doctor.fix_key_differs"),
        );
      case "role":
        return fail(
          "proof",
          subject,
          role === "registry" ? t("doctor.found_server") : t("doctor.found_registry"),
          role === "registry" ? t("doctor.fix_registry_port") : t("doctor.fix_server_port"),
        );
      case "throttled":
        return fail(
          "proof",
          subject,
          t("doctor.throttled"),
          t("doctor.fix_wait", { wait: wait(error.retryAfterMs ?? 12_000) }),
        );
    }
    return fail("proof", subject, error.message);
  }
  if (error instanceof DialError) return fail("proof", subject, error.message);
  return fail("proof", subject, error instanceof Error ? error.message : String(error));
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  return Promise.race([
    promise,
    new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error("timed out")), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}
