/**
 * Declares a translation of the English catalogue, checked by the compiler.
 *
 * @module
 */

import type { Catalog, TranslationOf } from "./catalog.ts";

/**
 * Returns `translation` as is; its type must have every key of `source`
 * with the same placeholders, or `deno check` fails naming the key.
 *
 * @example
 * ```ts ignore
 * export const de = defineTranslation(en, { "chat.joined": "{nick} ist da" });
 * ```
 */
export function defineTranslation<Source extends Catalog, const T extends Catalog>(
  _source: Source,
  translation: T & TranslationOf<Source, T>,
): T {
  return translation;
}
