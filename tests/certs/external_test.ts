import "reflect-metadata";
import * as x509 from "@peculiar/x509";
import assert from "node:assert/strict";
import { generateKeyPairSync, type KeyObject } from "node:crypto";
import { join } from "node:path";
import {
  CertError,
  circleCA,
  describeCert,
  issueLeaf,
  type Leaf,
  loadExternalCerts,
} from "../../certs/mod.ts";
import { issue, type Issued, newKey, withTempDir } from "./_fixtures.ts";

const NOW = Date.UTC(2030, 5, 15, 12, 0, 0);

interface Files {
  cert: string;
  key: string;
  ca: string;
}

/** Writes the three files into `dir` and returns their paths. */
async function write(dir: string, cert: string, key: string, ca: string): Promise<Files> {
  const files = { cert: join(dir, "cert.pem"), key: join(dir, "key.pem"), ca: join(dir, "ca.pem") };
  await Deno.writeTextFile(files.cert, cert);
  await Deno.writeTextFile(files.key, key);
  await Deno.writeTextFile(files.ca, ca);
  return files;
}

function load(files: Files, now = NOW): Promise<Leaf> {
  return loadExternalCerts({ certFile: files.cert, keyFile: files.key, caFile: files.ca, now });
}

async function assertCertError(promise: Promise<unknown>, message: string): Promise<void> {
  await assert.rejects(promise, (error: unknown) => {
    assert.ok(error instanceof CertError, String(error));
    assert.equal(error.name, "CertError");
    assert.equal(error.message, message);
    assert.ok(!error.message.includes("\n"));
    return true;
  });
}

async function circleLeaf(now = NOW): Promise<Leaf> {
  return await issueLeaf(await circleCA(newKey()), { now, sans: ["pi.local"] });
}

Deno.test("loadExternalCerts() accepts a leaf, its key and its CA", async () => {
  await withTempDir(async (dir) => {
    const leaf = await circleLeaf();
    const loaded = await load(await write(dir, leaf.certPem, leaf.keyPem, leaf.caPem));
    assert.equal(loaded.certPem, leaf.certPem);
    assert.equal(loaded.caPem, leaf.caPem);
    assert.equal(loaded.subject, "CN=pi.local");
    assert.deepEqual(loaded.sans, leaf.sans);
    assert.deepEqual(loaded.notBefore, leaf.notBefore);
    assert.deepEqual(loaded.notAfter, leaf.notAfter);
    assert.match(loaded.keyPem, /^-----BEGIN PRIVATE KEY-----\n/);
  });
});

Deno.test("loadExternalCerts() accepts a chain through an intermediate", async () => {
  await withTempDir(async (dir) => {
    const root = await issue({ subject: "CN=root", ca: true });
    const middle = await issue({ subject: "CN=middle", ca: true, issuer: root });
    const server = await issue({ subject: "CN=server", issuer: middle });
    const files = await write(dir, server.certPem + middle.certPem, server.keyPem, root.certPem);
    const loaded = await load(files);
    assert.equal(loaded.subject, "CN=server");
    assert.equal(loaded.certPem, server.certPem + middle.certPem);
    assert.equal(loaded.caPem, root.certPem);
  });
});

/** A certificate from `ca` for a key pair made by node:crypto, and that key in `format`. */
async function certForNodeKey(
  ca: Issued,
  pair: { publicKey: KeyObject; privateKey: KeyObject },
  algorithm: EcKeyImportParams | RsaHashedImportParams,
  format: "sec1" | "pkcs1",
): Promise<{ certPem: string; keyPem: string }> {
  const spki = new Uint8Array(pair.publicKey.export({ type: "spki", format: "der" }));
  const publicKey = await crypto.subtle.importKey("spki", spki, algorithm, true, ["verify"]);
  const cert = await x509.X509CertificateGenerator.create({
    subject: "CN=server",
    issuer: ca.cert.subject,
    publicKey,
    signingKey: ca.keys.privateKey,
    signingAlgorithm: { name: "ECDSA", hash: "SHA-256" },
    notBefore: new Date(Date.UTC(2020, 0, 1)),
    notAfter: new Date(Date.UTC(2100, 0, 1)),
  });
  return {
    certPem: cert.toString("pem"),
    keyPem: String(pair.privateKey.export({ type: format, format: "pem" })),
  };
}

Deno.test("loadExternalCerts() reads SEC1 and PKCS#1 keys and hands back PKCS#8", async () => {
  await withTempDir(async (dir) => {
    const ca = await issue({ subject: "CN=ca", ca: true });
    const ec = await certForNodeKey(
      ca,
      generateKeyPairSync("ec", { namedCurve: "P-256" }),
      { name: "ECDSA", namedCurve: "P-256" },
      "sec1",
    );
    const rsa = await certForNodeKey(
      ca,
      generateKeyPairSync("rsa", { modulusLength: 2048 }),
      { name: "RSASSA-PKCS1-v1_5", hash: "SHA-256" },
      "pkcs1",
    );
    assert.match(ec.keyPem, /^-----BEGIN EC PRIVATE KEY-----/);
    assert.match(rsa.keyPem, /^-----BEGIN RSA PRIVATE KEY-----/);
    for (const { certPem, keyPem } of [ec, rsa]) {
      const loaded = await load(await write(dir, certPem, keyPem, ca.certPem));
      assert.match(loaded.keyPem, /^-----BEGIN PRIVATE KEY-----\n/);
    }
  });
});

Deno.test("loadExternalCerts() names a missing file", async () => {
  await withTempDir(async (dir) => {
    const leaf = await circleLeaf();
    const files = await write(dir, leaf.certPem, leaf.keyPem, leaf.caPem);
    const missing = join(dir, "nope.pem");
    await assertCertError(
      load({ ...files, cert: missing }),
      `certificate file ${missing} does not exist — check the path`,
    );
    await assertCertError(
      load({ ...files, key: missing }),
      `key file ${missing} does not exist — check the path`,
    );
    await assertCertError(
      load({ ...files, ca: missing }),
      `CA file ${missing} does not exist — check the path`,
    );
    await assertCertError(
      load({ ...files, cert: dir }),
      `certificate file ${dir} is a folder — pass the file itself`,
    );
  });
});

Deno.test("loadExternalCerts() refuses a file that is not PEM", async () => {
  await withTempDir(async (dir) => {
    const leaf = await circleLeaf();
    const files = await write(dir, "hello, I am not a certificate\n", leaf.keyPem, leaf.caPem);
    await assertCertError(
      load(files),
      `certificate file ${files.cert} is not PEM (no "-----BEGIN" line) — pass the PEM file, or convert it with openssl`,
    );
  });
});

Deno.test("loadExternalCerts() refuses a corrupt PEM certificate", async () => {
  await withTempDir(async (dir) => {
    const leaf = await circleLeaf();
    const lines = leaf.certPem.split("\n");
    lines[3] = lines[3]!.slice(0, 10) + "!!!" + lines[3]!.slice(13);
    const damaged = await write(dir, lines.join("\n"), leaf.keyPem, leaf.caPem);
    await assertCertError(
      load(damaged),
      `${damaged.cert} holds a damaged certificate (it does not parse) — copy the file again from where it was made`,
    );
    // Valid base64, but not DER any more.
    const truncated = leaf.certPem.replace(/\n[^\n]*\n-----END/, "\n-----END");
    const files = await write(dir, truncated, leaf.keyPem, leaf.caPem);
    await assertCertError(
      load(files),
      `${files.cert} holds a damaged certificate (it does not parse) — copy the file again from where it was made`,
    );
  });
});

Deno.test("loadExternalCerts() refuses a corrupt PEM key", async () => {
  await withTempDir(async (dir) => {
    const leaf = await circleLeaf();
    const bad = "-----BEGIN PRIVATE KEY-----\nAAAAAAAA\n-----END PRIVATE KEY-----\n";
    const files = await write(dir, leaf.certPem, bad, leaf.caPem);
    await assertCertError(
      load(files),
      `${files.key} holds a damaged private key (it does not parse) — copy the file again from where it was made`,
    );
  });
});

Deno.test("loadExternalCerts() spots swapped cert and key files", async () => {
  await withTempDir(async (dir) => {
    const leaf = await circleLeaf();
    const files = await write(dir, leaf.keyPem, leaf.certPem, leaf.caPem);
    await assertCertError(
      load(files),
      `${files.cert} holds PRIVATE KEY, not a certificate — did you swap --cert and --key?`,
    );
    const keyOnly = await write(dir, leaf.certPem, leaf.certPem, leaf.caPem);
    await assertCertError(
      load(keyOnly),
      `${keyOnly.key} holds CERTIFICATE, not a private key — did you swap --cert and --key?`,
    );
  });
});

Deno.test("loadExternalCerts() refuses an encrypted key and says how to decrypt it", async () => {
  await withTempDir(async (dir) => {
    const leaf = await circleLeaf();
    const { privateKey } = generateKeyPairSync("ec", { namedCurve: "P-256" });
    const encrypted = String(privateKey.export({
      type: "pkcs8",
      format: "pem",
      cipher: "aes-256-cbc",
      passphrase: "secret",
    }));
    const files = await write(dir, leaf.certPem, encrypted, leaf.caPem);
    await assertCertError(
      load(files),
      `the private key in ${files.key} is encrypted — write it without a passphrase (openssl pkey -in ${files.key} -out plain.key) and keep that file mode 0600`,
    );
  });
});

Deno.test("loadExternalCerts() refuses an expired certificate and says when it expired", async () => {
  await withTempDir(async (dir) => {
    const leaf = await circleLeaf(Date.UTC(2024, 0, 1));
    const files = await write(dir, leaf.certPem, leaf.keyPem, leaf.caPem);
    await assertCertError(
      load(files),
      `the certificate in ${files.cert} expired on Jan 4, 2024, 12:00 AM UTC — renew it`,
    );
  });
});

Deno.test("loadExternalCerts() refuses a certificate that is not valid yet and says from when", async () => {
  await withTempDir(async (dir) => {
    const leaf = await circleLeaf(Date.UTC(2031, 0, 1));
    const files = await write(dir, leaf.certPem, leaf.keyPem, leaf.caPem);
    await assertCertError(
      load(files),
      `the certificate in ${files.cert} is not valid until Dec 31, 2030, 11:00 PM UTC — check this machine's clock, or wait until then`,
    );
  });
});

Deno.test("loadExternalCerts() refuses a key that does not match the certificate", async () => {
  await withTempDir(async (dir) => {
    const ca = await circleCA(newKey());
    const one = await issueLeaf(ca, { now: NOW });
    const other = await issueLeaf(ca, { now: NOW });
    const files = await write(dir, one.certPem, other.keyPem, one.caPem);
    await assertCertError(
      load(files),
      `the private key in ${files.key} does not belong to the certificate in ${files.cert} — pass the key that was made together with this certificate`,
    );
  });
});

Deno.test("loadExternalCerts() refuses an expired CA, which rustls would accept", async () => {
  await withTempDir(async (dir) => {
    const ca = await issue({
      subject: "CN=old ca",
      ca: true,
      notBefore: new Date(Date.UTC(2020, 0, 1)),
      notAfter: new Date(Date.UTC(2021, 0, 1)),
    });
    const server = await issue({ subject: "CN=server", issuer: ca });
    const files = await write(dir, server.certPem, server.keyPem, ca.certPem);
    await assertCertError(
      load(files),
      `the CA certificate in ${files.ca} expired on Jan 1, 2021, 12:00 AM UTC — get the CA's current certificate`,
    );
  });
});

Deno.test("loadExternalCerts() refuses a CA that is not valid yet", async () => {
  await withTempDir(async (dir) => {
    const ca = await issue({
      subject: "CN=future ca",
      ca: true,
      notBefore: new Date(Date.UTC(2040, 0, 1)),
    });
    const server = await issue({ subject: "CN=server", issuer: ca });
    const files = await write(dir, server.certPem, server.keyPem, ca.certPem);
    await assertCertError(
      load(files),
      `the CA certificate in ${files.ca} is not valid until Jan 1, 2040, 12:00 AM UTC — check this machine's clock, or wait until then`,
    );
  });
});

Deno.test("loadExternalCerts() refuses a certificate the CA did not sign", async () => {
  await withTempDir(async (dir) => {
    const leaf = await circleLeaf();
    const otherCA = await circleCA(newKey());
    const files = await write(dir, leaf.certPem, leaf.keyPem, otherCA.certPem);
    const issuer = new x509.X509Certificate(leaf.caPem).subject;
    await assertCertError(
      load(files),
      `the certificate in ${files.cert} was not issued by the CA in ${files.ca} (issuer "${issuer}", CA "${otherCA.subject}") — pass the CA that issued it with --ca`,
    );
  });
});

Deno.test("loadExternalCerts() refuses a forged certificate whose issuer name matches the CA", async () => {
  await withTempDir(async (dir) => {
    const real = await issue({ subject: "CN=same name", ca: true });
    const forger = await issue({ subject: "CN=same name", ca: true });
    const server = await issue({ subject: "CN=server", issuer: forger });
    const files = await write(dir, server.certPem, server.keyPem, real.certPem);
    await assertCertError(
      load(files),
      `the certificate in ${files.cert} was not issued by the CA in ${files.ca} (issuer "CN=same name", CA "CN=same name") — pass the CA that issued it with --ca`,
    );
  });
});

Deno.test("loadExternalCerts() refuses a CA certificate given as the server's", async () => {
  await withTempDir(async (dir) => {
    const ca = await issue({ subject: "CN=ca", ca: true });
    const files = await write(dir, ca.certPem, ca.keyPem, ca.certPem);
    await assertCertError(
      load(files),
      `the certificate in ${files.cert} is a CA certificate, not a server certificate — pass the server's own certificate with --cert and the CA with --ca`,
    );
  });
});

Deno.test("loadExternalCerts() refuses a certificate not meant for servers", async () => {
  await withTempDir(async (dir) => {
    const ca = await issue({ subject: "CN=ca", ca: true });
    const client = await issue({
      subject: "CN=client",
      issuer: ca,
      usages: [x509.ExtendedKeyUsage.clientAuth],
    });
    const files = await write(dir, client.certPem, client.keyPem, ca.certPem);
    await assertCertError(
      load(files),
      `the certificate in ${files.cert} is not for servers (its extended key usage lacks serverAuth) — issue one for TLS servers`,
    );
  });
});

Deno.test("loadExternalCerts() refuses intermediates out of order", async () => {
  await withTempDir(async (dir) => {
    const root = await issue({ subject: "CN=root", ca: true });
    const middle = await issue({ subject: "CN=middle", ca: true, issuer: root });
    const server = await issue({ subject: "CN=server", issuer: middle });
    const files = await write(
      dir,
      server.certPem + root.certPem + middle.certPem,
      server.keyPem,
      root.certPem,
    );
    await assertCertError(
      load(files),
      `certificate 1 in ${files.cert} was not issued by the next one in the file — put the server certificate first, then each intermediate in order`,
    );
  });
});

Deno.test("loadExternalCerts() checks the dates of intermediates", async () => {
  await withTempDir(async (dir) => {
    const root = await issue({ subject: "CN=root", ca: true });
    const middle = await issue({
      subject: "CN=middle",
      ca: true,
      issuer: root,
      notAfter: new Date(Date.UTC(2022, 0, 1)),
    });
    const server = await issue({ subject: "CN=server", issuer: middle });
    const files = await write(dir, server.certPem + middle.certPem, server.keyPem, root.certPem);
    await assertCertError(
      load(files),
      `the intermediate certificate 1 in ${files.cert} expired on Jan 1, 2022, 12:00 AM UTC — renew it`,
    );
  });
});

Deno.test("loadExternalCerts() finds the issuing CA in a bundle and checks only its dates", async () => {
  await withTempDir(async (dir) => {
    const old = await issue({
      subject: "CN=old",
      ca: true,
      notAfter: new Date(Date.UTC(2021, 0, 1)),
    });
    const ca = await issue({ subject: "CN=current", ca: true });
    const server = await issue({ subject: "CN=server", issuer: ca });
    const bundle = old.certPem + ca.certPem;
    const loaded = await load(await write(dir, server.certPem, server.keyPem, bundle));
    assert.equal(loaded.caPem, bundle);
  });
});

Deno.test("describeCert() shows subject, issuer, SANs and dates", async () => {
  const leaf = await issueLeaf(await circleCA(newKey()), {
    now: NOW,
    sans: ["pi.local", "10.0.0.1"],
  });
  const description = describeCert(leaf.certPem);
  assert.equal(description.subject, "CN=pi.local");
  assert.match(description.issuer, /^CN=stealth circle [0-9a-f]{8}$/);
  assert.deepEqual(description.sans.slice(0, 2), ["pi.local", "10.0.0.1"]);
  assert.ok(description.sans.includes("localhost"));
  assert.deepEqual(description.notBefore, leaf.notBefore);
  assert.deepEqual(description.notAfter, leaf.notAfter);
});

Deno.test("describeCert() describes the first certificate of a chain", async () => {
  const leaf = await circleLeaf();
  assert.equal(describeCert(leaf.certPem + leaf.caPem).subject, "CN=pi.local");
});

Deno.test("describeCert() throws CertError on text without a certificate", () => {
  assert.throws(() => describeCert("nothing here"), CertError);
  assert.throws(
    () => describeCert("-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n"),
    CertError,
  );
});
