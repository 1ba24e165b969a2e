/**
 * Writing a small file only its owner may read, so that a crash or a full
 * disk never leaves half of it: a temporary file beside it (mode 0600,
 * whatever the umask), synced, renamed over the old one, the folder synced.
 * The key file, the host's bans file and the client's settings use it.
 *
 * @module
 */

import { randomBytes } from "node:crypto";
import { basename, dirname, join } from "node:path";

const POSIX = Deno.build.os !== "windows";

/**
 * Writes `content` (text is UTF-8) to `path` atomically with mode 0600,
 * making its folder (mode 0700) first when `createDir` is set. On failure
 * the temporary file is removed and the old file, if any, is untouched.
 *
 * @throws the file system's error (the caller words it for people).
 */
export async function writePrivateFile(
  path: string,
  content: Uint8Array | string,
  options: { createDir?: boolean } = {},
): Promise<void> {
  const bytes = typeof content === "string" ? new TextEncoder().encode(content) : content;
  const dir = dirname(path);
  if (options.createDir) await Deno.mkdir(dir, { recursive: true, mode: 0o700 });
  const temp = join(dir, `.${basename(path)}.${randomBytes(6).toString("hex")}.tmp`);
  let created = false;
  try {
    const file = await Deno.open(temp, { write: true, createNew: true, mode: 0o600 });
    created = true;
    try {
      // The umask may have taken owner bits away; the mode must be exactly 0600.
      if (POSIX) await Deno.chmod(temp, 0o600);
      let written = 0;
      while (written < bytes.length) written += await file.write(bytes.subarray(written));
      await file.sync();
    } finally {
      file.close();
    }
    await Deno.rename(temp, path);
    created = false;
  } catch (error) {
    if (created) await Deno.remove(temp).catch(() => {});
    throw error;
  }
  await syncDirectory(dir);
}

/** Makes the rename durable; a file system that cannot sync a folder still has the file. */
async function syncDirectory(dir: string): Promise<void> {
  if (!POSIX) return;
  try {
    const handle = await Deno.open(dir, { read: true });
    try {
      await handle.sync();
    } finally {
      handle.close();
    }
  } catch {
    // Not supported here: the rename is still done.
  }
}
