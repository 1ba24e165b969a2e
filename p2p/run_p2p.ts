/**
 * `stealth p2p --listen [PORT]` and `stealth p2p HOST[:PORT]`: two members
 * talking with no registry and no server of their own.
 *
 * Built from the same pieces, not a copy of them. The listener runs the
 * real chat server ({@linkcode startChatServer}) with role "p2p" and room
 * for two: its own person, who joins it over loopback as an ordinary
 * member before anyone is told where to dial, and one peer; a third is told
 * "busy". So sessions, resume, the ring, exactly-once and pings work as
 * they do with a server. The dialer is an ordinary chat connection that
 * expects role "p2p". Both run the usual front ends (terminal UI, `--plain`,
 * `--json`) in direct mode. Nothing is written to disk. Whatever the chat
 * connection and the front ends learn (file sharing's `/send` among them)
 * works here as it comes: nothing in this file knows the commands.
 *
 * @module
 */

import { EXIT, listenProblem, loadKey, type Output, untilStopped } from "../cli/mod.ts";
import {
  type ChatUiTuning,
  type DirectMode,
  type FileOptions,
  type Listening,
  type PlainChatTuning,
  readSettings,
  runChatUi,
  runPlainChat,
  type ThemeName,
} from "../client/mod.ts";
import { fingerprint } from "../crypto/mod.ts";
import { t } from "../i18n/mod.ts";
import { hostPort } from "../net/mod.ts";
import { DEFAULT_P2P_PORT, NICK_PATTERN } from "../protocol/mod.ts";
import { type ChatServer, lanAddresses, startChatServer } from "../server/mod.ts";

/** Members a p2p listener holds: its own person and one peer. */
export const P2P_MEMBERS = 2;

/**
 * Waits before each reconnect of the listener's own member to its own
 * listener: loopback does not drop for network reasons, so if it ever
 * does (the process stalled), it keeps trying longer than a member would.
 */
const LOOPBACK_BACKOFF_MS: readonly number[] = [100, 500, 1_000, 2_000, 4_000, 8_000];

/** Longest wait for our own `bye` to reach our own listener before it shuts down. */
const LEAVE_WAIT_MS = 1_000;

/** Options of {@linkcode runP2p}; main.ts resolves the defaults it knows. */
export interface P2pOptions extends Output {
  /** The circle key file. */
  keyPath: string;
  /** `--listen`: wait for a peer; otherwise dial `target`. */
  listen: boolean;
  /** With `listen`, the port (default 5557, 0 picks a free one); otherwise the peer's `HOST[:PORT]`. */
  target?: string;
  /** `--nick`; else the last nick used (settings.json, read only); else the login name. */
  nick?: string;
  /** settings.json, read for the last nick; never written in p2p. */
  settingsPath?: string;
  /** The terminal UI, or a line mode (`--plain`, `--json`). */
  mode: "ui" | "plain" | "json";
  /** `--theme` of the terminal UI. */
  theme: ThemeName;
  /** The home folder (the UI's default log file lives there). */
  homeDir: string;
  /** `--log-file`. */
  logFile?: string;
  /** `--debug`. */
  debug: boolean;
  /** Line mode's input (default stdin). */
  stdin?: ReadableStream<Uint8Array>;
  /** Stops like Ctrl-C or SIGTERM. */
  signal?: AbortSignal;
  /** Test knobs of the line mode. */
  tuning?: PlainChatTuning;
  /** Test knobs of the terminal UI. */
  uiTuning?: ChatUiTuning;
  /** File sharing: download folder, `--auto-accept`, limits. */
  files?: FileOptions;
}

/**
 * Runs one side of a direct chat until the person leaves; resolves with
 * the exit code: 0 ok; 1 a failure (key unreadable, port taken, peer
 * unreachable or busy, went offline, messages unsent); 2 a bad command
 * line; 3 the peer is not in our circle.
 */
export async function runP2p(options: P2pOptions): Promise<number> {
  const stderr = options.stderr ?? ((line: string) => console.error(line));
  const settings = options.settingsPath === undefined
    ? undefined
    : await readSettings(options.settingsPath).catch(() => undefined);
  const nick = (options.nick ?? settings?.nick ?? loginNick() ?? "member").normalize("NFC");
  if (!NICK_PATTERN.test(nick)) {
    stderr(`stealth: --nick ${nick}: ${t("net.bad_nick")}`);
    return EXIT.usage;
  }
  if (!options.listen) {
    if (options.target === undefined) {
      stderr(`stealth: ${t("p2p.name_the_peer")}`);
      return EXIT.usage;
    }
    return await chat(options, options.target, nick, {});
  }

  const port = options.target === undefined ? DEFAULT_P2P_PORT : portOf(options.target);
  if (port === undefined) {
    stderr(`stealth: ${t("p2p.bad_listen_port", { port: options.target ?? "" })}`);
    return EXIT.usage;
  }
  const key = await loadKey(options.keyPath, (line) => stderr(line));
  if (key === undefined) return EXIT.failed;

  let listener: { server: ChatServer; hostname: string };
  try {
    listener = await listen((hostname) =>
      startChatServer({
        key,
        hostname,
        port,
        name: nick,
        role: "p2p",
        maxMembers: P2P_MEMBERS,
      })
    );
  } catch (error) {
    const code = (error as { cause?: { code?: unknown } } | null)?.cause?.code;
    stderr(
      code === "EADDRINUSE"
        ? `stealth: ${t("p2p.port_in_use", { port: String(port) })}`
        : `stealth: ${listenProblem(error, port, "stealth")}`,
    );
    return EXIT.failed;
  }
  const { server, hostname } = listener;
  try {
    const dualStack = hostname === "::";
    const listening: Listening = {
      port: server.port,
      addresses: [...new Set(lanAddresses())].filter((address) =>
        dualStack || !address.includes(":")
      ),
      fingerprint: fingerprint(key),
    };
    // Our own member joins first, over loopback; the front end shows where
    // to dial only once it is in, so the one free place is the peer's. IPv4
    // loopback: a dual-stack socket takes it, and it exists where IPv6 is off.
    const loopback = hostPort("127.0.0.1", server.port);
    const code = await chat(options, loopback, nick, { listening }, LOOPBACK_BACKOFF_MS);
    await ownLeaveSeen(server, nick);
    return code;
  } finally {
    await server.close();
  }
}

/**
 * Waits (at most {@linkcode LEAVE_WAIT_MS}) until the room has let our own
 * member go: its `bye` may still be on its way through loopback, and the
 * peer should hear "left (quit)" before "shutting down", so that it ends
 * rather than tries to reconnect. After a `/nick` the old nick is gone at
 * once: then the wait is only the shutdown's own flush.
 */
async function ownLeaveSeen(server: ChatServer, nick: string): Promise<void> {
  const here = () => server.room.who({ forHost: false }).some((member) => member.nick === nick);
  const deadline = performance.now() + LEAVE_WAIT_MS;
  while (here() && performance.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** Runs the chosen front end in direct mode against `server`. */
async function chat(
  options: P2pOptions,
  server: string,
  nick: string,
  direct: DirectMode,
  backoffMs?: readonly number[],
): Promise<number> {
  if (options.mode === "ui") {
    const tuning = options.uiTuning ?? (backoffMs === undefined ? undefined : { backoffMs });
    return await runChatUi({
      keyPath: options.keyPath,
      server,
      nick,
      theme: options.theme,
      homeDir: options.homeDir,
      ...(options.logFile === undefined ? {} : { logFile: options.logFile }),
      debug: options.debug,
      direct,
      defaultPort: DEFAULT_P2P_PORT,
      ...(tuning === undefined ? {} : { tuning }),
      ...(options.files === undefined ? {} : { files: options.files }),
    });
  }
  // Ctrl-C and SIGTERM leave properly: bye first, so the peer hears it.
  const stopping = new AbortController();
  const stopped = untilStopped(options.signal);
  void stopped.done.then(() => stopping.abort());
  try {
    const tuning = options.tuning ?? (backoffMs === undefined ? undefined : { backoffMs });
    return await runPlainChat({
      keyPath: options.keyPath,
      server,
      nick,
      json: options.mode === "json",
      direct,
      defaultPort: DEFAULT_P2P_PORT,
      signal: stopping.signal,
      ...(options.stdin === undefined ? {} : { stdin: options.stdin }),
      ...(options.stdout === undefined ? {} : { stdout: options.stdout }),
      ...(options.stderr === undefined ? {} : { stderr: options.stderr }),
      ...(tuning === undefined ? {} : { tuning }),
      ...(options.files === undefined ? {} : { files: options.files }),
    });
  } finally {
    stopped.stop();
    await stopped.done;
  }
}

/**
 * Listens on every interface: IPv6 and IPv4 at once where the system can,
 * else IPv4 only (the addresses shown follow).
 */
async function listen(
  start: (hostname: string) => Promise<ChatServer>,
): Promise<{ server: ChatServer; hostname: string }> {
  try {
    return { server: await start("::"), hostname: "::" };
  } catch (error) {
    const code = (error as { cause?: { code?: unknown } } | null)?.cause?.code;
    if (code !== "EAFNOSUPPORT" && code !== "EADDRNOTAVAIL") throw error;
  }
  return { server: await start("0.0.0.0"), hostname: "0.0.0.0" };
}

/** `--listen`'s PORT, or undefined when it is not one. */
function portOf(text: string): number | undefined {
  if (!/^\d{1,5}$/.test(text)) return undefined;
  const port = Number(text);
  return port <= 65535 ? port : undefined;
}

/** The login name as a nick, when it can be one. */
function loginNick(): string | undefined {
  const user = Deno.env.get("USER") ?? Deno.env.get("USERNAME");
  if (user === undefined) return undefined;
  const nick = user.normalize("NFC").replace(/[^\p{L}\p{N}_.\-]/gu, "").slice(0, 24);
  return NICK_PATTERN.test(nick) ? nick : undefined;
}
