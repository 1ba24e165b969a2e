/**
 * A certificate from any root but the circle's must not pass: the runtime
 * adds the system's roots to the CA it is given, and host names are not
 * checked, so the dialer checks the peer's leaf against the circle CA's own
 * key. A publicly trusted root is stood in for by one added with
 * `DENO_CERT` to a member's process.
 *
 * Asserted: such a server cannot pass for a circle server, an on-path relay
 * holding such a certificate is refused at TLS (it sees no nick, no text),
 * and a bare listener with one is refused as "not of your circle".
 */

import assert from "node:assert/strict";
import { circleCA, issueLeaf } from "../../certs/mod.ts";
import { SecretKey } from "../../crypto/mod.ts";
import { dialTls, type FramedConnection, listenTls } from "../../net/mod.ts";
import {
  decodeClientMessage,
  DEFAULT_MAX_FRAME_BYTES,
  encodeFrame,
  encodeMessage,
  type Message,
} from "../../protocol/mod.ts";
import { startChatServer } from "../../server/mod.ts";
import { figure } from "../support/figure.ts";
import { testCircle } from "../support/test_circle.ts";

const MEMBER = new URL("./_member_with_extra_root.ts", import.meta.url).pathname;
const TEXT = "the relay must never read this 8812";

/** A root outside the circle, trusted by the member's process, and a leaf it signed. */
async function outsideRoot() {
  const root = await circleCA(new SecretKey(new Uint8Array(32).fill(0x66)));
  const leaf = await issueLeaf(root, { sans: ["evil.example"] });
  const dir = await Deno.makeTempDir({ prefix: "stealth-root-" });
  await Deno.writeTextFile(`${dir}/root.pem`, root.certPem);
  return { leaf, rootFile: `${dir}/root.pem`, remove: () => Deno.remove(dir, { recursive: true }) };
}

/** Runs the member process against `port`, trusting `rootFile` besides the defaults. */
async function member(port: number, rootFile: string): Promise<Record<string, unknown>> {
  const out = await new Deno.Command(Deno.execPath(), {
    args: ["run", "--allow-all", MEMBER, String(port), TEXT],
    env: { DENO_CERT: rootFile },
    stdout: "piped",
    stderr: "piped",
  }).output();
  const text = new TextDecoder().decode(out.stdout).trim();
  assert.equal(out.code, 0, new TextDecoder().decode(out.stderr));
  return JSON.parse(text.split("\n").at(-1)!);
}

Deno.test("a server with a certificate from another trusted root cannot pass for a circle server", async () => {
  const root = await outsideRoot();
  const impostor = await listenTls({
    hostname: "127.0.0.1",
    port: 0,
    cert: root.leaf.certPem,
    key: root.leaf.keyPem,
    onConnection(conn) {
      // It answers like a server, but cannot make the server's proof.
      conn.onFrame = () => conn.send(encodeMessage({ t: "ok", proof: "A".repeat(43) }));
      conn.send(encodeMessage({
        t: "hello",
        v: 1,
        role: "server",
        name: "Kitchen",
        nonce: "B".repeat(43),
      }));
      conn.resume();
    },
  });
  try {
    const result = await member(impostor.port, root.rootFile);
    figure("security.foreign_root.impostor", {
      tls: String(result.tls),
      joined: result.joined === true,
      refused_as: String(result.code),
    });
    assert.notEqual(result.joined, true, "an impostor was taken for a circle server");
    if (result.tls === "accepted") assert.equal(result.code, "not-in-circle");
  } finally {
    await impostor.close();
    await root.remove();
  }
});

Deno.test("an on-path relay with a certificate from another trusted root is refused at TLS", async () => {
  const circle = await testCircle(1);
  const chat = await startChatServer({
    key: circle.key,
    hostname: "127.0.0.1",
    port: 0,
    name: "Real",
  });
  const root = await outsideRoot();
  const seen: Message[] = [];
  const seenBytes: string[] = [];
  const open: FramedConnection[] = [];
  const relay = await listenTls({
    hostname: "127.0.0.1",
    port: 0,
    cert: root.leaf.certPem,
    key: root.leaf.keyPem,
    onConnection(front) {
      front.pause();
      open.push(front);
      void dialTls({ hostname: "127.0.0.1", port: chat.port, caPem: circle.caPem }).then((back) => {
        open.push(back);
        for (const conn of [front, back]) conn.setMaxFrameBytes(DEFAULT_MAX_FRAME_BYTES);
        const pipe = (from: FramedConnection, to: FramedConnection) => {
          from.onFrame = (payload) => {
            seenBytes.push(new TextDecoder().decode(payload));
            try {
              seen.push(decodeClientMessage(payload));
            } catch {
              // A server's frame: the relay reads it all the same.
            }
            to.send(encodeFrame(payload.slice()));
          };
          from.onClose = () => void to.close(100);
        };
        pipe(front, back);
        pipe(back, front);
        front.resume();
        back.resume();
      }).catch(() => void front.close(0)); // the real server closed first: nothing to relay
    },
  });
  try {
    const result = await member(relay.port, root.rootFile);
    const sawNick = seen.some((m) => m.t === "auth" && m.nick === "alice");
    const sawText = seenBytes.some((bytes) => bytes.includes(TEXT));
    figure("security.foreign_root.relay", {
      tls_accepted: result.tls === "accepted",
      joined_through_relay: result.joined === true,
      relay_saw_nick: sawNick,
      relay_saw_text: sawText,
      frames_relayed: seenBytes.length,
      member_said: result.said === true,
    });
    assert.equal(sawText, false, "the relay read a message");
    assert.equal(result.tls, "refused", "the member's dialer took the relay's certificate");
    assert.equal(result.code, "foreign");
    assert.equal(sawNick, false, "the relay saw the member's nick");
  } finally {
    await relay.close();
    for (const conn of open) await conn.close(0);
    await chat.close();
    await root.remove();
  }
});

Deno.test({
  name: "dialTls() refuses a certificate from any root but the circle CA",
  async fn() {
    const root = await outsideRoot();
    const listener = await listenTls({
      hostname: "127.0.0.1",
      port: 0,
      cert: root.leaf.certPem,
      key: root.leaf.keyPem,
      onConnection: (conn) => void conn.close(0),
    });
    try {
      const result = await member(listener.port, root.rootFile);
      assert.equal(result.tls, "refused");
      assert.equal(result.code, "foreign");
    } finally {
      await listener.close();
      await root.remove();
    }
  },
});

Deno.test("dialTls() refuses a leaf the circle CA did not sign itself, even one chained to it", async () => {
  // An intermediate CA below the circle CA passes the TLS chain check; only
  // the dialer's own check (the leaf signed by the circle CA's key) stops it.
  const { default: x509 } = await import("../support/x509.ts");
  const circle = await testCircle(1);
  const ca = await circleCA(circle.key);
  const ECDSA = { name: "ECDSA", namedCurve: "P-256", hash: "SHA-256" } as const;
  const middleKeys = await crypto.subtle.generateKey(ECDSA, true, ["sign", "verify"]);
  const now = Date.now();
  const ext = (e: { type: string; critical: boolean; value: ArrayBuffer }) => ({
    oid: e.type,
    critical: e.critical,
    value: new Uint8Array(e.value),
  });
  const middleDer = await ca.issueCertificate({
    subject: "CN=middle",
    publicKey: middleKeys.publicKey,
    serialNumber: "0a",
    notBefore: new Date(now - 3600_000),
    notAfter: new Date(now + 86_400_000),
    extensions: [
      ext(new x509.BasicConstraintsExtension(true, undefined, true)),
      ext(new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign, true)),
    ],
  });
  const middle = new x509.X509Certificate(middleDer);
  const leafKeys = await crypto.subtle.generateKey(ECDSA, true, ["sign", "verify"]);
  const leaf = await x509.X509CertificateGenerator.create({
    subject: "CN=127.0.0.1",
    issuer: middle.subject,
    publicKey: leafKeys.publicKey,
    signingKey: middleKeys.privateKey,
    signingAlgorithm: ECDSA,
    notBefore: new Date(now - 3600_000),
    notAfter: new Date(now + 86_400_000),
    extensions: [
      new x509.BasicConstraintsExtension(false, undefined, true),
      new x509.ExtendedKeyUsageExtension([x509.ExtendedKeyUsage.serverAuth]),
      new x509.SubjectAlternativeNameExtension([{ type: "ip", value: "127.0.0.1" }]),
    ],
  });
  const pem = (der: ArrayBuffer, label: string) => x509.PemConverter.encode(der, label) + "\n";
  const keyPem = pem(await crypto.subtle.exportKey("pkcs8", leafKeys.privateKey), "PRIVATE KEY");
  const listener = await listenTls({
    hostname: "127.0.0.1",
    port: 0,
    cert: pem(leaf.rawData, "CERTIFICATE") + pem(middle.rawData, "CERTIFICATE"),
    key: keyPem,
    onConnection: (conn) => void conn.close(0),
  });
  try {
    await assert.rejects(
      dialTls({ hostname: "127.0.0.1", port: listener.port, caPem: circle.caPem }),
      (error) => error instanceof Error && (error as { code?: string }).code === "foreign",
    );
  } finally {
    await listener.close();
  }
});
