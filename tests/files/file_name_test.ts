import assert from "node:assert/strict";
import { join } from "node:path";
import { keepFile, numberedName, safeFileName } from "../../client/mod.ts";

Deno.test("safeFileName() keeps a name in its folder, visible, and never empty", () => {
  const cases: [string, string][] = [
    ["photo.jpg", "photo.jpg"],
    ["../../etc/passwd", "passwd"],
    ["C:\\Users\\x\\evil.bat", "evil.bat"],
    ["..", "file"],
    ["", "file"],
    ["   ", "file"],
    [".bashrc", "bashrc"],
    ["report..final.pdf", "report.final.pdf"],
    ["trailing. ", "trailing"],
    ["CON", "_CON"],
    ["con.txt", "_con.txt"],
    ["LPT1.log", "_LPT1.log"],
    ["a\u0000b\u001b[31m.txt", "a_b_[31m.txt"],
    ["evil\u202Etxt.exe", "evil_txt.exe"],
    ['what?<>:"|*.txt', "what_______.txt"],
  ];
  for (const [name, safe] of cases) assert.equal(safeFileName(name), safe, JSON.stringify(name));
  const long = "x".repeat(400) + ".tar.gz";
  const kept = safeFileName(long);
  assert.ok(kept.length <= 247, String(kept.length));
  assert.ok(kept.endsWith(".gz"));
});

Deno.test("numberedName() numbers before the extension", () => {
  assert.equal(numberedName("photo.jpg", 0), "photo.jpg");
  assert.equal(numberedName("photo.jpg", 1), "photo (1).jpg");
  assert.equal(numberedName("archive.tar.gz", 2), "archive (2).tar.gz");
  assert.equal(numberedName("README", 3), "README (3)");
});

Deno.test("keepFile() never overwrites, and two at once take two names", async () => {
  const dir = await Deno.makeTempDir({ prefix: "stealth-keep-" });
  try {
    await Deno.writeTextFile(join(dir, "photo.jpg"), "the first");
    const parts = await Promise.all([1, 2, 3].map(async (n) => {
      const part = join(dir, `.part-${n}`);
      await Deno.writeTextFile(part, `part ${n}`, { mode: 0o600 });
      return part;
    }));
    const kept = await Promise.all(parts.map((part) => keepFile(part, dir, "photo.jpg")));
    assert.deepEqual(
      kept.map((path) => path.slice(dir.length + 1)).sort(),
      ["photo (1).jpg", "photo (2).jpg", "photo (3).jpg"],
    );
    assert.equal(await Deno.readTextFile(join(dir, "photo.jpg")), "the first");
    const names = [];
    for await (const entry of Deno.readDir(dir)) names.push(entry.name);
    assert.equal(names.length, 4, names.join(", "));
    // The part file's mode (0600) is the kept file's: nothing more open than it was.
    const mode = (await Deno.stat(kept[0]!)).mode! & 0o777;
    if (Deno.build.os !== "windows") assert.equal(mode & 0o077, 0, mode.toString(8));
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("splitQuoted() splits /send's words, quotes keeping spaces", async () => {
  const { splitQuoted } = await import("../../client/mod.ts");
  assert.deepEqual(splitQuoted("photo.jpg"), ["photo.jpg"]);
  assert.deepEqual(splitQuoted("photo.jpg bob"), ["photo.jpg", "bob"]);
  assert.deepEqual(splitQuoted(`"my photo.jpg" bob`), ["my photo.jpg", "bob"]);
  assert.deepEqual(splitQuoted(`'it''s.txt'`), ["it", "s.txt"]);
  assert.deepEqual(splitQuoted("  ~/a.txt   carol  "), ["~/a.txt", "carol"]);
  assert.equal(splitQuoted(`"unclosed bob`), undefined);
  assert.deepEqual(splitQuoted(""), []);
});
