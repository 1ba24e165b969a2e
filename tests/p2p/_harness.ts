/**
 * One side of `stealth p2p` run in this process in line mode: stdin and
 * stdout in memory, a signal to leave as Ctrl-C would.
 *
 * @module
 */

import { type P2pOptions, runP2p } from "../../p2p/mod.ts";
import { LineDriver } from "../support/line_driver.ts";

/** Backoff short enough for tests. */
export const FAST_BACKOFF = [30, 60, 120] as const;

/** A `stealth p2p --plain` (or `--json`) side running in this process. */
export class P2pSide extends LineDriver {
  constructor(
    options:
      & Omit<
        P2pOptions,
        "stdin" | "stdout" | "stderr" | "signal" | "mode" | "theme" | "homeDir" | "debug"
      >
      & { json?: boolean },
  ) {
    const { json, ...rest } = options;
    super(
      (io) =>
        runP2p({
          mode: json ? "json" : "plain",
          theme: "plain",
          homeDir: "/nonexistent",
          debug: false,
          tuning: { backoffMs: FAST_BACKOFF },
          ...rest,
          ...io,
        }),
      "the p2p side",
    );
  }
}
