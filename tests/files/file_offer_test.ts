import assert from "node:assert/strict";
import {
  checkFileOffer,
  chunkLength,
  decodeMessageBody,
  encodeBody,
  type FileOffer,
  isHostileFileName,
  MAX_CHUNK_BYTES,
  ProtocolError,
} from "../../protocol/mod.ts";

const offer = (fields: Partial<FileOffer> = {}): FileOffer => ({
  kind: "file",
  file: "A".repeat(22),
  name: "photo.jpg",
  size: 200_000,
  sha256: "a".repeat(64),
  chunkSize: 65_536,
  chunks: 4,
  ...fields,
});
const limits = { maxFileBytes: 1024 * 1024 };

Deno.test("checkFileOffer() takes an honest offer, 0 bytes and exact multiples included", () => {
  assert.equal(checkFileOffer(offer(), limits), undefined);
  assert.equal(checkFileOffer(offer({ size: 0, chunks: 0 }), limits), undefined);
  assert.equal(checkFileOffer(offer({ size: 1, chunks: 1 }), limits), undefined);
  assert.equal(checkFileOffer(offer({ size: 131_072, chunks: 2 }), limits), undefined);
  assert.equal(checkFileOffer(offer({ size: limits.maxFileBytes, chunks: 16 }), limits), undefined);
});

Deno.test("checkFileOffer() refuses paths, lies and nonsense with a code", () => {
  for (
    const name of ["../../etc/passwd", "..\\evil.bat", "/etc/passwd", "..", ".", "", "  ", "a/b"]
  ) {
    assert.equal(checkFileOffer(offer({ name }), limits), "name", name);
  }
  for (
    const name of [
      "a\u0000b",
      "bell\u0007",
      "esc\u001b[31m.txt",
      "evil\u202Etxt.exe",
      "x".repeat(256),
    ]
  ) {
    assert.equal(checkFileOffer(offer({ name }), limits), "name", JSON.stringify(name));
  }
  assert.equal(
    checkFileOffer(offer({ size: limits.maxFileBytes + 1, chunks: 17 }), limits),
    "size",
  );
  assert.equal(checkFileOffer(offer({ size: -1, chunks: 0 }), limits), "size");
  assert.equal(checkFileOffer(offer({ chunkSize: 100, chunks: 2000 }), limits), "chunk-size");
  assert.equal(
    checkFileOffer(offer({ chunkSize: MAX_CHUNK_BYTES * 2, chunks: 1 }), limits),
    "chunk-size",
  );
  assert.equal(checkFileOffer(offer({ chunks: 5 }), limits), "chunks");
  assert.equal(
    checkFileOffer(offer({ size: 10, chunkSize: 1024, chunks: 1000 }), limits),
    "chunks",
  );
  assert.equal(checkFileOffer(offer({ sha256: "xyz" }), limits), "hash");
  assert.equal(checkFileOffer(offer({ sha256: "A".repeat(64) }), limits), "hash");
});

Deno.test("isHostileFileName() lets odd but harmless names through", () => {
  for (
    const name of [
      "a..b.txt",
      "...",
      " spaced .pdf",
      "CON",
      ".bashrc",
      "naïve café.png",
      "日本.txt",
    ]
  ) {
    assert.equal(isHostileFileName(name), false, name);
  }
});

Deno.test("chunkLength() is the chunk size but for the last chunk", () => {
  assert.equal(chunkLength(offer(), 0), 65_536);
  assert.equal(chunkLength(offer(), 3), 200_000 - 3 * 65_536);
  assert.equal(chunkLength(offer(), 4), 0);
  assert.equal(chunkLength(offer({ size: 131_072, chunks: 2 }), 1), 65_536);
});

Deno.test("decodeMessageBody() reads file bodies and refuses malformed ones", () => {
  const bodies = [
    offer(),
    { kind: "file-accept" as const, file: "B".repeat(22), from: 3 },
    { kind: "file-reject" as const, file: "B".repeat(22), reason: "size" },
    { kind: "file-cancel" as const, file: "B".repeat(22) },
    { kind: "file-done" as const, file: "B".repeat(22) },
  ];
  for (const body of bodies) assert.deepEqual(decodeMessageBody(encodeBody(body)), body);
  assert.deepEqual(decodeMessageBody(encodeBody({ kind: "text", text: "hi" })), {
    kind: "text",
    text: "hi",
  });
  const bad = [
    { ...offer(), file: "../x" },
    { ...offer(), size: 1.5 },
    { ...offer(), name: 7 },
    { kind: "file-accept", file: "B".repeat(22) },
    { kind: "files", file: "B".repeat(22) },
  ];
  for (const body of bad) {
    assert.throws(
      () => decodeMessageBody(new TextEncoder().encode(JSON.stringify(body))),
      ProtocolError,
      JSON.stringify(body),
    );
  }
});
