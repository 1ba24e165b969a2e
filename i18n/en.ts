/**
 * English: the source catalogue. Every other language translates exactly
 * these keys with exactly these placeholders (the compiler checks).
 * Keys are grouped by the part that shows them: `cli.`, `chat.`, `ui.`,
 * `host.`, `doctor.`, `key.`, `net.`...
 *
 * @module
 */

import type { Catalog } from "./catalog.ts";

/** The English messages. */
export const en = {
  "chat.joined": "{nick} joined",
  "chat.members_here": { one: "{count} here: {names}", other: "{count} here: {names}" },
} as const satisfies Catalog;

/** The keys of every message. */
export type MessageKey = keyof typeof en;
