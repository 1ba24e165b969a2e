/**
 * A real full disk for tests: a tmpfs of a few KiB mounted on a fresh
 * folder (Linux, as root, where mounting is allowed), that the test can
 * fill to the last byte. Where it cannot be mounted, {@linkcode
 * TINY_DISK_PROBLEM} says why, so a test can skip with a printed reason.
 *
 * @module
 */

/** A mounted tmpfs; `remove()` unmounts it and deletes the folder. */
export interface TinyDisk {
  /** The mount point. */
  readonly path: string;
  /** Writes a file until the disk refuses with ENOSPC; returns the bytes it took. */
  fill(): Promise<number>;
  /** Unmounts and removes the mount point. */
  remove(): Promise<void>;
}

async function run(command: string, args: string[]): Promise<string | undefined> {
  try {
    const out = await new Deno.Command(command, { args, stdout: "null", stderr: "piped" }).output();
    return out.success ? undefined : new TextDecoder().decode(out.stderr).trim() || "failed";
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

/** Mounts a tmpfs of `kib` KiB; throws with mount's words when it cannot. */
export async function tinyDisk(kib: number): Promise<TinyDisk> {
  const path = await Deno.makeTempDir({ prefix: "stealth-tiny-disk-" });
  const problem = await run("mount", [
    "-t",
    "tmpfs",
    "-o",
    `size=${kib}k,mode=0700`,
    "tmpfs",
    path,
  ]);
  if (problem !== undefined) {
    await Deno.remove(path).catch(() => {});
    throw new Error(`Cannot mount a tmpfs: ${problem}`);
  }
  return {
    path,
    async fill() {
      const file = await Deno.open(`${path}/filler`, { write: true, create: true });
      const block = new Uint8Array(4096).fill(0x5a);
      let total = 0;
      try {
        // Bounded: a disk of `kib` KiB takes at most that many bytes, plus one refused block.
        for (let i = 0; i <= kib / 4 + 1; i++) total += await file.write(block);
        throw new Error(`Cannot fill ${path}: it took ${total} bytes without refusing`);
      } catch (error) {
        if (!(error instanceof Error && /no space|ENOSPC|os error 28/i.test(error.message))) {
          throw error;
        }
      } finally {
        file.close();
      }
      return total;
    },
    async remove() {
      await run("umount", [path]);
      await Deno.remove(path, { recursive: true }).catch(() => {});
    },
  };
}

/** Why a tiny disk cannot be had here, or undefined when it can. */
export const TINY_DISK_PROBLEM: string | undefined = await (async () => {
  if (Deno.build.os !== "linux") return "not Linux";
  try {
    const disk = await tinyDisk(64);
    await disk.remove();
    return undefined;
  } catch (error) {
    return (error as Error).message;
  }
})();
