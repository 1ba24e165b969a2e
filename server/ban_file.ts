/**
 * `--bans FILE`: the one thing a chat server may write, for hosts who want
 * bans to survive a restart. JSON `{"v":1,"bans":[...]}`, written whole on
 * every change to a temporary file (mode 0600) beside it and renamed over
 * it, so a crash never leaves half a file.
 *
 * @module
 */

import { dirname } from "node:path";
import * as v from "valibot";
import { writePrivateFile } from "../home/mod.ts";
import { t } from "../i18n/mod.ts";
import { BanSchema } from "../protocol/mod.ts";
import type { Ban } from "./ban_list.ts";

/** Largest bans file read: far more than the most bans a list holds. */
const MAX_FILE_BYTES = 16 * 1024 * 1024;

const FileSchema = v.object({ v: v.literal(1), bans: v.array(BanSchema) });

/** A bans file that cannot be read or written; `message` is one line for the host. */
export class BanFileError extends Error {
  /** Makes the error. */
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = "BanFileError";
  }
}

/**
 * The bans in `path`; none when the file does not exist yet.
 *
 * @throws {BanFileError} when it cannot be read or is not a bans file.
 */
export async function readBanFile(path: string): Promise<Ban[]> {
  let text: string;
  try {
    const info = await Deno.stat(path);
    if (!info.isFile) throw new BanFileError(t("host.bans_not_file", { path }));
    if (info.size > MAX_FILE_BYTES) {
      throw new BanFileError(t("host.bans_too_large", { path }));
    }
    text = await Deno.readTextFile(path);
  } catch (error) {
    if (error instanceof BanFileError) throw error;
    if (error instanceof Deno.errors.NotFound) {
      // No file yet: fine, as long as it can be written when the first ban comes.
      const folder = await Deno.stat(dirname(path)).catch(() => undefined);
      if (folder?.isDirectory) return [];
      throw new BanFileError(t("host.bans_no_folder", { path, folder: dirname(path) }));
    }
    throw new BanFileError(t("host.bans_unreadable", { path, reason: reasonOf(error) }), {
      cause: error,
    });
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (cause) {
    throw new BanFileError(t("host.bans_not_json", { path }), { cause });
  }
  const result = v.safeParse(FileSchema, value);
  if (!result.success) {
    throw new BanFileError(t("host.bans_not_bans", { path }));
  }
  return result.output.bans;
}

/**
 * Writes the bans to one file, one write at a time: a change during a write
 * is written next, and only the latest list is.
 */
export class BanFileWriter {
  readonly #path: string;
  readonly #onError: (error: BanFileError) => void;
  #next: Ban[] | undefined;
  #running: Promise<void> | undefined;

  /** A writer for `path`; write failures go to `onError` (the server keeps running). */
  constructor(path: string, onError: (error: BanFileError) => void) {
    this.#path = path;
    this.#onError = onError;
  }

  /** Schedules `bans` to be written. */
  write(bans: readonly Ban[]): void {
    this.#next = [...bans];
    this.#running ??= this.#drain();
  }

  /** Resolves once every scheduled write is done. */
  async flush(): Promise<void> {
    while (this.#running !== undefined) await this.#running;
  }

  async #drain(): Promise<void> {
    try {
      for (let bans = this.#next; bans !== undefined; bans = this.#next) {
        this.#next = undefined;
        try {
          await writeBanFile(this.#path, bans);
        } catch (error) {
          this.#onError(
            error instanceof BanFileError ? error : new BanFileError(
              t("host.bans_unwritable", { path: this.#path, reason: reasonOf(error) }),
              { cause: error },
            ),
          );
        }
      }
    } finally {
      this.#running = undefined;
    }
  }
}

/** Writes `bans` to `path` atomically with mode 0600. @throws {BanFileError} */
export async function writeBanFile(path: string, bans: readonly Ban[]): Promise<void> {
  const content = new TextEncoder().encode(JSON.stringify({ v: 1, bans }, null, 1) + "\n");
  try {
    await writePrivateFile(path, content);
  } catch (error) {
    throw new BanFileError(t("host.bans_unwritable", { path, reason: reasonOf(error) }), {
      cause: error,
    });
  }
}

function reasonOf(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const reason = (message.split("\n")[0] ?? "").replace(/\s*\(os error \d+\).*$/, "").trim();
  return reason === "" ? t("key.unknown_error") : reason[0]!.toLowerCase() + reason.slice(1);
}
