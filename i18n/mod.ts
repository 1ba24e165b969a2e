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

import type { Catalog, Message, MessagePlaceholders } from "./catalog.ts";
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

/** The keys of messages without placeholders: text as it is, e.g. for tables of help lines. */
export type PlainKey = {
  [K in MessageKey]: [MessagePlaceholders<typeof en[K]>] extends [never] ? K : never;
}[MessageKey];

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

/** A span of time in the current language, at most two units (`3 hr 12 min`, `3 Std. 12 Min.`). */
export function duration(ms: number): string {
  return current.duration(ms);
}

/** A wait in the current language, rounded up to the second (`1 sec`, never `0 sec`). */
export function wait(ms: number): string {
  return current.wait(ms);
}

/** A wall-clock time in the current language (`02:05 PM`, `14:05`). */
export function time(ms: number): string {
  return current.time(ms);
}

/** A date and time in the current language; `timeZone` (e.g. "UTC") fixes and names the zone. */
export function dateTime(ms: number, timeZone?: string): string {
  return current.dateTime(ms, timeZone);
}

/** A number in the current language (`1,234`, `1.234`). */
export function number(n: number): string {
  return current.number(n);
}

/** A size in bytes in the current language, in the largest readable unit (`1.5 MB`). */
export function bytes(n: number): string {
  return current.bytes(n);
}

/** A list in the current language (`a, b and c`). */
export function list(items: readonly string[]): string {
  return current.list(items);
}

/**
 * The text of `key` in the current language with its `{placeholders}` left
 * in: a log template, whose properties the logger fills (and redacts).
 */
export function template(key: MessageKey): string {
  const message: Message | undefined = (CATALOGS[current.language] as Catalog)[key];
  if (message === undefined) return key; // cannot happen for a checked catalogue
  return typeof message === "string" ? message : message.other;
}
