/**
 * Nothing secret is ever printed: the registry, a chat server and two
 * line-mode clients run as real processes with `--debug`, a third member
 * (in this test) records every secret its connection carries, and then
 * everything the processes printed is searched for the circle key, the
 * host key, every key derived from them, the proofs, nonces and session
 * ids on the wire, every Fernet token, and the text of every message.
 *
 * The clients' stdout is the chat itself, so message text is allowed there
 * and nowhere else.
 */

import assert from "node:assert/strict";
import { circleCA } from "../../certs/mod.ts";
import {
  authKey,
  deriveKey,
  fernetEncrypt,
  generateKey,
  hostAuthKey,
  keyBytes,
  LABELS,
  parseKey,
  writeKeyFile,
} from "../../crypto/mod.ts";
import { dialHandshake, dialTls, type FramedConnection } from "../../net/mod.ts";
import {
  decodeClientMessage,
  decodeServerMessage,
  encodeBody,
  encodeMessage,
  FrameDecoder,
} from "../../protocol/mod.ts";
import { circleHome } from "../support/circle_home.ts";
import { figure } from "../support/figure.ts";
import { runStealth, StealthProcess, tempHome } from "../support/stealth_process.ts";
import { waitFor } from "../support/wait_for.ts";

const TEXTS = {
  alice: "alpha secret phrase 7741",
  me: "beta gesture 9932",
  private: "gamma private 5519",
  bob: "delta reply 3307",
  carol: "epsilon carol 6620",
};

function encodings(bytes: Uint8Array): string[] {
  const binary = String.fromCharCode(...bytes);
  const base64 = btoa(binary);
  const url = base64.replaceAll("+", "-").replaceAll("/", "_").replace(/=+$/, "");
  const hex = [...bytes].map((b) => b.toString(16).padStart(2, "0")).join("");
  return [base64.replace(/=+$/, ""), url, hex, hex.toUpperCase()];
}

/** Every 16-character piece of each secret (overlapping), so a partial leak is caught too. */
function pieces(secrets: string[]): string[] {
  const out = new Set<string>();
  for (const secret of secrets) {
    if (secret.length <= 16) {
      out.add(secret);
      continue;
    }
    for (let i = 0; i + 16 <= secret.length; i += 8) out.add(secret.slice(i, i + 16));
    out.add(secret.slice(-16));
  }
  return [...out];
}

/** A member that keeps a copy of every frame it sends and receives. */
async function recordingMember(
  key: ReturnType<typeof parseKey>,
  port: number,
  nick: string,
  resume?: { session: string; after: number },
) {
  const frames: Uint8Array[] = [];
  const conn: FramedConnection = await dialTls({
    hostname: "127.0.0.1",
    port,
    caPem: (await circleCA(key)).certPem,
  });
  const send = conn.send.bind(conn);
  conn.send = (frame) => {
    frames.push(frame.slice());
    return send(frame);
  };
  const { hello, ok } = await dialHandshake(conn, {
    role: "server",
    authKey: authKey(key),
    nick,
    ...(resume ? { resume } : {}),
  });
  const received: ReturnType<typeof decodeServerMessage>[] = [];
  conn.onFrame = (payload) => received.push(decodeServerMessage(payload));
  conn.resume();
  const sent = frames.flatMap((frame) => new FrameDecoder().push(frame))
    .map((payload) => decodeClientMessage(payload));
  return { conn, hello, ok, received, sent };
}

Deno.test("no process prints a key, a derived key, a proof, a token, a session or a message (--debug)", async () => {
  const host = await circleHome();
  const member = await tempHome(); // the clients keep their settings apart from the server's home
  const hostKeyText = generateKey();
  await writeKeyFile(`${host.dir}/host.key`, hostKeyText);
  await writeKeyFile(`${member.dir}/secret.key`, host.keyText);
  await writeKeyFile(`${member.dir}/host.key`, hostKeyText);
  const processes: StealthProcess[] = [];
  const start = (args: string[], env: Record<string, string>, stdin = false) => {
    const p = new StealthProcess([...args, "--debug"], { env, stdin });
    processes.push(p);
    return p;
  };
  const key = host.key;
  const hostKey = parseKey(hostKeyText);
  const carolSecrets: string[] = [];
  try {
    const registry = start(["registry", "--host", "127.0.0.1", "--port", "0"], host.env);
    const registryLine = await registry.waitFor(/registry listening on/, { timeoutMs: 20_000 });
    const registryPort = Number(/:(\d+)$/.exec(registryLine)?.[1]);
    const server = start([
      "server",
      "--host",
      "127.0.0.1",
      "--port",
      "0",
      "--name",
      "Vault",
      "--registry",
      `127.0.0.1:${registryPort}`,
      "--motd",
      "zeta welcome 4410",
    ], host.env);
    const serverLine = await server.waitFor(/listening on 127\.0\.0\.1:\d+/, { timeoutMs: 20_000 });
    const port = Number(/:(\d+)$/.exec(serverLine)?.[1]);

    const alice = start(
      [
        "chat",
        `127.0.0.1:${port}`,
        "--plain",
        "--nick",
        "alice",
        "--host-key",
        `${member.dir}/host.key`,
      ],
      member.env,
      true,
    );
    await alice.waitFor(/connected to Vault/);
    const bob = start(["chat", `127.0.0.1:${port}`, "--json", "--nick", "bob"], member.env, true);
    await bob.waitFor(/"connected"/);

    // Carol records what her connection carries, drops without bye and resumes.
    let carol = await recordingMember(key, port, "carol");
    const body = fernetEncrypt(key, encodeBody({ kind: "text", text: TEXTS.carol }));
    carol.conn.send(encodeMessage({ t: "say", id: "carol-1", body }));
    await alice.writeLine(TEXTS.alice);
    await alice.writeLine(`/me ${TEXTS.me}`);
    await alice.writeLine(`/msg bob ${TEXTS.private}`);
    await bob.writeLine(TEXTS.bob);
    await waitFor(
      () => carol.received.some((m) => m.t === "msg" && m.from === "bob"),
      "carol to hear bob",
      10_000,
    );
    await bob.waitFor(new RegExp(TEXTS.private));
    const session = carol.ok.session!;
    const after = Math.max(...carol.received.map((m) => ("seq" in m ? m.seq ?? 0 : 0)));
    const first = carol;
    await first.conn.close(0);
    carol = await recordingMember(key, port, "carol", { session, after });
    for (const c of [first, carol]) {
      carolSecrets.push(c.hello.nonce, c.ok.proof, c.ok.session ?? "");
      for (const m of c.sent) {
        if (m.t === "auth") carolSecrets.push(m.nonce, m.proof, m.resume?.session ?? "");
        if (m.t === "say") carolSecrets.push(m.body);
      }
      for (const m of c.received) {
        if (m.t === "msg" || m.t === "notice") carolSecrets.push(m.body);
      }
      if (c.ok.motd !== undefined) carolSecrets.push(c.ok.motd);
    }
    await carol.conn.close(0);

    const list = await runStealth(
      ["list", "--registry", `127.0.0.1:${registryPort}`, "--json", "--debug"],
      { env: member.env },
    );
    assert.equal(list.code, 0, list.stderr);

    for (const p of [alice, bob]) await p.closeStdin();
    await alice.status();
    await bob.status();
    await server.stop();
    await registry.stop();

    const keySecrets = [
      host.keyText.replace(/=+$/, ""),
      hostKeyText.replace(/=+$/, ""),
      ...encodings(keyBytes(key)),
      ...encodings(keyBytes(hostKey)),
      ...encodings(key.signingKey),
      ...encodings(key.encryptionKey),
      ...encodings(authKey(key)),
      ...encodings(hostAuthKey(hostKey)),
      ...encodings(deriveKey(key, LABELS.ca)),
      ...encodings(deriveKey(key, LABELS.fingerprint)),
    ];
    const wireSecrets = carolSecrets.filter((s) => s.length > 0);
    const texts = [...Object.values(TEXTS), "zeta welcome 4410"];
    const everything = pieces([...keySecrets, ...wireSecrets]);

    const outputs: [string, string, boolean][] = [
      ["registry", registry.output, false],
      ["server", server.output, false],
      ["list", list.stdout + list.stderr, false],
      ["alice stderr", alice.stderr.join("\n"), false],
      ["bob stderr", bob.stderr.join("\n"), false],
      ["alice stdout", alice.stdout.join("\n"), true],
      ["bob stdout", bob.stdout.join("\n"), true],
    ];
    // The search itself finds a planted secret.
    const planted = `trace: ${wireSecrets[0]!.slice(4, 30)} end`;
    assert.ok(everything.some((piece) => planted.includes(piece)), "the search has teeth");
    let lines = 0;
    for (const [name, text, chat] of outputs) {
      lines += text.split("\n").length;
      for (const piece of everything) {
        assert.ok(!text.includes(piece), `${name} printed a secret (${piece.slice(0, 4)}…)`);
      }
      assert.doesNotMatch(text, /gAAAAA[A-Za-z0-9_-]{8,}/, `${name} printed a Fernet token`);
      assert.doesNotMatch(text, /[A-Za-z0-9_-]{43,}/, `${name} printed a key-sized secret`);
      if (!chat) {
        for (const t of texts) assert.ok(!text.includes(t), `${name} printed message text: ${t}`);
      }
    }
    assert.match(server.stderr.join("\n"), /\[DBG\]/, "the trace was on");
    assert.match(alice.stdout.join("\n"), new RegExp(TEXTS.bob), "the chat itself worked");
    figure("security.secrets_in_output", {
      processes: processes.length + 1,
      lines_searched: lines,
      secrets_searched: keySecrets.length + wireSecrets.length,
      texts_searched: texts.length,
      found: 0,
    });
  } finally {
    for (const p of processes) await p.stop("SIGKILL").catch(() => {});
    await host.remove();
    await member.remove();
  }
});
