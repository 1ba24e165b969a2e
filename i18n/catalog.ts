/**
 * The shape of a message catalogue, checked by the compiler: every language
 * has every key of the English source, and each message has exactly the
 * placeholders of its English original. A message is a string with
 * `{name}` placeholders, or plural forms (`one`, `other`, …, chosen with
 * `Intl.PluralRules` by the `count` parameter).
 *
 * @module
 */

/** Plural forms of one message; `other` is required by every language. */
export type PluralForms = {
  readonly zero?: string;
  readonly one?: string;
  readonly two?: string;
  readonly few?: string;
  readonly many?: string;
  readonly other: string;
};

/** One message: text, or plural forms of text. */
export type Message = string | PluralForms;

/** A catalogue: message keys to messages. */
export type Catalog = { readonly [key: string]: Message };

/** The placeholder names in a string literal type: `"{a} and {b}"` → `"a" | "b"`. */
export type PlaceholdersOf<S extends string> = S extends `${string}{${infer P}}${infer Rest}`
  ? P | PlaceholdersOf<Rest>
  : never;

/** The placeholders of a message, across all its plural forms (`count` included for plurals). */
export type MessagePlaceholders<M> = M extends string ? PlaceholdersOf<M>
  : M extends PluralForms ? "count" | PlaceholdersOf<Extract<M[keyof M], string>>
  : never;

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;

/**
 * A translation of `Source`: the same keys, and for each key the same
 * placeholders. A key whose placeholders differ becomes `never`, so the
 * compiler names it.
 */
export type TranslationOf<Source extends Catalog, T> =
  & { readonly [K in keyof Source]: K extends keyof T ? T[K] : Message }
  & {
    readonly [K in keyof Source & keyof T]: Same<
      MessagePlaceholders<Source[K]>,
      MessagePlaceholders<T[K]>
    > extends true ? T[K]
      : never;
  };
