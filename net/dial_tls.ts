/**
 * The dialing side of every stealth connection: `Deno.connect` with
 * `TCP_NODELAY`, then `Deno.startTls` trusting the circle CA. Host names are
 * not checked (a server is reached by any address or name) but the chain is:
 * only a certificate signed by the circle CA passes.
 *
 * Note: Deno adds `caCerts` to its default roots, so a publicly trusted
 * certificate also passes TLS; the handshake's proof is what tells a circle
 * member from anyone else.
 *
 * @module
 */

import { duration, number, t } from "../i18n/mod.ts";
import { framedDenoConn } from "./_deno_conn_driver.ts";
import { DialError } from "./dial_error.ts";
import {
  DEFAULT_OUTBOUND_LIMITS,
  type FramedConnection,
  type OutboundLimits,
} from "./framed_connection.ts";

/** Default time for the TCP connect and the TLS handshake together. */
export const DIAL_TIMEOUT_MS = 10_000;

/** Options for {@linkcode dialTls}. */
export interface DialTlsOptions {
  /** Host name or address of the peer. */
  hostname: string;
  /** Port of the peer. */
  port: number;
  /** The circle CA certificate as PEM: the only issuer trusted. */
  caPem: string;
  /** Time for the TCP connect and the TLS handshake together (default 10 s). */
  timeoutMs?: number;
  /** Bounds of the outbound queue. */
  limits?: Partial<OutboundLimits>;
}

/**
 * Connects over TLS 1.3 and returns the framed connection **paused**, its
 * frame limit at `HANDSHAKE_MAX_FRAME_BYTES` until the handshake raises it.
 * `dialHandshake` resumes it; a caller without a handshake installs
 * `onFrame`/`onClose` and calls `resume()`. So nothing the peer sends first
 * is lost, whatever the caller awaits in between.
 *
 * @throws {DialError} with code "refused", "timeout", "foreign", "tls", "dns" or
 *   "unreachable" and a message a person can act on.
 */
export async function dialTls(options: DialTlsOptions): Promise<FramedConnection> {
  const { hostname, port, caPem } = options;
  const timeoutMs = options.timeoutMs ?? DIAL_TIMEOUT_MS;
  const limits: OutboundLimits = { ...DEFAULT_OUTBOUND_LIMITS, ...options.limits };
  const where = hostPort(hostname, port);
  let timedOut = false;
  let open: Deno.Conn | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const connect = async (): Promise<Deno.TlsConn> => {
    let tcp: Deno.TcpConn;
    try {
      tcp = await Deno.connect({ hostname, port });
    } catch (cause) {
      throw connectError(cause, hostname, port);
    }
    if (timedOut) {
      tcp.close();
      throw timeoutError(hostname, port, timeoutMs);
    }
    open = tcp;
    tcp.setNoDelay(true);
    tcp.setKeepAlive(true);
    let conn: Deno.TlsConn;
    try {
      conn = await Deno.startTls(tcp, {
        hostname,
        caCerts: [caPem],
        unsafelyDisableHostnameVerification: true,
      });
      open = conn;
      await conn.handshake();
    } catch (cause) {
      if (timedOut) throw timeoutError(hostname, port, timeoutMs);
      closeQuietly(open);
      throw tlsError(cause, hostname, port);
    }
    if (timedOut) {
      closeQuietly(conn);
      throw timeoutError(hostname, port, timeoutMs);
    }
    return conn;
  };

  const attempt = connect();
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      timedOut = true;
      // Closing what is open ends a TLS handshake at once; a TCP connect still
      // in flight is closed when it lands.
      closeQuietly(open);
      reject(timeoutError(hostname, port, timeoutMs));
    }, timeoutMs);
  });
  try {
    const conn = await Promise.race([attempt, deadline]);
    return framedDenoConn(conn, limits);
  } catch (error) {
    attempt.catch(() => {});
    if (error instanceof DialError) throw error;
    throw new DialError(
      "unreachable",
      hostname,
      port,
      t("net.unreachable", { where, reason: String(error) }),
      { cause: error },
    );
  } finally {
    clearTimeout(timer);
  }
}

/** `host:port`, with IPv6 addresses in brackets. */
export function hostPort(hostname: string, port: number): string {
  return hostname.includes(":") && !hostname.startsWith("[")
    ? `[${hostname}]:${port}`
    : `${hostname}:${port}`;
}

function closeQuietly(conn: Deno.Conn | undefined): void {
  try {
    conn?.close();
  } catch {
    // Already closed, or consumed by startTls.
  }
}

function timeoutError(hostname: string, port: number, timeoutMs: number): DialError {
  const where = hostPort(hostname, port);
  return new DialError(
    "timeout",
    hostname,
    port,
    t("net.no_answer_within", { where, time: seconds(timeoutMs) }),
  );
}

function seconds(ms: number): string {
  return ms >= 1000 && ms % 1000 === 0 ? duration(ms) : `${number(ms)} ms`;
}

function connectError(cause: unknown, hostname: string, port: number): DialError {
  const where = hostPort(hostname, port);
  const text = cause instanceof Error ? cause.message : String(cause);
  const code = (cause as { code?: string } | null)?.code;
  if (cause instanceof Deno.errors.ConnectionRefused || code === "ECONNREFUSED") {
    return new DialError("refused", hostname, port, t("net.refused", { where }), { cause });
  }
  if (cause instanceof Deno.errors.TimedOut || code === "ETIMEDOUT") {
    return new DialError("timeout", hostname, port, t("net.no_answer", { where }), { cause });
  }
  if (/lookup|resolve|name or service|nodename|getaddrinfo/i.test(text)) {
    return new DialError("dns", hostname, port, t("net.dns", { host: hostname }), { cause });
  }
  const reason = /unreachable/i.test(text)
    ? t("net.network_unreachable")
    : /no route/i.test(text)
    ? t("net.no_route")
    : firstLine(text);
  return new DialError(
    "unreachable",
    hostname,
    port,
    t("net.unreachable_check", { where, reason }),
    { cause },
  );
}

function tlsError(cause: unknown, hostname: string, port: number): DialError {
  const where = hostPort(hostname, port);
  const text = cause instanceof Error ? cause.message : String(cause);
  // The TLS library's own words (in parentheses) stay as it wrote them.
  const reason = firstLine(text);
  if (/UnknownIssuer|BadSignature|UnknownCA|invalid peer certificate: Other/i.test(text)) {
    return new DialError("foreign", hostname, port, t("net.foreign", { where }), { cause });
  }
  if (/Expired|NotValidYet|not valid yet/i.test(text)) {
    // rustls says "certificate expired: …" and "certificate not valid yet: …".
    return new DialError("tls", hostname, port, t("net.outside_validity", { where, reason }), {
      cause,
      outsideValidity: true,
    });
  }
  let message: string;
  if (/certificate/i.test(text)) {
    message = t("net.bad_certificate", { where, reason });
  } else if (/corrupt message|InvalidContentType|peer is incompatible|alert/i.test(text)) {
    message = t("net.not_tls13", { where, reason });
  } else {
    message = t("net.tls_closed", { where, reason });
  }
  return new DialError("tls", hostname, port, message, { cause });
}

function firstLine(text: string): string {
  return text.split("\n", 1)[0]!.slice(0, 200);
}
