/**
 * Where a received file may land: a name made safe for any file system
 * (no path, no `..`, no control or bidi characters, no reserved Windows
 * name, never empty, never hidden), and a place in the download folder that
 * takes no other file's name — `photo.jpg`, then `photo (1).jpg`, … —
 * reserved so two transfers ending at once cannot take the same one.
 *
 * @module
 */

import { join } from "node:path";
import { MAX_FILE_NAME_LENGTH } from "../protocol/mod.ts";

/** Names Windows keeps for devices, whatever the extension. */
const RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])$/i;

/** Controls, DEL, C1, bidi controls, and characters no common file system takes. */
const UNSAFE =
  // deno-lint-ignore no-control-regex
  /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069<>:"/\\|?*]/g;

/** Longest name kept, leaving room for ` (999)`. */
const KEPT_LENGTH = MAX_FILE_NAME_LENGTH - 8;

/**
 * `name` as a file name that stays in its folder: the last path step only,
 * unsafe characters as `_`, no `..`, no leading dot (nothing hidden) or
 * trailing dot or space, not a reserved Windows name, at most 247
 * characters (the extension kept), never empty (`file`).
 */
export function safeFileName(name: string): string {
  const last = name.split(/[/\\]/).pop() ?? "";
  let safe = last.normalize("NFC").replace(UNSAFE, "_").replace(/\.{2,}/g, ".").trim();
  safe = safe.replace(/^[.\s]+/, "").replace(/[.\s]+$/, "");
  if (safe.length > KEPT_LENGTH) {
    const dot = safe.lastIndexOf(".");
    const extension = dot > 0 && safe.length - dot <= 16 ? safe.slice(dot) : "";
    safe = safe.slice(0, KEPT_LENGTH - extension.length).trimEnd() + extension;
  }
  const stem = safe.includes(".") ? safe.slice(0, safe.indexOf(".")) : safe;
  if (RESERVED.test(stem)) safe = `_${safe}`;
  return safe === "" ? "file" : safe;
}

/** `photo.jpg` → `photo (n).jpg`; `archive.tar.gz` → `archive (n).tar.gz`. */
export function numberedName(name: string, n: number): string {
  if (n === 0) return name;
  const dot = name.indexOf(".", 1);
  return dot < 0 ? `${name} (${n})` : `${name.slice(0, dot)} (${n})${name.slice(dot)}`;
}

/**
 * Moves the finished `part` file into `folder` under `safeFileName(name)`,
 * or the first numbered name free there, never over an existing file. Each
 * candidate is reserved by creating it (`createNew`) before the rename, so
 * two transfers cannot end on one name. Returns the path kept.
 *
 * @throws the file system's error when no name can be taken (the part stays; the caller removes it).
 */
export async function keepFile(part: string, folder: string, name: string): Promise<string> {
  const safe = safeFileName(name);
  for (let n = 0; n < 1_000; n++) {
    const path = join(folder, numberedName(safe, n));
    try {
      const reserved = await Deno.open(path, { write: true, createNew: true, mode: 0o600 });
      reserved.close();
    } catch (error) {
      if (error instanceof Deno.errors.AlreadyExists) continue;
      throw error;
    }
    try {
      await Deno.rename(part, path);
    } catch (error) {
      await Deno.remove(path).catch(() => {});
      throw error;
    }
    return path;
  }
  throw new Error(`Cannot keep file: ${safe} and 999 numbered names are taken in ${folder}`);
}
