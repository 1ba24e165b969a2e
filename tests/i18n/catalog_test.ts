import assert from "node:assert/strict";
import {
  CATALOGS,
  defineTranslation,
  en,
  LANGUAGES,
  type MessagePlaceholders,
  resolveLanguage,
  setLanguage,
  t,
  template,
  Translator,
  translatorFor,
} from "../../i18n/mod.ts";

function placeholders(message: unknown): string[] {
  const texts = typeof message === "string" ? [message] : Object.values(message as object);
  const names = new Set<string>();
  for (const text of texts) for (const m of String(text).matchAll(/\{(\w+)\}/g)) names.add(m[1]!);
  if (typeof message !== "string") names.add("count");
  return [...names].sort();
}

Deno.test("every catalogue has every English key with the same placeholders", () => {
  for (const language of LANGUAGES) {
    const catalog = CATALOGS[language] as Record<string, unknown>;
    assert.deepEqual(Object.keys(catalog).sort(), Object.keys(en).sort(), language);
    for (const [key, message] of Object.entries(en)) {
      assert.deepEqual(placeholders(catalog[key]), placeholders(message), `${language} ${key}`);
      if (typeof message !== "string") {
        assert.equal(typeof catalog[key], "object", `${language} ${key} has plural forms`);
      }
    }
  }
});

Deno.test("every translation differs from English somewhere (it is translated)", () => {
  for (const language of LANGUAGES.filter((l) => l !== "en")) {
    const catalog = CATALOGS[language] as Record<string, unknown>;
    const same = Object.keys(en).filter((k) =>
      JSON.stringify(catalog[k]) === JSON.stringify(en[k as keyof typeof en])
    );
    assert.ok(same.length < Object.keys(en).length / 2, `${language}: ${same.length} untranslated`);
  }
});

Deno.test("defineTranslation() refuses a missing key or a changed placeholder at compile time", () => {
  const source = {
    "a": "hello {nick}",
    "b": { one: "{count} file", other: "{count} files" },
  } as const;
  const good = defineTranslation(source, {
    "a": "hallo {nick}",
    "b": { one: "{count} Datei", other: "{count} Dateien" },
  });
  assert.equal(good.a, "hallo {nick}");
  // @ts-expect-error: "b" is missing
  defineTranslation(source, { "a": "hallo {nick}" });
  // @ts-expect-error: {name} is not {nick}
  defineTranslation(source, { "a": "hallo {name}", "b": { other: "{count} Dateien" } });
  type P = MessagePlaceholders<typeof source["b"]>;
  const p: P = "count";
  assert.equal(p, "count");
});

Deno.test("Translator.t() fills placeholders and picks plural forms by language", () => {
  const source = { "n": { one: "{count} member", other: "{count} members" } } as const;
  const english = new Translator<typeof source>("en", source);
  assert.equal(english.t("n", { count: 1 }), "1 member");
  assert.equal(english.t("n", { count: 1200 }), "1,200 members");
  const german = new Translator<typeof source>("de", {
    n: { one: "{count} Mitglied", other: "{count} Mitglieder" },
  });
  assert.equal(german.t("n", { count: 1200 }), "1.200 Mitglieder");
  const french = new Translator<typeof source>("fr", {
    n: { one: "{count} membre", other: "{count} membres" },
  });
  assert.equal(french.t("n", { count: 0 }), "0 membre"); // French: 0 is "one"
});

Deno.test("Translator formats times, sizes and durations through Intl", () => {
  const en = translatorFor("en");
  const de = translatorFor("de");
  assert.match(en.bytes(1536), /^1\.5 kB$/);
  assert.match(de.bytes(1536), /^1,5 kB$/);
  assert.equal(en.duration(3 * 3600_000 + 12 * 60_000), "3 hr 12 min");
  assert.match(de.duration(45_000), /^45 Sek\.?$/);
  const time = Date.UTC(2026, 10, 27, 14, 5);
  assert.match(en.time(time), /\d{1,2}:05/);
});

Deno.test("resolveLanguage() follows --lang, then LC_ALL, LC_MESSAGES, LANG", () => {
  const env = (vars: Record<string, string>) => ({ get: (name: string) => vars[name] });
  assert.equal(resolveLanguage(undefined, env({})), "en");
  assert.equal(resolveLanguage(undefined, env({ LANG: "de_DE.UTF-8" })), "de");
  assert.equal(
    resolveLanguage(undefined, env({ LANG: "de_DE.UTF-8", LC_MESSAGES: "fr_FR" })),
    "fr",
  );
  assert.equal(resolveLanguage(undefined, env({ LANG: "es_ES", LC_ALL: "C" })), "en");
  assert.equal(resolveLanguage("es", env({ LC_ALL: "de_DE" })), "es");
  assert.equal(resolveLanguage(undefined, env({ LANG: "ja_JP.UTF-8" })), "en");
});

Deno.test("optique's fragments keep the spaces at their edges in every language", () => {
  // They are pieces of optique's sentences: "Error: " + fragment + value + fragment.
  for (const language of LANGUAGES) {
    const catalog = CATALOGS[language] as Record<string, unknown>;
    for (const [key, message] of Object.entries(en)) {
      if (!key.startsWith("cli.optique_")) continue;
      const text = catalog[key] as string;
      const english = message as string;
      assert.equal(/^\s/.test(text), /^\s/.test(english), `${language} ${key} starts like English`);
      assert.equal(/\s$/.test(text), /\s$/.test(english), `${language} ${key} ends like English`);
    }
  }
});

Deno.test("Translator.wait() rounds up, list() joins the language's way", () => {
  assert.equal(translatorFor("en").wait(200), "1 sec");
  assert.equal(translatorFor("en").wait(61_000), "2 min");
  assert.equal(translatorFor("en").list(["a", "b", "c"]), "a, b, and c");
  assert.equal(translatorFor("de").list(["a", "b", "c"]), "a, b und c");
  assert.equal(
    translatorFor("en").dateTime(Date.UTC(2024, 0, 4), "UTC"),
    "Jan 4, 2024, 12:00 AM UTC",
  );
  assert.equal(translatorFor("de").dateTime(Date.UTC(2024, 0, 4), "UTC"), "04.01.2024, 00:00 UTC");
});

Deno.test("template() keeps the placeholders for the logger to fill", () => {
  setLanguage("de");
  try {
    assert.equal(
      template("log.wrong_key"),
      "Verbindung von {address} abgelehnt: falscher Schlüssel (bisher {failures} Fehlversuche)",
    );
    assert.equal(t("chat.joined", { nick: "bob" }), "bob ist beigetreten");
  } finally {
    setLanguage("en");
  }
  assert.equal(t("chat.joined", { nick: "bob" }), "bob joined");
});
