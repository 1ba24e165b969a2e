import assert from "node:assert/strict";
import { join } from "node:path";
import { readSettings, updateSettings, writeSettings } from "../../client/mod.ts";

async function withDir(test: (dir: string) => Promise<void>): Promise<void> {
  const dir = await Deno.makeTempDir({ prefix: "stealth-settings-" });
  try {
    await test(dir);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
}

Deno.test("readSettings() reads a missing or malformed file as no settings", async () => {
  await withDir(async (dir) => {
    const path = join(dir, "settings.json");
    assert.deepEqual(await readSettings(path), {});
    await Deno.writeTextFile(path, "{not json");
    assert.deepEqual(await readSettings(path), {});
    await Deno.writeTextFile(path, "[1,2]");
    assert.deepEqual(await readSettings(path), {});
  });
});

Deno.test("readSettings() keeps only fields that are what they should be", async () => {
  await withDir(async (dir) => {
    const path = join(dir, "settings.json");
    await Deno.writeTextFile(
      path,
      JSON.stringify({
        nick: "not a nick!",
        registry: "pi.local\u001b[31m",
        bell: "yes",
        messages: ["never"],
      }),
    );
    assert.deepEqual(await readSettings(path), {});
    await Deno.writeTextFile(
      path,
      JSON.stringify({ nick: "alice", registry: "pi.local:5556", bell: false }),
    );
    assert.deepEqual(await readSettings(path), {
      nick: "alice",
      registry: "pi.local:5556",
      bell: false,
    });
  });
});

Deno.test("writeSettings() writes 0600 atomically, making the folder, leaving no temporary file", async () => {
  await withDir(async (dir) => {
    const home = join(dir, "home");
    const path = join(home, "settings.json");
    await writeSettings(path, { nick: "alice" });
    assert.deepEqual(JSON.parse(await Deno.readTextFile(path)), { nick: "alice" });
    if (Deno.build.os !== "windows") {
      assert.equal((await Deno.stat(path)).mode! & 0o777, 0o600);
      await Deno.chmod(path, 0o644);
    }
    const written = await updateSettings(path, { registry: "pi.local", bell: false });
    assert.deepEqual(written, { nick: "alice", registry: "pi.local", bell: false });
    assert.deepEqual(await readSettings(path), written);
    if (Deno.build.os !== "windows") {
      assert.equal((await Deno.stat(path)).mode! & 0o777, 0o600, "narrowed again");
    }
    const names = [];
    for await (const entry of Deno.readDir(home)) names.push(entry.name);
    assert.deepEqual(names, ["settings.json"]);
  });
});
