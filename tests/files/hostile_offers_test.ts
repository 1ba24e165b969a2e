/**
 * A sender that lies: offers with a path for a name, a size over the
 * limit, a chunk count that does not fit, a hash that is not one; and,
 * once accepted, chunks that are too long, past the end, sealed with
 * another key, or that do not hash to what was offered. Each is refused
 * with a line that says why, and nothing is left in the download folder.
 */

import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { fernetEncrypt, SecretKey } from "../../crypto/mod.ts";
import { encodeBody, type FileOffer } from "../../protocol/mod.ts";
import { RawMember } from "../support/raw_member.ts";
import { testCircle } from "../support/test_circle.ts";
import { FileCircle, listFolder } from "./_harness.ts";

let serial = 0;
/** A fresh file id (22 base64url characters). */
function fileId(): string {
  return `hostile${String(serial++).padStart(15, "0")}`;
}

function offer(fields: Partial<FileOffer>): FileOffer {
  const content = new Uint8Array(10).fill(7);
  return {
    kind: "file",
    file: fileId(),
    name: "fine.txt",
    size: content.length,
    sha256: createHash("sha256").update(content).digest("hex"),
    chunkSize: 65_536,
    chunks: 1,
    ...fields,
  };
}

async function setUp() {
  const circle = await FileCircle.start();
  const keys = await testCircle(1);
  const bob = await circle.join("bob", { autoAccept: true, maxFileBytes: 1024 * 1024 });
  const mallory = await RawMember.join(keys, circle.server.port, "mallory");
  const say = (body: FileOffer) =>
    mallory.send({
      t: "say",
      id: `m${serial++}`,
      to: "bob",
      body: fernetEncrypt(keys.key, encodeBody(body)),
    });
  return { circle, keys, bob, mallory, say };
}

const refusals: [string, Partial<FileOffer>, RegExp][] = [
  ["a path up the tree", { name: "../../.bashrc" }, /its name is a path/],
  ["an absolute path", { name: "/etc/cron.d/evil" }, /its name is a path/],
  ["a Windows path", { name: "..\\..\\evil.bat" }, /its name is a path/],
  ["terminal escapes in the name", { name: "a\u001b]0;pwned\u0007.txt" }, /control characters/],
  ["a right-to-left override", { name: "invoice\u202Efdp.exe" }, /control characters/],
  [
    "a size over the limit",
    { size: 2 * 1024 * 1024, chunks: 32 },
    /2 MB is more than the 1 MB you accept/,
  ],
  [
    "too many chunks for its size",
    { size: 10, chunkSize: 1024, chunks: 100_000 },
    /chunk count does not match/,
  ],
  ["too few chunks for its size", { size: 200_000, chunks: 1 }, /chunk count does not match/],
  [
    "a chunk size no frame carries",
    { size: 10, chunkSize: 4 * 1024 * 1024, chunks: 1 },
    /chunk size/,
  ],
  ["a hash that is not one", { sha256: "0123" }, /SHA-256 is not a SHA-256/],
];

for (const [what, fields, why] of refusals) {
  Deno.test(`an offer with ${what} is refused on sight, nothing written`, async () => {
    const { circle, bob, mallory, say } = await setUp();
    try {
      const sent = offer(fields);
      say(sent);
      const refused = await bob.waitFile("refused");
      assert.match(refused.text, /^refused .* from mallory: /);
      assert.match(refused.text, why);
      assert.match(refused.text, /nothing was written$/);
      // The sender hears a reject with the reason's code.
      await mallory.waitFor("a msg back", (m) => m.t === "msg" && m.from === "bob");
      assert.deepEqual(await listFolder(bob.downloads), []);
      assert.equal(bob.files().some((e) => e.code === "accepted"), false);
    } finally {
      await mallory.leave();
      await circle.close();
    }
  });
}

const lies: [string, (o: FileOffer) => { i: number; body: string }, RegExp][] = [
  [
    "a chunk longer than the size offered",
    (_o) => ({ i: 0, body: sealWith(1, new Uint8Array(20).fill(7)) }),
    /a chunk of the wrong length/,
  ],
  [
    "a chunk past the end",
    (_o) => ({ i: 5, body: sealWith(1, new Uint8Array(10).fill(7)) }),
    /a chunk past the end of the file/,
  ],
  [
    "a chunk sealed with another key",
    (_o) => ({ i: 0, body: sealWith(9, new Uint8Array(10).fill(7)) }),
    /not sealed with your circle's key/,
  ],
  [
    "bytes that do not hash to what was offered",
    (_o) => ({ i: 0, body: sealWith(1, new Uint8Array(10).fill(8)) }),
    /SHA-256 does not match/,
  ],
];

function sealWith(fill: number, bytes: Uint8Array): string {
  return fernetEncrypt(new SecretKey(new Uint8Array(32).fill(fill)), bytes);
}

for (const [what, chunk, why] of lies) {
  Deno.test(`an accepted transfer that sends ${what} fails, nothing kept`, async () => {
    const { circle, bob, mallory, say } = await setUp();
    try {
      const sent = offer({});
      say(sent);
      await bob.waitFile("accepted");
      // Bob's acceptance comes back as a private message; then the lie.
      await mallory.waitFor("bob's acceptance", (m) => m.t === "msg" && m.from === "bob");
      const { i, body } = chunk(sent);
      mallory.send({ t: "chunk", file: sent.file, i, to: "bob", body });
      const failed = await bob.waitFile("failed");
      assert.match(failed.text, /^fine\.txt from mallory failed: /);
      assert.match(failed.text, why);
      assert.match(failed.text, /nothing was kept$/);
      await new Promise((resolve) => setTimeout(resolve, 100));
      assert.deepEqual(await listFolder(bob.downloads), [], "the part file is gone");
    } finally {
      await mallory.leave();
      await circle.close();
    }
  });
}

Deno.test("chunks from anyone but the sender are ignored", async () => {
  const { circle, bob, mallory, say } = await setUp();
  const keys = await testCircle(1);
  const eve = await RawMember.join(keys, circle.server.port, "eve");
  try {
    const sent = offer({});
    say(sent);
    await bob.waitFile("accepted");
    eve.send({
      t: "chunk",
      file: sent.file,
      i: 0,
      to: "bob",
      body: sealWith(1, new Uint8Array(10).fill(8)),
    });
    await new Promise((resolve) => setTimeout(resolve, 200));
    assert.equal(bob.files().some((e) => e.code === "failed" || e.code === "received"), false);
    mallory.send({
      t: "chunk",
      file: sent.file,
      i: 0,
      to: "bob",
      body: sealWith(1, new Uint8Array(10).fill(7)),
    });
    const received = await bob.waitFile("received");
    assert.equal(await Deno.readTextFile(received.path!), "\u0007".repeat(10));
  } finally {
    await eve.leave();
    await mallory.leave();
    await circle.close();
  }
});
