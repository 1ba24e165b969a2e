/**
 * French. Checked against the English source by the compiler.
 *
 * @module
 */

import { defineTranslation } from "./define_translation.ts";
import { en } from "./en.ts";

/** The French messages. */
export const fr = defineTranslation(en, {
  "chat.joined": "{nick} est arrivé",
  "chat.members_here": { one: "{count} ici : {names}", other: "{count} ici : {names}" },
});
