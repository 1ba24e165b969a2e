/**
 * Short-lived server certificates issued by the circle CA: a fresh ECDSA P-256
 * key, every name and address the server may be reached by, a few days of life.
 *
 * @module
 */

import "reflect-metadata";
import * as x509 from "@peculiar/x509";
import { isIP } from "node:net";
import { CertError } from "./cert_error.ts";
import type { CircleCA } from "./circle_ca.ts";
import { serialHex } from "./_format.ts";
import { toPem } from "./_pem.ts";

/** A certificate with its private key and the CA that vouches for it, ready for a TLS server. */
export interface Leaf {
  /** The leaf certificate as PEM (for external certificates: followed by any intermediates). */
  certPem: string;
  /** The leaf's private key as PKCS#8 PEM. */
  keyPem: string;
  /** The CA certificate(s) as PEM: what clients trust. */
  caPem: string;
  /** First instant the leaf is valid. */
  notBefore: Date;
  /** Last instant the leaf is valid. */
  notAfter: Date;
  /** Subject alternative names: host names and IP addresses. */
  sans: string[];
  /** The leaf's subject, e.g. `CN=pi.local`. */
  subject: string;
}

/** Options for {@linkcode issueLeaf}. */
export interface IssueLeafOptions {
  /** Names and addresses to put first, e.g. `--advertise` values; the first one is the subject. */
  sans?: string[];
  /** Days of validity from `now` (default 3). */
  days?: number;
  /** The current time in milliseconds since the epoch (default `Date.now()`). */
  now?: number;
}

/** Default life of a leaf, in days. */
export const LEAF_DAYS = 3;

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const HOST_NAME =
  /^(?:\*\.)?[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?(?:\.[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?)*$/;
const ALWAYS = ["localhost", "127.0.0.1", "::1"];

/**
 * Issues a leaf certificate signed by the circle CA: an ECDSA P-256 key, valid
 * from one hour before `now` (clocks differ) to `now` plus `days`, for both
 * server and client authentication, with a random serial.
 *
 * SANs are the caller's names, then this machine's host name, `localhost`,
 * `127.0.0.1`, `::1` and every local interface address, deduplicated; IPs become
 * IP SANs, everything else DNS SANs. Without `--allow-sys` the host name and
 * interface addresses are left out.
 *
 * @throws {CertError} when a name is neither a host name nor an IP address.
 * @throws {RangeError} when `days` is not a positive number.
 */
export async function issueLeaf(ca: CircleCA, options: IssueLeafOptions = {}): Promise<Leaf> {
  const days = options.days ?? LEAF_DAYS;
  if (!Number.isFinite(days) || days <= 0) {
    throw new RangeError(`Cannot issue a leaf certificate: days must be positive, got ${days}`);
  }
  const now = options.now ?? Date.now();
  const sans = leafNames(options.sans ?? []);
  const keys = await crypto.subtle.generateKey({ name: "ECDSA", namedCurve: "P-256" }, true, [
    "sign",
    "verify",
  ]);
  const extensions: x509.Extension[] = [
    new x509.BasicConstraintsExtension(false, undefined, true),
    new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature, true),
    new x509.ExtendedKeyUsageExtension([
      x509.ExtendedKeyUsage.serverAuth,
      x509.ExtendedKeyUsage.clientAuth,
    ]),
    new x509.SubjectAlternativeNameExtension(
      sans.map((name): x509.JsonGeneralName => ({ type: isIP(name) ? "ip" : "dns", value: name })),
    ),
  ];
  const der = await ca.issueCertificate({
    subject: `CN=${sans[0]}`,
    publicKey: keys.publicKey,
    serialNumber: serialHex(crypto.getRandomValues(new Uint8Array(16))),
    notBefore: new Date(now - HOUR),
    notAfter: new Date(now + days * DAY),
    extensions: extensions.map((ext) => ({
      oid: ext.type,
      critical: ext.critical,
      value: new Uint8Array(ext.value),
    })),
  });
  // Dates as the certificate holds them: X.509 drops the milliseconds.
  const cert = new x509.X509Certificate(der);
  return {
    certPem: toPem(der, "CERTIFICATE"),
    keyPem: toPem(await crypto.subtle.exportKey("pkcs8", keys.privateKey), "PRIVATE KEY"),
    caPem: ca.certPem,
    notBefore: cert.notBefore,
    notAfter: cert.notAfter,
    sans,
    subject: cert.subject,
  };
}

/**
 * Whether a leaf should be replaced: true in the last third of its life, once it
 * has expired, and before it is valid (the clock went back).
 */
export function leafNeedsRenewal(
  leaf: Pick<Leaf, "notBefore" | "notAfter">,
  now: number = Date.now(),
): boolean {
  const start = leaf.notBefore.getTime();
  const end = leaf.notAfter.getTime();
  return now < start || now >= end - (end - start) / 3;
}

function leafNames(requested: readonly string[]): string[] {
  const names = requested.map(normalizeName);
  const host = hostName();
  if (host !== undefined) names.push(host);
  names.push(...ALWAYS, ...interfaceAddresses());
  return [...new Set(names)];
}

function normalizeName(name: string): string {
  const trimmed = name.trim();
  const bare = trimmed.startsWith("[") && trimmed.endsWith("]") ? trimmed.slice(1, -1) : trimmed;
  if (isIP(bare) === 4) return bare;
  // The URL parser writes IPv6 in its one canonical form, so "::1" and "0::1" are one SAN.
  if (isIP(bare) === 6) return new URL(`http://[${bare}]/`).hostname.slice(1, -1);
  const lower = bare.toLowerCase().replace(/\.$/, "");
  if (lower.length === 0 || lower.length > 253 || !HOST_NAME.test(lower)) {
    throw new CertError(
      `"${name}" is neither a host name nor an IP address — give names like pi.local or 192.168.1.20, without a port`,
    );
  }
  return lower;
}

function hostName(): string | undefined {
  try {
    return normalizeName(Deno.hostname());
  } catch {
    // No --allow-sys, or a host name no certificate can carry: the other SANs still serve.
    return undefined;
  }
}

function interfaceAddresses(): string[] {
  try {
    return Deno.networkInterfaces().map((nic) => normalizeName(nic.address.replace(/%.*$/, "")));
  } catch {
    return [];
  }
}
