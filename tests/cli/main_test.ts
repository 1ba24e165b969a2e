import assert from "node:assert/strict";
import denoJson from "../../deno.json" with { type: "json" };
import { runStealth, tempHome } from "../support/stealth_process.ts";

Deno.test("stealth --version prints the version and the commit", async () => {
  const { code, stdout } = await runStealth(["--version"]);
  assert.equal(code, 0);
  const version = denoJson.version.replaceAll(".", "\\.");
  // A bundle or binary has its commit baked in; a checkout says "dev" and its HEAD.
  const commit = Deno.env.get("STEALTH_BUNDLE") ? "(?!dev)[^ ()]+" : "dev( [0-9a-f]{7})?";
  assert.match(stdout.trim(), new RegExp(`^stealth ${version} \\(${commit}\\)$`));
});

Deno.test("stealth --help lists the commands", async () => {
  const { code, stdout } = await runStealth(["--help"]);
  assert.equal(code, 0);
  for (
    const name of [
      "up",
      "server",
      "registry",
      "list",
      "chat",
      "p2p",
      "send",
      "keygen",
      "fingerprint",
      "certs",
    ]
  ) {
    assert.match(stdout, new RegExp(`\\b${name}\\b`));
  }
});

Deno.test("every command's --help shows an example", async () => {
  const commands = [
    ["up"],
    ["server"],
    ["registry"],
    ["list"],
    ["chat"],
    ["p2p"],
    ["send"],
    ["doctor"],
    ["keygen"],
    ["fingerprint"],
    ["certs", "show"],
    ["certs", "export"],
  ];
  for (const command of commands) {
    const { code, stdout } = await runStealth([...command, "--help"]);
    assert.equal(code, 0, command.join(" "));
    assert.match(stdout, /Example: stealth /, command.join(" "));
  }
});

Deno.test("a bad flag names the flag and exits 2 without a usage dump", async () => {
  const { code, stdout, stderr } = await runStealth(["keygen", "--frobnicate"]);
  assert.equal(code, 2);
  assert.match(stderr, /--frobnicate/);
  assert.doesNotMatch(stderr + stdout, /Usage:/);
  assert.equal(stderr.trim().split("\n")[0]!.startsWith("Error:"), true);
});

Deno.test("stealth completion bash|zsh|fish prints a script", async () => {
  for (const shell of ["bash", "zsh", "fish"]) {
    const { code, stdout } = await runStealth(["completion", shell]);
    assert.equal(code, 0, shell);
    assert.match(stdout, /stealth/, shell);
    assert.ok(stdout.length > 200, shell);
  }
});

Deno.test("stealth keygen then fingerprint agree, in the home", async () => {
  const home = await tempHome();
  try {
    const made = await runStealth(["keygen"], { env: home.env });
    assert.equal(made.code, 0, made.stderr);
    const stat = await Deno.stat(`${home.dir}/secret.key`);
    assert.equal(stat.mode! & 0o777, 0o600);
    const shown = await runStealth(["fingerprint"], { env: home.env });
    assert.equal(shown.code, 0, shown.stderr);
    const fingerprint = shown.stdout.match(/\d{4}( \d{4}){5}/)?.[0];
    assert.ok(fingerprint, shown.stdout);
    assert.ok(made.stdout.includes(fingerprint), made.stdout);
  } finally {
    await home.remove();
  }
});

Deno.test("stealth keygen refuses to overwrite without --force", async () => {
  const home = await tempHome();
  try {
    assert.equal((await runStealth(["keygen"], { env: home.env })).code, 0);
    const before = await Deno.readTextFile(`${home.dir}/secret.key`);
    const again = await runStealth(["keygen"], { env: home.env });
    assert.equal(again.code, 1);
    assert.match(again.stderr, /already exists.*--force/);
    assert.equal(again.stderr.trim().split("\n").length, 1);
    assert.equal(await Deno.readTextFile(`${home.dir}/secret.key`), before);
    const forced = await runStealth(["keygen", "--force"], { env: home.env });
    assert.equal(forced.code, 0, forced.stderr);
    assert.notEqual(await Deno.readTextFile(`${home.dir}/secret.key`), before);
  } finally {
    await home.remove();
  }
});

Deno.test("stealth fingerprint without a key says what to do in one line", async () => {
  const home = await tempHome();
  try {
    const { code, stderr } = await runStealth(["fingerprint"], { env: home.env });
    assert.equal(code, 1);
    assert.equal(stderr.trim().split("\n").length, 1, stderr);
    assert.match(stderr, /stealth keygen/);
    assert.doesNotMatch(stderr, /at .*\.ts:\d+/);
  } finally {
    await home.remove();
  }
});

Deno.test("--key and --home choose where the key is", async () => {
  const home = await tempHome();
  try {
    const other = `${home.dir}/usb/secret.key`;
    assert.equal((await runStealth(["keygen", "--out", other], { env: home.env })).code, 0);
    const viaKey = await runStealth(["fingerprint", "--key", other], { env: home.env });
    assert.equal(viaKey.code, 0, viaKey.stderr);
    const viaHome = await runStealth(["fingerprint", "--home", `${home.dir}/usb`]);
    assert.equal(viaHome.code, 0, viaHome.stderr);
    assert.equal(viaKey.stdout, viaHome.stdout);
  } finally {
    await home.remove();
  }
});
