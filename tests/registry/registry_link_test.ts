import assert from "node:assert/strict";
import {
  RegistryLink,
  type RegistryLinkOptions,
  type RegistryLinkState,
  type ServerAnnouncement,
  startRegistry,
} from "../../registry/mod.ts";
import { TcpProxy } from "../support/tcp_proxy.ts";
import { testCircle } from "../support/test_circle.ts";
import { waitFor } from "../support/wait_for.ts";
import { RawRegistryClient, testRegistry } from "./_fixtures.ts";

const SINCE = 1_700_000_000_000;

/** A link to `port` on 127.0.0.1 announcing `announcement` (changeable), states recorded. */
async function testLink(
  port: number,
  options: Partial<RegistryLinkOptions> = {},
) {
  const circle = await testCircle(1);
  const announcement: ServerAnnouncement = { name: "den", port: 5555, users: 1, since: SINCE };
  const states: RegistryLinkState[] = [];
  const link = new RegistryLink({
    key: circle.key,
    registry: { hostname: "127.0.0.1", port },
    server: () => ({ ...announcement }),
    backoff: [50, 100, 200],
    onStateChange: (state) => states.push(state),
    ...options,
  });
  return { link, announcement, states, [Symbol.asyncDispose]: () => link.close() };
}

Deno.test("RegistryLink registers and says bye on close()", async () => {
  await using registry = await testRegistry();
  await using t = await testLink(registry.port);
  assert.equal(t.link.state, "connecting");
  t.link.start();
  t.link.start(); // once is enough
  await waitFor(() => t.link.state === "registered", "the link to register");
  assert.deepEqual(registry.entries(), [
    { name: "den", host: "127.0.0.1", port: 5555, users: 1, since: SINCE },
  ]);
  await t.link.close();
  assert.equal(t.link.state, "closed");
  await waitFor(() => registry.entries().length === 0, "bye to remove the entry");
  assert.deepEqual(t.states, ["registered", "closed"]);
});

Deno.test("RegistryLink beats with the current user count", async () => {
  await using registry = await testRegistry();
  await using t = await testLink(registry.port, { beatIntervalMs: 50 });
  t.link.start();
  await waitFor(() => t.link.state === "registered", "the link to register");
  t.announcement.users = 4;
  await waitFor(() => registry.entries()[0]?.users === 4, "a beat with 4 users");
});

Deno.test("RegistryLink updateNow() beats at once, at most once a second", async () => {
  await using registry = await testRegistry();
  let now = Date.now();
  await using t = await testLink(registry.port, { clock: () => now });
  t.link.start();
  await waitFor(() => t.link.state === "registered", "the link to register");
  now += 5_000;
  t.announcement.users = 2;
  t.link.updateNow();
  await waitFor(() => registry.entries()[0]?.users === 2, "the immediate beat");
  t.announcement.users = 3;
  t.link.updateNow(); // within the second: deferred
  t.link.updateNow(); // coalesced
  const member = await RawRegistryClient.connect(registry.port);
  try {
    assert.equal((await member.list())[0]?.users, 2, "not yet");
  } finally {
    await member.close();
  }
  await waitFor(() => registry.entries()[0]?.users === 3, "the deferred beat", 3_000);
});

Deno.test("RegistryLink updateNow() registers again when the name changes", async () => {
  await using registry = await testRegistry();
  let now = Date.now();
  await using t = await testLink(registry.port, { clock: () => now });
  t.link.start();
  await waitFor(() => t.link.state === "registered", "the link to register");
  now += 5_000;
  t.announcement.name = "attic";
  t.link.updateNow();
  await waitFor(() => registry.entries()[0]?.name === "attic", "the new name");
  assert.equal(registry.entries().length, 1);
});

Deno.test("RegistryLink registers again by itself after the registry restarts", async () => {
  const circle = await testCircle(1);
  const first = await startRegistry({ key: circle.key, hostname: "127.0.0.1", port: 0 });
  const port = first.port;
  await using t = await testLink(port);
  t.link.start();
  await waitFor(() => t.link.state === "registered", "the first registration");
  await first.close();
  await waitFor(() => t.link.state === "retrying", "the link to notice");
  assert.match(t.link.lastError ?? "", /shut down|refused|ended/);
  // Some attempts fail while nothing listens.
  await new Promise((resolve) => setTimeout(resolve, 300));
  const second = await startRegistry({ key: circle.key, hostname: "127.0.0.1", port });
  try {
    // The registry lists the entry when it reads the register frame; the link is registered
    // when the answer comes back, a moment later.
    await waitFor(
      () => second.entries().length === 1 && t.link.state === "registered",
      "the link to register again",
      15_000,
    );
    assert.equal(second.entries()[0]?.since, SINCE, "uptime survives the restart");
    assert.equal(t.link.lastError, undefined);
    assert.deepEqual(t.states.slice(0, 3), ["registered", "retrying", "connecting"]);
    assert.equal(t.states.at(-1), "registered");
  } finally {
    await t.link.close();
    await second.close();
  }
});

Deno.test("RegistryLink keeps trying until the registry first appears", async () => {
  // Find a free port, then leave it free for a while.
  const probe = Deno.listen({ hostname: "127.0.0.1", port: 0 });
  const port = probe.addr.port;
  probe.close();
  await using t = await testLink(port);
  t.link.start();
  await waitFor(() => t.link.state === "retrying", "a failed attempt");
  assert.match(t.link.lastError ?? "", /connection refused/);
  await using registry = await testRegistry({ port });
  await waitFor(() => registry.entries().length === 1, "the registration", 5_000);
});

Deno.test("RegistryLink gives up on a registry that stops answering, and comes back", async () => {
  await using registry = await testRegistry();
  await using proxy = await TcpProxy.start({ port: registry.port });
  await using t = await testLink(proxy.port, { beatIntervalMs: 100, dialTimeoutMs: 300 });
  t.link.start();
  await waitFor(() => t.link.state === "registered", "the first registration");
  proxy.stall();
  await waitFor(() => t.link.state === "retrying", "the link to notice the silence", 3_000);
  assert.match(t.link.lastError ?? "", /stopped answering/);
  proxy.unstall();
  t.announcement.users = 9;
  await waitFor(
    () => t.link.state === "registered" && registry.entries().some((e) => e.users === 9),
    "a new registration",
    5_000,
  );
});

Deno.test("RegistryLink reports a refused registration and retries", async () => {
  await using registry = await testRegistry();
  const states: string[] = [];
  await using t = await testLink(registry.port, {
    server: () => ({ name: "x".repeat(65), port: 5555, users: 0, since: SINCE }),
    onStateChange: (state, detail) => states.push(`${state}${detail ? `: ${detail}` : ""}`),
  });
  t.link.start();
  await waitFor(() => states.some((s) => s.startsWith("retrying")), "a refusal");
  assert.match(
    states.find((s) => s.startsWith("retrying"))!,
    /refused the registration \(bad-frame: .*name/,
  );
  assert.deepEqual(registry.entries(), []);
});

Deno.test("RegistryLink close() before start() and twice is fine", async () => {
  const t = await testLink(1);
  await t.link.close();
  await t.link.close();
  t.link.start(); // closed: does nothing
  assert.equal(t.link.state, "closed");
});
