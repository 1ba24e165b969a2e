/**
 * A chat server's link to its registry: dial, handshake (role "registry"),
 * `register`, then `beat` every {@linkcode BEAT_INTERVAL_MS} with the user
 * count, and a `ping` with each beat so a dead link is noticed. When the
 * connection ends (registry restarted, network cut, silence) it dials again
 * by itself with a capped backoff and registers again, for as long as it
 * runs. It never throws out; problems go to the debug log and to
 * {@linkcode RegistryLink.onStateChange}.
 *
 * @module
 */

import { circleCA } from "../certs/mod.ts";
import { authKey, type SecretKey } from "../crypto/mod.ts";
import { getLogger } from "../log/mod.ts";
import {
  dialHandshake,
  dialTls,
  type FramedConnection,
  HandshakeError,
  hostPort,
} from "../net/mod.ts";
import {
  BEAT_INTERVAL_MS,
  type ClientMessage,
  decodeServerMessage,
  encodeMessage,
  type ServerMessage,
} from "../protocol/mod.ts";

/** What a server announces about itself; read again for every registration and beat. */
export interface ServerAnnouncement {
  /** The server's name. */
  name: string;
  /** The address members should dial (default: the address the registry sees). */
  host?: string;
  /** The server's port. */
  port: number;
  /** Members online now. */
  users: number;
  /** When the server started (ms since the epoch), so the list can say how long it is up. */
  since: number;
}

/**
 * Where a link stands: dialing or registering ("connecting"), registered and
 * beating ("registered"), waiting before the next attempt ("retrying"), or
 * closed for good ("closed").
 */
export type RegistryLinkState = "connecting" | "registered" | "retrying" | "closed";

/** Options of {@linkcode RegistryLink}. */
export interface RegistryLinkOptions {
  /** The circle key. */
  key: SecretKey;
  /** Where the registry listens. */
  registry: { hostname: string; port: number };
  /** The server's current announcement. */
  server: () => ServerAnnouncement;
  /** The clock, in ms (default `Date.now`). */
  clock?: () => number;
  /**
   * Waits between attempts, in ms; the last one repeats (default 0.5, 1, 2,
   * 4, then 5 s: back within about 10 s of the registry returning).
   */
  backoff?: number[];
  /** Time between beats (default `BEAT_INTERVAL_MS`, 10 s). */
  beatIntervalMs?: number;
  /** Time for the dial, and again for the handshake (default 5 s). */
  dialTimeoutMs?: number;
  /** Called on every state change; see {@linkcode RegistryLink.onStateChange}. */
  onStateChange?: (state: RegistryLinkState, detail?: string) => void;
}

/** Default waits between attempts. */
export const REGISTRY_BACKOFF_MS: readonly number[] = [500, 1_000, 2_000, 4_000, 5_000];
/** Default time for the dial and for the handshake. */
export const REGISTRY_DIAL_TIMEOUT_MS = 5_000;
/** Shortest time between two beats sent by {@linkcode RegistryLink.updateNow}. */
export const MIN_UPDATE_INTERVAL_MS = 1_000;
/** Beats of silence (no pong) after which the link is considered dead. */
const SILENT_BEATS = 2.5;

const log = getLogger(["stealth", "registry"]);

/** A server's registration, kept alive by itself; see the module doc. */
export class RegistryLink {
  /**
   * Called on every state change, with a one-line reason when the link is
   * retrying (e.g. "cannot reach pi.local:5556 — is the server running?
   * (connection refused)"). For the host console; must not throw.
   */
  onStateChange: (state: RegistryLinkState, detail?: string) => void;

  readonly #options: RegistryLinkOptions;
  readonly #clock: () => number;
  readonly #backoff: readonly number[];
  readonly #beatIntervalMs: number;
  readonly #dialTimeoutMs: number;
  readonly #where: string;
  #state: RegistryLinkState = "connecting";
  #lastError: string | undefined;
  #conn: FramedConnection | undefined;
  /** The handshake is done on #conn: frames may be sent. */
  #ready = false;
  #closed = false;
  #loop: Promise<void> | undefined;
  #wake: (() => void) | undefined;
  #beatTimer: ReturnType<typeof setInterval> | undefined;
  #updateTimer: ReturnType<typeof setTimeout> | undefined;
  #lastBeatAt = Number.NEGATIVE_INFINITY;
  #lastHeardAt = 0;
  /** What was last registered: a change of name, host or port registers again. */
  #registered: string | undefined;

  /** A link, not started yet. */
  constructor(options: RegistryLinkOptions) {
    this.#options = options;
    this.#clock = options.clock ?? Date.now;
    this.#backoff = options.backoff ?? REGISTRY_BACKOFF_MS;
    this.#beatIntervalMs = options.beatIntervalMs ?? BEAT_INTERVAL_MS;
    this.#dialTimeoutMs = options.dialTimeoutMs ?? REGISTRY_DIAL_TIMEOUT_MS;
    if (
      this.#backoff.length === 0 || !this.#backoff.every((ms) => ms >= 0) ||
      !(this.#beatIntervalMs > 0) || !(this.#dialTimeoutMs > 0)
    ) {
      throw new RangeError(
        "Cannot make a registry link: backoff needs one wait or more, intervals must be positive",
      );
    }
    this.#where = hostPort(options.registry.hostname, options.registry.port);
    this.onStateChange = options.onStateChange ?? (() => {});
  }

  /** Where the link stands now. */
  get state(): RegistryLinkState {
    return this.#state;
  }

  /** Why the last attempt or connection failed, one line; undefined before any failure. */
  get lastError(): string | undefined {
    return this.#lastError;
  }

  /** Starts dialing; calling it again does nothing. */
  start(): void {
    if (this.#loop !== undefined || this.#closed) return;
    this.#loop = this.#run().catch((error) => {
      log.debug("Registry link stopped unexpectedly: {error}", { error });
    });
  }

  /**
   * Sends a beat now (the user count changed), or registers again when the
   * name, host or port changed. At most one per second: a call within a
   * second of the last beat sends one when the second is up.
   */
  updateNow(): void {
    if (this.#state !== "registered" || this.#updateTimer !== undefined) return;
    const wait = this.#lastBeatAt + MIN_UPDATE_INTERVAL_MS - this.#clock();
    if (wait <= 0) {
      this.#beat();
      return;
    }
    this.#updateTimer = setTimeout(() => {
      this.#updateTimer = undefined;
      this.#beat();
    }, Math.min(wait, MIN_UPDATE_INTERVAL_MS));
  }

  /** Says `bye`, closes the connection and stops retrying; resolves once the link is idle. */
  async close(): Promise<void> {
    if (!this.#closed) {
      this.#closed = true;
      this.#setState("closed");
      this.#stopTimers();
      this.#wake?.();
      const conn = this.#conn;
      if (conn !== undefined) {
        if (this.#ready) conn.send(encodeMessage({ t: "bye" }));
        await conn.close(1_000);
      }
    }
    await this.#loop;
  }

  async #run(): Promise<void> {
    const caPem = (await circleCA(this.#options.key)).certPem;
    const key = authKey(this.#options.key);
    let attempt = 0;
    while (!this.#closed) {
      this.#setState("connecting");
      try {
        await this.#connect(caPem, key, () => attempt = 0);
      } catch (error) {
        this.#lastError = error instanceof HandshakeError && error.code === "not-in-circle"
          ? `the registry at ${this.#where} is not in your circle — check secret.key`
          : messageOf(error);
        log.debug("Registry link to {where}: {error}", {
          where: this.#where,
          error: this.#lastError,
        });
      }
      if (this.#closed) return;
      const wait = this.#backoff[Math.min(attempt, this.#backoff.length - 1)]!;
      attempt++;
      this.#setState("retrying", this.#lastError);
      await this.#sleep(wait);
    }
  }

  /** One connection: resolves or rejects when it ends. */
  async #connect(caPem: string, key: Uint8Array, onRegistered: () => void): Promise<void> {
    const { hostname, port } = this.#options.registry;
    log.debug("Dialing the registry at {where}", { where: this.#where });
    const conn = await dialTls({ hostname, port, caPem, timeoutMs: this.#dialTimeoutMs });
    if (this.#closed) {
      await conn.close(0);
      return;
    }
    this.#conn = conn;
    try {
      await dialHandshake(conn, { role: "registry", authKey: key, timeoutMs: this.#dialTimeoutMs });
    } catch (error) {
      this.#conn = undefined;
      throw error;
    }
    if (this.#closed) {
      this.#conn = undefined;
      await conn.close(0);
      return;
    }
    this.#ready = true;
    this.#registered = undefined;
    this.#lastHeardAt = this.#clock();
    await new Promise<void>((resolve, reject) => {
      let confirmed = false;
      conn.onFrame = (payload) => {
        this.#lastHeardAt = this.#clock();
        let message: ServerMessage;
        try {
          message = decodeServerMessage(payload);
        } catch (error) {
          this.#lastError = `the registry sent a bad frame (${messageOf(error)})`;
          void conn.close(0);
          return;
        }
        switch (message.t) {
          case "pong":
            if (!confirmed && this.#registered !== undefined) {
              // Frames are handled in order: a pong after register means it was taken.
              confirmed = true;
              onRegistered();
              this.#lastError = undefined;
              this.#setState("registered");
            }
            return;
          case "ping":
            this.#send({ t: "pong", ts: message.ts });
            return;
          case "refused":
            if (message.code === "not-registered") {
              this.#registered = undefined;
              this.#beat();
            }
            return;
          case "error":
            this.#lastError = message.code === "shutdown"
              ? `the registry at ${this.#where} shut down`
              : `the registry at ${this.#where} refused the registration (${message.code}${
                message.detail === undefined ? "" : `: ${message.detail}`
              })`;
            return;
          default:
            return;
        }
      };
      conn.onClose = (reason) => {
        this.#stopTimers();
        this.#conn = undefined;
        this.#ready = false;
        if (this.#closed) {
          resolve();
          return;
        }
        reject(new Error(this.#lastErrorAfter(reason)));
      };
      this.#lastError = undefined;
      this.#beat();
      this.#beatTimer = setInterval(() => this.#tick(conn), this.#beatIntervalMs);
      conn.resume();
    });
  }

  #lastErrorAfter(reason: string): string {
    if (this.#lastError !== undefined) return this.#lastError;
    return reason === "timeout"
      ? `the registry at ${this.#where} stopped answering`
      : `the connection to the registry at ${this.#where} ended (${reason})`;
  }

  /** Every beat interval: give up on a silent registry, else beat. */
  #tick(conn: FramedConnection): void {
    const silentMs = this.#clock() - this.#lastHeardAt;
    if (silentMs > this.#beatIntervalMs * SILENT_BEATS) {
      this.#lastError = `the registry at ${this.#where} stopped answering`;
      void conn.close(0);
      return;
    }
    this.#beat();
  }

  /** Sends `register` (first time, or when name/host/port changed) or `beat`, then `ping`. */
  #beat(): void {
    if (!this.#ready) return;
    let server: ServerAnnouncement;
    try {
      server = this.#options.server();
    } catch (error) {
      log.debug("Cannot read the server's announcement: {error}", { error });
      return;
    }
    const identity = JSON.stringify([server.name, server.host, server.port]);
    if (this.#registered !== identity) {
      const register: ClientMessage = {
        t: "register",
        name: server.name,
        port: server.port,
        users: server.users,
        since: Math.max(0, Math.floor(server.since)),
      };
      if (server.host !== undefined) register.host = server.host;
      this.#send(register);
      this.#registered = identity;
      log.debug("Registering with {where}", { where: this.#where });
    } else {
      this.#send({ t: "beat", users: server.users });
    }
    this.#send({ t: "ping", ts: Math.max(0, Math.floor(this.#clock())) });
    this.#lastBeatAt = this.#clock();
  }

  #send(message: ClientMessage): void {
    this.#conn?.send(encodeMessage(message));
  }

  #setState(state: RegistryLinkState, detail?: string): void {
    if (this.#state === state && state !== "retrying") return;
    if (this.#state === "closed" && state !== "closed") return;
    this.#state = state;
    try {
      this.onStateChange(state, detail);
    } catch (error) {
      log.debug("A registry state listener threw: {error}", { error });
    }
  }

  #stopTimers(): void {
    clearInterval(this.#beatTimer);
    this.#beatTimer = undefined;
    clearTimeout(this.#updateTimer);
    this.#updateTimer = undefined;
  }

  #sleep(ms: number): Promise<void> {
    return new Promise<void>((resolve) => {
      const timer = setTimeout(done, ms);
      this.#wake = done;
      function done() {
        clearTimeout(timer);
        resolve();
      }
    }).finally(() => this.#wake = undefined);
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
