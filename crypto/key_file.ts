/**
 * Key files on disk (`secret.key`, `host.key`): read with a one-line answer for
 * every way they go wrong, written atomically with mode 0600.
 *
 * @module
 */

import { writePrivateFile } from "../home/mod.ts";
import { t } from "../i18n/mod.ts";
import { KEY_TEXT_LENGTH, KeyError, parseKey, type SecretKey } from "./secret_key.ts";

/** More than any key file with white space around the key; a longer file is not a key. */
const MAX_KEY_FILE_BYTES = 1024;
const POSIX = Deno.build.os !== "windows";

/** Options of {@linkcode readKeyFile}. */
export interface ReadKeyFileOptions {
  /** Receives one line when the file is readable by others; default: write it to stderr. */
  warn?: (line: string) => void;
}

/** Options of {@linkcode writeKeyFile}. */
export interface WriteKeyFileOptions {
  /** Replace an existing file (members holding the old key are locked out). */
  force?: boolean;
}

/**
 * Reads and parses a key file. A file that group or others may read or write
 * still loads, after one line to `warn` saying how to fix it.
 *
 * @throws {KeyError} one line naming the path, what is wrong and what to do, for a
 * missing file, a directory, a file that cannot be read, an empty file or one that
 * does not hold a key. Never the file's content.
 */
export async function readKeyFile(
  path: string,
  options: ReadKeyFileOptions = {},
): Promise<SecretKey> {
  const warn = options.warn ?? ((line: string) => console.error(line));

  let info: Deno.FileInfo;
  try {
    info = await Deno.stat(path);
  } catch (error) {
    throw readError(path, error);
  }
  if (info.isDirectory) {
    throw new KeyError(t("key.is_folder", { path }));
  }
  if (!info.isFile) {
    throw new KeyError(t("key.not_regular", { path }));
  }

  const bytes = await readBounded(path);
  if (bytes.length > MAX_KEY_FILE_BYTES) {
    throw new KeyError(
      t("key.too_large", { path, max: MAX_KEY_FILE_BYTES, length: KEY_TEXT_LENGTH }),
    );
  }

  let key: SecretKey;
  try {
    key = parseKey(new TextDecoder().decode(bytes));
  } catch (error) {
    if (error instanceof KeyError) {
      throw new KeyError(t("key.in_file", { path, problem: error.message }), { cause: error });
    }
    throw error;
  }

  if (POSIX && info.mode !== null && (info.mode & 0o077) !== 0) {
    warn(t("key.readable_by_others", { path }));
  }
  return key;
}

/**
 * Writes key text (as made by `generateKey`) to `path` atomically: the parent
 * folder is made with mode 0700 if missing, the key goes to a temporary file
 * made with mode 0600 beside the target, which is then renamed over it.
 *
 * @throws {KeyError} when the text is not a key, when `path` exists and `force`
 * is not set, or with a one-line reason when the file cannot be written (the
 * temporary file is removed first).
 */
export async function writeKeyFile(
  path: string,
  keyText: string,
  options: WriteKeyFileOptions = {},
): Promise<void> {
  parseKey(keyText);
  const content = new TextEncoder().encode(keyText.trim() + "\n");

  try {
    const existing = await Deno.lstat(path);
    if (existing.isDirectory) {
      throw new KeyError(t("key.write_is_folder", { path }));
    }
    if (!options.force) {
      throw new KeyError(t("key.exists", { path }));
    }
  } catch (error) {
    if (error instanceof KeyError) throw error;
    if (!(error instanceof Deno.errors.NotFound)) throw writeError(path, error);
  }

  try {
    await writePrivateFile(path, content, { createDir: true });
  } catch (error) {
    throw writeError(path, error);
  }
}

/** Reads at most one byte more than a key file may hold, so a huge file is never loaded. */
async function readBounded(path: string): Promise<Uint8Array> {
  let file: Deno.FsFile;
  try {
    file = await Deno.open(path, { read: true });
  } catch (error) {
    throw readError(path, error);
  }
  try {
    const buffer = new Uint8Array(MAX_KEY_FILE_BYTES + 1);
    let length = 0;
    while (length < buffer.length) {
      const count = await file.read(buffer.subarray(length));
      if (count === null) break;
      length += count;
    }
    return buffer.subarray(0, length);
  } catch (error) {
    throw readError(path, error);
  } finally {
    file.close();
  }
}

function readError(path: string, error: unknown): KeyError {
  if (error instanceof Deno.errors.NotFound) {
    return new KeyError(t("key.missing", { path }), { cause: error });
  }
  if (error instanceof Deno.errors.PermissionDenied) {
    return new KeyError(t("key.read_denied", { path }), { cause: error });
  }
  if (error instanceof Deno.errors.NotCapable) {
    return new KeyError(t("key.read_not_capable", { path }), { cause: error });
  }
  if (error instanceof Deno.errors.NotADirectory) {
    return new KeyError(t("key.path_not_folder", { path }), { cause: error });
  }
  return new KeyError(t("key.read_failed", { path, reason: reasonOf(error) }), { cause: error });
}

function writeError(path: string, error: unknown): KeyError {
  if (error instanceof KeyError) return error;
  if (error instanceof Deno.errors.PermissionDenied) {
    return new KeyError(t("key.write_denied", { path }), { cause: error });
  }
  if (error instanceof Deno.errors.NotCapable) {
    return new KeyError(t("key.write_not_capable", { path }), { cause: error });
  }
  const code = (error as { code?: unknown } | null)?.code;
  if (code === "ENOSPC" || code === "EDQUOT") {
    return new KeyError(t("key.disk_full", { path }), { cause: error });
  }
  if (code === "EROFS") {
    return new KeyError(t("key.read_only", { path }), { cause: error });
  }
  return new KeyError(t("key.write_failed", { path, reason: reasonOf(error) }), { cause: error });
}

/**
 * The operating system's reason in a few words, without Deno's "(os error N): op 'path'" tail.
 * The system says it in English; stealth does not translate what it did not write.
 */
function reasonOf(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const reason = (message.split("\n")[0] ?? "").replace(/\s*\(os error \d+\).*$/, "").trim();
  if (reason === "") return t("key.unknown_error");
  return reason[0]!.toLowerCase() + reason.slice(1);
}
