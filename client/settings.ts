/**
 * The client's own small settings file (`settings.json` in the home): the
 * last nick used, the registry asked last, whether the bell rings. Nothing
 * about messages or members ever goes here. Written atomically (a private
 * temporary file renamed over the old one) with mode 0600.
 *
 * @module
 */

import { writePrivateFile } from "../home/mod.ts";
import { NICK_PATTERN } from "../protocol/mod.ts";

/** What the client remembers between runs. */
export interface ClientSettings {
  /** The nick used last. */
  nick?: string;
  /** The registry (`HOST[:PORT]`) listed last. */
  registry?: string;
  /** Whether a mention rings the terminal bell (default on). */
  bell?: boolean;
}

/** Longest registry text kept. */
const MAX_REGISTRY_LENGTH = 300;

/**
 * Reads the settings; a missing, unreadable or malformed file reads as no
 * settings, and fields that are not what they should be are dropped: a
 * settings file never stops the client.
 */
export async function readSettings(path: string): Promise<ClientSettings> {
  let text: string;
  try {
    text = await Deno.readTextFile(path);
  } catch {
    return {};
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return {};
  }
  return sanitize(raw);
}

/**
 * Writes the settings (only the known fields) atomically with mode 0600,
 * making the home folder (0700) if needed.
 *
 * @throws {Deno.errors.PermissionDenied} and the like when it cannot be written.
 */
export async function writeSettings(path: string, settings: ClientSettings): Promise<void> {
  const clean = sanitize(settings);
  await writePrivateFile(path, JSON.stringify(clean, null, 2) + "\n", { createDir: true });
}

/** Reads, changes some fields, writes; returns what was written. */
export async function updateSettings(
  path: string,
  change: ClientSettings,
): Promise<ClientSettings> {
  const next = { ...await readSettings(path), ...sanitize(change) };
  await writeSettings(path, next);
  return next;
}

function sanitize(raw: unknown): ClientSettings {
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) return {};
  const { nick, registry, bell } = raw as Record<string, unknown>;
  const settings: ClientSettings = {};
  if (typeof nick === "string" && NICK_PATTERN.test(nick)) settings.nick = nick;
  if (
    typeof registry === "string" && registry.trim() !== "" &&
    registry.length <= MAX_REGISTRY_LENGTH && !/[\s\p{Cc}]/u.test(registry)
  ) {
    settings.registry = registry;
  }
  if (typeof bell === "boolean") settings.bell = bell;
  return settings;
}
