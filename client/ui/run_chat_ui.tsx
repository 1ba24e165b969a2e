/**
 * Starts the terminal client for real: key and settings from the home,
 * logging kept off the screen, ink on the terminal (alternate screen, raw
 * keys, resize), signals turned into a proper leave, and the exit code.
 *
 * @module
 */

import process from "node:process";
import { render } from "ink";
import { KeyError, readKeyFile, type SecretKey } from "../../crypto/mod.ts";
import { homePaths } from "../../home/mod.ts";
import { t } from "../../i18n/mod.ts";
import { getLogger, setupLogging } from "../../log/mod.ts";
import { hostPort } from "../../net/mod.ts";
import { DEFAULT_REGISTRY_PORT, NICK_PATTERN } from "../../protocol/mod.ts";
import { listServers, parseHostPort } from "../../registry/mod.ts";
import { ChatConnection, DEFAULT_KEEP_TRYING_MS } from "../chat_connection.ts";
import type { ChatUiOptions } from "../chat_ui.ts";
import { EXIT_FAILURE, EXIT_USAGE } from "../plain_chat.ts";
import { type ClientSettings, readSettings, updateSettings } from "../settings.ts";
import { ChatApp, type ChatExit } from "./chat_app.tsx";
import { LogLines } from "./log_feed.ts";
import { themeFor } from "./theme.ts";

/** The registry asked when neither `--registry` nor the settings name one. */
export const DEFAULT_REGISTRY = "localhost:5556";

/** The bell rings at most this often. */
const BELL_INTERVAL_MS = 1_000;

const log = getLogger(["stealth", "client"]);

/** {@linkcode runChatUi}'s body, loaded on demand. */
export async function runChatScreen(options: ChatUiOptions): Promise<number> {
  const stderr = (line: string) => console.error(line);
  if (!Deno.stdin.isTerminal() || !Deno.stdout.isTerminal()) {
    stderr(`stealth: ${t("ui.needs_terminal")}`);
    return EXIT_USAGE;
  }
  const home = homePaths(options.homeDir);
  const logFile = options.logFile ?? home.log;
  const logs = new LogLines();

  // From here on nothing may write to the terminal but ink.
  const setDebug = async (on: boolean): Promise<string> => {
    await setupLogging(
      on ? { debug: true, logFile, sink: logs.sink } : { debug: false, sink: logs.sink },
    );
    return on ? t("ui.debug_on", { file: logFile }) : t("ui.debug_off");
  };
  try {
    await setDebug(options.debug);
  } catch (error) {
    await setupLogging({ debug: false, sink: logs.sink });
    logs.push(t("ui.log_file_failed", { file: logFile, reason: (error as Error).message }));
  }

  let key: SecretKey;
  let hostKey: SecretKey | undefined;
  try {
    key = await readKeyFile(options.keyPath, { warn: (line) => logs.push(line) });
    if (options.hostKeyPath !== undefined) {
      hostKey = await readKeyFile(options.hostKeyPath, { warn: (line) => logs.push(line) });
    }
  } catch (error) {
    if (!(error instanceof KeyError)) throw error;
    stderr(`stealth: ${error.message}`);
    return EXIT_FAILURE;
  }

  const settings = await readSettings(home.settings);
  const registryText = options.registry ?? settings.registry ?? DEFAULT_REGISTRY;
  let registry;
  try {
    registry = parseHostPort(registryText, DEFAULT_REGISTRY_PORT);
  } catch (error) {
    if (options.server === undefined) {
      stderr(`stealth: ${(error as Error).message}`);
      return EXIT_USAGE;
    }
    registry = { hostname: "localhost", port: DEFAULT_REGISTRY_PORT };
  }

  let saving: Promise<unknown> = Promise.resolve();
  const remember = (change: ClientSettings) => {
    if (options.direct !== undefined) return; // p2p writes nothing to disk
    if (change.registry !== undefined && options.registry === undefined) return;
    saving = saving.then(() => updateSettings(home.settings, change)).catch((error) => {
      log.debug("Cannot save settings: {error}", { error });
    });
  };

  let lastBell = -Infinity;
  const ring = () => {
    const now = performance.now();
    if (now - lastBell < BELL_INTERVAL_MS) return;
    lastBell = now;
    process.stdout.write("\x07");
  };

  const stop = new AbortController();
  const onSignal = () => stop.abort();
  const signals: Deno.Signal[] = Deno.build.os === "windows"
    ? ["SIGINT"]
    : ["SIGINT", "SIGTERM", "SIGHUP"];
  const added: Deno.Signal[] = [];
  for (const name of signals) {
    try {
      Deno.addSignalListener(name, onSignal);
      added.push(name);
    } catch {
      // Not on this platform.
    }
  }

  const exited = Promise.withResolvers<ChatExit>();
  const tuning = options.tuning ?? {};
  const suggested = suggestNick(Deno.env.get("USER") ?? Deno.env.get("USERNAME"));
  const instance = render(
    <ChatApp
      theme={themeFor(options.theme)}
      server={options.server}
      nick={options.nick ?? settings.nick}
      suggestedNick={suggested}
      registry={hostPort(registry.hostname, registry.port)}
      listServers={() => listServers({ key, ...registry })}
      openChat={(address, nick) =>
        new ChatConnection({
          key,
          hostKey,
          hostname: address.hostname,
          port: address.port,
          nick,
          ...(options.direct === undefined ? {} : { role: "p2p" as const }),
          backoffMs: tuning.backoffMs,
          // The screen stays open: after the quick attempts it keeps trying, quietly.
          keepTryingMs: tuning.keepTryingMs ?? DEFAULT_KEEP_TRYING_MS,
          pingIntervalMs: tuning.pingIntervalMs,
          peerTimeoutMs: tuning.peerTimeoutMs,
          files: options.files,
          ...(options.caFile === undefined ? {} : { serverCaFile: options.caFile }),
        })}
      bell={settings.bell ?? true}
      ring={ring}
      setDebug={setDebug}
      remember={remember}
      logs={logs}
      onExit={(exit) => exited.resolve(exit)}
      signal={stop.signal}
      closeTimeoutMs={tuning.closeTimeoutMs}
      direct={options.direct}
      defaultPort={options.defaultPort}
    />,
    {
      exitOnCtrlC: false,
      alternateScreen: true,
      // A terminal is a terminal, even where a CI variable is set.
      interactive: true,
      patchConsole: true,
    },
  );

  let exit: ChatExit;
  try {
    exit = await exited.promise;
  } finally {
    instance.unmount();
    await instance.waitUntilExit().catch(() => {});
    for (const name of added) Deno.removeSignalListener(name, onSignal);
    // ink writes through node's stdout, which may still hold the switch back
    // from the alternate screen: what follows must land after it, on the main screen.
    await new Promise<void>((resolve) => process.stdout.write("", () => resolve()));
  }
  await saving;
  for (const line of logs.take()) stderr(`stealth: ${line}`);
  for (const line of exit.lines) console.log(line);
  return exit.code;
}

/** The user's login name as a nick, when it can be one. */
export function suggestNick(user: string | undefined): string | undefined {
  if (user === undefined) return undefined;
  const nick = user.normalize("NFC").replace(/[^\p{L}\p{N}_.\-]/gu, "").slice(0, 24);
  return NICK_PATTERN.test(nick) ? nick : undefined;
}
