/**
 * How the terminal client looks: "matrix" (green on black, the first
 * version's look) or "plain" (the terminal's own colours, no colour codes:
 * only bold, dim and inverse). `NO_COLOR` chooses plain.
 *
 * @module
 */

/** The theme names `--theme` takes. */
export type ThemeName = "matrix" | "plain";

/** Colours (ink colour names) of the parts of the screen; absent means the terminal's own. */
export interface Theme {
  /** Its name. */
  readonly name: ThemeName;
  /** The whole screen's background. */
  readonly background?: string;
  /** Ordinary text. */
  readonly text?: string;
  /** Highlights: the selected server, a mention, our own nick. */
  readonly accent?: string;
  /** Errors. */
  readonly error?: string;
  /** Private messages' marker. */
  readonly private?: string;
  /** The host's announcements ("Server"). */
  readonly server?: string;
  /** The status bar's text and background; without them it is shown inverse. */
  readonly bar?: { readonly color: string; readonly background: string };
  /** Colours nicks are drawn from; empty: nicks are bold instead. */
  readonly nicks: readonly string[];
}

/** Green on black. */
export const MATRIX_THEME: Theme = {
  name: "matrix",
  background: "black",
  text: "green",
  accent: "greenBright",
  error: "redBright",
  private: "magentaBright",
  server: "yellowBright",
  bar: { color: "black", background: "green" },
  nicks: [
    "greenBright",
    "cyanBright",
    "yellowBright",
    "whiteBright",
    "cyan",
    "yellow",
    "magentaBright",
    "blueBright",
  ],
};

/** No colours at all. */
export const PLAIN_THEME: Theme = { name: "plain", nicks: [] };

/** The environment, as far as the theme needs it. */
export interface ThemeEnv {
  /** Reads one variable. */
  get(name: string): string | undefined;
}

/**
 * The theme to use: plain when asked for, or when `NO_COLOR` is set to
 * anything but the empty string (https://no-color.org); matrix otherwise.
 */
export function themeFor(name: ThemeName, env: ThemeEnv = Deno.env): Theme {
  const noColor = env.get("NO_COLOR");
  if (name === "plain" || (noColor !== undefined && noColor !== "")) return PLAIN_THEME;
  return MATRIX_THEME;
}

/**
 * A nick's colour: the same nick (in any case) always gets the same one,
 * so a reader learns who is who at a glance. `undefined` in a theme
 * without colours.
 */
export function nickColor(nick: string, theme: Theme): string | undefined {
  if (theme.nicks.length === 0) return undefined;
  // FNV-1a over the nick as the server compares nicks.
  let hash = 0x811c9dc5;
  for (const char of nick.normalize("NFC").toLowerCase()) {
    hash ^= char.codePointAt(0)!;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return theme.nicks[hash % theme.nicks.length];
}
