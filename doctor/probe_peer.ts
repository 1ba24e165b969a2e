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
  /** The circle CA as PEM. */
  caPem: string;
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

const ROLE_TEXT = { registry: "registry", server: "chat server" } as const;
const HOW_TO_RUN = {
  registry: "is `stealth up` (or `stealth registry`) running there?",
  server: "is `stealth up` (or `stealth server`) running there?",
} as const;

/** Probes one peer; never throws for anything the network does. */
export async function probePeer(options: ProbeOptions): Promise<ProbeResult> {
  const { role, hostname, port, timeoutMs } = options;
  const where = hostPort(hostname, port);
  const subject = options.subject ?? `${role} ${where}`;
  const findings: Finding[] = [];

  if (isIP(hostname) === 0) {
    try {
      const found = await withTimeout(lookup(hostname, { all: true }), timeoutMs);
      findings.push(ok("dns", subject, `${hostname} is ${found.map((a) => a.address).join(", ")}`));
    } catch {
      findings.push(
        fail(
          "dns",
          subject,
          `cannot find ${hostname}`,
          "check the name, or use the host's IP address (`stealth up` prints it)",
        ),
      );
      return { findings };
    }
  }

  let conn: FramedConnection;
  try {
    conn = await dialTls({ hostname, port, caPem: options.caPem, timeoutMs });
  } catch (error) {
    if (!(error instanceof DialError)) throw error;
    return {
      findings: [...findings, ...dialFindings(error, role, subject, port)],
      ...clock(error),
    };
  }
  findings.push(ok("tcp", subject, `port ${port} is open`));
  findings.push(ok("tls", subject, "TLS 1.3 with a certificate from your circle's CA"));

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
      findings.push(ok("proof", subject, "the registry proved it holds your circle's key"));
      const names = servers.slice(0, 5).map((s) => `${s.name} (${hostPort(s.host, s.port)})`);
      findings.push(
        ok(
          "list",
          subject,
          servers.length === 0
            ? "no chat server is registered"
            : `${servers.length} chat server${servers.length === 1 ? "" : "s"}: ${
              names.join(", ")
            }${servers.length > 5 ? ", …" : ""}`,
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
    findings.push(ok("proof", subject, "the chat server proved it holds your circle's key"));
  } catch (error) {
    if (error instanceof HandshakeError && error.code === "bad-frame") {
      findings.push(ok("proof", subject, "the chat server accepted your key's proof"));
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
      return [fail("tcp", subject, `nothing listens on port ${port}`, HOW_TO_RUN[role])];
    case "timeout":
      return [
        fail(
          "tcp",
          subject,
          `no answer on port ${port}`,
          `check the address; a firewall on that machine may drop it (there: sudo ufw allow ${port}/tcp)`,
        ),
      ];
    case "unreachable":
      return [
        fail("tcp", subject, error.message, "check the address and that you are on its network"),
      ];
    case "foreign":
      return [
        ok("tcp", subject, `port ${port} is open`),
        fail(
          "tls",
          subject,
          "its certificate is not from your circle: another circle's stealth, or another program",
          "compare `stealth fingerprint` with the host's; if they differ, get the host's secret.key",
        ),
      ];
    case "tls":
      return [
        ok("tcp", subject, `port ${port} is open`),
        /validity/.test(error.message)
          ? fail(
            "tls",
            subject,
            "its certificate is not valid by this computer's clock",
            "check the date on both machines (see the clock line)",
          )
          : fail("tls", subject, error.message, `is port ${port} a stealth ${ROLE_TEXT[role]}?`),
      ];
  }
}

function clock(error: DialError): { clockSuspect?: string } {
  return error.code === "tls" && /validity/.test(error.message)
    ? { clockSuspect: error.message }
    : {};
}

function proofFailure(error: unknown, role: "registry" | "server", subject: string): Finding {
  if (error instanceof HandshakeError) {
    switch (error.code) {
      case "not-in-circle":
      case "auth":
        return fail(
          "proof",
          subject,
          `this ${ROLE_TEXT[role]} is not in your circle`,
          "your secret.key differs from the host's: compare `stealth fingerprint` on both",
        );
      case "role":
        return fail(
          "proof",
          subject,
          role === "registry"
            ? "this port has a stealth chat server, not a registry"
            : "this port has a stealth registry (or p2p peer), not a chat server",
          role === "registry"
            ? "the registry is on port 5556 by default"
            : "chat servers are on port 5555 by default",
        );
      case "throttled":
        return fail(
          "proof",
          subject,
          "too many failed proofs from this address",
          `wait ${Math.ceil((error.retryAfterMs ?? 12_000) / 1000)} s and run doctor again`,
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
