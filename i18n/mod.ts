/**
 * Every word a person reads, in their language: typed message catalogues
 * (English is the source; Spanish, German and French are checked against it
 * by the compiler, keys and placeholders alike), the language from `--lang`
 * or the environment, and times, numbers, sizes and plurals through `Intl`.
 * The protocol stays language-neutral: servers send codes, clients
 * translate.
 *
 * @module
 */

import { de } from "./de.ts";
import { en, type MessageKey } from "./en.ts";
import { es } from "./es.ts";
import { fr } from "./fr.ts";
import type { Language } from "./locale.ts";
import { type ParamsOf, Translator } from "./translator.ts";

export type { Catalog, Message, MessagePlaceholders, PluralForms } from "./catalog.ts";
export { defineTranslation } from "./define_translation.ts";
export { en, type MessageKey } from "./en.ts";
export { type Language, LANGUAGES, type LocaleEnv, resolveLanguage } from "./locale.ts";
export { type ParamsOf, type ParamValue, Translator } from "./translator.ts";

/** Every catalogue, by language. */
export const CATALOGS = { en, es, de, fr } as const;

const translators = new Map<Language, Translator<typeof en>>();

/** The translator of one language (made once). */
export function translatorFor(language: Language): Translator<typeof en> {
  let translator = translators.get(language);
  if (translator === undefined) {
    translator = new Translator<typeof en>(language, CATALOGS[language]);
    translators.set(language, translator);
  }
  return translator;
}

let current = translatorFor("en");

/** Sets the language of {@linkcode t} for the whole process (main.ts does, once). */
export function setLanguage(language: Language): void {
  current = translatorFor(language);
}

/** The language {@linkcode t} speaks now. */
export function currentTranslator(): Translator<typeof en> {
  return current;
}

/** The text of `key` in the current language. */
export function t<K extends MessageKey>(key: K, ...params: ParamsOf<typeof en, K>): string {
  return current.t(key, ...params);
}
