/**
 * The registry service: a TLS listener (role "registry") where chat servers
 * register and beat, and members ask for the list. The entries live in a
 * {@linkcode Directory}; this file is the glue between it and connections.
 *
 * Bounds: connections in all and per address, frames per connection (a token
 * bucket), frame size, a deadline on every connection (the handshake's, then
 * silence), entries in all and per address. An entry dies with its
 * connection, or when it has not beaten for the TTL (then its connection is
 * closed too). Nothing is written to disk; names and addresses are logged at
 * debug only.
 *
 * @module
 */

import { RENEWAL_CHECK_MS, ServingCertificate } from "../certs/mod.ts";
import { authKey, type SecretKey } from "../crypto/mod.ts";
import { template } from "../i18n/mod.ts";
import { getLogger } from "../log/mod.ts";
import {
  acceptHandshake,
  AuthThrottle,
  type FramedConnection,
  listenTls,
  type TlsListener,
} from "../net/mod.ts";
import {
  type ClientMessage,
  decodeClientMessage,
  encodeMessage,
  type ServerEntry,
  type ServerMessage,
} from "../protocol/mod.ts";
import { Directory, type DirectoryLimits } from "./directory.ts";
import {
  addressFacing,
  type InterfaceAddress,
  isLoopback,
  isWildcard,
  listedHost,
  plainAddress,
} from "./_listed_host.ts";

/** Bounds of a registry, on top of its {@linkcode DirectoryLimits}. */
export interface RegistryLimits extends DirectoryLimits {
  /** Most connections at once, handshaking or not (default 1,024). */
  readonly maxConnections: number;
  /** Most connections from one address at once (default 64). */
  readonly maxConnectionsPerAddress: number;
  /** Silence after which a connection is closed (default: the TTL, 30 s). */
  readonly idleMs: number;
  /** Largest frame accepted after the handshake (default 16 KiB; a `register` is far smaller). */
  readonly maxFrameBytes: number;
  /** Frames a connection may send at once (default 20). */
  readonly frameBurst: number;
  /** Frames a connection may send per second, sustained (default 5). */
  readonly framesPerSecond: number;
}

/** Options of {@linkcode startRegistry}. */
export interface RegistryOptions {
  /** The circle key: the registry proves it holds it, and so must every peer. */
  key: SecretKey;
  /** Address to listen on, e.g. `0.0.0.0`. */
  hostname: string;
  /** Port to listen on; 0 picks a free one. */
  port: number;
  /** Name sent in the handshake's `hello` (default "registry"). */
  name?: string;
  /** The clock for entries and deadlines, in ms (default `Date.now`); certificates follow the wall clock. */
  clock?: () => number;
  /** Bounds; see {@linkcode RegistryLimits}. */
  limits?: Partial<RegistryLimits>;
  /** How often silent entries and connections are swept (default 5 s). */
  sweepIntervalMs?: number;
  /** How often the certificate is checked for renewal (default hourly). */
  renewCheckMs?: number;
  /** Time a connection has for the handshake (default 10 s). */
  handshakeTimeoutMs?: number;
  /** This machine's addresses, for the loopback fix (default `Deno.networkInterfaces()`). */
  interfaces?: () => readonly InterfaceAddress[];
}

/** A running registry. */
export interface RegistryService {
  /** The address listened on. */
  readonly hostname: string;
  /** The port listened on (the real one when 0 was asked for). */
  readonly port: number;
  /** Connections open now, handshaking or not. */
  readonly connections: number;
  /** The live entries, as registered (no loopback fix), by name then address. */
  entries(): ServerEntry[];
  /**
   * Drops entries that did not beat within the TTL and connections silent
   * past `idleMs` now; the service's timer does this every few seconds.
   * Returns the number of connections closed.
   */
  sweep(): number;
  /**
   * Stops listening, tells every connected peer `error {code:"shutdown"}`,
   * closes every connection (bounded wait) and forgets every entry.
   */
  close(): Promise<void>;
}

/** Default bounds of a registry. */
export const DEFAULT_REGISTRY_LIMITS: Omit<RegistryLimits, keyof DirectoryLimits> = {
  maxConnections: 1_024,
  maxConnectionsPerAddress: 64,
  idleMs: 30_000,
  maxFrameBytes: 16 * 1024,
  frameBurst: 20,
  framesPerSecond: 5,
};

/** Default time between sweeps. */
export const REGISTRY_SWEEP_INTERVAL_MS = 5_000;

/** Time a peer refused after the handshake gets to read its `error` frame. */
const REFUSE_FLUSH_MS = 500;

const log = getLogger(["stealth", "registry"]);

/**
 * Starts a registry: issues itself a leaf from the circle CA (renewed by
 * itself), listens, and serves `register`, `beat`, `list`, `ping` and `bye`.
 *
 * @throws {Error} "Cannot listen on HOST:PORT: ..." from `listenTls` (its
 *   `cause.code` is "EADDRINUSE" when the port is taken).
 */
export async function startRegistry(options: RegistryOptions): Promise<RegistryService> {
  const certificate = await ServingCertificate.forCircle(options.key, sansFor(options.hostname));
  const registry = new Registry(options);
  const listener = await listenTls({
    hostname: options.hostname,
    port: options.port,
    cert: certificate.leaf.certPem,
    key: certificate.leaf.keyPem,
    handshakeTimeoutMs: options.handshakeTimeoutMs,
    onConnection: (conn) => registry.accept(conn),
  });
  const stopRenewal = certificate.keepFresh(
    (leaf) => listener.setCertificate(leaf.certPem, leaf.keyPem),
    {
      everyMs: options.renewCheckMs ?? RENEWAL_CHECK_MS,
      onError: (error) => log.error(template("log.registry_renew_failed"), { error }),
    },
  );
  return registry.started(listener, stopRenewal);
}

/** The listen address as a SAN, when it names one address. */
function sansFor(hostname: string): string[] {
  return isWildcard(hostname) || isLoopback(hostname) ? [] : [plainAddress(hostname)];
}

function systemInterfaces(): readonly InterfaceAddress[] {
  try {
    return Deno.networkInterfaces();
  } catch {
    return []; // no --allow-sys: listers see loopback hosts and substitute
  }
}

/** One authenticated connection. */
interface Peer {
  readonly id: number;
  readonly conn: FramedConnection;
  lastHeard: number;
  tokens: number;
  tokensAt: number;
}

class Registry implements RegistryService {
  readonly #clock: () => number;
  readonly #limits: RegistryLimits;
  readonly #directory: Directory;
  readonly #throttle: AuthThrottle;
  readonly #authKey: Uint8Array;
  readonly #name: string;
  readonly #handshakeTimeoutMs: number | undefined;
  readonly #sweepIntervalMs: number;
  readonly #interfaces: () => readonly InterfaceAddress[];
  /** Every open connection, handshaking or not, by address (for the per-address cap). */
  readonly #open = new Map<string, Set<FramedConnection>>();
  readonly #peers = new Map<number, Peer>();
  #openCount = 0;
  #nextId = 1;
  #listener: TlsListener | undefined;
  #sweepTimer: ReturnType<typeof setInterval> | undefined;
  #stopRenewal: () => void = () => {};
  #closing: Promise<void> | undefined;

  constructor(options: RegistryOptions) {
    this.#clock = options.clock ?? Date.now;
    const given = Object.fromEntries(
      Object.entries(options.limits ?? {}).filter(([, value]) => value !== undefined),
    ) as Partial<RegistryLimits>;
    this.#directory = new Directory(this.#clock, given);
    this.#limits = {
      ...this.#directory.limits,
      ...DEFAULT_REGISTRY_LIMITS,
      idleMs: this.#directory.limits.ttlMs,
      ...given,
    };
    const { maxConnections, maxConnectionsPerAddress, idleMs, maxFrameBytes } = this.#limits;
    const { frameBurst, framesPerSecond } = this.#limits;
    if (
      !(maxConnections >= 1) || !(maxConnectionsPerAddress >= 1) || !(idleMs > 0) ||
      !(maxFrameBytes >= 256) || !(frameBurst >= 1) || !(framesPerSecond > 0)
    ) {
      throw new RangeError("Cannot start a registry: every limit must be positive");
    }
    this.#throttle = new AuthThrottle({ now: this.#clock });
    this.#authKey = authKey(options.key);
    this.#name = options.name ?? "registry";
    this.#handshakeTimeoutMs = options.handshakeTimeoutMs;
    this.#sweepIntervalMs = options.sweepIntervalMs ?? REGISTRY_SWEEP_INTERVAL_MS;
    this.#interfaces = options.interfaces ?? systemInterfaces;
  }

  get hostname(): string {
    return this.#listener?.hostname ?? "";
  }

  get port(): number {
    return this.#listener?.port ?? 0;
  }

  get connections(): number {
    return this.#openCount;
  }

  started(listener: TlsListener, stopRenewal: () => void): this {
    this.#listener = listener;
    this.#stopRenewal = stopRenewal;
    this.#sweepTimer = setInterval(() => this.sweep(), this.#sweepIntervalMs);
    log.debug("Registry listening on {hostname}:{port}", {
      hostname: listener.hostname,
      port: listener.port,
    });
    return this;
  }

  entries(): ServerEntry[] {
    return this.#directory.list();
  }

  /** Takes a connection that finished the TLS handshake. */
  accept(conn: FramedConnection): void {
    if (this.#closing !== undefined) {
      void conn.close(0);
      return;
    }
    const address = conn.remoteAddress;
    const fromAddress = this.#open.get(address);
    if (
      this.#openCount >= this.#limits.maxConnections ||
      (fromAddress?.size ?? 0) >= this.#limits.maxConnectionsPerAddress
    ) {
      log.debug("Refusing a connection from {address}: too many connections", { address });
      conn.send(encodeMessage({ t: "error", code: "full" }));
      void conn.close(REFUSE_FLUSH_MS);
      return;
    }
    this.#track(conn);
    acceptHandshake(conn, {
      role: "registry",
      name: this.#name,
      authKey: this.#authKey,
      throttle: this.#throttle,
      timeoutMs: this.#handshakeTimeoutMs,
      maxFrameBytes: this.#limits.maxFrameBytes,
    }).then(
      (accepted) => {
        if (this.#closing !== undefined || conn.closed) {
          this.#untrack(conn);
          void conn.close(0);
          return;
        }
        this.#attach(conn);
        conn.send(encodeMessage({ t: "ok", proof: accepted.okProof, name: this.#name }));
        conn.resume();
      },
      () => this.#untrack(conn), // a HandshakeError: the connection is closed already
    );
  }

  sweep(): number {
    const now = this.#clock();
    let closed = 0;
    for (const id of this.#directory.expire()) {
      const peer = this.#peers.get(id);
      if (peer === undefined) continue;
      log.debug("Entry of {address} expired: no beat", { address: peer.conn.remoteAddress });
      this.#refuse(peer, "expired", "no beat within the registry's TTL");
      closed++;
    }
    for (const peer of this.#peers.values()) {
      if (now - peer.lastHeard > this.#limits.idleMs && !peer.conn.closed) {
        log.debug("Closing a silent connection from {address}", {
          address: peer.conn.remoteAddress,
        });
        this.#refuse(peer, "timeout", "silent for too long");
        closed++;
      }
    }
    return closed;
  }

  close(): Promise<void> {
    this.#closing ??= this.#shutdown();
    return this.#closing;
  }

  async #shutdown(): Promise<void> {
    clearInterval(this.#sweepTimer);
    this.#sweepTimer = undefined;
    this.#stopRenewal();
    await this.#listener?.close();
    const shutdown = encodeMessage({ t: "error", code: "shutdown" });
    const attached = new Set([...this.#peers.values()].map((peer) => peer.conn));
    const closing: Promise<void>[] = [];
    for (const set of [...this.#open.values()]) {
      for (const conn of [...set]) {
        if (attached.has(conn)) conn.send(shutdown);
        closing.push(conn.close(attached.has(conn) ? REFUSE_FLUSH_MS : 0));
      }
    }
    await Promise.all(closing);
    this.#directory.clear();
    this.#peers.clear();
    log.debug("Registry closed");
  }

  #track(conn: FramedConnection): void {
    let set = this.#open.get(conn.remoteAddress);
    if (set === undefined) {
      set = new Set();
      this.#open.set(conn.remoteAddress, set);
    }
    set.add(conn);
    this.#openCount++;
  }

  #untrack(conn: FramedConnection): void {
    const set = this.#open.get(conn.remoteAddress);
    if (set?.delete(conn) !== true) return;
    this.#openCount--;
    if (set.size === 0) this.#open.delete(conn.remoteAddress);
  }

  #attach(conn: FramedConnection): void {
    const now = this.#clock();
    const peer: Peer = {
      id: this.#nextId++,
      conn,
      lastHeard: now,
      tokens: this.#limits.frameBurst,
      tokensAt: now,
    };
    this.#peers.set(peer.id, peer);
    conn.onFrame = (payload) => this.#onFrame(peer, payload);
    conn.onClose = (reason) => {
      log.debug("Connection {id} from {address} ended ({reason})", {
        id: peer.id,
        address: conn.remoteAddress,
        reason,
      });
      this.#directory.remove(peer.id);
      this.#peers.delete(peer.id);
      this.#untrack(conn);
    };
  }

  #onFrame(peer: Peer, payload: Uint8Array): void {
    if (peer.conn.closed) return;
    const now = this.#clock();
    peer.lastHeard = now;
    if (!this.#spend(peer, now)) {
      log.debug("Connection {id} sends too fast", { id: peer.id });
      this.#refuse(peer, "rate-limited", "too many frames");
      return;
    }
    let message: ClientMessage;
    try {
      message = decodeClientMessage(payload);
    } catch (error) {
      const detail = error instanceof Error ? error.message : "malformed frame";
      log.debug("Bad frame from connection {id}: {detail}", { id: peer.id, detail });
      this.#refuse(peer, "bad-frame", detail);
      return;
    }
    switch (message.t) {
      case "register": {
        const { name, host, port, users, since } = message;
        const refusal = this.#directory.register(peer.id, plainAddress(peer.conn.remoteAddress), {
          name,
          // A wildcard is a listen address, not one to dial: the connection's address serves.
          ...(host === undefined || isWildcard(host) ? {} : { host: plainAddress(host) }),
          port,
          users,
          ...(since === undefined ? {} : { since }),
        });
        if (refusal !== undefined) {
          log.debug("Refused a registration from connection {id}: {refusal}", {
            id: peer.id,
            refusal,
          });
          this.#refuse(
            peer,
            refusal,
            refusal === "full" ? "the registry is full" : "too many servers from one address",
          );
          return;
        }
        log.debug("Connection {id} registered {name} at {host}:{port}", {
          id: peer.id,
          name,
          host: host ?? peer.conn.remoteAddress,
          port,
        });
        return;
      }
      case "beat":
        if (!this.#directory.beat(peer.id, message.users)) {
          this.#send(peer, { t: "refused", code: "not-registered", detail: "register first" });
        }
        return;
      case "list":
        this.#send(peer, { t: "servers", list: this.#listFor(peer) });
        return;
      case "ping":
        this.#send(peer, { t: "pong", ts: message.ts });
        return;
      case "pong":
        return;
      case "bye":
        void peer.conn.close();
        return;
      default:
        this.#refuse(peer, "bad-frame", `unexpected ${message.t} at a registry`);
    }
  }

  /** Takes a token from the peer's bucket; false when it is empty. */
  #spend(peer: Peer, now: number): boolean {
    const { frameBurst, framesPerSecond } = this.#limits;
    const elapsed = Math.max(0, now - peer.tokensAt);
    peer.tokens = Math.min(frameBurst, peer.tokens + (elapsed * framesPerSecond) / 1000);
    peer.tokensAt = now;
    if (peer.tokens < 1) return false;
    peer.tokens -= 1;
    return true;
  }

  /** The entries as `peer` should see them: loopback hosts replaced by an address it can reach. */
  #listFor(peer: Peer): ServerEntry[] {
    const list = this.#directory.list();
    const lister = { remoteAddress: peer.conn.remoteAddress, localAddress: localAddressOf(peer) };
    if (isLoopback(lister.remoteAddress) || !list.some((entry) => isLoopback(entry.host))) {
      return list;
    }
    const bound = this.hostname;
    const fallback = !isWildcard(bound) && !isLoopback(bound)
      ? plainAddress(bound)
      : addressFacing(lister.remoteAddress, this.#interfaces());
    return list.map((entry) => ({ ...entry, host: listedHost(entry.host, lister, fallback) }));
  }

  #send(peer: Peer, message: ServerMessage): void {
    peer.conn.send(encodeMessage(message));
  }

  /** Sends `error {code, detail}` and closes; the entry goes with the connection. */
  #refuse(peer: Peer, code: string, detail: string): void {
    this.#directory.remove(peer.id);
    this.#send(peer, { t: "error", code, detail });
    void peer.conn.close(REFUSE_FLUSH_MS);
  }
}

/** The address the lister reached us at, when the socket tells it. */
function localAddressOf(peer: Peer): string | undefined {
  return peer.conn.localAddress === "" ? undefined : peer.conn.localAddress;
}
