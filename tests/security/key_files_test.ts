/**
 * Key files, as a person meets them through the real `stealth` command:
 * created with mode 0600 (in a folder of mode 0700) even under `umask 000`,
 * and a clear warning, with the command that fixes it, from every command
 * that reads a key others can read. The warning never shows the key.
 */

import assert from "node:assert/strict";
import { figure } from "../support/figure.ts";
import { programArgs, tempHome, TEST_ENV } from "../support/stealth_process.ts";

const POSIX = Deno.build.os !== "windows";

/** Runs `stealth ARGS` under `umask 000`, so only the program decides modes. */
async function stealthUmask0(args: string[], env: Record<string, string>) {
  const quoted = [Deno.execPath(), ...programArgs(), ...args].map((a) => `'${a}'`).join(" ");
  const out = await new Deno.Command("sh", {
    args: ["-c", `umask 000; exec ${quoted}`],
    env: { ...TEST_ENV, ...env },
    stdin: "null",
    stdout: "piped",
    stderr: "piped",
  }).output();
  const decoder = new TextDecoder();
  return { code: out.code, stdout: decoder.decode(out.stdout), stderr: decoder.decode(out.stderr) };
}

const modeOf = async (path: string) => (await Deno.stat(path)).mode! & 0o777;

Deno.test({
  name:
    "stealth keygen and stealth up create keys with mode 0600, folders 0700, whatever the umask",
  ignore: !POSIX,
  async fn() {
    const home = await tempHome();
    try {
      const nested = `${home.dir}/new/folder`;
      const env = { STEALTH_HOME: nested };
      const keygen = await stealthUmask0(["keygen"], env);
      assert.equal(keygen.code, 0, keygen.stderr);
      const hostKey = await stealthUmask0(["keygen", "--host-key"], env);
      assert.equal(hostKey.code, 0, hostKey.stderr);
      const upHome = `${home.dir}/up`;
      const up = new Deno.Command("sh", {
        args: [
          "-c",
          `umask 000; exec ${
            [Deno.execPath(), ...programArgs(), "up", "--host", "127.0.0.1", "--port", "0"]
              .concat(["--registry-port", "0"]).map((a) => `'${a}'`).join(" ")
          }`,
        ],
        env: { ...TEST_ENV, STEALTH_HOME: upHome },
        stdin: "null",
        stdout: "piped",
        stderr: "piped",
      }).spawn();
      const text = up.stdout.pipeThrough(new TextDecoderStream()).getReader();
      let seen = "";
      while (!/made a new circle key/.test(seen)) {
        const { value, done } = await text.read();
        if (done) break;
        seen += value;
      }
      up.kill("SIGTERM");
      await up.status;
      await text.cancel();
      await up.stderr.cancel();

      const modes = {
        secret_key: await modeOf(`${nested}/secret.key`),
        host_key: await modeOf(`${nested}/host.key`),
        key_folder: await modeOf(nested),
        up_key: await modeOf(`${upHome}/secret.key`),
      };
      figure("security.key_files", {
        secret_key_mode: modes.secret_key.toString(8),
        host_key_mode: modes.host_key.toString(8),
        folder_mode: modes.key_folder.toString(8),
        up_key_mode: modes.up_key.toString(8),
        umask: "000",
      });
      assert.equal(modes.secret_key, 0o600);
      assert.equal(modes.host_key, 0o600);
      assert.equal(modes.key_folder, 0o700);
      assert.equal(modes.up_key, 0o600);
    } finally {
      await home.remove();
    }
  },
});

Deno.test({
  name:
    "every command that reads a key others can read warns with the fix, and never shows the key",
  ignore: !POSIX,
  async fn() {
    const home = await tempHome();
    try {
      assert.equal((await stealthUmask0(["keygen"], home.env)).code, 0);
      const keyPath = `${home.dir}/secret.key`;
      const keyText = (await Deno.readTextFile(keyPath)).trim();
      let warned = 0;
      for (const mode of [0o644, 0o640]) {
        await Deno.chmod(keyPath, mode);
        for (
          const args of [
            ["fingerprint"],
            ["certs", "show"],
            ["list", "--registry", "127.0.0.1:9"],
            ["chat", "127.0.0.1:9", "--plain", "--nick", "a"],
          ]
        ) {
          const run = await stealthUmask0(args, home.env);
          const line =
            `${keyPath} can be read by other users of this computer — run: chmod 600 ${keyPath}`;
          assert.ok(
            run.stderr.includes(line),
            `${args[0]} with mode ${mode.toString(8)}: ${run.stderr}`,
          );
          assert.ok(!(run.stdout + run.stderr).includes(keyText.slice(0, 20)), "the key shown");
          warned++;
        }
      }
      await Deno.chmod(keyPath, 0o600);
      const quiet = await stealthUmask0(["fingerprint"], home.env);
      assert.equal(quiet.code, 0);
      assert.doesNotMatch(quiet.stderr, /can be read/);
      figure("security.key_warnings", { commands_checked: warned, warned });
    } finally {
      await home.remove();
    }
  },
});
