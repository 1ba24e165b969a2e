/**
 * `stealth doctor`: checks what a member or a host needs and prints one line
 * per finding, ✓, ✗ or – (not checked), each failure with what to do; or
 * one JSON object with `--json`.
 *
 * @module
 */

import { CertError, circleCA, loadServerCa } from "../certs/mod.ts";
import { EXIT, type Output } from "../cli/mod.ts";
import { t } from "../i18n/mod.ts";
import { hostPort } from "../net/mod.ts";
import { DEFAULT_REGISTRY_PORT, DEFAULT_SERVER_PORT } from "../protocol/mod.ts";
import type { ServerEntry } from "../protocol/mod.ts";
import { parseHostPort } from "../registry/mod.ts";
import { checkClock, type PeerClockReading } from "./check_clock.ts";
import { checkKey } from "./check_key.ts";
import { checkPorts } from "./check_ports.ts";
import { fail, type Finding, ok, renderFinding, skip } from "./finding.ts";
import { lanAddresses as systemLanAddresses } from "./_lan_addresses.ts";
import { peerSubject, probePeer } from "./probe_peer.ts";

/** Default time for each network step. */
export const DOCTOR_TIMEOUT_MS = 5_000;
/** Registered servers probed at most, after the registry itself. */
export const MAX_LISTED_PROBES = 8;

/** Options of {@linkcode runDoctor}. */
export interface DoctorOptions extends Output {
  /** The circle key file. */
  keyPath: string;
  /** The host key file: checked when given (the host's own doctor). */
  hostKeyPath?: string;
  /** A registry to probe, `HOST[:PORT]` (port 5556 by default); its servers are probed too. */
  registry?: string;
  /** A chat server to probe, `HOST[:PORT]` (port 5555 by default). */
  server?: string;
  /**
   * The CA of chat servers with an external certificate (`--ca FILE`, as
   * for `stealth chat`): every chat server probed must show a certificate
   * it issued, instead of a leaf of the circle CA.
   */
  caFile?: string;
  /** One JSON object instead of lines. */
  json: boolean;
  /** Local ports to check (default 5555 and 5556); `[]` for none. */
  ports?: readonly number[];
  /** Time for each network step (default 5 s). */
  timeoutMs?: number;
  /** The clock (default `Date.now`). */
  clock?: () => number;
  /** This machine's LAN addresses (default: its interfaces), for the firewall hint. */
  lanAddresses?: () => readonly string[];
}

/** The `--json` output. */
export interface DoctorReport {
  /** No check failed. */
  ok: boolean;
  /** Every finding, in order. */
  findings: Finding[];
}

/**
 * Runs every check and prints the findings. Resolves with 0 (`EXIT.ok`)
 * when none failed, 1 (`EXIT.failed`) otherwise; never rejects for what it
 * finds.
 */
export async function runDoctor(options: DoctorOptions): Promise<number> {
  const stdout = options.stdout ?? console.log;
  const report = await diagnose(options);
  if (options.json) {
    stdout(JSON.stringify(report));
  } else {
    for (const finding of report.findings) stdout(renderFinding(finding));
    const failed = report.findings.filter((f) => f.status === "fail").length;
    stdout(failed === 0 ? t("doctor.all_passed") : t("doctor.failed", { count: failed }));
  }
  return report.ok ? EXIT.ok : EXIT.failed;
}

async function exists(path: string): Promise<boolean> {
  try {
    await Deno.stat(path);
    return true;
  } catch {
    return false;
  }
}

/** Runs every check and returns the findings, printing nothing. */
export async function diagnose(options: DoctorOptions): Promise<DoctorReport> {
  const timeoutMs = options.timeoutMs ?? DOCTOR_TIMEOUT_MS;
  const clock = options.clock ?? Date.now;
  const findings: Finding[] = [];

  const keyCheck = await checkKey(options.keyPath, "key");
  findings.push(...keyCheck.findings);
  if (options.hostKeyPath !== undefined && await exists(options.hostKeyPath)) {
    findings.push(...(await checkKey(options.hostKeyPath, "host-key")).findings);
  } else if (options.hostKeyPath !== undefined) {
    findings.push(
      skip(
        "host-key",
        t("doctor.subject_host_key", { path: options.hostKeyPath }),
        t("doctor.no_host_key"),
      ),
    );
  }
  const key = keyCheck.key;
  const caPem = key === undefined ? undefined : (await circleCA(key)).certPem;
  const external = options.caFile === undefined
    ? undefined
    : await checkServerCa(options.caFile, findings);
  /** How a chat server is trusted: the circle CA, or the --ca file's CA. */
  const serverTrust = (circlePem: string) =>
    external === undefined ? { caPem: circlePem } : { caPem: external, trust: "external" as const };

  const certificateDates: { subject: string; message: string }[] = [];
  const servers: ServerEntry[] = [];
  const clocks: PeerClockReading[] = [];
  const peers: { role: "registry" | "server"; text: string; port: number }[] = [];
  if (options.registry !== undefined) {
    peers.push({ role: "registry", text: options.registry, port: DEFAULT_REGISTRY_PORT });
  }
  if (options.server !== undefined) {
    peers.push({ role: "server", text: options.server, port: DEFAULT_SERVER_PORT });
  }
  for (const peer of peers) {
    let address;
    try {
      address = parseHostPort(peer.text, peer.port);
    } catch (error) {
      findings.push(
        fail(
          "tcp",
          peerSubject(peer.role, peer.text),
          (error as Error).message,
          t("doctor.fix_host_port", { port: String(peer.port) }),
        ),
      );
      continue;
    }
    const subject = peerSubject(peer.role, peer.text);
    if (key === undefined || caPem === undefined) {
      findings.push(skip("proof", subject, t("doctor.no_key_to_probe")));
      continue;
    }
    const result = await probePeer({
      role: peer.role,
      key,
      ...(peer.role === "server" ? serverTrust(caPem) : { caPem }),
      ...address,
      timeoutMs,
    });
    findings.push(...result.findings);
    if (result.clock) clocks.push({ subject, ...result.clock });
    if (result.clockSuspect !== undefined) {
      certificateDates.push({ subject, message: result.clockSuspect });
    }
    servers.push(...result.servers ?? []);
    for (const entry of (result.servers ?? []).slice(0, MAX_LISTED_PROBES)) {
      const subject = t("doctor.subject_listed", {
        name: entry.name,
        where: hostPort(entry.host, entry.port),
      });
      const listed = await probePeer({
        role: "server",
        key,
        ...serverTrust(caPem),
        hostname: entry.host,
        port: entry.port,
        timeoutMs,
        subject,
      });
      findings.push(...listed.findings);
      if (listed.clock) clocks.push({ subject, ...listed.clock });
      if (listed.clockSuspect !== undefined) {
        certificateDates.push({ subject, message: listed.clockSuspect });
      }
    }
  }

  findings.push(...checkClock({ now: clock(), certificateDates, servers, clocks }));
  findings.push(
    ...await checkPorts({
      ports: options.ports ?? [DEFAULT_SERVER_PORT, DEFAULT_REGISTRY_PORT],
      ...(key !== undefined && caPem !== undefined ? { circle: { key, caPem } } : {}),
      lanAddresses: (options.lanAddresses ?? systemLanAddresses)(),
      timeoutMs,
    }),
  );
  return { ok: findings.every((f) => f.status !== "fail"), findings };
}

/**
 * Reads the `--ca` file: a finding either way; the PEM when it can be used
 * (undefined: the servers cannot be checked against it, and the finding
 * says why).
 */
async function checkServerCa(file: string, findings: Finding[]): Promise<string | undefined> {
  const subject = t("doctor.subject_ca", { path: file });
  try {
    const pem = await loadServerCa(file);
    findings.push(ok("ca", subject, t("doctor.ca_ok")));
    return pem;
  } catch (error) {
    if (!(error instanceof CertError)) throw error;
    findings.push(fail("ca", subject, error.message));
    return undefined;
  }
}
