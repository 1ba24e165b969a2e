/**
 * Certificates made elsewhere (`stealth certs --cert --key --ca`), checked before
 * any server listens: one {@linkcode CertError} per problem, naming the file and
 * the fix, instead of a TLS failure on some member's machine later.
 *
 * @module
 */

import "reflect-metadata";
import * as x509 from "@peculiar/x509";
import { Buffer } from "node:buffer";
import { createPrivateKey, createPublicKey, type KeyObject } from "node:crypto";
import { CertError } from "./cert_error.ts";
import type { Leaf } from "./leaf.ts";
import { formatDate } from "./_format.ts";
import { type PemBlock, pemBlocks, toPem } from "./_pem.ts";

/** Options for {@linkcode loadExternalCerts}. */
export interface ExternalCertsOptions {
  /** PEM file with the server certificate, optionally followed by its intermediates in order. */
  certFile: string;
  /** PEM file with the certificate's private key, unencrypted (PKCS#8, SEC1 or PKCS#1). */
  keyFile: string;
  /** PEM file with the CA certificate(s) clients should trust. */
  caFile: string;
  /** The current time in milliseconds since the epoch (default `Date.now()`). */
  now?: number;
}

/** What a person wants to see of a certificate; see {@linkcode describeCert}. */
export interface CertDescription {
  /** Subject distinguished name. */
  subject: string;
  /** Issuer distinguished name. */
  issuer: string;
  /** Subject alternative names (DNS names and IP addresses). */
  sans: string[];
  /** First instant of validity. */
  notBefore: Date;
  /** Last instant of validity. */
  notAfter: Date;
}

const KEY_LABELS = new Set(["PRIVATE KEY", "EC PRIVATE KEY", "RSA PRIVATE KEY"]);

/**
 * Reads an external certificate, its key and its CA, and checks them the way a
 * client will, plus what rustls leaves out: the files exist and hold what they
 * should, every certificate in the chain and the CA are within their dates, the
 * key belongs to the certificate, the certificate is a server certificate and the
 * CA (through any intermediates in the cert file) issued it.
 *
 * @throws {CertError} with one line naming the file and what to do.
 */
export async function loadExternalCerts(options: ExternalCertsOptions): Promise<Leaf> {
  const { certFile, keyFile, caFile } = options;
  const now = options.now ?? Date.now();
  const chain = certificates(await readPem(certFile, "certificate"), certFile);
  const key = privateKey(await readPem(keyFile, "key"), keyFile);
  const cas = certificates(await readPem(caFile, "CA"), caFile);
  const leaf = chain[0]!;

  chain.forEach((cert, i) => {
    checkDates(
      cert,
      now,
      i === 0
        ? `the certificate in ${certFile}`
        : `the intermediate certificate ${i} in ${certFile}`,
      "renew it",
    );
  });
  const keySpki = createPublicKey(key).export({ type: "spki", format: "der" });
  if (!Buffer.from(leaf.publicKey.rawData).equals(keySpki)) {
    throw new CertError(
      `the private key in ${keyFile} does not belong to the certificate in ${certFile} — pass the key that was made together with this certificate`,
    );
  }
  if (leaf.getExtension(x509.BasicConstraintsExtension)?.ca === true) {
    throw new CertError(
      `the certificate in ${certFile} is a CA certificate, not a server certificate — pass the server's own certificate with --cert and the CA with --ca`,
    );
  }
  const usages = leaf.getExtension(x509.ExtendedKeyUsageExtension)?.usages;
  if (usages !== undefined && !usages.includes(x509.ExtendedKeyUsage.serverAuth)) {
    throw new CertError(
      `the certificate in ${certFile} is not for servers (its extended key usage lacks serverAuth) — issue one for TLS servers`,
    );
  }
  for (let i = 0; i + 1 < chain.length; i++) {
    if (!await signedBy(chain[i]!, chain[i + 1]!)) {
      const position = i + 1;
      throw new CertError(
        `certificate ${position} in ${certFile} was not issued by the next one in the file — put the server certificate first, then each intermediate in order`,
      );
    }
  }
  const top = chain[chain.length - 1]!;
  let anchor: x509.X509Certificate | undefined;
  for (const ca of cas) {
    if (await signedBy(top, ca)) {
      anchor = ca;
      break;
    }
  }
  if (anchor === undefined) {
    const names = `issuer "${top.issuer}", CA "${cas[0]!.subject}"`;
    throw new CertError(
      `the certificate in ${certFile} was not issued by the CA in ${caFile} (${names}) — pass the CA that issued it with --ca`,
    );
  }
  // rustls does not look at a trust anchor's dates, so an expired CA would be accepted silently.
  checkDates(anchor, now, `the CA certificate in ${caFile}`, "get the CA's current certificate");

  return {
    certPem: chain.map((cert) => toPem(cert.rawData, "CERTIFICATE")).join(""),
    keyPem: String(key.export({ type: "pkcs8", format: "pem" })),
    caPem: cas.map((cert) => toPem(cert.rawData, "CERTIFICATE")).join(""),
    notBefore: leaf.notBefore,
    notAfter: leaf.notAfter,
    sans: alternativeNames(leaf),
    subject: leaf.subject,
  };
}

/**
 * Subject, issuer, SANs and dates of the first certificate in `pem`, for display.
 *
 * @throws {CertError} when `pem` holds no readable certificate.
 */
export function describeCert(pem: string): CertDescription {
  const cert = certificates(pemBlocks(pem), "the text given")[0]!;
  return {
    subject: cert.subject,
    issuer: cert.issuer,
    sans: alternativeNames(cert),
    notBefore: cert.notBefore,
    notAfter: cert.notAfter,
  };
}

async function readPem(file: string, what: string): Promise<PemBlock[]> {
  let text: string;
  try {
    text = await Deno.readTextFile(file);
  } catch (error) {
    if (error instanceof Deno.errors.NotFound) {
      throw new CertError(`${what} file ${file} does not exist — check the path`, { cause: error });
    }
    const cause = { cause: error };
    if (error instanceof Deno.errors.PermissionDenied) {
      const message = `${what} file ${file} cannot be read: permission denied`;
      throw new CertError(`${message} — check its owner and mode`, cause);
    }
    if (error instanceof Deno.errors.IsADirectory) {
      throw new CertError(`${what} file ${file} is a folder — pass the file itself`, cause);
    }
    throw new CertError(`${what} file ${file} cannot be read: ${oneLine(error)}`, { cause: error });
  }
  const blocks = pemBlocks(text);
  if (blocks.length === 0) {
    throw new CertError(
      `${what} file ${file} is not PEM (no "-----BEGIN" line) — pass the PEM file, or convert it with openssl`,
    );
  }
  return blocks;
}

function certificates(blocks: PemBlock[], file: string): x509.X509Certificate[] {
  const certs: x509.X509Certificate[] = [];
  for (const block of blocks) {
    if (block.label !== "CERTIFICATE") continue;
    try {
      if (block.der === undefined) throw new SyntaxError("bad base64");
      certs.push(new x509.X509Certificate(block.der));
    } catch (error) {
      throw new CertError(
        `${file} holds a damaged certificate (it does not parse) — copy the file again from where it was made`,
        { cause: error },
      );
    }
  }
  if (certs.length === 0) {
    const labels = [...new Set(blocks.map((block) => block.label))].join(", ");
    const swapped = labels.includes("PRIVATE KEY")
      ? " — did you swap --cert and --key?"
      : " — pass a certificate file";
    throw new CertError(`${file} holds ${labels || "nothing usable"}, not a certificate${swapped}`);
  }
  return certs;
}

function privateKey(blocks: PemBlock[], file: string): KeyObject {
  const block = blocks.find((b) => KEY_LABELS.has(b.label));
  if (block === undefined) {
    if (blocks.some((b) => b.label === "ENCRYPTED PRIVATE KEY")) {
      throw new CertError(
        `the private key in ${file} is encrypted — write it without a passphrase (openssl pkey -in ${file} -out plain.key) and keep that file mode 0600`,
      );
    }
    const labels = [...new Set(blocks.map((b) => b.label))].join(", ");
    const swapped = labels.includes("CERTIFICATE") ? " — did you swap --cert and --key?" : "";
    throw new CertError(`${file} holds ${labels}, not a private key${swapped}`);
  }
  try {
    if (block.der === undefined) throw new SyntaxError("bad base64");
    return createPrivateKey(block.text);
  } catch (error) {
    throw new CertError(
      `${file} holds a damaged private key (it does not parse) — copy the file again from where it was made`,
      { cause: error },
    );
  }
}

function checkDates(cert: x509.X509Certificate, now: number, what: string, fix: string): void {
  if (now > cert.notAfter.getTime()) {
    throw new CertError(`${what} expired on ${formatDate(cert.notAfter)} — ${fix}`);
  }
  if (now < cert.notBefore.getTime()) {
    const from = formatDate(cert.notBefore);
    throw new CertError(
      `${what} is not valid until ${from} — check this machine's clock, or wait until then`,
    );
  }
}

async function signedBy(
  cert: x509.X509Certificate,
  issuer: x509.X509Certificate,
): Promise<boolean> {
  if (cert.issuer !== issuer.subject) return false;
  try {
    return await cert.verify({ publicKey: issuer.publicKey, signatureOnly: true });
  } catch {
    // An algorithm WebCrypto cannot verify is as good as a wrong signature here.
    return false;
  }
}

function alternativeNames(cert: x509.X509Certificate): string[] {
  const extension = cert.getExtension(x509.SubjectAlternativeNameExtension);
  return extension?.names.items.map((name) => name.value) ?? [];
}

function oneLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split("\n")[0] ?? "";
}
