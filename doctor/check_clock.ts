/**
 * The clock check. Clocks matter to stealth in two places: TLS (a server's
 * certificate is valid from an hour before it was issued, for a few days,
 * so a clock an hour behind the server's fails the handshake) and the time
 * shown on messages (Fernet tokens carry the sender's time; stealth does
 * not refuse old or future tokens).
 *
 * A listener's `hello` carries its clock (`ts`), so doctor compares this
 * clock with every registry and server it reached. It also checks this
 * clock against the circle CA's fixed validity (a Pi without a real-time
 * clock may boot in 1970), certificates that failed on dates, and
 * registered servers whose start time lies in this clock's future. With no
 * peer to compare with, the check says "not checked" plainly.
 *
 * @module
 */

import { CA_NOT_AFTER, CA_NOT_BEFORE } from "../certs/mod.ts";
import { t } from "../i18n/mod.ts";
import type { ServerEntry } from "../protocol/mod.ts";
import { fail, type Finding, ok, skip } from "./finding.ts";

/** How far in our future a server's start may lie before the clocks are called apart. */
export const CLOCK_TOLERANCE_MS = 60_000;

/** What the clock check knows. */
export interface ClockEvidence {
  /** This computer's time (ms). */
  now: number;
  /** Messages of TLS failures on dates, by peer. */
  certificateDates: { subject: string; message: string }[];
  /** Servers a registry listed (their `since` is their own clock's time). */
  servers: ServerEntry[];
  /** Clocks read from the `hello` of the peers reached. */
  clocks?: PeerClockReading[];
}

/** A peer's clock (`ts`, from its `hello`) and ours when it arrived (`at`), both ms. */
export interface PeerClockReading {
  /** Who. */
  subject: string;
  /** The peer's time. */
  ts: number;
  /** Our time then. */
  at: number;
}

/** One or more clock findings. */
export function checkClock(evidence: ClockEvidence): Finding[] {
  const { now } = evidence;
  // ISO 8601 in UTC: a clock that is far off is told exactly, the same in every language.
  const shown = new Date(now).toISOString().replace(/\.\d+Z$/, "Z");
  const clock = t("doctor.clock");
  const fixBoth = t("doctor.fix_time_both");
  if (!(now >= CA_NOT_BEFORE.getTime() && now <= CA_NOT_AFTER.getTime())) {
    return [
      fail("clock", clock, t("doctor.clock_impossible", { now: shown }), t("doctor.fix_time")),
    ];
  }
  const findings: Finding[] = [];
  for (const { subject, message } of evidence.certificateDates) {
    findings.push(
      fail(
        "clock",
        t("doctor.clock_of", { subject }),
        t("doctor.clock_certificate", { now: shown, reason: message }),
        fixBoth,
      ),
    );
  }
  for (const server of evidence.servers) {
    const ahead = server.since - now;
    if (ahead > CLOCK_TOLERANCE_MS) {
      findings.push(
        fail(
          "clock",
          t("doctor.clock_of", { subject: t("doctor.server_named", { name: server.name }) }),
          t("doctor.clock_started_ahead", { minutes: Math.round(ahead / 60_000) }),
          fixBoth,
        ),
      );
    }
  }
  const clocks = evidence.clocks ?? [];
  for (const { subject, ts, at } of clocks) {
    const apart = ts - at;
    if (Math.abs(apart) > CLOCK_TOLERANCE_MS) {
      const seconds = Math.round(Math.abs(apart) / 1000);
      findings.push(
        fail(
          "clock",
          t("doctor.clock_of", { subject }),
          apart > 0 ? t("doctor.clock_ahead", { seconds }) : t("doctor.clock_behind", { seconds }),
          fixBoth,
        ),
      );
    }
  }
  if (findings.length > 0) return findings;
  if (clocks.length > 0) {
    const worst = Math.max(...clocks.map((c) => Math.abs(c.ts - c.at)));
    return [
      ok(
        "clock",
        clock,
        t("doctor.clock_within", {
          now: shown,
          seconds: Math.ceil(worst / 1000),
          peers: clocks.map((c) => c.subject).join(", "),
        }),
      ),
    ];
  }
  if (evidence.servers.length > 0) {
    return [ok("clock", clock, t("doctor.clock_none_ahead", { now: shown }))];
  }
  findings.push(skip("clock", clock, t("doctor.clock_not_compared", { now: shown })));
  return findings;
}
