/**
 * A member of test circle 1 that dials `127.0.0.1:PORT`, joins as "alice"
 * and says one sealed line; run as its own process so that `DENO_CERT` can
 * add a root certificate to its trust store, as a publicly trusted root
 * would be. Prints one JSON line: how far it got.
 *
 * @module
 */

import { fernetEncrypt } from "../../crypto/mod.ts";
import { DialError, dialHandshake, dialTls, HandshakeError } from "../../net/mod.ts";
import { decodeServerMessage, encodeBody, encodeMessage } from "../../protocol/mod.ts";
import { testCircle } from "../support/test_circle.ts";

const port = Number(Deno.args[0]);
const text = Deno.args[1] ?? "a line only the circle may read";
const circle = await testCircle(1);
const report = (result: Record<string, unknown>) => console.log(JSON.stringify(result));

let conn;
try {
  conn = await dialTls({ hostname: "127.0.0.1", port, caPem: circle.caPem, timeoutMs: 5_000 });
} catch (error) {
  report({ tls: "refused", code: error instanceof DialError ? error.code : String(error) });
  Deno.exit(0);
}
try {
  await dialHandshake(conn, { role: "server", authKey: circle.authKey, nick: "alice" });
} catch (error) {
  report({
    tls: "accepted",
    joined: false,
    code: error instanceof HandshakeError ? error.code : String(error),
  });
  await conn.close(0);
  Deno.exit(0);
}
let timer: ReturnType<typeof setTimeout> | undefined;
const echoed = new Promise<boolean>((resolve) => {
  conn.onFrame = (payload) => {
    const message = decodeServerMessage(payload);
    if (message.t === "msg" && message.id === "through") resolve(true);
  };
  timer = setTimeout(() => resolve(false), 5_000);
});
conn.resume();
const body = fernetEncrypt(circle.key, encodeBody({ kind: "text", text }));
conn.send(encodeMessage({ t: "say", id: "through", body }));
report({ tls: "accepted", joined: true, said: await echoed });
clearTimeout(timer);
await conn.close(100);
