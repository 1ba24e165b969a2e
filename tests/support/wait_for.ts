/**
 * Bounded waiting for tests: poll a condition, or race a promise against a
 * deadline, and fail with a message that says what never happened.
 *
 * @module
 */

import { setImmediate } from "node:timers";

/** Resolves once `condition()` is true; rejects after `timeoutMs` (default 5 s). */
export async function waitFor(
  condition: () => boolean,
  what: string,
  timeoutMs = 5_000,
): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (!condition()) {
    if (performance.now() > deadline) {
      throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

/** `promise`, or a rejection naming `what` after `timeoutMs` (default 5 s). */
export async function within<T>(promise: Promise<T>, what: string, timeoutMs = 5_000): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    return await Promise.race([
      promise,
      new Promise<never>((_, reject) => {
        timer = setTimeout(
          () => reject(new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`)),
          timeoutMs,
        );
      }),
    ]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Resolves after the current turn of the event loop: after every
 * `setImmediate` callback queued before this call (such as a flush round),
 * and before any queued by those. A timer of 0 ms would not do: under load
 * the runtime may run it before the immediates, or after the next ones.
 */
export function nextTurn(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
