/**
 * `stealth doctor`: says what is wrong and how to fix it, before a person
 * has to ask. It checks the key (present, a key, readable only by its
 * owner), the clock (as far as protocol v1 lets a member see the server's),
 * a registry and a chat server the way a client reaches them (DNS, TCP, TLS
 * with the circle CA, the proof, the registry's list and each listed
 * server), the local ports (free, or held by this circle's stealth), and
 * whether the LAN can reach what listens here. One line per finding, ✓ ✗ or
 * – (not checked), or `--json`.
 *
 * It only reads and dials: it writes nothing, joins no room (a chat server
 * is probed with a nick-less `auth` it refuses after checking the proof),
 * and never prints a key.
 *
 * @example
 * ```ts ignore
 * import { runDoctor } from "./doctor/mod.ts";
 *
 * const code = await runDoctor({ keyPath: "secret.key", registry: "pi.local", json: false });
 * ```
 *
 * @module
 */

export {
  diagnose,
  DOCTOR_TIMEOUT_MS,
  type DoctorOptions,
  type DoctorReport,
  MAX_LISTED_PROBES,
  runDoctor,
} from "./run_doctor.ts";
export { type CheckName, type Finding, type FindingStatus, renderFinding } from "./finding.ts";
export { checkClock, CLOCK_TOLERANCE_MS, type ClockEvidence } from "./check_clock.ts";
