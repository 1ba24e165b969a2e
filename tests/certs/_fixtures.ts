/**
 * Certificates for the certs tests that the circle cannot make: CAs with chosen
 * dates, intermediates, odd extensions. Built with @peculiar/x509 and ECDSA P-256.
 *
 * @module
 */

import "reflect-metadata";
import * as x509 from "@peculiar/x509";
import { generateKey, parseKey, type SecretKey } from "../../crypto/mod.ts";

const ECDSA = { name: "ECDSA", namedCurve: "P-256", hash: "SHA-256" } as const;

/** A certificate and its key pair. */
export interface Issued {
  cert: x509.X509Certificate;
  keys: CryptoKeyPair;
  certPem: string;
  keyPem: string;
}

/** Options for {@linkcode issue}. */
export interface IssueOptions {
  subject: string;
  issuer?: Issued;
  ca?: boolean;
  notBefore?: Date;
  notAfter?: Date;
  usages?: x509.ExtendedKeyUsageType[];
}

/** A fresh circle key. */
export function newKey(): SecretKey {
  return parseKey(generateKey());
}

/** Issues a certificate (self-signed without `issuer`), valid 2020–2100 unless told otherwise. */
export async function issue(options: IssueOptions): Promise<Issued> {
  const keys = await crypto.subtle.generateKey(ECDSA, true, ["sign", "verify"]);
  const extensions: x509.Extension[] = [
    new x509.BasicConstraintsExtension(options.ca ?? false, undefined, true),
    new x509.SubjectAlternativeNameExtension([{ type: "dns", value: "example.test" }]),
  ];
  if (options.usages !== undefined) {
    extensions.push(new x509.ExtendedKeyUsageExtension(options.usages));
  }
  const cert = await x509.X509CertificateGenerator.create({
    subject: options.subject,
    issuer: options.issuer?.cert.subject ?? options.subject,
    publicKey: keys.publicKey,
    signingKey: (options.issuer?.keys ?? keys).privateKey,
    signingAlgorithm: ECDSA,
    notBefore: options.notBefore ?? new Date(Date.UTC(2020, 0, 1)),
    notAfter: options.notAfter ?? new Date(Date.UTC(2100, 0, 1)),
    extensions,
  });
  const pkcs8 = new Uint8Array(await crypto.subtle.exportKey("pkcs8", keys.privateKey));
  return {
    cert,
    keys,
    certPem: x509.PemConverter.encode(cert.rawData, "CERTIFICATE") + "\n",
    keyPem: x509.PemConverter.encode(pkcs8.buffer, "PRIVATE KEY") + "\n",
  };
}

/** Runs `body` with a fresh temporary folder, removed afterwards. */
export async function withTempDir(body: (dir: string) => Promise<void>): Promise<void> {
  const dir = await Deno.makeTempDir({ prefix: "stealth_certs_" });
  try {
    await body(dir);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
}

/** Rejects with `what timed out` after `ms`, without leaving a timer behind. */
export async function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} timed out after ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
