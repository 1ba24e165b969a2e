import "reflect-metadata";
import * as x509 from "@peculiar/x509";
import assert from "node:assert/strict";
import { createPrivateKey, createPublicKey } from "node:crypto";
import { isIP } from "node:net";
import { CertError, circleCA, issueLeaf, leafNeedsRenewal } from "../../certs/mod.ts";
import { newKey } from "./_fixtures.ts";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const NOW = Date.UTC(2030, 5, 15, 12, 0, 0);

Deno.test("issueLeaf() issues an ECDSA P-256 server and client certificate signed by the CA", async () => {
  const ca = await circleCA(newKey());
  const leaf = await issueLeaf(ca, { now: NOW });
  const cert = new x509.X509Certificate(leaf.certPem);
  const caCert = new x509.X509Certificate(ca.certPem);
  assert.equal(cert.issuer, ca.subject);
  assert.equal(await cert.verify({ publicKey: caCert.publicKey, signatureOnly: true }), true);
  assert.equal(cert.publicKey.algorithm.name, "ECDSA");
  assert.equal((cert.publicKey.algorithm as EcKeyAlgorithm).namedCurve, "P-256");
  assert.equal(cert.getExtension(x509.BasicConstraintsExtension)?.ca, false);
  assert.deepEqual([...cert.getExtension(x509.ExtendedKeyUsageExtension)?.usages ?? []], [
    x509.ExtendedKeyUsage.serverAuth,
    x509.ExtendedKeyUsage.clientAuth,
  ]);
  assert.equal(leaf.caPem, ca.certPem);
  assert.equal(leaf.subject, cert.subject);
});

Deno.test("issueLeaf() returns the private key of the certificate as PKCS#8 PEM", async () => {
  const leaf = await issueLeaf(await circleCA(newKey()), {});
  assert.match(leaf.keyPem, /^-----BEGIN PRIVATE KEY-----\n[\s\S]+\n-----END PRIVATE KEY-----\n$/);
  const fromKey = createPublicKey(createPrivateKey(leaf.keyPem)).export({
    type: "spki",
    format: "der",
  });
  const fromCert = new Uint8Array(new x509.X509Certificate(leaf.certPem).publicKey.rawData);
  assert.deepEqual(new Uint8Array(fromKey), fromCert);
});

Deno.test("issueLeaf() is valid from an hour before now for the given days", async () => {
  const ca = await circleCA(newKey());
  const three = await issueLeaf(ca, { now: NOW });
  assert.deepEqual(three.notBefore, new Date(NOW - HOUR));
  assert.deepEqual(three.notAfter, new Date(NOW + 3 * DAY));
  const ten = await issueLeaf(ca, { now: NOW, days: 10 });
  assert.deepEqual(ten.notAfter, new Date(NOW + 10 * DAY));
  const cert = new x509.X509Certificate(ten.certPem);
  assert.deepEqual(cert.notBefore, ten.notBefore);
  assert.deepEqual(cert.notAfter, ten.notAfter);
});

Deno.test("issueLeaf() puts the caller's names first, then loopback and every interface", async () => {
  const leaf = await issueLeaf(await circleCA(newKey()), { sans: ["Pi.Local.", "10.1.2.3"] });
  assert.equal(leaf.sans[0], "pi.local");
  assert.equal(leaf.sans[1], "10.1.2.3");
  assert.equal(leaf.subject, "CN=pi.local");
  for (const name of ["localhost", "127.0.0.1", "::1"]) assert.ok(leaf.sans.includes(name), name);
  for (const nic of Deno.networkInterfaces()) {
    assert.ok(leaf.sans.includes(nic.address), nic.address);
  }
  assert.equal(new Set(leaf.sans).size, leaf.sans.length);
});

Deno.test("issueLeaf() writes IPs as IP SANs and names as DNS SANs", async () => {
  const leaf = await issueLeaf(await circleCA(newKey()), { sans: ["pi.local", "192.168.1.20"] });
  const names = new x509.X509Certificate(leaf.certPem)
    .getExtension(x509.SubjectAlternativeNameExtension)?.names.items ?? [];
  assert.equal(names.length, leaf.sans.length);
  for (const name of names) {
    assert.equal(
      name.type,
      isIP(name.value) || name.value.includes(":") ? "ip" : "dns",
      name.value,
    );
  }
  assert.ok(names.some((n) => n.type === "ip" && n.value === "192.168.1.20"));
  assert.ok(names.some((n) => n.type === "dns" && n.value === "pi.local"));
});

Deno.test("issueLeaf() deduplicates names however they are written", async () => {
  const leaf = await issueLeaf(await circleCA(newKey()), {
    sans: ["LOCALHOST", "[::1]", "0:0:0:0:0:0:0:1", "127.0.0.1", "a.example", "A.example."],
  });
  assert.equal(leaf.sans.filter((n) => n === "localhost").length, 1);
  assert.equal(leaf.sans.filter((n) => n === "::1").length, 1);
  assert.equal(leaf.sans.filter((n) => n === "127.0.0.1").length, 1);
  assert.equal(leaf.sans.filter((n) => n === "a.example").length, 1);
});

Deno.test("issueLeaf() gives every leaf its own key and serial", async () => {
  const ca = await circleCA(newKey());
  const a = new x509.X509Certificate((await issueLeaf(ca, { now: NOW })).certPem);
  const b = new x509.X509Certificate((await issueLeaf(ca, { now: NOW })).certPem);
  assert.notEqual(a.serialNumber, b.serialNumber);
  assert.notDeepEqual(new Uint8Array(a.publicKey.rawData), new Uint8Array(b.publicKey.rawData));
});

Deno.test("issueLeaf() refuses a name that is no host name or address", async () => {
  const ca = await circleCA(newKey());
  for (const bad of ["pi.local:5555", "two words", "", "-dash.example", "http://pi"]) {
    await assert.rejects(issueLeaf(ca, { sans: [bad] }), (error: unknown) => {
      assert.ok(error instanceof CertError);
      assert.equal(error.name, "CertError");
      assert.equal(
        error.message,
        `"${bad}" is neither a host name nor an IP address — give names like pi.local or 192.168.1.20, without a port`,
      );
      return true;
    });
  }
});

Deno.test("issueLeaf() refuses a non-positive number of days", async () => {
  const ca = await circleCA(newKey());
  for (const days of [0, -1, NaN, Infinity]) {
    await assert.rejects(issueLeaf(ca, { days }), RangeError);
  }
});

Deno.test("leafNeedsRenewal() is true in the last third of the leaf's life", () => {
  const leaf = { notBefore: new Date(0), notAfter: new Date(3 * DAY) };
  assert.equal(leafNeedsRenewal(leaf, 0), false);
  assert.equal(leafNeedsRenewal(leaf, 2 * DAY - 1), false);
  assert.equal(leafNeedsRenewal(leaf, 2 * DAY), true);
  assert.equal(leafNeedsRenewal(leaf, 3 * DAY), true);
  assert.equal(leafNeedsRenewal(leaf, 10 * DAY), true);
});

Deno.test("leafNeedsRenewal() is true before the leaf is valid", () => {
  const leaf = { notBefore: new Date(DAY), notAfter: new Date(4 * DAY) };
  assert.equal(leafNeedsRenewal(leaf, DAY - 1), true);
});

Deno.test("leafNeedsRenewal() is false for a fresh leaf and true two days into a three-day one", async () => {
  const leaf = await issueLeaf(await circleCA(newKey()), { now: NOW });
  assert.equal(leafNeedsRenewal(leaf, NOW), false);
  assert.equal(leafNeedsRenewal(leaf, NOW + 2 * DAY), true);
});
