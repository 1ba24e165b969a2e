import assert from "node:assert/strict";
import { join } from "node:path";
import {
  generateKey,
  keyBytes,
  KeyError,
  parseKey,
  readKeyFile,
  writeKeyFile,
} from "../../crypto/mod.ts";

const POSIX = Deno.build.os !== "windows";
const CHILD = new URL("./_key_file_child.ts", import.meta.url).pathname;

/**
 * How to run a process that file modes bind: as is for a normal user; for root
 * (which ignores modes), without the capabilities that let it. `undefined` when
 * neither works, and the tests that need it are ignored.
 */
const unprivileged = await findUnprivileged();

async function findUnprivileged(): Promise<string[] | undefined> {
  if (!POSIX) return undefined;
  if (Deno.uid() !== 0) return [];
  const prefix = [
    "setpriv",
    "--bounding-set=-dac_override,-dac_read_search,-fowner",
    "--inh-caps=-all",
  ];
  try {
    const { success } = await new Deno.Command(prefix[0]!, {
      args: [...prefix.slice(1), "true"],
      stdout: "null",
      stderr: "null",
    }).output();
    return success ? prefix : undefined;
  } catch {
    return undefined;
  }
}

type ChildResult = { ok: true; bytes?: number[] } | { ok: false; name: string; message: string };

/** Runs one key-file operation in a process without the power to ignore file modes. */
async function runUnprivileged(...args: string[]): Promise<ChildResult> {
  const command = [...unprivileged!, Deno.execPath(), "run", "--allow-all", CHILD, ...args];
  const { stdout, stderr, success } = await new Deno.Command(command[0]!, {
    args: command.slice(1),
  }).output();
  assert.ok(success, new TextDecoder().decode(stderr));
  return JSON.parse(new TextDecoder().decode(stdout));
}

async function withTempDir(fn: (dir: string) => Promise<void>): Promise<void> {
  const dir = await Deno.makeTempDir({ prefix: "stealth_key_file_" });
  try {
    await fn(dir);
  } finally {
    await Deno.chmod(dir, 0o700).catch(() => {});
    await Deno.remove(dir, { recursive: true });
  }
}

async function listDir(dir: string): Promise<string[]> {
  const names: string[] = [];
  for await (const entry of Deno.readDir(dir)) names.push(entry.name);
  return names.sort();
}

/** Asserts `promise` rejects with a one-line KeyError with exactly this message. */
async function assertKeyError(promise: Promise<unknown>, message: string): Promise<KeyError> {
  try {
    await promise;
  } catch (error) {
    assert.ok(error instanceof KeyError, `expected KeyError, got ${error}`);
    assert.equal(error.name, "KeyError");
    assert.equal(error.message, message);
    assert.ok(!error.message.includes("\n"));
    return error;
  }
  assert.fail("expected a KeyError");
}

function silent(): { warn: (line: string) => void; lines: string[] } {
  const lines: string[] = [];
  return { warn: (line) => lines.push(line), lines };
}

Deno.test("writeKeyFile() writes a key with mode 0600 that readKeyFile() reads back", async () => {
  await withTempDir(async (dir) => {
    const path = join(dir, "secret.key");
    const text = generateKey();
    await writeKeyFile(path, text);
    if (POSIX) assert.equal((await Deno.stat(path)).mode! & 0o777, 0o600);
    assert.equal((await Deno.readTextFile(path)).trim(), text);
    const { warn, lines } = silent();
    assert.deepEqual(keyBytes(await readKeyFile(path, { warn })), keyBytes(parseKey(text)));
    assert.deepEqual(lines, []);
    assert.deepEqual(await listDir(dir), ["secret.key"]);
  });
});

Deno.test("writeKeyFile() gives mode 0600 whatever the umask", { ignore: !POSIX }, async () => {
  await withTempDir(async (dir) => {
    const path = join(dir, "secret.key");
    const old = Deno.umask(0o277);
    try {
      await writeKeyFile(path, generateKey());
    } finally {
      Deno.umask(old);
    }
    assert.equal((await Deno.stat(path)).mode! & 0o777, 0o600);
  });
});

Deno.test("writeKeyFile() creates missing parent folders with mode 0700", async () => {
  await withTempDir(async (dir) => {
    const path = join(dir, "config", "stealth", "secret.key");
    await writeKeyFile(path, generateKey());
    await readKeyFile(path);
    if (POSIX) {
      assert.equal((await Deno.stat(join(dir, "config"))).mode! & 0o777, 0o700);
      assert.equal((await Deno.stat(join(dir, "config", "stealth"))).mode! & 0o777, 0o700);
    }
    assert.deepEqual(await listDir(join(dir, "config", "stealth")), ["secret.key"]);
  });
});

Deno.test("writeKeyFile() refuses to replace an existing file without force", async () => {
  await withTempDir(async (dir) => {
    const path = join(dir, "secret.key");
    const first = generateKey();
    await writeKeyFile(path, first);
    await assertKeyError(
      writeKeyFile(path, generateKey()),
      `${path} already exists — keep it, or pass --force to replace it (members holding the old key will be locked out)`,
    );
    await assertKeyError(
      writeKeyFile(path, generateKey(), { force: false }),
      `${path} already exists — keep it, or pass --force to replace it (members holding the old key will be locked out)`,
    );
    assert.equal((await Deno.readTextFile(path)).trim(), first);
    assert.deepEqual(await listDir(dir), ["secret.key"]);
  });
});

Deno.test("writeKeyFile() replaces an existing file with force, mode 0600 again", async () => {
  await withTempDir(async (dir) => {
    const path = join(dir, "secret.key");
    await Deno.writeTextFile(path, "old content", { mode: 0o644 });
    if (POSIX) await Deno.chmod(path, 0o644);
    const second = generateKey();
    await writeKeyFile(path, second, { force: true });
    assert.equal((await Deno.readTextFile(path)).trim(), second);
    if (POSIX) assert.equal((await Deno.stat(path)).mode! & 0o777, 0o600);
    assert.deepEqual(await listDir(dir), ["secret.key"]);
  });
});

Deno.test("writeKeyFile() refuses a folder as the target, even with force", async () => {
  await withTempDir(async (dir) => {
    const path = join(dir, "secret.key");
    await Deno.mkdir(path);
    await assertKeyError(
      writeKeyFile(path, generateKey(), { force: true }),
      `${path} is a folder — choose a file name for the key`,
    );
    assert.deepEqual(await listDir(dir), ["secret.key"]);
    assert.deepEqual(await listDir(path), []);
  });
});

Deno.test("writeKeyFile() refuses text that is not a key and writes nothing", async () => {
  await withTempDir(async (dir) => {
    const path = join(dir, "secret.key");
    await assert.rejects(writeKeyFile(path, "not a key"), KeyError);
    await assert.rejects(writeKeyFile(path, ""), KeyError);
    assert.deepEqual(await listDir(dir), []);
  });
});

Deno.test("writeKeyFile() says why when the parent is a file", async () => {
  await withTempDir(async (dir) => {
    await Deno.writeTextFile(join(dir, "file"), "");
    const path = join(dir, "file", "secret.key");
    await assertKeyError(
      writeKeyFile(path, generateKey()),
      `cannot write ${path}: not a directory`,
    );
    assert.deepEqual(await listDir(dir), ["file"]);
  });
});

Deno.test(
  "writeKeyFile() refuses a read-only folder in one line, leaving nothing behind",
  { ignore: unprivileged === undefined },
  async () => {
    await withTempDir(async (dir) => {
      const readOnly = join(dir, "ro");
      await Deno.mkdir(readOnly);
      await Deno.chmod(readOnly, 0o500);
      const path = join(readOnly, "secret.key");
      assert.deepEqual(await runUnprivileged("write", path, generateKey()), {
        ok: false,
        name: "KeyError",
        message: `cannot write ${path}: permission denied — choose a folder you can write to`,
      });
      assert.deepEqual(await listDir(readOnly), []);
    });
  },
);

Deno.test(
  "writeKeyFile() removes its temporary file when the final rename fails",
  // Needs a file and folder owned by someone else, so only root can set it up.
  { ignore: unprivileged === undefined || Deno.uid() !== 0 },
  async () => {
    await withTempDir(async (dir) => {
      // A sticky folder of another user: we may create files in it, not replace theirs.
      const shared = join(dir, "shared");
      await Deno.mkdir(shared);
      const path = join(shared, "secret.key");
      const theirs = generateKey();
      await Deno.writeTextFile(path, theirs);
      await Deno.chown(path, 65534, 65534);
      await Deno.chown(shared, 65534, 65534);
      await Deno.chmod(shared, 0o1777);
      assert.deepEqual(await runUnprivileged("write", path, generateKey(), "force"), {
        ok: false,
        name: "KeyError",
        message: `cannot write ${path}: permission denied — choose a folder you can write to`,
      });
      assert.deepEqual(await listDir(shared), ["secret.key"]);
      assert.equal(await Deno.readTextFile(path), theirs);
    });
  },
);

Deno.test("readKeyFile() names a missing file and how to get one", async () => {
  await withTempDir(async (dir) => {
    const path = join(dir, "secret.key");
    await assertKeyError(
      readKeyFile(path),
      `no key at ${path} — ask your host for secret.key, or make one with \`stealth keygen\``,
    );
  });
});

Deno.test("readKeyFile() refuses a folder", async () => {
  await withTempDir(async (dir) => {
    await assertKeyError(
      readKeyFile(dir),
      `${dir} is a folder, not a key — give the path of the key file itself`,
    );
  });
});

Deno.test(
  "readKeyFile() says what to do when the file cannot be read",
  { ignore: unprivileged === undefined },
  async () => {
    await withTempDir(async (dir) => {
      const path = join(dir, "secret.key");
      await Deno.writeTextFile(path, generateKey());
      await Deno.chmod(path, 0o000);
      assert.deepEqual(await runUnprivileged("read", path), {
        ok: false,
        name: "KeyError",
        message:
          `cannot read ${path}: permission denied — make it yours: sudo chown $USER ${path} && chmod 600 ${path}`,
      });
    });
  },
);

Deno.test("readKeyFile() explains an empty file, a wrong length and bad base64", async () => {
  await withTempDir(async (dir) => {
    const path = join(dir, "secret.key");
    const key = generateKey();
    const cases: [string, string][] = [
      [
        "",
        "the key is empty — copy secret.key again from the host, or make one with `stealth keygen`",
      ],
      [
        " \n\n",
        "the key is empty — copy secret.key again from the host, or make one with `stealth keygen`",
      ],
      [
        key.slice(0, 30),
        "the key has 30 characters, a stealth key has 44 — copy secret.key again from the host",
      ],
      [
        key + key,
        "the key has 88 characters, a stealth key has 44 — copy secret.key again from the host",
      ],
      [
        "!".repeat(43) + "=",
        "the key is not URL-safe base64 — the file is damaged or not a key; copy secret.key again from the host",
      ],
      [
        key.slice(0, 42) + "B=",
        "the key is not URL-safe base64 — the file is damaged or not a key; copy secret.key again from the host",
      ],
    ];
    for (const [content, message] of cases) {
      await Deno.writeTextFile(path, content, { mode: 0o600 });
      const error = await assertKeyError(readKeyFile(path), `${path}: ${message}`);
      if (content.trim().length > 0) {
        assert.ok(!error.message.includes(content.trim().slice(0, 20)));
      }
    }
  });
});

Deno.test("readKeyFile() refuses a large file without loading it", async () => {
  await withTempDir(async (dir) => {
    const path = join(dir, "movie.mkv");
    await Deno.writeFile(path, new Uint8Array(5_000_000).fill(65));
    await assertKeyError(
      readKeyFile(path),
      `${path}: the file has more than 1,024 bytes, a stealth key has 44 characters — is this the right file?`,
    );
  });
});

Deno.test("readKeyFile() accepts the key with white space, CRLF or a BOM around it", async () => {
  await withTempDir(async (dir) => {
    const path = join(dir, "secret.key");
    const key = generateKey();
    for (const content of [key, `${key}\n`, `${key}\r\n`, `  ${key}\t\n`, `\uFEFF${key}\r\n`]) {
      await Deno.writeTextFile(path, content, { mode: 0o600 });
      assert.deepEqual(keyBytes(await readKeyFile(path)), keyBytes(parseKey(key)));
    }
  });
});

Deno.test(
  "readKeyFile() loads a file others can read, and warns once with the fix",
  { ignore: !POSIX },
  async () => {
    await withTempDir(async (dir) => {
      const path = join(dir, "secret.key");
      const key = generateKey();
      await Deno.writeTextFile(path, key);
      for (const mode of [0o644, 0o640, 0o604, 0o620, 0o602, 0o601]) {
        await Deno.chmod(path, mode);
        const { warn, lines } = silent();
        assert.deepEqual(keyBytes(await readKeyFile(path, { warn })), keyBytes(parseKey(key)));
        assert.deepEqual(lines, [
          `${path} can be read by other users of this computer — run: chmod 600 ${path}`,
        ]);
        assert.ok(!lines[0]!.includes(key));
      }
      for (const mode of [0o600, 0o400]) {
        await Deno.chmod(path, mode);
        const { warn, lines } = silent();
        await readKeyFile(path, { warn });
        assert.deepEqual(lines, []);
      }
    });
  },
);

Deno.test("readKeyFile() writes the warning to stderr by default", { ignore: !POSIX }, async () => {
  await withTempDir(async (dir) => {
    const path = join(dir, "secret.key");
    await Deno.writeTextFile(path, generateKey());
    await Deno.chmod(path, 0o644);
    const original = console.error;
    const lines: string[] = [];
    console.error = (...args: unknown[]) => lines.push(args.join(" "));
    try {
      await readKeyFile(path);
    } finally {
      console.error = original;
    }
    assert.deepEqual(lines, [
      `${path} can be read by other users of this computer — run: chmod 600 ${path}`,
    ]);
  });
});
