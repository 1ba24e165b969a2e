/**
 * The listening side of every stealth connection: TLS 1.3 only, on
 * `node:tls` (Deno's own `Deno.listenTls` cannot refuse TLS 1.2).
 *
 * Deadlines and bounds before a connection is handed out: the TLS handshake
 * has `handshakeTimeoutMs` from the TCP accept, counted absolutely (a peer
 * dribbling bytes does not extend it); each address (IPv4, or IPv6 /64) may
 * have `maxPendingPerAddress` connections in the TLS handshake, and a new one
 * past that pushes out the **oldest** of that address, so a crowd of stuck
 * connections cannot keep a real member from the same address out.
 *
 * @module
 */

import { createPrivateKey, type KeyObject, X509Certificate } from "node:crypto";
import type { Socket } from "node:net";
import tls from "node:tls";
import { t, template } from "../i18n/mod.ts";
import { getLogger } from "../log/mod.ts";
import { HANDSHAKE_TIMEOUT_MS } from "../protocol/mod.ts";
import { addressKey, displayAddress } from "./_address_key.ts";
import { framedNodeSocket } from "./_node_socket_driver.ts";
import {
  DEFAULT_OUTBOUND_LIMITS,
  type FramedConnection,
  type OutboundLimits,
} from "./framed_connection.ts";

/** Default cap of connections of one address still in the TLS handshake. */
export const DEFAULT_MAX_PENDING_PER_ADDRESS = 64;

/** Options for {@linkcode listenTls}. */
export interface ListenTlsOptions {
  /** Address to listen on, e.g. `0.0.0.0`, `::` or `127.0.0.1`. */
  hostname: string;
  /** Port to listen on; 0 picks a free one. */
  port: number;
  /** The leaf certificate as PEM (followed by any intermediates). */
  cert: string;
  /** The leaf's private key as PEM. */
  key: string;
  /** Extra CA certificates as PEM (external certificates only). */
  ca?: string;
  /** Bounds of each connection's outbound queue. */
  limits?: Partial<OutboundLimits>;
  /** Connections of one address allowed in the TLS handshake at once (default 64). */
  maxPendingPerAddress?: number;
  /** Time a connection has to finish the TLS handshake (default 10 s). */
  handshakeTimeoutMs?: number;
  /**
   * Called with each connection that finished the TLS handshake, before any
   * frame is delivered: install `onFrame`/`onClose` (or start
   * `acceptHandshake`) before returning. Frames are limited to
   * `HANDSHAKE_MAX_FRAME_BYTES` until the application handshake raises it.
   */
  onConnection: (conn: FramedConnection) => void;
}

/** A listening TLS 1.3 socket. */
export interface TlsListener {
  /** The address listened on. */
  readonly hostname: string;
  /** The port listened on (the real one when 0 was asked for). */
  readonly port: number;
  /** Connections in the TLS handshake now. */
  readonly pendingHandshakes: number;
  /** Connections that finished the TLS handshake, since the start. */
  readonly accepted: number;
  /** Connections that failed or were dropped in the TLS handshake (errors, deadline, cap), since the start. */
  readonly failedHandshakes: number;
  /**
   * Serves a new certificate to connections from now on (existing ones keep
   * theirs): how a server renews its leaf while running for months. TLS 1.2
   * stays refused.
   *
   * @throws {Error} "Cannot use the new certificate: ..." when the certificate
   *   does not parse or the key is not its key; the old one stays in use.
   */
  setCertificate(cert: string, key: string, ca?: string): void;
  /**
   * Stops accepting and drops the connections still in the TLS handshake
   * (including any whose handshake completes after this call). Connections
   * already handed out stay open: their owners close them.
   */
  close(): Promise<void>;
}

const log = getLogger(["stealth", "net"]);

/** Least time between two warnings about dialers that hold another key. */
const FOREIGN_WARNING_INTERVAL_MS = 10_000;

/** A connection still in the TLS handshake. */
interface Pending {
  raw: Socket;
  key: string;
  deadline: number;
  /** Its `close` listener, removed once the handshake is over (a live member would keep it). */
  onClose: () => void;
}

/** The TCP socket's errors: the TLS socket above reports them. One function for every socket. */
const ignoreRawError = (): void => {};

/**
 * Listens for TLS 1.3 connections and hands each one, framed, to
 * `onConnection`.
 *
 * @throws {Error} "Cannot listen on HOST:PORT: ..." when the port is taken,
 *   the address is not local, the certificate does not parse or the key is
 *   not its key.
 */
export async function listenTls(options: ListenTlsOptions): Promise<TlsListener> {
  const limits: OutboundLimits = { ...DEFAULT_OUTBOUND_LIMITS, ...options.limits };
  const maxPending = options.maxPendingPerAddress ?? DEFAULT_MAX_PENDING_PER_ADDRESS;
  const handshakeTimeoutMs = options.handshakeTimeoutMs ?? HANDSHAKE_TIMEOUT_MS;
  if (!(maxPending >= 1) || !(handshakeTimeoutMs > 0)) {
    throw new RangeError(
      "Cannot listen: maxPendingPerAddress and handshakeTimeoutMs must be positive",
    );
  }
  const where = `${options.hostname}:${options.port}`;
  let server: tls.Server;
  try {
    checkKeyPair(options.cert, options.key);
    server = tls.createServer(secureOptions(options.cert, options.key, options.ca));
  } catch (cause) {
    throw new Error(`Cannot listen on ${where}: ${messageOf(cause)}`, { cause });
  }
  const listener = new Listener(server, limits, maxPending, handshakeTimeoutMs, options);
  await new Promise<void>((resolve, reject) => {
    const onError = (cause: Error & { code?: string }) => {
      reject(new Error(t("net.listen_failed", { where, reason: listenProblem(cause) }), { cause }));
    };
    server.once("error", onError);
    server.listen({ port: options.port, host: options.hostname }, () => {
      server.off("error", onError);
      resolve();
    });
  });
  server.on("error", (error: Error) => log.error(template("log.listener_error"), { error }));
  return listener;
}

function secureOptions(cert: string, key: string, ca?: string): tls.SecureContextOptions {
  // minVersion belongs to the secure context: it must be repeated on every swap.
  return ca === undefined
    ? { cert, key, minVersion: "TLSv1.3" }
    : { cert, key, ca, minVersion: "TLSv1.3" };
}

/**
 * Throws unless `cert` parses and `key` is its private key: `node:tls` under
 * Deno takes anything and fails each handshake later.
 */
function checkKeyPair(cert: string, key: string): void {
  let certificate: X509Certificate;
  try {
    certificate = new X509Certificate(cert);
  } catch (cause) {
    throw new Error("the certificate is not PEM", { cause });
  }
  let privateKey: KeyObject;
  try {
    privateKey = createPrivateKey(key);
  } catch (cause) {
    throw new Error("the private key is not PEM", { cause });
  }
  if (!certificate.checkPrivateKey(privateKey)) {
    throw new Error("the private key does not belong to the certificate");
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function listenProblem(error: Error & { code?: string }): string {
  switch (error.code) {
    case "EADDRINUSE":
      return t("net.listen_in_use");
    case "EADDRNOTAVAIL":
      return t("net.listen_no_address");
    case "EACCES":
      return t("net.listen_denied");
    default:
      return error.message;
  }
}

class Listener implements TlsListener {
  #server: tls.Server;
  #limits: OutboundLimits;
  #maxPending: number;
  #timeoutMs: number;
  #onConnection: (conn: FramedConnection) => void;
  /** Every pending connection, oldest first (same deadline for all, so earliest deadline first). */
  #pending = new Map<string, Pending>();
  /** Pending connection ids by address key, oldest first. */
  #byAddress = new Map<string, Set<string>>();
  #sweepTimer: ReturnType<typeof setTimeout> | undefined;
  #accepted = 0;
  #failed = 0;
  #closed = false;
  /** When the last "another key" warning was logged (performance.now). */
  #lastForeignWarning = -Infinity;

  constructor(
    server: tls.Server,
    limits: OutboundLimits,
    maxPending: number,
    timeoutMs: number,
    options: ListenTlsOptions,
  ) {
    this.#server = server;
    this.#limits = limits;
    this.#maxPending = maxPending;
    this.#timeoutMs = timeoutMs;
    this.#onConnection = options.onConnection;
    server.on("connection", (raw: Socket) => this.#track(raw));
    server.on("secureConnection", (socket: tls.TLSSocket) => this.#promote(socket));
    server.on("tlsClientError", (error: Error & { code?: string }, socket: tls.TLSSocket) => {
      this.#failed++;
      // The TLS socket may have forgotten the address by now; its TCP socket has not.
      const address = displayAddress(
        socket?.remoteAddress ??
          (socket as unknown as { _parent?: Socket } | undefined)?._parent?.remoteAddress,
      );
      if (refusedOurCertificate(error) && this.#mayWarn()) {
        // A dialer holding another key: the person here should hear of it (no more than that).
        log.warn(template("log.foreign_certificate"), {
          address,
        });
        return void socket?.destroy();
      }
      log.debug("TLS handshake failed from {address}: {reason}", {
        address,
        reason: error.message,
      });
      socket?.destroy();
    });
  }

  get hostname(): string {
    const address = this.#server.address();
    return typeof address === "object" && address !== null ? address.address : "";
  }

  get port(): number {
    const address = this.#server.address();
    return typeof address === "object" && address !== null ? address.port : 0;
  }

  get pendingHandshakes(): number {
    return this.#pending.size;
  }

  get accepted(): number {
    return this.#accepted;
  }

  get failedHandshakes(): number {
    return this.#failed;
  }

  setCertificate(cert: string, key: string, ca?: string): void {
    try {
      checkKeyPair(cert, key);
      this.#server.setSecureContext(secureOptions(cert, key, ca));
    } catch (cause) {
      throw new Error(`Cannot use the new certificate: ${messageOf(cause)}`, { cause });
    }
  }

  /** At most one "another key" warning per interval: a stranger cannot flood the log. */
  #mayWarn(): boolean {
    const now = performance.now();
    if (now - this.#lastForeignWarning < FOREIGN_WARNING_INTERVAL_MS) return false;
    this.#lastForeignWarning = now;
    return true;
  }

  close(): Promise<void> {
    if (this.#closed) return Promise.resolve();
    this.#closed = true;
    // server.close()'s callback waits for every connection; only stop listening here.
    this.#server.close();
    clearTimeout(this.#sweepTimer);
    this.#sweepTimer = undefined;
    for (const entry of [...this.#pending.values()]) this.#drop(entry, "listener closed");
    return Promise.resolve();
  }

  #track(raw: Socket): void {
    raw.on("error", ignoreRawError);
    if (this.#closed || raw.remoteAddress === undefined) {
      raw.destroy();
      return;
    }
    raw.setNoDelay(true);
    const id = connectionId(raw.remoteAddress, raw.remotePort);
    const key = addressKey(displayAddress(raw.remoteAddress));
    let ids = this.#byAddress.get(key);
    if (ids === undefined) {
      ids = new Set();
      this.#byAddress.set(key, ids);
    }
    while (ids.size >= this.#maxPending) {
      const oldest = this.#pending.get(ids.values().next().value!);
      if (oldest === undefined) break;
      this.#drop(oldest, "too many pending handshakes from one address");
    }
    const entry: Pending = {
      raw,
      key,
      deadline: performance.now() + this.#timeoutMs,
      onClose: () => this.#forget(id),
    };
    this.#pending.set(id, entry);
    ids.add(id);
    raw.once("close", entry.onClose);
    this.#sweepTimer ??= setTimeout(this.#sweep, this.#timeoutMs);
  }

  #promote(socket: tls.TLSSocket): void {
    this.#forget(connectionId(socket.remoteAddress, socket.remotePort));
    if (this.#closed) {
      socket.destroy();
      return;
    }
    this.#accepted++;
    const conn = framedNodeSocket(socket, displayAddress(socket.remoteAddress), this.#limits);
    try {
      this.#onConnection(conn);
    } catch (error) {
      log.error(template("log.handler_threw"), { error });
      void conn.close(0);
    }
  }

  #forget(id: string): void {
    const entry = this.#pending.get(id);
    if (entry === undefined) return;
    this.#pending.delete(id);
    entry.raw.off("close", entry.onClose);
    const ids = this.#byAddress.get(entry.key);
    ids?.delete(id);
    if (ids?.size === 0) this.#byAddress.delete(entry.key);
  }

  #drop(entry: Pending, why: string): void {
    log.debug("Dropping a TLS handshake from {address}: {why}", {
      address: displayAddress(entry.raw.remoteAddress),
      why,
    });
    this.#forget(connectionId(entry.raw.remoteAddress, entry.raw.remotePort));
    entry.raw.destroy();
  }

  /** Drops every pending connection past its deadline; one timer for all of them. */
  #sweep = (): void => {
    this.#sweepTimer = undefined;
    const now = performance.now();
    for (const entry of this.#pending.values()) {
      if (entry.deadline > now) {
        this.#sweepTimer = setTimeout(this.#sweep, entry.deadline - now);
        return;
      }
      this.#drop(entry, "TLS handshake deadline passed");
    }
  };
}

/** Whether the dialer ended the TLS handshake because our certificate is not from its CA. */
function refusedOurCertificate(error: { code?: string }): boolean {
  return error.code === "ERR_SSL_TLSV1_ALERT_UNKNOWN_CA" ||
    error.code === "ERR_SSL_SSLV3_ALERT_BAD_CERTIFICATE";
}

function connectionId(address: string | undefined, port: number | undefined): string {
  return `${address}|${port}`;
}
