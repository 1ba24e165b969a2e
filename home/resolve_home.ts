/**
 * Where stealth keeps a person's files: `secret.key`, `host.key`, the
 * client's small settings file and its log. Servers never write here.
 *
 * @module
 */

import { join } from "node:path";

/** The environment, as far as finding the home needs it. */
export interface HomeEnv {
  /** Reads one environment variable. */
  get(name: string): string | undefined;
}

/** The operating system family, as `Deno.build.os` names it. */
export type Os = typeof Deno.build.os;

/**
 * The home folder: `--home` if given, else `STEALTH_HOME`, else the
 * platform's configuration folder + `/stealth` (`$XDG_CONFIG_HOME` or
 * `~/.config` on Linux, `~/Library/Application Support` on macOS,
 * `%APPDATA%` on Windows).
 */
export function resolveHome(
  flag: string | undefined,
  env: HomeEnv = Deno.env,
  os: Os = Deno.build.os,
): string {
  if (flag) return flag;
  const fromEnv = env.get("STEALTH_HOME");
  if (fromEnv) return fromEnv;
  return join(configDir(env, os), "stealth");
}

function configDir(env: HomeEnv, os: Os): string {
  const userHome = env.get("HOME") ?? env.get("USERPROFILE") ?? ".";
  switch (os) {
    case "windows":
      return env.get("APPDATA") ?? join(userHome, "AppData", "Roaming");
    case "darwin":
      return join(userHome, "Library", "Application Support");
    default:
      return env.get("XDG_CONFIG_HOME") || join(userHome, ".config");
  }
}

/** The files of a home folder. */
export interface HomePaths {
  /** The home folder itself. */
  readonly dir: string;
  /** The circle key: `--key`, else `<home>/secret.key`. */
  readonly key: string;
  /** The host's second secret. */
  readonly hostKey: string;
  /** The client's settings (last nick, registry). */
  readonly settings: string;
  /** Where `--debug` writes when a terminal UI owns the screen. */
  readonly log: string;
  /** Where received files land. */
  readonly downloads: string;
}

/** The paths of a home, with `--key` overriding the key's place. */
export function homePaths(dir: string, keyFlag?: string): HomePaths {
  return {
    dir,
    key: keyFlag ?? join(dir, "secret.key"),
    hostKey: join(dir, "host.key"),
    settings: join(dir, "settings.json"),
    log: join(dir, "stealth.log"),
    downloads: join(dir, "downloads"),
  };
}
