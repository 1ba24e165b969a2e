/**
 * A p2p listener is the real chat server with role "p2p" and room for two:
 * real TLS on 127.0.0.1, the real ChatConnection on both sides.
 */

import assert from "node:assert/strict";
import { ChatConnection, type ConnectionEvent } from "../../client/mod.ts";
import { authKey, SecretKey } from "../../crypto/mod.ts";
import { dialHandshake, dialTls, HandshakeError } from "../../net/mod.ts";
import { P2P_MEMBERS } from "../../p2p/mod.ts";
import { type ChatServer, startChatServer } from "../../server/mod.ts";
import { testCircle } from "../support/test_circle.ts";
import { waitFor } from "../support/wait_for.ts";

const FAST = { backoffMs: [30, 60, 120] };

async function p2pListener(options: { role?: "server" | "p2p" } = {}): Promise<ChatServer> {
  const circle = await testCircle();
  return await startChatServer({
    key: circle.key,
    hostname: "127.0.0.1",
    port: 0,
    name: "alice",
    role: options.role ?? "p2p",
    ...(options.role === "server" ? {} : { maxMembers: P2P_MEMBERS }),
  });
}

/** A ChatConnection to `port` that keeps every display text. */
function member(port: number, nick: string, role: "server" | "p2p" = "p2p", seed = 1) {
  const texts: string[] = [];
  const chat = new ChatConnection({
    key: new SecretKey(new Uint8Array(32).fill(seed)),
    hostname: "127.0.0.1",
    port,
    nick,
    role,
    ...FAST,
    onEvent(event: ConnectionEvent) {
      if (event.kind !== "chat") return;
      const e = event.event;
      if (e.type === "message" && e.status === "confirmed") texts.push(`<${e.from}> ${e.text}`);
    },
  });
  return { chat, texts };
}

Deno.test("a p2p listener holds its own member and one peer; a third is told busy", async () => {
  const server = await p2pListener();
  const alice = member(server.port, "alice");
  const bob = member(server.port, "bob");
  const carol = member(server.port, "carol");
  try {
    await alice.chat.connect();
    await bob.chat.connect();
    await assert.rejects(
      carol.chat.connect(),
      (error) =>
        error instanceof HandshakeError && error.code === "busy" &&
        error.message === "busy: already talking with someone — try again later",
    );
    // Whatever nick the third picks, even the peer's, it hears busy.
    const bobAgain = member(server.port, "bob");
    await assert.rejects(
      bobAgain.chat.connect(),
      (error) => error instanceof HandshakeError && error.code === "busy",
    );
    assert.equal(server.room.memberCount, 2);

    alice.chat.say("hi bob");
    bob.chat.say("hi alice");
    await waitFor(
      () => alice.texts.length === 2 && bob.texts.length === 2,
      "both lines, both sides",
    );
    assert.deepEqual(alice.texts.toSorted(), ["<alice> hi bob", "<bob> hi alice"]);
    assert.deepEqual(bob.texts.toSorted(), ["<alice> hi bob", "<bob> hi alice"]);

    // Once the peer leaves, the place is free again.
    await bob.chat.close();
    await waitFor(() => server.room.memberCount === 1, "bob to leave");
    const dave = member(server.port, "dave");
    await dave.chat.connect();
    await dave.chat.close();
  } finally {
    for (const side of [alice, bob, carol]) await side.chat.close(0);
    await server.close();
  }
});

Deno.test("a p2p listener lets its dropped peer back under the same nick, busy for anyone else", async () => {
  const server = await p2pListener();
  const circle = await testCircle();
  const alice = member(server.port, "alice");
  try {
    await alice.chat.connect();
    // A peer whose process died: its connection ends without bye, its session waits.
    const conn = await dialTls({ hostname: "127.0.0.1", port: server.port, caPem: circle.caPem });
    await dialHandshake(conn, { role: "p2p", authKey: circle.authKey, nick: "bob" });
    conn.resume();
    await conn.close(0);
    await waitFor(
      () => server.room.who({ forHost: false }).some((m) => m.nick === "bob" && m.away),
      "bob's session to wait for a resume",
    );
    const carol = member(server.port, "carol");
    await assert.rejects(
      carol.chat.connect(),
      (error) => error instanceof HandshakeError && error.code === "busy",
    );
    const bob = member(server.port, "bob");
    await bob.chat.connect(); // takes its own session over
    assert.equal(server.room.memberCount, 2);
    await bob.chat.close();
    await carol.chat.close(0);
  } finally {
    await alice.chat.close(0);
    await server.close();
  }
});

Deno.test("a chat client and a p2p listener refuse each other, naming the command that fits", async () => {
  const p2p = await p2pListener();
  const server = await p2pListener({ role: "server" });
  const chatToP2p = member(p2p.port, "bob", "server");
  const p2pToChat = member(server.port, "bob", "p2p");
  try {
    await assert.rejects(
      chatToP2p.chat.connect(),
      (error) =>
        error instanceof HandshakeError && error.code === "role" &&
        error.message ===
          "this is a stealth p2p peer, not a chat server — talk to it with `stealth p2p HOST[:PORT]`",
    );
    await assert.rejects(
      p2pToChat.chat.connect(),
      (error) =>
        error instanceof HandshakeError && error.code === "role" &&
        error.message ===
          "this is a stealth chat server, not a p2p peer — join it with `stealth chat HOST[:PORT]`",
    );
    assert.equal(p2p.room.memberCount, 0);
    assert.equal(server.room.memberCount, 0);
  } finally {
    await chatToP2p.chat.close(0);
    await p2pToChat.chat.close(0);
    await p2p.close();
    await server.close();
  }
});

Deno.test("a p2p dialer with another key is refused: at TLS, and by the listener's proof check", async () => {
  const server = await p2pListener();
  const circle = await testCircle();
  const other = await testCircle(2);
  const eve = member(server.port, "eve", "p2p", 2);
  try {
    // Its own CA does not vouch for the listener's certificate.
    await assert.rejects(
      eve.chat.connect(),
      (error) =>
        error instanceof HandshakeError && error.code === "not-in-circle" &&
        error.message === "this peer is not in your circle — check secret.key",
    );
    // Past TLS (our CA), its proof is still not ours: the listener says auth, nobody joins.
    const conn = await dialTls({ hostname: "127.0.0.1", port: server.port, caPem: circle.caPem });
    await assert.rejects(
      dialHandshake(conn, { role: "p2p", authKey: authKey(other.key), nick: "eve" }),
      (error) =>
        error instanceof HandshakeError && error.code === "not-in-circle" &&
        /this peer is not in your circle/.test(error.message),
    );
    assert.equal(server.room.memberCount, 0);
    // And the listener keeps listening.
    const bob = member(server.port, "bob");
    await bob.chat.connect();
    await bob.chat.close();
  } finally {
    await eve.chat.close(0);
    await server.close();
  }
});
