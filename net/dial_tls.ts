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
    throw new DialError("unreachable", hostname, port, `cannot reach ${where} (${error})`, {
      cause: error,
    });
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
    `${where} did not answer within ${
      seconds(timeoutMs)
    } — is the address right and the port open? (timed out)`,
  );
}

function seconds(ms: number): string {
  return ms >= 1000 && ms % 1000 === 0 ? `${ms / 1000} s` : `${ms} ms`;
}

function connectError(cause: unknown, hostname: string, port: number): DialError {
  const where = hostPort(hostname, port);
  const text = cause instanceof Error ? cause.message : String(cause);
  const code = (cause as { code?: string } | null)?.code;
  if (cause instanceof Deno.errors.ConnectionRefused || code === "ECONNREFUSED") {
    return new DialError(
      "refused",
      hostname,
      port,
      `cannot reach ${where} — is the server running? (connection refused)`,
      { cause },
    );
  }
  if (cause instanceof Deno.errors.TimedOut || code === "ETIMEDOUT") {
    return new DialError(
      "timeout",
      hostname,
      port,
      `${where} did not answer — is the address right and the port open? (timed out)`,
      { cause },
    );
  }
  if (/lookup|resolve|name or service|nodename|getaddrinfo/i.test(text)) {
    return new DialError(
      "dns",
      hostname,
      port,
      `cannot find ${hostname} — check the name, or use its IP address (DNS lookup failed)`,
      { cause },
    );
  }
  const reason = /unreachable/i.test(text)
    ? "network unreachable"
    : /no route/i.test(text)
    ? "no route to host"
    : firstLine(text);
  return new DialError(
    "unreachable",
    hostname,
    port,
    `cannot reach ${where} — check the address and the network (${reason})`,
    { cause },
  );
}

function tlsError(cause: unknown, hostname: string, port: number): DialError {
  const where = hostPort(hostname, port);
  const text = cause instanceof Error ? cause.message : String(cause);
  let message: string;
  if (/UnknownIssuer|BadSignature|UnknownCA|invalid peer certificate: Other/i.test(text)) {
    message =
      `${where} is not a stealth server of your circle — check secret.key (certificate not signed by the circle CA)`;
    return new DialError("foreign", hostname, port, message, { cause });
  } else if (/Expired|NotValidYet|not valid yet/i.test(text)) {
    // rustls says "certificate expired: …" and "certificate not valid yet: …".
    message =
      `${where} has a certificate outside its validity — check the clocks of both machines (${
        firstLine(text)
      })`;
  } else if (/certificate/i.test(text)) {
    message = `${where} is not a stealth server of your circle — check secret.key (${
      firstLine(text)
    })`;
  } else if (/corrupt message|InvalidContentType|peer is incompatible|alert/i.test(text)) {
    message = `${where} does not speak TLS 1.3 — is it a stealth server? (${firstLine(text)})`;
  } else {
    message = `${where} closed the connection during the TLS handshake — is it a stealth server? (${
      firstLine(text)
    })`;
  }
  return new DialError("tls", hostname, port, message, { cause });
}

function firstLine(text: string): string {
  return text.split("\n", 1)[0]!.slice(0, 200);
}
