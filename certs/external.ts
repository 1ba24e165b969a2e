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
import { t } from "../i18n/mod.ts";
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
  const cas = certificates(await readPem(caFile, "ca"), caFile);
  const leaf = chain[0]!;

  chain.forEach((cert, i) => {
    checkDates(
      cert,
      now,
      i === 0
        ? t("certs.the_certificate", { file: certFile })
        : t("certs.the_intermediate", { n: i, file: certFile }),
      t("certs.fix_renew"),
    );
  });
  const keySpki = createPublicKey(key).export({ type: "spki", format: "der" });
  if (!Buffer.from(leaf.publicKey.rawData).equals(keySpki)) {
    throw new CertError(t("certs.key_mismatch", { keyFile, certFile }));
  }
  if (leaf.getExtension(x509.BasicConstraintsExtension)?.ca === true) {
    throw new CertError(t("certs.is_ca", { file: certFile }));
  }
  const usages = leaf.getExtension(x509.ExtendedKeyUsageExtension)?.usages;
  if (usages !== undefined && !usages.includes(x509.ExtendedKeyUsage.serverAuth)) {
    throw new CertError(t("certs.not_server", { file: certFile }));
  }
  for (let i = 0; i + 1 < chain.length; i++) {
    if (!await signedBy(chain[i]!, chain[i + 1]!)) {
      throw new CertError(t("certs.chain_order", { n: i + 1, file: certFile }));
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
    throw new CertError(
      t("certs.wrong_ca", {
        file: certFile,
        caFile,
        issuer: top.issuer,
        ca: cas[0]!.subject,
      }),
    );
  }
  // rustls does not look at a trust anchor's dates, so an expired CA would be accepted silently.
  checkDates(anchor, now, t("certs.the_ca", { file: caFile }), t("certs.fix_current_ca"));

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
  const cert = certificates(pemBlocks(pem), t("certs.the_text_given"))[0]!;
  return {
    subject: cert.subject,
    issuer: cert.issuer,
    sans: alternativeNames(cert),
    notBefore: cert.notBefore,
    notAfter: cert.notAfter,
  };
}

/**
 * Reads the CA a member trusts for a server with an external certificate
 * (`stealth chat --ca FILE`): PEM with at least one certificate, within its
 * dates. Returns the PEM text to hand to the dialer.
 *
 * @throws {CertError} with one line saying what is wrong with the file.
 */
export async function loadServerCa(file: string, now: number = Date.now()): Promise<string> {
  const blocks = await readPem(file, "ca");
  for (const cert of certificates(blocks, file)) {
    checkDates(cert, now, t("certs.the_ca", { file }), t("certs.fix_current_ca"));
  }
  return blocks.filter((b) => b.label === "CERTIFICATE").map((b) => b.text).join("\n");
}

/** The file named as a person reads it: "certificate file cert.pem". */
function fileOf(what: "certificate" | "key" | "ca", file: string): string {
  if (what === "certificate") return t("certs.certificate_file", { file });
  if (what === "key") return t("certs.key_file", { file });
  return t("certs.ca_file", { file });
}

async function readPem(file: string, what: "certificate" | "key" | "ca"): Promise<PemBlock[]> {
  let text: string;
  const named = fileOf(what, file);
  try {
    text = await Deno.readTextFile(file);
  } catch (error) {
    const cause = { cause: error };
    if (error instanceof Deno.errors.NotFound) {
      throw new CertError(t("certs.file_missing", { named }), cause);
    }
    if (error instanceof Deno.errors.PermissionDenied) {
      throw new CertError(t("certs.file_denied", { named }), cause);
    }
    if (error instanceof Deno.errors.IsADirectory) {
      throw new CertError(t("certs.file_is_folder", { named }), cause);
    }
    throw new CertError(t("certs.file_unreadable", { named, reason: oneLine(error) }), cause);
  }
  const blocks = pemBlocks(text);
  if (blocks.length === 0) throw new CertError(t("certs.not_pem", { named }));
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
      throw new CertError(t("certs.damaged_certificate", { file }), { cause: error });
    }
  }
  if (certs.length === 0) {
    const labels = [...new Set(blocks.map((block) => block.label))].join(", ");
    const holds = labels || t("certs.nothing_usable");
    throw new CertError(
      labels.includes("PRIVATE KEY")
        ? t("certs.not_certificate_swapped", { file, labels: holds })
        : t("certs.not_certificate", { file, labels: holds }),
    );
  }
  return certs;
}

function privateKey(blocks: PemBlock[], file: string): KeyObject {
  const block = blocks.find((b) => KEY_LABELS.has(b.label));
  if (block === undefined) {
    if (blocks.some((b) => b.label === "ENCRYPTED PRIVATE KEY")) {
      throw new CertError(t("certs.key_encrypted", { file }));
    }
    const labels = [...new Set(blocks.map((b) => b.label))].join(", ");
    throw new CertError(
      labels.includes("CERTIFICATE")
        ? t("certs.not_key_swapped", { file, labels })
        : t("certs.not_key", { file, labels }),
    );
  }
  try {
    if (block.der === undefined) throw new SyntaxError("bad base64");
    return createPrivateKey(block.text);
  } catch (error) {
    throw new CertError(t("certs.damaged_key", { file }), { cause: error });
  }
}

function checkDates(cert: x509.X509Certificate, now: number, what: string, fix: string): void {
  if (now > cert.notAfter.getTime()) {
    throw new CertError(t("certs.expired", { what, date: formatDate(cert.notAfter), fix }));
  }
  if (now < cert.notBefore.getTime()) {
    throw new CertError(t("certs.not_yet_valid", { what, date: formatDate(cert.notBefore) }));
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
