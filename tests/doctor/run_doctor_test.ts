import assert from "node:assert/strict";
import { circleCA, issueLeaf, loadExternalCerts } from "../../certs/mod.ts";
import {
  checkClock,
  diagnose,
  type DoctorOptions,
  type Finding,
  runDoctor,
} from "../../doctor/mod.ts";
import { listenTls } from "../../net/mod.ts";
import { RegistryLink, startRegistry } from "../../registry/mod.ts";
import { startChatServer } from "../../server/mod.ts";
import { type CircleHome, circleHome } from "../support/circle_home.ts";
import { externalFiles } from "../support/external_certs.ts";
import { freePort } from "../support/free_port.ts";
import { testCircle } from "../support/test_circle.ts";
import { waitFor } from "../support/wait_for.ts";

/** A registry and a chat server registered with it, all on 127.0.0.1. */
async function liveCircle(home: CircleHome, name = "Attic") {
  const registry = await startRegistry({ key: home.key, hostname: "127.0.0.1", port: 0 });
  const chat = await startChatServer({
    key: home.key,
    hostname: "127.0.0.1",
    port: 0,
    name: "Attic",
  });
  const link = new RegistryLink({
    key: home.key,
    registry: { hostname: "127.0.0.1", port: registry.port },
    server: () => ({ name, port: chat.port, users: 0, since: chat.startedAt }),
  });
  link.start();
  await waitFor(() => registry.entries().length === 1, "the server to register");
  return {
    registry,
    chat,
    async close() {
      await link.close();
      await chat.close();
      await registry.close();
    },
  };
}

async function run(options: Omit<DoctorOptions, "stdout">) {
  const lines: string[] = [];
  const code = await runDoctor({ ...options, stdout: (line) => lines.push(line) });
  return { code, lines, text: lines.join("\n") };
}

const failed = (findings: Finding[]) => findings.filter((f) => f.status === "fail");

Deno.test("runDoctor() passes every check against a live registry and server, and joins no room", async () => {
  const home = await circleHome();
  const live = await liveCircle(home);
  try {
    const { code, lines, text } = await run({
      keyPath: home.keyPath,
      registry: `localhost:${live.registry.port}`,
      server: `127.0.0.1:${live.chat.port}`,
      json: false,
      ports: [live.chat.port, live.registry.port],
      lanAddresses: () => ["127.0.0.1"],
    });
    assert.equal(code, 0, text);
    assert.ok(lines.every((line) => /^[✓–] |^all checks passed$/.test(line)), text);
    assert.match(text, /✓ key .*: a circle key, fingerprint \d{4}/);
    assert.match(text, /✓ registry localhost:\d+: localhost is 127\.0\.0\.1/);
    assert.match(text, /✓ registry localhost:\d+: the registry proved it holds your circle's key/);
    assert.match(
      text,
      /✓ registry localhost:\d+: 1 chat server: Attic \((localhost|127\.0\.0\.1):\d+\)/,
    );
    assert.match(
      text,
      /✓ server "Attic" (localhost|127\.0\.0\.1):\d+: the chat server accepted your key's proof/,
    );
    assert.match(
      text,
      /✓ server 127\.0\.0\.1:\d+: TLS 1\.3 with a certificate from your circle's CA/,
    );
    assert.match(text, /✓ clock: this computer says \d{4}-.*, within \d+ s of registry/);
    assert.match(
      text,
      new RegExp(`✓ port ${live.chat.port}: a stealth chat server of your circle`),
    );
    assert.match(
      text,
      new RegExp(`✓ port ${live.registry.port}: a stealth registry of your circle`),
    );
    assert.match(text, /reachable on the LAN address 127\.0\.0\.1/);
    assert.ok(!text.includes(home.keyText.slice(0, 20)), "the key is never printed");
    assert.equal(live.chat.room.memberCount, 0, "doctor joined nobody");
    assert.equal(live.chat.room.who().length, 0);
  } finally {
    await live.close();
    await home.remove();
  }
});

Deno.test("runDoctor() with --json prints one object a script can read", async () => {
  const home = await circleHome();
  const live = await liveCircle(home);
  try {
    const { code, lines } = await run({
      keyPath: home.keyPath,
      registry: `127.0.0.1:${live.registry.port}`,
      json: true,
      ports: [],
    });
    assert.equal(code, 0);
    assert.equal(lines.length, 1);
    const report = JSON.parse(lines[0]!);
    assert.equal(report.ok, true);
    for (const finding of report.findings) {
      assert.deepEqual(
        Object.keys(finding).filter((k) => k !== "fix").sort(),
        ["check", "status", "subject", "text"],
      );
      assert.ok(["ok", "skip"].includes(finding.status), JSON.stringify(finding));
    }
    assert.ok(report.findings.some((f: Finding) => f.check === "list" && /Attic/.test(f.text)));
  } finally {
    await live.close();
    await home.remove();
  }
});

Deno.test("runDoctor() says what to do when nothing listens, and exits 1", async () => {
  const home = await circleHome();
  try {
    const [registryPort, serverPort] = [freePort(), freePort()];
    const { code, text } = await run({
      keyPath: home.keyPath,
      registry: `127.0.0.1:${registryPort}`,
      server: `127.0.0.1:${serverPort}`,
      json: false,
      ports: [serverPort],
      timeoutMs: 2_000,
    });
    assert.equal(code, 1);
    assert.match(
      text,
      new RegExp(
        `✗ registry 127\\.0\\.0\\.1:${registryPort}: nothing listens on port ${registryPort} — is \`stealth up\` \\(or \`stealth registry\`\\) running there\\?`,
      ),
    );
    assert.match(text, new RegExp(`✗ server 127\\.0\\.0\\.1:${serverPort}: nothing listens`));
    assert.match(text, /– clock: this computer says .*not compared with a server's/);
    assert.match(text, new RegExp(`✓ port ${serverPort}: free`));
    assert.match(text, /2 checks failed: see the ✗ lines$/);
  } finally {
    await home.remove();
  }
});

Deno.test("runDoctor() reports a missing key, and a key others can read with the chmod that fixes it", async () => {
  const home = await circleHome();
  try {
    const missing = await run({
      keyPath: `${home.dir}/nope.key`,
      server: "127.0.0.1:9",
      json: false,
      ports: [],
    });
    assert.equal(missing.code, 1);
    assert.match(missing.text, /✗ key .*nope\.key: no key at .* make one with `stealth keygen`/);
    assert.match(missing.text, /– server 127\.0\.0\.1:9: not probed: no key to probe with/);

    await Deno.chmod(home.keyPath, 0o644);
    const open = await run({ keyPath: home.keyPath, json: false, ports: [] });
    assert.equal(open.code, 1);
    assert.match(
      open.text,
      new RegExp(
        `✗ key .*: other users of this computer can read it — run: chmod 600 ${home.keyPath}`,
      ),
    );

    await Deno.writeTextFile(`${home.dir}/bad.key`, "not a key at all\n");
    const bad = await diagnose({ keyPath: `${home.dir}/bad.key`, json: false, ports: [] });
    assert.equal(failed(bad.findings).length, 1);
    assert.match(failed(bad.findings)[0]!.subject, /^key /);
  } finally {
    await home.remove();
  }
});

Deno.test("runDoctor() tells a wrong port, another circle and a taken port apart", async () => {
  const home = await circleHome();
  const live = await liveCircle(home);
  const other = await testCircle(2);
  const foreign = await startChatServer({
    key: other.key,
    hostname: "127.0.0.1",
    port: 0,
    name: "Elsewhere",
  });
  const squatter = Deno.listen({ hostname: "127.0.0.1", port: 0 });
  const accepting = (async () => {
    for await (const conn of squatter) conn.close();
  })();
  try {
    const swapped = await diagnose({
      keyPath: home.keyPath,
      registry: `127.0.0.1:${live.chat.port}`,
      server: `127.0.0.1:${live.registry.port}`,
      json: false,
      ports: [foreign.port, squatter.addr.port],
      lanAddresses: () => [],
    });
    const text = (f: Finding) => `${f.subject}: ${f.text} — ${f.fix ?? ""}`;
    const fails = failed(swapped.findings).map(text);
    assert.ok(
      fails.some((t) =>
        /registry .*this port has a stealth chat server, not a registry — the registry is on port 5556/
          .test(t)
      ),
      fails.join("\n"),
    );
    assert.ok(fails.some((t) => /server .*this port has a stealth registry/.test(t)));
    assert.ok(
      fails.some((t) =>
        new RegExp(`port ${foreign.port}: taken by a stealth of another circle`).test(t)
      ),
    );
    assert.ok(
      fails.some((t) =>
        new RegExp(`port ${squatter.addr.port}: taken by another program — find it with: sudo ss`)
          .test(t)
      ),
    );

    const stranger = await diagnose({
      keyPath: home.keyPath,
      server: `127.0.0.1:${foreign.port}`,
      json: false,
      ports: [],
    });
    assert.ok(
      failed(stranger.findings).some((f) =>
        f.check === "tls" && /not from your circle/.test(f.text) &&
        /stealth fingerprint/.test(f.fix!)
      ),
    );
  } finally {
    squatter.close();
    await accepting.catch(() => {});
    await foreign.close();
    await live.close();
    await home.remove();
  }
});

Deno.test("runDoctor() gives the --host or firewall hint when the LAN address does not reach a listener", async () => {
  const home = await circleHome();
  const chat = await startChatServer({ key: home.key, hostname: "127.0.0.1", port: 0, name: "Lo" });
  try {
    const report = await diagnose({
      keyPath: home.keyPath,
      json: false,
      ports: [chat.port],
      // Stands for the LAN address: the listener is bound to 127.0.0.1 only.
      lanAddresses: () => ["127.0.0.2"],
    });
    const lan = report.findings.find((f) => f.check === "lan")!;
    assert.equal(lan.status, "fail");
    assert.match(lan.text, /answers on this machine but not on its LAN address 127\.0\.0\.2:\d+/);
    assert.match(lan.fix!, /--host 0\.0\.0\.0/);
  } finally {
    await chat.close();
    await home.remove();
  }
});

Deno.test("checkClock() fails an impossible date, a server started in our future, and bad certificate dates", () => {
  const now = Date.UTC(2026, 0, 1);
  const [impossible] = checkClock({ now: 0, certificateDates: [], servers: [] });
  assert.equal(impossible!.status, "fail");
  assert.match(impossible!.text, /1970-01-01T00:00:00Z, which cannot be right/);
  assert.match(impossible!.fix!, /timedatectl set-ntp true/);

  const server = { name: "Attic", host: "h", port: 5555, users: 1 };
  const ahead = checkClock({
    now,
    certificateDates: [],
    servers: [{ ...server, since: now + 10 * 60_000 }],
  });
  assert.equal(ahead.length, 1);
  assert.match(ahead[0]!.text, /started 10 min from now: its clock is ahead of this one/);

  const dates = checkClock({
    now,
    certificateDates: [{ subject: "server x:1", message: "NotValidYet" }],
    servers: [],
  });
  assert.equal(dates[0]!.status, "fail");
  assert.match(dates[0]!.subject, /clock \(server x:1\)/);

  const apart = checkClock({
    now,
    certificateDates: [],
    servers: [],
    clocks: [{ subject: "server pi:5555", ts: now - 5 * 60_000, at: now }],
  });
  assert.equal(apart[0]!.status, "fail");
  assert.match(apart[0]!.text, /its clock is 300 s behind this one/);
  const close = checkClock({
    now,
    certificateDates: [],
    servers: [],
    clocks: [{ subject: "server pi:5555", ts: now + 1_500, at: now }],
  });
  assert.equal(close[0]!.status, "ok");
  assert.match(close[0]!.text, /within 2 s of server pi:5555/);

  const fine = checkClock({ now, certificateDates: [], servers: [{ ...server, since: now - 1 }] });
  assert.deepEqual(fine.map((f) => f.status), ["ok"]);
  const unknown = checkClock({ now, certificateDates: [], servers: [] });
  assert.deepEqual(unknown.map((f) => f.status), ["skip"]);
});

Deno.test("runDoctor() calls a certificate out of its dates a clock problem", async () => {
  const home = await circleHome();
  const ca = await circleCA(home.key);
  // A leaf issued "tomorrow": by this clock it is not valid yet.
  const leaf = await issueLeaf(ca, { now: Date.now() + 2 * 86_400_000 });
  const listener = await listenTls({
    hostname: "127.0.0.1",
    port: 0,
    cert: leaf.certPem,
    key: leaf.keyPem,
    onConnection: (conn) => void conn.close(0),
  });
  try {
    const report = await diagnose({
      keyPath: home.keyPath,
      server: `127.0.0.1:${listener.port}`,
      json: false,
      ports: [],
    });
    const fails = failed(report.findings);
    assert.ok(
      fails.some((f) => f.check === "tls" && /not valid by this computer's clock/.test(f.text)),
    );
    assert.ok(fails.some((f) => f.check === "clock" && /off by an hour or more/.test(f.text)));
  } finally {
    await listener.close();
    await home.remove();
  }
});

Deno.test("runDoctor() prints a registered server's name without its control characters", async () => {
  const home = await circleHome();
  const live = await liveCircle(home, "Evil\u001b[2J\u001b]0;pwned\u0007");
  try {
    const { text } = await run({
      keyPath: home.keyPath,
      registry: `127.0.0.1:${live.registry.port}`,
      json: false,
      ports: [],
    });
    assert.ok(!text.includes("\u001b") && !text.includes("\u0007"), JSON.stringify(text));
    assert.match(text, /1 chat server: Evil\ufffd\[2J\ufffd\]0;pwned\ufffd/);
  } finally {
    await live.close();
    await home.remove();
  }
});

Deno.test("runDoctor() checks a server with an external certificate against --ca, and hints at --ca without it", async () => {
  const home = await circleHome();
  const dir = await Deno.makeTempDir({ prefix: "stealth-doctor-ca-" });
  const files = await externalFiles(dir);
  const chat = await startChatServer({
    key: home.key,
    hostname: "127.0.0.1",
    port: 0,
    name: "Attic",
    certificate: await loadExternalCerts(files),
  });
  const base = {
    keyPath: home.keyPath,
    server: `127.0.0.1:${chat.port}`,
    json: false,
    ports: [],
    lanAddresses: () => [],
  };
  try {
    const withCa = await run({ ...base, caFile: files.caFile });
    assert.equal(withCa.code, 0, withCa.text);
    assert.match(withCa.text, /✓ CA file .*ca\.pem: a current CA certificate/);
    assert.match(
      withCa.text,
      /✓ server 127\.0\.0\.1:\d+: TLS 1\.3 with a certificate from the CA of --ca/,
    );
    assert.match(
      withCa.text,
      /✓ server 127\.0\.0\.1:\d+: the chat server accepted your key's proof/,
    );

    const without = await run(base);
    assert.equal(without.code, 1);
    assert.match(
      without.text,
      /✗ server 127\.0\.0\.1:\d+: its certificate is not from your circle.* — .*pass its CA with --ca/,
    );

    const missing = await run({ ...base, caFile: `${dir}/nope.pem` });
    assert.equal(missing.code, 1);
    assert.match(
      missing.text,
      /✗ CA file .*nope\.pem: CA file .*nope\.pem does not exist — check the path/,
    );
  } finally {
    await chat.close();
    await Deno.remove(dir, { recursive: true });
    await home.remove();
  }
});
