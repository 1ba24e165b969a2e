/**
 * `stealth p2p` in line mode, both sides in this process: the listener's
 * real server on every interface, its own member over loopback, the dialer
 * over TLS on 127.0.0.1.
 */

import assert from "node:assert/strict";
import { fingerprint } from "../../crypto/mod.ts";
import { circleHome } from "../support/circle_home.ts";
import { freePort } from "../support/free_port.ts";
import { P2pSide } from "./_harness.ts";

/** Starts a listener and returns it with the port it announced. */
async function listener(keyPath: string, options: { json?: boolean } = {}) {
  const side = new P2pSide({ keyPath, listen: true, target: "0", nick: "alice", ...options });
  const line = await side.waitFor(/listening for one peer on port \d+/, 10_000);
  return { side, port: Number(/port (\d+)/.exec(line)![1]) };
}

Deno.test("runP2p() listener shows where to dial and the fingerprint; both sides talk directly", async () => {
  const home = await circleHome();
  const { side: alice, port } = await listener(home.keyPath);
  const bob = new P2pSide({
    keyPath: home.keyPath,
    listen: false,
    target: `127.0.0.1:${port}`,
    nick: "bob",
  });
  try {
    await alice.waitFor(/-- waiting for a peer$/);
    const shown = alice.stdout.join("\n");
    assert.ok(shown.includes(`-- fingerprint: ${fingerprint(home.key)}`), shown);
    // Every line before "waiting" is the banner: nothing about a server or a member list.
    assert.doesNotMatch(shown, /connected to|here:/);

    await bob.waitFor(/-- direct with alice$/);
    await alice.waitFor(/-- direct with bob$/);
    bob.type("hello alice");
    alice.type("hello bob");
    await alice.waitFor(/<bob> hello alice$/);
    await bob.waitFor(/<alice> hello bob$/);
    for (const side of [alice, bob]) {
      assert.equal(side.lines(/<bob> hello alice$/).length, 1);
      assert.equal(side.lines(/<alice> hello bob$/).length, 1);
    }

    // The dialer leaves; the listener waits for the next peer.
    assert.equal(await bob.stop(), 0);
    await alice.waitFor(/-- bob left \(quit\)$/);
    assert.equal(alice.lines(/-- waiting for a peer$/).length, 2);
  } finally {
    bob.abort();
    alice.abort();
    await Promise.all([alice.done, bob.done]);
    await home.remove();
  }
});

Deno.test("runP2p() dialer ends when the listener leaves on purpose", async () => {
  const home = await circleHome();
  const { side: alice, port } = await listener(home.keyPath);
  const bob = new P2pSide({
    keyPath: home.keyPath,
    listen: false,
    target: `127.0.0.1:${port}`,
    nick: "bob",
    json: true,
  });
  try {
    await bob.waitFor(/"code":"direct"/);
    alice.abort(); // Ctrl-C: bye first, then the listener closes
    assert.equal(await alice.done, 0);
    const bobCode = await bob.done;
    assert.equal(bobCode, 0);
    const events = bob.stdout.map((line) => JSON.parse(line));
    assert.deepEqual(
      events.filter((e) => e.type === "info").map((e) => [e.code, e.nick]),
      [["direct", "alice"], ["ended", "alice"], ["left", undefined]],
    );
  } finally {
    alice.abort();
    bob.abort();
    await home.remove();
  }
});

Deno.test("runP2p() --json listener announces port, addresses and fingerprint as fields", async () => {
  const home = await circleHome();
  const { side: alice, port } = await listener(home.keyPath, { json: true });
  try {
    const first = JSON.parse(alice.stdout[0]!);
    assert.equal(first.type, "info");
    assert.equal(first.code, "listening");
    assert.equal(first.port, port);
    assert.ok(Array.isArray(first.addresses));
    assert.equal(first.fingerprint, fingerprint(home.key));
    for (const line of alice.stdout) JSON.parse(line); // every line is JSON
  } finally {
    alice.abort();
    await alice.done;
    await home.remove();
  }
});

Deno.test("runP2p() refuses a command line it cannot use, with exit 2", async () => {
  const home = await circleHome();
  try {
    const cases = [
      [{ listen: false }, /name the peer to dial: stealth p2p HOST\[:PORT\]/],
      [{ listen: true, target: "pi.local" }, /--listen pi\.local: give a port/],
      [{ listen: true, target: "70000" }, /give a port from 0 to 65535/],
      [{ listen: false, target: "pi.local", nick: "no spaces" }, /a nick is 1–24/],
    ] as const;
    for (const [options, pattern] of cases) {
      const side = new P2pSide({ keyPath: home.keyPath, nick: "alice", ...options });
      assert.equal(await side.done, 2, JSON.stringify(options));
      assert.match(side.stderr.join("\n"), pattern);
    }
  } finally {
    await home.remove();
  }
});

Deno.test("runP2p() dialer with nobody listening says what the other side should run", async () => {
  const home = await circleHome();
  try {
    const side = new P2pSide({
      keyPath: home.keyPath,
      listen: false,
      target: `127.0.0.1:${freePort()}`,
      nick: "bob",
    });
    assert.equal(await side.done, 1);
    assert.match(
      side.stderr.join("\n"),
      /^cannot reach 127\.0\.0\.1:\d+ — is the other side listening\? \(they start with: stealth p2p --listen\)$/,
    );
  } finally {
    await home.remove();
  }
});
