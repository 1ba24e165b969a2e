/**
 * Real TLS 1.3 on loopback: a `node:tls` server presenting a leaf, and
 * `Deno.connectTls` trusting only the rebuilt circle CA, as net/ will use them.
 */

import assert from "node:assert/strict";
import type { Socket } from "node:net";
import tls from "node:tls";
import { join } from "node:path";
import { circleCA, issueLeaf, loadExternalCerts } from "../../certs/mod.ts";
import { issue, newKey, within, withTempDir } from "./_fixtures.ts";

const WAIT_MS = 5_000;
const DAY = 24 * 3_600_000;

interface Server {
  port: number;
  /** The TLS version of each connection the server accepted. */
  protocols: (string | null)[];
  close(): Promise<void>;
}

/** A TLS 1.3 server that answers each chunk with `server got <chunk>`. */
async function serve(key: string, cert: string): Promise<Server> {
  const sockets = new Set<Socket>();
  const protocols: (string | null)[] = [];
  const server = tls.createServer({ key, cert, minVersion: "TLSv1.3" }, (socket) => {
    protocols.push(socket.getProtocol());
    socket.on("data", (data) => socket.write(`server got ${data}`));
    socket.on("error", () => {});
  });
  server.on("connection", (socket: Socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  server.on("tlsClientError", () => {});
  await within(
    new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve)),
    WAIT_MS,
    "listen",
  );
  const port = (server.address() as { port: number }).port;
  return {
    port,
    protocols,
    async close() {
      for (const socket of sockets) socket.destroy();
      await within(
        new Promise<void>((resolve) => server.close(() => resolve())),
        WAIT_MS,
        "server close",
      );
    },
  };
}

/** Connects trusting only `caPem`, says hello and returns the server's answer. */
async function exchange(port: number, caPem: string): Promise<string> {
  const conn = await within(
    Deno.connectTls({
      hostname: "127.0.0.1",
      port,
      caCerts: [caPem],
      unsafelyDisableHostnameVerification: true,
    }),
    WAIT_MS,
    "connect",
  );
  try {
    await within(conn.handshake(), WAIT_MS, "handshake");
    await within(conn.write(new TextEncoder().encode("hello")), WAIT_MS, "write");
    const buffer = new Uint8Array(64);
    const n = await within(conn.read(buffer), WAIT_MS, "read");
    return new TextDecoder().decode(buffer.subarray(0, n ?? 0));
  } finally {
    conn.close();
  }
}

async function withServer(
  key: string,
  cert: string,
  body: (port: number, server: Server) => Promise<void>,
): Promise<void> {
  const server = await serve(key, cert);
  try {
    await body(server.port, server);
  } finally {
    await server.close();
  }
}

Deno.test("issueLeaf() leaf serves TLS 1.3 to a client that trusts the rebuilt CA", async () => {
  const key = newKey();
  const leaf = await issueLeaf(await circleCA(key), {});
  const rebuilt = await circleCA(key);
  await withServer(leaf.keyPem, leaf.certPem, async (port, server) => {
    assert.equal(await exchange(port, rebuilt.certPem), "server got hello");
    assert.deepEqual(server.protocols, ["TLSv1.3"]);
  });
});

Deno.test("issueLeaf() leaf works with or without the CA in the server's chain", async () => {
  const ca = await circleCA(newKey());
  const leaf = await issueLeaf(ca, {});
  for (const chain of [leaf.certPem, leaf.certPem + leaf.caPem]) {
    await withServer(leaf.keyPem, chain, async (port) => {
      assert.equal(await exchange(port, ca.certPem), "server got hello");
    });
  }
});

Deno.test("circleCA() of another key does not trust the circle's servers", async () => {
  const leaf = await issueLeaf(await circleCA(newKey()), {});
  const stranger = await circleCA(newKey());
  for (const chain of [leaf.certPem, leaf.certPem + leaf.caPem]) {
    await withServer(leaf.keyPem, chain, async (port) => {
      await assert.rejects(
        exchange(port, stranger.certPem),
        /invalid peer certificate: UnknownIssuer/,
      );
    });
  }
});

Deno.test("circleCA() rebuilds the same CA twice, and the client trusts either copy", async () => {
  const key = newKey();
  const first = await circleCA(key);
  const second = await circleCA(key);
  assert.equal(first.certPem, second.certPem);
  const leaf = await issueLeaf(first, {});
  await withServer(leaf.keyPem, leaf.certPem, async (port) => {
    assert.equal(await exchange(port, second.certPem), "server got hello");
  });
});

Deno.test("issueLeaf() leaf issued in the past is refused by the client once expired", async () => {
  const ca = await circleCA(newKey());
  const leaf = await issueLeaf(ca, { now: Date.now() - 10 * DAY, days: 3 });
  await withServer(leaf.keyPem, leaf.certPem, async (port) => {
    await assert.rejects(
      exchange(port, ca.certPem),
      /invalid peer certificate: certificate expired/,
    );
  });
});

Deno.test("issueLeaf() leaf issued for the future is refused by the client until valid", async () => {
  const ca = await circleCA(newKey());
  const leaf = await issueLeaf(ca, { now: Date.now() + 10 * DAY });
  await withServer(leaf.keyPem, leaf.certPem, async (port) => {
    await assert.rejects(
      exchange(port, ca.certPem),
      /invalid peer certificate: certificate not valid yet/,
    );
  });
});

Deno.test("loadExternalCerts() result serves TLS through an intermediate", async () => {
  await withTempDir(async (dir) => {
    const root = await issue({ subject: "CN=root", ca: true });
    const middle = await issue({ subject: "CN=middle", ca: true, issuer: root });
    const server = await issue({ subject: "CN=server", issuer: middle });
    const certFile = join(dir, "cert.pem");
    const keyFile = join(dir, "key.pem");
    const caFile = join(dir, "ca.pem");
    await Deno.writeTextFile(certFile, server.certPem + middle.certPem);
    await Deno.writeTextFile(keyFile, server.keyPem);
    await Deno.writeTextFile(caFile, root.certPem);
    const leaf = await loadExternalCerts({ certFile, keyFile, caFile });
    await withServer(leaf.keyPem, leaf.certPem, async (port) => {
      assert.equal(await exchange(port, leaf.caPem), "server got hello");
    });
  });
});

Deno.test("Deno.connectTls() ignores the dates of its trust anchor, so loadExternalCerts() must not", async () => {
  const ca = await issue({
    subject: "CN=expired ca",
    ca: true,
    notAfter: new Date(Date.UTC(2021, 0, 1)),
  });
  const server = await issue({ subject: "CN=server", issuer: ca });
  await withServer(server.keyPem, server.certPem, async (port) => {
    assert.equal(await exchange(port, ca.certPem), "server got hello");
  });
});
