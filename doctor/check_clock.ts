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

const TIME_FIX = "set the date, and keep it set: sudo timedatectl set-ntp true";

/** One or more clock findings. */
export function checkClock(evidence: ClockEvidence): Finding[] {
  const { now } = evidence;
  const shown = new Date(now).toISOString().replace(/\.\d+Z$/, "Z");
  if (!(now >= CA_NOT_BEFORE.getTime() && now <= CA_NOT_AFTER.getTime())) {
    return [fail("clock", "clock", `this computer says ${shown}, which cannot be right`, TIME_FIX)];
  }
  const findings: Finding[] = [];
  for (const { subject, message } of evidence.certificateDates) {
    findings.push(
      fail(
        "clock",
        `clock (${subject})`,
        `its certificate is not valid by this clock (${shown}): one of the two clocks is off by an hour or more (${message})`,
        `${TIME_FIX} — on both machines`,
      ),
    );
  }
  for (const server of evidence.servers) {
    const ahead = server.since - now;
    if (ahead > CLOCK_TOLERANCE_MS) {
      findings.push(
        fail(
          "clock",
          `clock (server "${server.name}")`,
          `it says it started ${
            Math.round(ahead / 60_000)
          } min from now: its clock is ahead of this one`,
          `${TIME_FIX} — on both machines`,
        ),
      );
    }
  }
  const clocks = evidence.clocks ?? [];
  for (const { subject, ts, at } of clocks) {
    const apart = ts - at;
    if (Math.abs(apart) > CLOCK_TOLERANCE_MS) {
      findings.push(
        fail(
          "clock",
          `clock (${subject})`,
          `its clock is ${Math.round(Math.abs(apart) / 1000)} s ${
            apart > 0 ? "ahead of" : "behind"
          } this one: message times will look wrong, and past an hour TLS fails`,
          `${TIME_FIX} — on both machines`,
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
        "clock",
        `this computer says ${shown}, within ${Math.ceil(worst / 1000)} s of ${
          clocks.map((c) => c.subject).join(", ")
        }`,
      ),
    ];
  }
  if (evidence.servers.length > 0) {
    return [
      ok(
        "clock",
        "clock",
        `this computer says ${shown}; no registered server's clock is ahead of it (behind is not checked: protocol v1 does not send the server's time before a join)`,
      ),
    ];
  }
  findings.push(
    skip(
      "clock",
      "clock",
      `this computer says ${shown}; not compared with a server's (give --registry or --server to compare)`,
    ),
  );
  return findings;
}
