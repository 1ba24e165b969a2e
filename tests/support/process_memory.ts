/**
 * The resident memory of another process, read from `/proc` (Linux). Tests
 * that measure a server's memory run it as its own process, so the test's
 * own allocations do not count.
 *
 * @module
 */

/** The resident set size of `pid` in bytes, or undefined where `/proc` has no answer. */
export async function residentBytes(pid: number): Promise<number | undefined> {
  let status: string;
  try {
    status = await Deno.readTextFile(`/proc/${pid}/status`);
  } catch {
    return undefined;
  }
  const kib = /^VmRSS:\s+(\d+)\s+kB$/m.exec(status)?.[1];
  return kib === undefined ? undefined : Number(kib) * 1024;
}
