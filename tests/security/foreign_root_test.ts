/**
 * The known weakness of the dialer, checked and written down: Deno adds
 * `caCerts` to its default roots and the dialer turns host name checks off,
 * so a certificate from **any root the system trusts**, for any name,
 * passes TLS. A publicly trusted root is stood in for by one added with
 * `DENO_CERT` to a member's process.
 *
 * What still holds, and is asserted: such a server cannot impersonate a
 * circle server (no proof without the key), and an on-path relay holding
 * such a certificate sees who joins and when, but no message text. What is
 * being fixed (net/dial_tls.ts: check the peer's leaf against the circle
 * CA's key) is the ignored test at the end.
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

Deno.test("an on-path relay with a certificate from another trusted root sees no message text", async () => {
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
      });
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
    if (result.joined === true) {
      // Today's known weakness: the relay is in, and sees metadata.
      console.log(
        "KNOWN WEAKNESS: a relay with a certificate from a trusted root carried the session " +
          "(it saw nicks, timing and sizes, not text); net/dial_tls.ts is being fixed",
      );
    }
  } finally {
    await relay.close();
    for (const conn of open) await conn.close(0);
    await chat.close();
    await root.remove();
  }
});

Deno.test({
  name: "dialTls() refuses a certificate from any root but the circle CA",
  // Known weakness, being fixed in net/dial_tls.ts (check the peer's leaf
  // against the circle CA's key on the client side); drop this ignore then.
  ignore: true,
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
