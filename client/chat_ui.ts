/**
 * `stealth chat` without `--plain`: the full-screen terminal client. This
 * file holds its options and loads the screen code (ink, React) only when
 * it runs, so the line-mode client and other commands never pay for it.
 *
 * @module
 */

import type { ChatConnectionOptions } from "./chat_connection.ts";
import type { DirectMode } from "./direct_chat.ts";
import type { FileOptions } from "./file_transfers.ts";
import type { ThemeName } from "./ui/theme.ts";

/** Knobs for tests; people never need them. */
export interface ChatUiTuning
  extends
    Pick<ChatConnectionOptions, "backoffMs" | "keepTryingMs" | "pingIntervalMs" | "peerTimeoutMs"> {
  /** How long leaving waits for pending messages (default 5 s). */
  closeTimeoutMs?: number;
}

/** Options of {@linkcode runChatUi}; main.ts resolves the defaults it knows. */
export interface ChatUiOptions {
  /** Path of secret.key. */
  keyPath: string;
  /** Path of host.key, to ask for host powers. */
  hostKeyPath?: string;
  /** The CA of a server with an external certificate (`--ca FILE`). */
  caFile?: string;
  /** `HOST[:PORT]` to go straight to; without it, the registry's server browser. */
  server?: string;
  /** `--nick`; else the last nick used (settings.json); else a prompt. */
  nick?: string;
  /** `--registry HOST[:PORT]`; else the last one used; else `localhost:5556`. */
  registry?: string;
  /** `--theme`: "matrix" (green on black) or "plain"; `NO_COLOR` means plain. */
  theme: ThemeName;
  /** The home folder: settings.json and the default log file live there. */
  homeDir: string;
  /** `--log-file`: where the debug trace goes (default `<home>/stealth.log`). */
  logFile?: string;
  /** `--debug` (or STEALTH_DEBUG): start with the trace on; `/debug on|off` switches it. */
  debug: boolean;
  /** Test knobs. */
  tuning?: ChatUiTuning;
  /**
   * Direct (p2p) mode: `server` is a p2p listener (or, with `listening`,
   * our own over loopback); the status bar says "direct", nothing is
   * remembered in settings.json, there is no server browser.
   */
  direct?: DirectMode;
  /** The port when `server` names none (default 5555). */
  defaultPort?: number;
  /** File sharing: download folder, `--auto-accept`, limits. */
  files?: FileOptions;
}

/**
 * Runs the terminal client until `/quit`, Ctrl+C or a signal, and resolves
 * with the exit code: 0 ok; 1 a failure (key unreadable, server or
 * registry unreachable, went offline, messages left unsent); 2 a bad
 * address or no terminal; 3 the server or registry is not in our circle.
 * Logs never reach the screen: the trace goes to the log file, warnings to
 * the message pane.
 */
export async function runChatUi(options: ChatUiOptions): Promise<number> {
  const { runChatScreen } = await import("./ui/run_chat_ui.tsx");
  return await runChatScreen(options);
}
