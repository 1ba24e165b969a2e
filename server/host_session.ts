/**
 * A host's running process: optionally a registry, one chat server, its
 * link to a registry, the console, and an orderly shutdown. `stealth up`
 * and `stealth server` are two ways of calling it.
 *
 * @module
 */

import { EXIT, listenProblem, loadKey, type Output, untilStopped } from "../cli/mod.ts";
import {
  fernetDecrypt,
  fernetEncrypt,
  fingerprint,
  generateKey,
  KeyError,
  readKeyFile,
  type SecretKey,
  writeKeyFile,
} from "../crypto/mod.ts";
import { CertError, type Leaf, loadExternalCerts } from "../certs/mod.ts";
import { t } from "../i18n/mod.ts";
import { getLogger } from "../log/mod.ts";
import { hostPort } from "../net/mod.ts";
import { decodeBody, encodeBody } from "../protocol/mod.ts";
import {
  type HostPort,
  parseHostPort,
  RegistryLink,
  type RegistryService,
  startRegistry,
} from "../registry/mod.ts";
import { BanFileError } from "./ban_file.ts";
import { type ChatServer, startChatServer } from "./chat_server.ts";
import type { FileRelayOptions } from "./file_relay.ts";
import { readConsole } from "./host_console.ts";

const log = getLogger(["stealth", "server"]);

/** Options of {@linkcode runHost}. */
export interface HostOptions extends Output {
  /** The circle key file. */
  keyPath: string;
  /** The host key file; used when it exists. */
  hostKeyPath: string;
  /** Make a circle key at `keyPath` when there is none (`stealth up`). */
  createKey: boolean;
  /** Address to listen on. */
  hostname: string;
  /** Chat server port. */
  port: number;
  /** Server name (default: this machine's name). */
  name?: string;
  /** Run a registry in this process on this port (`stealth up`). */
  registryPort?: number;
  /** Register with this registry (HOST[:PORT]); with `registryPort`, the local one. */
  registry?: string;
  /** Names and addresses members reach the server by. */
  advertise: string[];
  /** Read host commands from stdin: true, false, or undefined for "when stdin is a terminal". */
  console?: boolean;
  /** Per-member message rate as "BURST/PER_SECOND" (default 30/5). */
  rate?: string;
  /** File bytes a member may send per second, in MiB (default 16). */
  fileRate?: string;
  /** Largest file relayed, in MiB (default 100). */
  maxFileSize?: string;
  /** Welcome text shown to members on join. */
  motd?: string;
  /** Keep bans in this file (0600) so they survive a restart; default: in memory only. */
  bansFile?: string;
  /** External certificate files, all three or none. */
  certFile?: string;
  /** The external certificate's key. */
  certKeyFile?: string;
  /** The CA of the external certificate. */
  caFile?: string;
  /** Stops the host when aborted, like SIGINT or SIGTERM. */
  signal?: AbortSignal;
  /** Console input (default stdin). */
  stdin?: ReadableStream<Uint8Array>;
}

/** Runs until stopped; returns the exit code. */
export async function runHost(options: HostOptions): Promise<number> {
  const stdout = options.stdout ?? console.log;
  const stderr = options.stderr ?? console.error;

  const made = options.createKey ? await ensureKey(options.keyPath, stderr) : false;
  if (made === undefined) return EXIT.failed;
  const key = await loadKey(options.keyPath, stderr);
  if (key === undefined) return EXIT.failed;
  const hostKey = await optionalHostKey(options.hostKeyPath, stderr);
  if (hostKey === null) return EXIT.failed;

  let certificate: Leaf | undefined;
  if (options.certFile || options.certKeyFile || options.caFile) {
    if (!options.certFile || !options.certKeyFile || !options.caFile) {
      stderr(`stealth: ${t("host.certs_need_three")}`);
      return EXIT.usage;
    }
    try {
      certificate = await loadExternalCerts({
        certFile: options.certFile,
        keyFile: options.certKeyFile,
        caFile: options.caFile,
      });
    } catch (error) {
      if (!(error instanceof CertError)) throw error;
      stderr(`stealth: ${error.message}`);
      return EXIT.failed;
    }
  }

  let registryAt: HostPort | undefined;
  if (options.registry !== undefined) {
    try {
      registryAt = parseHostPort(options.registry, options.registryPort ?? 5556);
    } catch (error) {
      stderr(`stealth: --registry: ${(error as Error).message}`);
      return EXIT.usage;
    }
  }

  const rate = options.rate === undefined ? undefined : parseRate(options.rate);
  if (rate === null) {
    stderr(`stealth: ${t("host.bad_rate", { rate: options.rate ?? "" })}`);
    return EXIT.usage;
  }

  const files = parseFileLimits(options.fileRate, options.maxFileSize);
  if (typeof files === "string") {
    stderr(`stealth: ${files}`);
    return EXIT.usage;
  }

  const name = (options.name ?? machineName()).slice(0, 64);
  let registry: RegistryService | undefined;
  let server: ChatServer | undefined;
  let link: RegistryLink | undefined;
  try {
    if (options.registryPort !== undefined) {
      try {
        registry = await startRegistry({
          key,
          hostname: options.hostname,
          port: options.registryPort,
        });
      } catch (error) {
        stderr(`stealth: ${listenProblem(error, options.registryPort, "registry")}`);
        return EXIT.failed;
      }
      registryAt ??= { hostname: "127.0.0.1", port: registry.port };
    }
    try {
      server = await startChatServer({
        key,
        ...(hostKey ? { hostKey } : {}),
        hostname: options.hostname,
        port: options.port,
        name,
        advertise: options.advertise,
        ...(certificate ? { certificate } : {}),
        ...(options.motd ? { motd: seal(key, options.motd) } : {}),
        ...(options.bansFile === undefined ? {} : { bansFile: options.bansFile }),
        ...(rate === undefined ? {} : { rate }),
        files,
        onMembersChanged: () => link?.updateNow(),
      });
    } catch (error) {
      if (error instanceof BanFileError) {
        stderr(`stealth: ${error.message}`);
        return EXIT.failed;
      }
      stderr(`stealth: ${listenProblem(error, options.port, "server")}`);
      return EXIT.failed;
    }
    const chat = server;
    if (registryAt !== undefined) {
      const advertised = options.advertise[0];
      link = new RegistryLink({
        key,
        registry: registryAt,
        server: () => ({
          name,
          ...(advertised ? { host: advertised } : {}),
          port: chat.port,
          users: chat.room.memberCount,
          since: chat.startedAt,
        }),
        onStateChange: (state, detail) =>
          log.debug("Registry link {state}: {detail}", { state, detail }),
      });
      link.start();
    }

    const stopped = untilStopped(options.signal);
    greet({ stdout, made, key, keyPath: options.keyPath, name, server: chat, registry, options });
    const wantConsole = options.console ?? Deno.stdin.isTerminal();
    const consoleDone = new AbortController();
    if (wantConsole) {
      stdout(t("host.console_ready"));
      void readConsole(
        {
          server: chat,
          print: stdout,
          quit: stopped.stop,
          clock: Date.now,
          seal: (text) => seal(key, text),
          open: (token) => open(key, token),
        },
        options.stdin ?? Deno.stdin.readable,
        consoleDone.signal,
      );
    }
    await stopped.done;
    consoleDone.abort();
    stdout(t("host.shutting_down_telling"));
    return EXIT.ok;
  } finally {
    await server?.close();
    await link?.close();
    await registry?.close();
  }
}

/** Makes a key when there is none; true if made, false if one was there, undefined on failure. */
async function ensureKey(
  path: string,
  stderr: (line: string) => void,
): Promise<boolean | undefined> {
  try {
    await Deno.stat(path);
    return false;
  } catch (error) {
    if (!(error instanceof Deno.errors.NotFound)) return false; // readKeyFile will say what is wrong
  }
  try {
    await writeKeyFile(path, generateKey());
    return true;
  } catch (error) {
    if (!(error instanceof KeyError)) throw error;
    stderr(`stealth: ${error.message}`);
    return undefined;
  }
}

/** The host key if its file exists; undefined when absent; null after printing a problem. */
async function optionalHostKey(
  path: string,
  stderr: (line: string) => void,
): Promise<SecretKey | undefined | null> {
  try {
    return await readKeyFile(path, { warn: (line) => stderr(`stealth: ${line}`) });
  } catch (error) {
    if (!(error instanceof KeyError)) throw error;
    try {
      await Deno.stat(path);
    } catch {
      return undefined; // no host key: no host powers from clients
    }
    stderr(`stealth: ${t("host.host_key_problem", { problem: error.message })}`);
    return null;
  }
}

/** "30/5" → a burst of 30, then 5 per second; null when it is not that. */
function parseRate(text: string): { burst: number; perSecond: number } | null {
  const match = /^(\d{1,7})\/(\d{1,7}(?:\.\d+)?)$/.exec(text.trim());
  if (match === null) return null;
  const burst = Number(match[1]);
  const perSecond = Number(match[2]);
  return burst >= 1 && perSecond > 0 ? { burst, perSecond } : null;
}

/** `--file-rate` and `--max-file-size` (MiB) as relay limits; a line for a person when wrong. */
function parseFileLimits(
  fileRate: string | undefined,
  maxFileSize: string | undefined,
): FileRelayOptions | string {
  const files: { bytesPerSecond?: number; maxFileBytes?: number } = {};
  if (fileRate !== undefined) {
    const mib = mebibytes(fileRate);
    if (mib === undefined) return t("file.bad_rate", { value: fileRate });
    files.bytesPerSecond = mib;
  }
  if (maxFileSize !== undefined) {
    const mib = mebibytes(maxFileSize);
    if (mib === undefined) return t("file.bad_max_size", { value: maxFileSize });
    files.maxFileBytes = mib;
  }
  return files;
}

/** "16" or "0.5" (MiB) in bytes, at least 1 KiB; undefined when it is not a number. */
function mebibytes(text: string): number | undefined {
  if (!/^\d{1,6}(\.\d{1,6})?$/.test(text.trim())) return undefined;
  const bytes = Math.round(Number(text) * 1024 * 1024);
  return bytes >= 1024 ? bytes : undefined;
}

function seal(key: SecretKey, text: string): string {
  return fernetEncrypt(key, encodeBody({ kind: "announce", text }));
}

function open(key: SecretKey, token: string): string | undefined {
  try {
    return decodeBody(fernetDecrypt(key, token)).text;
  } catch {
    return undefined;
  }
}

function machineName(): string {
  try {
    return Deno.hostname() || "stealth";
  } catch {
    return "stealth";
  }
}

/** This machine's addresses members can dial, IPv4 LAN first. */
export function lanAddresses(): string[] {
  try {
    return Deno.networkInterfaces()
      .filter((i) => !i.address.startsWith("127.") && i.address !== "::1")
      .filter((i) => !i.address.startsWith("fe80:"))
      .sort((a, b) => (a.family === b.family ? 0 : a.family === "IPv4" ? -1 : 1))
      .map((i) => i.address);
  } catch {
    return [];
  }
}

function greet(o: {
  stdout: (line: string) => void;
  made: boolean;
  key: SecretKey;
  keyPath: string;
  name: string;
  server: ChatServer;
  registry: RegistryService | undefined;
  options: HostOptions;
}): void {
  const { stdout, server, registry } = o;
  stdout(
    registry
      ? t("host.up_with_registry", {
        name: o.name,
        port: String(server.port),
        registryPort: String(registry.port),
      })
      : t("host.up_alone", {
        name: o.name,
        where: hostPort(o.options.hostname, server.port),
      }),
  );
  if (o.made) {
    stdout(t("host.made_key", { path: o.keyPath }));
    stdout(t("host.hand_key_over"));
  } else {
    stdout(t("host.circle_key", { path: o.keyPath }));
  }
  stdout(t("host.fingerprint", { fingerprint: fingerprint(o.key) }));
  const wildcard = o.options.hostname === "0.0.0.0" || o.options.hostname === "::";
  const address = o.options.advertise[0] ??
    (wildcard ? lanAddresses()[0] : o.options.hostname) ?? "localhost";
  const port = server.port === 5555 ? "" : `:${server.port}`;
  const shown = address.includes(":") ? `[${address}]` : address;
  stdout(t("host.join_with", { command: `stealth chat ${shown}${port}` }));
}
