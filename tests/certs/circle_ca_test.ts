import "reflect-metadata";
import * as x509 from "@peculiar/x509";
import assert from "node:assert/strict";
import { parseKey } from "../../crypto/mod.ts";
import { CA_NOT_AFTER, CA_NOT_BEFORE, circleCA } from "../../certs/mod.ts";
import { newKey } from "./_fixtures.ts";

// Key bytes 0, 1, …, 31: a fixed key whose CA must never change, or members on
// different versions of stealth would stop trusting each other's servers.
const KNOWN_KEY = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";
const KNOWN_CA_PEM = `-----BEGIN CERTIFICATE-----
MIIBRTCB+KADAgECAhByVQ4mVDjVEt2VLRb7Mqc8MAUGAytlcDAiMSAwHgYDVQQD
ExdzdGVhbHRoIGNpcmNsZSA3MjU1MGUyNjAgFw0yMDAxMDEwMDAwMDBaGA8yMTAw
MDEwMTAwMDAwMFowIjEgMB4GA1UEAxMXc3RlYWx0aCBjaXJjbGUgNzI1NTBlMjYw
KjAFBgMrZXADIQDfiQyeAVKLIR2ICEidb2mf9olcVGtngMmWbGoqsGar9KNCMEAw
DwYDVR0TAQH/BAUwAwEB/zAOBgNVHQ8BAf8EBAMCAQYwHQYDVR0OBBYEFDQcUAOv
BIGfrywoLyqwGZFly9ZTMAUGAytlcANBAIB01Jvo5sSlp1R2CcOBo1tugoln3qfP
kqeEvjltI0XwXRiuHhibRTHVjYk5Tj6LPqT88/tYoLWuJvRNyl077Qc=
-----END CERTIFICATE-----
`;

Deno.test("circleCA() rebuilds byte-identical PEM from the same key", async () => {
  const key = newKey();
  const first = await circleCA(key);
  const second = await circleCA(key);
  assert.equal(first.certPem, second.certPem);
  assert.equal(first.publicKeyFingerprint, second.publicKeyFingerprint);
});

Deno.test("circleCA() gives the known CA for a known key", async () => {
  const ca = await circleCA(parseKey(KNOWN_KEY));
  assert.equal(ca.certPem, KNOWN_CA_PEM);
  assert.equal(ca.subject, "CN=stealth circle 72550e26");
  assert.equal(ca.id, "72550e26");
  assert.equal(
    ca.publicKeyFingerprint,
    "7255:0e26:5438:d512:dd95:2d16:fb32:a73c:3827:8dde:5354:a747:ecf2:4ea0:fda4:004f",
  );
});

Deno.test("circleCA() gives different keys different CAs", async () => {
  const a = await circleCA(newKey());
  const b = await circleCA(newKey());
  assert.notEqual(a.certPem, b.certPem);
  assert.notEqual(a.publicKeyFingerprint, b.publicKeyFingerprint);
  assert.notEqual(a.subject, b.subject);
});

Deno.test("circleCA() makes a self-signed Ed25519 CA with fixed dates", async () => {
  const ca = await circleCA(newKey());
  const cert = new x509.X509Certificate(ca.certPem);
  assert.equal(cert.publicKey.algorithm.name, "Ed25519");
  assert.equal(cert.subject, cert.issuer);
  assert.match(cert.subject, /^CN=stealth circle [0-9a-f]{8}$/);
  assert.equal(await cert.verify({ signatureOnly: true }), true);
  assert.deepEqual(cert.notBefore, CA_NOT_BEFORE);
  assert.deepEqual(cert.notAfter, CA_NOT_AFTER);
  const constraints = cert.getExtension(x509.BasicConstraintsExtension);
  assert.equal(constraints?.ca, true);
  assert.equal(constraints?.critical, true);
  assert.equal(
    cert.getExtension(x509.KeyUsagesExtension)?.usages,
    x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign,
  );
  assert.ok(ca.certPem.endsWith("-----END CERTIFICATE-----\n"));
});

Deno.test("circleCA() fingerprints the SHA-256 of the public key in groups", async () => {
  const ca = await circleCA(newKey());
  const spki = new x509.X509Certificate(ca.certPem).publicKey.rawData;
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", spki));
  const hex = Array.from(digest, (b) => b.toString(16).padStart(2, "0")).join("");
  assert.match(ca.publicKeyFingerprint, /^[0-9a-f]{4}(:[0-9a-f]{4}){15}$/);
  assert.equal(ca.publicKeyFingerprint.replaceAll(":", ""), hex);
  assert.equal(ca.id, hex.slice(0, 8));
});

Deno.test("circleCA() keeps its private key out of every printout", async () => {
  const ca = await circleCA(newKey());
  for (const text of [String(ca), JSON.stringify(ca), Deno.inspect(ca, { showHidden: true })]) {
    assert.doesNotMatch(text, /CryptoKey|privateKey|signingKey|PRIVATE/);
  }
  assert.deepEqual(Object.keys(JSON.parse(JSON.stringify(ca))).sort(), [
    "certPem",
    "publicKeyFingerprint",
    "subject",
  ]);
});

Deno.test("CircleCA.issueCertificate() signs with the CA key and names the CA as issuer", async () => {
  const ca = await circleCA(newKey());
  const keys = await crypto.subtle.generateKey({ name: "ECDSA", namedCurve: "P-256" }, true, [
    "sign",
    "verify",
  ]);
  const der = await ca.issueCertificate({
    subject: "CN=test",
    publicKey: keys.publicKey,
    serialNumber: "0102",
    notBefore: new Date(Date.UTC(2025, 0, 1)),
    notAfter: new Date(Date.UTC(2025, 0, 2)),
    extensions: [{ oid: "2.5.29.19", critical: true, value: Uint8Array.of(0x30, 0x00) }],
  });
  const cert = new x509.X509Certificate(der);
  const caCert = new x509.X509Certificate(ca.certPem);
  assert.equal(cert.issuer, ca.subject);
  assert.equal(await cert.verify({ publicKey: caCert.publicKey, signatureOnly: true }), true);
  assert.ok(cert.getExtension(x509.AuthorityKeyIdentifierExtension));
  assert.equal(cert.getExtension(x509.BasicConstraintsExtension)?.ca, false);
  assert.equal(cert.getExtension(x509.BasicConstraintsExtension)?.critical, true);
});
