/**
 * The dialing side of every stealth connection: `node:tls` with TCP no-delay,
 * TLS 1.3 only, trusting the circle CA. Host names are not checked (a server
 * is reached by any address or name); instead the peer's leaf certificate
 * must be signed by the circle CA's own key, checked here against the CA
 * rebuilt from the circle key. The runtime adds the system's roots to any CA
 * it is given, so without that check a certificate from any public root, for
 * any name, would pass and an on-path attacker holding one could relay a
 * member's handshake and watch the room's metadata.
 *
 * @module
 */

import { type KeyObject, X509Certificate } from "node:crypto";
import { isIP } from "node:net";
import tls, { type PeerCertificate, type TLSSocket } from "node:tls";
import { duration, number, t } from "../i18n/mod.ts";
import { displayAddress } from "./_address_key.ts";
import { framedNodeSocket } from "./_node_socket_driver.ts";
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
  /**
   * "circle" (default): `caPem` is the circle CA and the leaf must be signed
   * by its key, whatever the name. "external": `caPem` is the CA of a server
   * with an external certificate (`stealth server --cert`); the ordinary
   * chain and host name checks apply.
   */
  trust?: "circle" | "external";
}

/** Marks the refusal of a leaf our circle's CA did not sign. */
class NotOurCircle extends Error {
  constructor() {
    super("the certificate is not signed by the circle CA");
    this.name = "NotOurCircle";
  }
}

/** The CA's public key, by PEM: a few circles at most per process. */
const caKeys = new Map<string, KeyObject>();

function caKeyOf(caPem: string): KeyObject {
  let key = caKeys.get(caPem);
  if (key === undefined) {
    key = new X509Certificate(caPem).publicKey;
    if (caKeys.size >= 8) caKeys.delete(caKeys.keys().next().value!);
    caKeys.set(caPem, key);
  }
  return key;
}

/** Whether the peer's leaf was signed by the circle CA's key (not merely by a trusted root). */
function signedByCircle(cert: PeerCertificate, caKey: KeyObject): boolean {
  try {
    return cert.raw !== undefined && new X509Certificate(cert.raw).verify(caKey);
  } catch {
    return false;
  }
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
  const external = options.trust === "external";
  const caKey = external ? undefined : caKeyOf(caPem);
  const host = hostname.replace(/^\[(.*)\]$/, "$1");
  let socket: TLSSocket | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const attempt = new Promise<TLSSocket>((resolve, reject) => {
    let connected = false;
    const s = tls.connect({
      host,
      port,
      ca: [caPem],
      minVersion: "TLSv1.3",
      // Server Name Indication only for names; the name itself is not checked.
      ...(isIP(host) === 0 ? { servername: host } : {}),
      ...(caKey === undefined ? {} : {
        checkServerIdentity: (_name: string, cert: PeerCertificate) =>
          signedByCircle(cert, caKey) ? undefined : new NotOurCircle(),
      }),
    });
    socket = s;
    s.setNoDelay(true);
    s.setKeepAlive(true);
    s.once("connect", () => connected = true);
    const onError = (cause: Error) => {
      s.destroy();
      if (cause instanceof NotOurCircle) {
        reject(foreignError(cause, hostname, port));
      } else if (connected && isVerifyFailure(cause) && caKey !== undefined) {
        // The runtime says only "unable to verify": look at the certificate to say why.
        diagnoseCertificate(host, port, caKey).then(
          (why) => reject(certificateError(why, cause, hostname, port)),
          () => reject(tlsError(cause, hostname, port)),
        );
      } else {
        reject(connected ? tlsError(cause, hostname, port) : connectError(cause, hostname, port));
      }
    };
    s.once("error", onError);
    s.once("secureConnect", () => {
      s.off("error", onError);
      resolve(s);
    });
  });
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      socket?.destroy();
      reject(timeoutError(hostname, port, timeoutMs));
    }, timeoutMs);
  });
  try {
    const connected = await Promise.race([attempt, deadline]);
    const framed = framedNodeSocket(connected, displayAddress(connected.remoteAddress), limits);
    framed.pause();
    return framed;
  } catch (error) {
    attempt.catch(() => {});
    if (error instanceof DialError) throw error;
    throw new DialError(
      "unreachable",
      hostname,
      port,
      t("net.unreachable", { where: hostPort(hostname, port), reason: String(error) }),
      { cause: error },
    );
  } finally {
    clearTimeout(timer);
  }
}

/** The runtime's "unable to verify the first certificate" and kin. */
function isVerifyFailure(cause: Error): boolean {
  const code = (cause as { code?: string }).code ?? "";
  return /VERIFY|CERT|SELF_SIGNED|UNKNOWN_ISSUER/.test(code) ||
    /unable to verify|certificate/i.test(cause.message);
}

/** Why a certificate was refused, found by looking at it. */
type CertificateProblem = "foreign" | "not-yet-valid" | "expired" | "unknown";

/**
 * Fetches the peer's certificate over a second connection that checks
 * nothing and is closed at once (no frame is ever sent on it), to tell
 * another circle's server from a clock problem.
 */
function diagnoseCertificate(
  host: string,
  port: number,
  caKey: KeyObject,
): Promise<CertificateProblem> {
  return new Promise((resolve) => {
    const probe = tls.connect({
      host,
      port,
      minVersion: "TLSv1.3",
      rejectUnauthorized: false,
      ...(isIP(host) === 0 ? { servername: host } : {}),
    });
    const timer = setTimeout(() => finish("unknown"), 2_000);
    function finish(problem: CertificateProblem): void {
      clearTimeout(timer);
      probe.destroy();
      resolve(problem);
    }
    probe.once("error", () => finish("unknown"));
    probe.once("secureConnect", () => {
      try {
        const cert = probe.getPeerX509Certificate();
        if (cert === undefined || !cert.verify(caKey)) return finish("foreign");
        const now = Date.now();
        if (now < Date.parse(cert.validFrom)) return finish("not-yet-valid");
        if (now > Date.parse(cert.validTo)) return finish("expired");
        finish("unknown");
      } catch {
        finish("unknown");
      }
    });
  });
}

function foreignError(cause: unknown, hostname: string, port: number): DialError {
  const where = hostPort(hostname, port);
  return new DialError("foreign", hostname, port, t("net.foreign", { where }), { cause });
}

function certificateError(
  problem: CertificateProblem,
  cause: Error,
  hostname: string,
  port: number,
): DialError {
  if (problem === "foreign") return foreignError(cause, hostname, port);
  if (problem === "unknown") return tlsError(cause, hostname, port);
  const where = hostPort(hostname, port);
  const reason = problem === "expired" ? "certificate expired" : "certificate not valid yet";
  return new DialError("tls", hostname, port, t("net.outside_validity", { where, reason }), {
    cause,
    outsideValidity: true,
  });
}

/** `host:port`, with IPv6 addresses in brackets. */
export function hostPort(hostname: string, port: number): string {
  return hostname.includes(":") && !hostname.startsWith("[")
    ? `[${hostname}]:${port}`
    : `${hostname}:${port}`;
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
