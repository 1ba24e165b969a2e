/**
 * Which language a person reads: `--lang`, else `LC_ALL`, `LC_MESSAGES`,
 * `LANG` (the POSIX order), else English.
 *
 * @module
 */

/** The languages stealth speaks. */
export const LANGUAGES = ["en", "es", "de", "fr"] as const;

/** One of {@linkcode LANGUAGES}. */
export type Language = typeof LANGUAGES[number];

/** The environment, as far as the language needs it. */
export interface LocaleEnv {
  /** Reads one variable. */
  get(name: string): string | undefined;
}

/**
 * The language from a `--lang` value or the environment: `de_DE.UTF-8`,
 * `de-AT`, `de` all mean German; `C`, `POSIX` and unknown ones mean English.
 */
export function resolveLanguage(flag?: string, env: LocaleEnv = Deno.env): Language {
  for (const value of [flag, env.get("LC_ALL"), env.get("LC_MESSAGES"), env.get("LANG")]) {
    if (!value) continue;
    const code = value.toLowerCase().split(/[_.@-]/)[0];
    if ((LANGUAGES as readonly string[]).includes(code ?? "")) return code as Language;
    // A set variable that names another language still decides (POSIX: the
    // first set one wins); English is the fallback for it.
    return "en";
  }
  return "en";
}
