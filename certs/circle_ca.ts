/**
 * The circle's certificate authority, rebuilt from the circle key alone: every
 * holder of `secret.key` gets the same Ed25519 key pair and the same CA
 * certificate, byte for byte, so nobody copies certificate files around.
 *
 * @module
 */

import "reflect-metadata";
import * as x509 from "@peculiar/x509";
import { Buffer } from "node:buffer";
import { createPrivateKey, createPublicKey } from "node:crypto";
import { deriveKey, LABELS, type SecretKey } from "../crypto/mod.ts";
import { groupedHex, serialHex } from "./_format.ts";
import { toPem } from "./_pem.ts";

/** Start of the CA certificate's validity, fixed so every member builds the same bytes. */
export const CA_NOT_BEFORE: Date = new Date(Date.UTC(2020, 0, 1));
/** End of the CA certificate's validity, fixed so every member builds the same bytes. */
export const CA_NOT_AFTER: Date = new Date(Date.UTC(2100, 0, 1));

/** DER of a PKCS#8 Ed25519 private key up to the 32-byte seed (RFC 8410). */
const ED25519_PKCS8_PREFIX = Uint8Array.from(
  "302e020100300506032b657004220420".match(/../g) ?? [],
  (hex) => parseInt(hex, 16),
);

const ED25519 = { name: "Ed25519" } as const;

/** One X.509 extension, its value already DER-encoded. */
export interface CertificateExtension {
  /** The extension's object identifier, e.g. `2.5.29.17` for subjectAltName. */
  oid: string;
  /** Whether a verifier that does not know the extension must refuse the certificate. */
  critical: boolean;
  /** The DER encoding of the extension's value. */
  value: Uint8Array<ArrayBuffer>;
}

/** What the CA signs for a holder of the circle key; see {@linkcode CircleCA.issueCertificate}. */
export interface CertificateRequest {
  /** Subject distinguished name, e.g. `CN=pi.local`. */
  subject: string;
  /** The public key the certificate binds. */
  publicKey: CryptoKey;
  /** Serial number as hex (positive, minimally encoded). */
  serialNumber: string;
  /** First instant of validity (X.509 keeps whole seconds). */
  notBefore: Date;
  /** Last instant of validity (X.509 keeps whole seconds). */
  notAfter: Date;
  /** Extensions besides the authority key identifier, which the CA adds itself. */
  extensions: CertificateExtension[];
}

let makeCircleCA: (
  cert: x509.X509Certificate,
  signingKey: CryptoKey,
  spki: Uint8Array<ArrayBuffer>,
  fingerprint: string,
) => CircleCA;

/**
 * The circle's CA. Made by {@linkcode circleCA}. The private key lives in a
 * private field as a non-extractable `CryptoKey`: it can sign, it cannot be
 * printed, serialised or exported.
 */
export class CircleCA {
  /** The self-signed CA certificate as PEM; identical for every member of the circle. */
  readonly certPem: string;
  /** The CA's subject, `CN=stealth circle <id>`. */
  readonly subject: string;
  /** A short id of the circle: the first 8 hex digits of {@linkcode publicKeyFingerprint}. */
  readonly id: string;
  /**
   * SHA-256 of the CA's SubjectPublicKeyInfo as colon-separated groups of four hex
   * digits, for people to compare between machines.
   */
  readonly publicKeyFingerprint: string;
  /** Start of the CA certificate's validity. */
  readonly notBefore: Date;
  /** End of the CA certificate's validity. */
  readonly notAfter: Date;
  #signingKey: CryptoKey;
  #spki: Uint8Array<ArrayBuffer>;

  static {
    // circleCA() is the only way to make one; the constructor stays private.
    makeCircleCA = (cert, signingKey, spki, fingerprint) =>
      new CircleCA(cert, signingKey, spki, fingerprint);
  }

  private constructor(
    cert: x509.X509Certificate,
    signingKey: CryptoKey,
    spki: Uint8Array<ArrayBuffer>,
    fingerprint: string,
  ) {
    this.certPem = toPem(cert.rawData, "CERTIFICATE");
    this.subject = cert.subject;
    this.id = fingerprint.replace(/:/g, "").slice(0, 8);
    this.publicKeyFingerprint = fingerprint;
    this.notBefore = cert.notBefore;
    this.notAfter = cert.notAfter;
    this.#signingKey = signingKey;
    this.#spki = spki;
  }

  /**
   * Signs a certificate as the circle CA and returns its DER bytes. `issueLeaf()` is
   * the usual way in; this is the one door to the CA's private key.
   */
  async issueCertificate(request: CertificateRequest): Promise<Uint8Array<ArrayBuffer>> {
    const authorityKeyId = await x509.AuthorityKeyIdentifierExtension.create(this.#spki);
    const cert = await x509.X509CertificateGenerator.create({
      subject: request.subject,
      issuer: this.subject,
      publicKey: request.publicKey,
      serialNumber: request.serialNumber,
      notBefore: request.notBefore,
      notAfter: request.notAfter,
      signingKey: this.#signingKey,
      signingAlgorithm: ED25519,
      extensions: [
        authorityKeyId,
        ...request.extensions.map((ext) => new x509.Extension(ext.oid, ext.critical, ext.value)),
      ],
    });
    return new Uint8Array(cert.rawData);
  }

  /** The circle's id and fingerprint, never the key. */
  toString(): string {
    return `CircleCA(${this.subject}, ${this.publicKeyFingerprint})`;
  }

  /** The public facts only. */
  toJSON(): { subject: string; publicKeyFingerprint: string; certPem: string } {
    return {
      subject: this.subject,
      publicKeyFingerprint: this.publicKeyFingerprint,
      certPem: this.certPem,
    };
  }
}

/**
 * Rebuilds the circle's CA from the circle key: the Ed25519 seed is
 * `deriveKey(key, LABELS.ca)`, and the self-signed certificate has a serial
 * derived from the public key and fixed dates ({@linkcode CA_NOT_BEFORE} to
 * {@linkcode CA_NOT_AFTER}), so every member gets byte-identical PEM.
 */
export async function circleCA(key: SecretKey): Promise<CircleCA> {
  const pkcs8 = new Uint8Array(ED25519_PKCS8_PREFIX.length + 32);
  pkcs8.set(ED25519_PKCS8_PREFIX);
  const seed = deriveKey(key, LABELS.ca);
  pkcs8.set(seed, ED25519_PKCS8_PREFIX.length);
  seed.fill(0);
  try {
    const spki = new Uint8Array(
      createPublicKey(
        createPrivateKey({ key: Buffer.from(pkcs8.buffer), format: "der", type: "pkcs8" }),
      )
        .export({ format: "der", type: "spki" }),
    );
    const privateKey = await crypto.subtle.importKey("pkcs8", pkcs8, ED25519, false, ["sign"]);
    const publicKey = await crypto.subtle.importKey("spki", spki, ED25519, true, ["verify"]);
    const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", spki));
    const fingerprint = groupedHex(digest);
    const id = fingerprint.replace(/:/g, "").slice(0, 8);
    const cert = await x509.X509CertificateGenerator.createSelfSigned({
      name: `CN=stealth circle ${id}`,
      keys: { privateKey, publicKey },
      serialNumber: serialHex(digest.subarray(0, 16)),
      notBefore: CA_NOT_BEFORE,
      notAfter: CA_NOT_AFTER,
      signingAlgorithm: ED25519,
      extensions: [
        new x509.BasicConstraintsExtension(true, undefined, true),
        new x509.KeyUsagesExtension(
          x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign,
          true,
        ),
        await x509.SubjectKeyIdentifierExtension.create(spki),
      ],
    });
    return makeCircleCA(cert, privateKey, spki, fingerprint);
  } finally {
    pkcs8.fill(0);
  }
}
