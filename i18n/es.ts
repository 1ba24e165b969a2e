/**
 * Spanish. Checked against the English source by the compiler.
 *
 * @module
 */

import { defineTranslation } from "./define_translation.ts";
import { en } from "./en.ts";

/** The Spanish messages. */
export const es = defineTranslation(en, {
  "chat.joined": "{nick} se unió",
  "chat.members_here": { one: "{count} aquí: {names}", other: "{count} aquí: {names}" },
});
