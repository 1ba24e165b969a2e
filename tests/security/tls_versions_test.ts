/**
 * Every listener speaks TLS 1.3 and nothing older: `stealth up` (the
 * registry and the chat server) is probed with `openssl s_client` for TLS
 * 1.0, 1.1, 1.2 and 1.3, and, where Debian's `testssl.sh` is installed,
 * scanned with it: only TLS 1.3 may be offered.
 */

import assert from "node:assert/strict";
import { figure } from "../support/figure.ts";
import { StealthProcess, tempHome } from "../support/stealth_process.ts";

/** Starts `stealth up` on free ports; returns the chat server's and the registry's. */
async function up() {
  const home = await tempHome();
  const process = new StealthProcess(
    ["up", "--host", "127.0.0.1", "--port", "0", "--registry-port", "0"],
    { env: home.env },
  );
  const line = await process.waitFor(/stealth is up/, { timeoutMs: 20_000 });
  const match = /on port (\d+), registry on port (\d+)/.exec(line);
  assert.ok(match, line);
  return {
    listeners: { server: Number(match[1]), registry: Number(match[2]) },
    async stop() {
      await process.stop();
      await home.remove();
    },
  };
}

async function which(...names: string[]): Promise<string | undefined> {
  for (const name of names) {
    const out = await new Deno.Command("sh", {
      args: ["-c", `command -v ${name}`],
      stdout: "piped",
      stderr: "null",
    }).output();
    if (out.code === 0) return new TextDecoder().decode(out.stdout).trim();
  }
  return undefined;
}

/** What `openssl s_client` got with one protocol version forced. */
async function handshake(port: number, version: string): Promise<string> {
  const out = await new Deno.Command("openssl", {
    args: [
      "s_client",
      "-connect",
      `127.0.0.1:${port}`,
      version,
      "-cipher",
      "DEFAULT@SECLEVEL=0", // so the client does offer TLS 1.0 and 1.1: the server must refuse
    ],
    stdin: "null",
    stdout: "piped",
    stderr: "piped",
    signal: AbortSignal.timeout(10_000),
  }).output();
  const text = new TextDecoder().decode(out.stdout) + new TextDecoder().decode(out.stderr);
  if (/New, TLSv1\.3, Cipher is/.test(text)) return "TLSv1.3";
  // An alert from the server, not a client that would not even try.
  if (/SSL alert number (40|70)/.test(text) && /Cipher is \(NONE\)/.test(text)) return "refused";
  return `unclear: ${text.slice(0, 500)}`;
}

Deno.test("every listener refuses TLS 1.0, 1.1 and 1.2 and speaks TLS 1.3 (openssl s_client)", async () => {
  if (await which("openssl") === undefined) {
    console.log("skipped: openssl is not installed (apt-get install openssl)");
    return;
  }
  const host = await up();
  try {
    const results: Record<string, string> = {};
    for (const [name, port] of Object.entries(host.listeners)) {
      for (const version of ["-tls1", "-tls1_1", "-tls1_2", "-tls1_3"]) {
        results[`${name}${version.replace("-", "_")}`] = await handshake(port, version);
      }
    }
    figure("security.tls_versions", results);
    for (const [name, result] of Object.entries(results)) {
      assert.equal(result, name.endsWith("tls1_3") ? "TLSv1.3" : "refused", name);
    }
  } finally {
    await host.stop();
  }
});

Deno.test("testssl.sh finds only TLS 1.3 offered on every listener", async () => {
  const testssl = await which("testssl", "testssl.sh");
  if (testssl === undefined) {
    console.log("skipped: testssl.sh is not installed here (Debian: apt-get install testssl.sh)");
    return;
  }
  const host = await up();
  const dir = await Deno.makeTempDir({ prefix: "stealth-testssl-" });
  try {
    const scans = Object.entries(host.listeners).map(async ([name, port]) => {
      const json = `${dir}/${name}.json`;
      const out = await new Deno.Command(testssl, {
        args: [
          "--quiet",
          "--color",
          "0",
          "--protocols",
          "--warnings",
          "off",
          "--nodns",
          "none",
          "--connect-timeout",
          "5",
          "--openssl-timeout",
          "5",
          "--jsonfile",
          json,
          `127.0.0.1:${port}`,
        ],
        stdin: "null",
        stdout: "piped",
        stderr: "piped",
        signal: AbortSignal.timeout(60_000),
      }).output();
      const findings = JSON.parse(await Deno.readTextFile(json)) as {
        id: string;
        finding: string;
      }[];
      const protocols = Object.fromEntries(
        findings.filter((f) => /^(SSLv[23]|TLS1(_[123])?)$/.test(f.id))
          .map((f) => [f.id, f.finding]),
      );
      return { name, code: out.code, protocols };
    });
    for (const { name, protocols } of await Promise.all(scans)) {
      figure(`security.testssl.${name}`, protocols);
      assert.deepEqual(Object.keys(protocols).sort(), [
        "SSLv2",
        "SSLv3",
        "TLS1",
        "TLS1_1",
        "TLS1_2",
        "TLS1_3",
      ]);
      for (const [id, finding] of Object.entries(protocols)) {
        if (id === "TLS1_3") assert.match(finding, /^offered/, `${name}: ${id} ${finding}`);
        else assert.match(finding, /^not offered/, `${name}: ${id} ${finding}`);
      }
    }
  } finally {
    await host.stop();
    await Deno.remove(dir, { recursive: true }).catch(() => {});
  }
});
