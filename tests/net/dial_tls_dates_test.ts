import assert from "node:assert/strict";
import { circleCA, issueLeaf } from "../../certs/mod.ts";
import { DialError, dialTls, listenTls } from "../../net/mod.ts";
import { testCircle } from "../support/test_circle.ts";

const DAY = 86_400_000;

async function dialLeafIssuedAt(now: number): Promise<DialError> {
  const circle = await testCircle();
  const ca = await circleCA(circle.key);
  const leaf = await issueLeaf(ca, { now, days: 1 });
  const listener = await listenTls({
    hostname: "127.0.0.1",
    port: 0,
    cert: leaf.certPem,
    key: leaf.keyPem,
    onConnection: (conn) => void conn.close(0),
  });
  try {
    await dialTls({ hostname: "127.0.0.1", port: listener.port, caPem: circle.caPem });
  } catch (error) {
    assert.ok(error instanceof DialError);
    return error;
  } finally {
    await listener.close();
  }
  throw new Error("the dial succeeded");
}

Deno.test("dialTls() calls a circle certificate that is not valid yet a clock problem, not a wrong key", async () => {
  const error = await dialLeafIssuedAt(Date.now() + 2 * DAY);
  assert.equal(error.code, "tls");
  assert.match(error.message, /outside its validity — check the clocks of both machines/);
  assert.doesNotMatch(error.message, /secret\.key/);
});

Deno.test("dialTls() calls an expired circle certificate a clock problem", async () => {
  const error = await dialLeafIssuedAt(Date.now() - 10 * DAY);
  assert.equal(error.code, "tls");
  assert.match(error.message, /outside its validity — check the clocks of both machines/);
});
