/**
 * Helpers for component tests with ink-testing-library: keys as the
 * terminal sends them, typing one key per render, and bounded waits for a
 * frame.
 *
 * @module
 */

import type { render } from "ink-testing-library";
import { waitFor } from "../../support/wait_for.ts";

/** A rendered component. */
export type Rendered = ReturnType<typeof render>;

/** Keys as a terminal sends them. */
export const KEY = {
  up: "\x1b[A",
  down: "\x1b[B",
  pageUp: "\x1b[5~",
  pageDown: "\x1b[6~",
  home: "\x1b[H",
  end: "\x1b[F",
  tab: "\t",
  enter: "\r",
  escape: "\x1b",
  backspace: "\x7f",
  ctrlC: "\x03",
} as const;

/** Lets React and ink render what the last input changed. */
export function settle(ms = 25): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Sends keys (or text) one at a time, letting each render before the next. */
export async function press(app: Rendered, ...keys: string[]): Promise<void> {
  for (const key of keys) {
    app.stdin.write(key);
    await settle();
  }
}

/** Types `text` and Enter. */
export async function typeLine(app: Rendered, text: string): Promise<void> {
  await press(app, text, KEY.enter);
}

/** The last frame, or "". */
export function frame(app: Rendered): string {
  return app.lastFrame() ?? "";
}

/** Waits for a frame matching `pattern`; fails with the last frame. */
export async function frameMatching(
  app: Rendered,
  pattern: RegExp,
  timeoutMs = 3_000,
): Promise<string> {
  try {
    await waitFor(() => pattern.test(frame(app)), `a frame matching ${pattern}`, timeoutMs);
  } catch (error) {
    throw new Error(`${(error as Error).message}\n--- last frame\n${frame(app)}`);
  }
  // A frame is written before React runs its effects, which is where a new
  // screen starts listening for keys: give them their turn before typing.
  await settle();
  return frame(app);
}

/** The frame's lines with trailing spaces cut. */
export function lines(app: Rendered): string[] {
  return frame(app).split("\n").map((line) => line.trimEnd());
}
