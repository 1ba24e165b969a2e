/**
 * German. Checked against the English source by the compiler.
 *
 * @module
 */

import { defineTranslation } from "./define_translation.ts";
import { en } from "./en.ts";

/** The German messages. */
export const de = defineTranslation(en, {
  "chat.joined": "{nick} ist beigetreten",
  "chat.members_here": { one: "{count} hier: {names}", other: "{count} hier: {names}" },
});
