/**
 * Waiting for Ctrl-C, SIGTERM or an abort, for commands that run until told
 * to stop.
 *
 * @module
 */

/**
 * Resolves on SIGINT or SIGTERM (where the platform has them), on `signal`'s
 * abort, or when `stop()` of the returned handle is called. The signal
 * listeners are removed when it resolves.
 */
export function untilStopped(signal?: AbortSignal): { done: Promise<void>; stop(): void } {
  const stopped = Promise.withResolvers<void>();
  const stop = () => stopped.resolve();
  const added: Deno.Signal[] = [];
  for (const name of ["SIGINT", "SIGTERM"] as const) {
    try {
      Deno.addSignalListener(name, stop);
      added.push(name);
    } catch {
      // Windows has no SIGTERM listener; Ctrl-C still works.
    }
  }
  signal?.addEventListener("abort", stop, { once: true });
  if (signal?.aborted) stop();
  const done = stopped.promise.finally(() => {
    signal?.removeEventListener("abort", stop);
    for (const name of added) Deno.removeSignalListener(name, stop);
  });
  return { done, stop };
}
