import assert from "node:assert/strict";
import { loadExternalCerts } from "../../certs/mod.ts";
import { ChatConnection, type ChatConnectionOptions } from "../../client/mod.ts";
import { HandshakeError } from "../../net/mod.ts";
import { externalFiles } from "../support/external_certs.ts";
import { keyOf, testServer } from "./_harness.ts";

Deno.test("ChatConnection with serverCaFile joins a server that shows an external certificate", async () => {
  const dir = await Deno.makeTempDir({ prefix: "stealth-external-" });
  const files = await externalFiles(dir);
  const server = await testServer({ certificate: await loadExternalCerts(files) });
  const base: ChatConnectionOptions = {
    key: keyOf(1),
    hostname: "127.0.0.1",
    port: server.port,
    nick: "alice",
    backoffMs: [10],
  };
  try {
    await using chat = new ChatConnection({ ...base, serverCaFile: files.caFile });
    await chat.connect();
    assert.equal(chat.state, "connected");
    // Without --ca the outside CA is not the circle's: refused as not of the circle.
    await using plain = new ChatConnection({ ...base, nick: "bob" });
    await assert.rejects(
      plain.connect(),
      (e) => e instanceof HandshakeError && e.code === "not-in-circle",
    );
  } finally {
    await server.close();
    await Deno.remove(dir, { recursive: true });
  }
});
