/**
 * Certificates from outside the circle, as files: what a host passes to
 * `stealth server --cert FILE --cert-key FILE --ca FILE`.
 *
 * @module
 */

import { join } from "node:path";
import x509 from "./x509.ts";

const ECDSA = { name: "ECDSA", namedCurve: "P-256", hash: "SHA-256" } as const;
const pem = (der: ArrayBuffer, label: string) => x509.PemConverter.encode(der, label) + "\n";

/** An outside CA and a leaf for 127.0.0.1 it signed, as files. */
export async function externalFiles(dir: string) {
  const now = Date.now();
  const caKeys = await crypto.subtle.generateKey(ECDSA, true, ["sign", "verify"]);
  const ca = await x509.X509CertificateGenerator.createSelfSigned({
    name: "CN=Example Org CA",
    keys: caKeys,
    signingAlgorithm: ECDSA,
    notBefore: new Date(now - 3600_000),
    notAfter: new Date(now + 30 * 86_400_000),
    extensions: [new x509.BasicConstraintsExtension(true, undefined, true)],
  });
  const leafKeys = await crypto.subtle.generateKey(ECDSA, true, ["sign", "verify"]);
  const leaf = await x509.X509CertificateGenerator.create({
    subject: "CN=chat.example.org",
    issuer: ca.subject,
    publicKey: leafKeys.publicKey,
    signingKey: caKeys.privateKey,
    signingAlgorithm: ECDSA,
    notBefore: new Date(now - 3600_000),
    notAfter: new Date(now + 30 * 86_400_000),
    extensions: [
      new x509.BasicConstraintsExtension(false, undefined, true),
      new x509.ExtendedKeyUsageExtension([x509.ExtendedKeyUsage.serverAuth]),
      new x509.SubjectAlternativeNameExtension([{ type: "ip", value: "127.0.0.1" }]),
    ],
  });
  const files = {
    certFile: join(dir, "cert.pem"),
    keyFile: join(dir, "key.pem"),
    caFile: join(dir, "ca.pem"),
  };
  await Deno.writeTextFile(files.certFile, pem(leaf.rawData, "CERTIFICATE"));
  await Deno.writeTextFile(
    files.keyFile,
    pem(await crypto.subtle.exportKey("pkcs8", leafKeys.privateKey), "PRIVATE KEY"),
  );
  await Deno.writeTextFile(files.caFile, pem(ca.rawData, "CERTIFICATE"));
  return files;
}
