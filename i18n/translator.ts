/**
 * Turning a message key and its parameters into text in one language, with
 * plural rules, numbers, times, durations and sizes through `Intl`.
 *
 * @module
 */

import type { Catalog, Message, MessagePlaceholders, PluralForms } from "./catalog.ts";
import type { Language } from "./locale.ts";

/** A parameter value: strings as they are, numbers formatted for the language. */
export type ParamValue = string | number;

/** The parameters a message of `Source` under key `K` takes. */
export type ParamsOf<Source extends Catalog, K extends keyof Source> =
  [MessagePlaceholders<Source[K]>] extends [never] ? [params?: Record<string, never>]
    : [params: { readonly [P in MessagePlaceholders<Source[K]>]: ParamValue }];

/** Text for keys of one catalogue, in one language. */
export class Translator<Source extends Catalog> {
  readonly language: Language;
  readonly #messages: Catalog;
  readonly #plural: Intl.PluralRules;
  readonly #number: Intl.NumberFormat;

  /** A translator reading `messages`, which must have every key of the source. */
  constructor(language: Language, messages: Catalog) {
    this.language = language;
    this.#messages = messages;
    this.#plural = new Intl.PluralRules(language);
    this.#number = new Intl.NumberFormat(language);
  }

  /** The text of `key` with its placeholders filled in. */
  t<K extends keyof Source & string>(key: K, ...[params]: ParamsOf<Source, K>): string {
    const message: Message | undefined = this.#messages[key];
    if (message === undefined) return key; // cannot happen for a checked catalogue
    const values = (params ?? {}) as Record<string, ParamValue>;
    const text = typeof message === "string" ? message : this.#pick(message, values["count"]);
    return text.replace(/\{(\w+)\}/g, (whole, name: string) => {
      const value = values[name];
      if (value === undefined) return whole;
      return typeof value === "number" ? this.#number.format(value) : value;
    });
  }

  #pick(forms: PluralForms, count: ParamValue | undefined): string {
    const n = typeof count === "number" ? count : Number(count);
    const category = Number.isFinite(n) ? this.#plural.select(n) : "other";
    return forms[category] ?? forms.other;
  }

  /** A wall-clock time, hours and minutes on a 24-hour clock (`14:05`). */
  time(ms: number): string {
    // A 24-hour clock in every language: chat lines stay narrow and line up.
    return new Intl.DateTimeFormat(this.language, {
      hour: "2-digit",
      minute: "2-digit",
      hourCycle: "h23",
    }).format(ms);
  }

  /**
   * A date and time, for "up since"; with `timeZone` (e.g. "UTC") in that
   * zone and naming it, for dates that must read the same on every machine
   * (`Jan 4, 2024, 12:00 AM UTC`, `04.01.2024, 00:00 UTC`).
   */
  dateTime(ms: number, timeZone?: string): string {
    const format = new Intl.DateTimeFormat(this.language, {
      dateStyle: "medium",
      timeStyle: "short",
      ...(timeZone === undefined ? {} : { timeZone }),
    }).format(ms);
    return timeZone === undefined ? format : `${format} ${timeZone}`;
  }

  /** A number in the language's way (`1,234.5`, `1.234,5`). */
  number(n: number, options?: Intl.NumberFormatOptions): string {
    return options
      ? new Intl.NumberFormat(this.language, options).format(n)
      : this.#number.format(n);
  }

  /** A size in bytes, in the largest unit that keeps it readable (`1.5 MB`). */
  bytes(n: number): string {
    const units = ["byte", "kilobyte", "megabyte", "gigabyte"] as const;
    let value = n;
    let unit = 0;
    while (value >= 1024 && unit < units.length - 1) {
      value /= 1024;
      unit++;
    }
    return new Intl.NumberFormat(this.language, {
      style: "unit",
      unit: units[unit],
      unitDisplay: unit === 0 ? "long" : "short",
      maximumFractionDigits: value < 10 && unit > 0 ? 1 : 0,
    }).format(value);
  }

  /** Items as a list in the language's way (`a, b and c`, `a, b y c`). */
  list(items: readonly string[]): string {
    return new Intl.ListFormat(this.language, { type: "conjunction" }).format(items);
  }

  /**
   * A wait, rounded up to the second so "1 s" never shows as "0 s"
   * (`1 s`, `2 min`, `1 h 30 min`).
   */
  wait(ms: number): string {
    const s = Math.max(1, Math.ceil(ms / 1000));
    return this.duration(s < 60 ? s * 1000 : Math.ceil(s / 60) * 60_000);
  }

  /** A span of time, at most two units (`3 h 12 min`, `45 s`). */
  duration(ms: number): string {
    const s = Math.max(0, Math.round(ms / 1000));
    const parts: [number, "day" | "hour" | "minute" | "second"][] = s >= 86_400
      ? [[Math.floor(s / 86_400), "day"], [Math.floor((s % 86_400) / 3600), "hour"]]
      : s >= 3600
      ? [[Math.floor(s / 3600), "hour"], [Math.floor((s % 3600) / 60), "minute"]]
      : s >= 60
      ? [[Math.floor(s / 60), "minute"], [s % 60, "second"]]
      : [[s, "second"]];
    return parts
      .filter(([n], i) => i === 0 || n > 0)
      .map(([n, unit]) =>
        new Intl.NumberFormat(this.language, { style: "unit", unit, unitDisplay: "short" }).format(
          n,
        )
      )
      .join(" ");
  }
}
