import assert from "node:assert/strict";
import {
  checkOpArgs,
  decodeClientMessage,
  decodeServerMessage,
  encodeMessage,
  HOST_OPS,
  hostOpSpec,
  MAX_TEXT_LENGTH,
  type Message,
  parseOpLine,
  ProtocolError,
} from "../../protocol/mod.ts";

const spec = (name: string) => hostOpSpec(name)!;

Deno.test("HOST_OPS names are unique wire codes", () => {
  const names = HOST_OPS.map((op) => op.name);
  assert.equal(new Set(names).size, names.length);
  for (const name of names) assert.match(name, /^[a-z][a-z0-9-]{0,31}$/);
  assert.equal(hostOpSpec("KICK")?.name, "kick");
  assert.equal(hostOpSpec("frobnicate"), undefined);
});

Deno.test("parseOpLine() splits words, keeps a trailing reason whole, and lifts sealed text out", () => {
  assert.deepEqual(parseOpLine(spec("kick"), "  bob  spamming,  twice "), {
    args: ["bob", "spamming,  twice"],
  });
  assert.deepEqual(parseOpLine(spec("kick"), "bob"), { args: ["bob"] });
  assert.deepEqual(parseOpLine(spec("ban"), "10.0.0.0/8 2h  very rude"), {
    args: ["10.0.0.0/8", "2h", "very rude"],
  });
  assert.deepEqual(parseOpLine(spec("mute"), "bob 10m extra"), { args: ["bob", "10m", "extra"] });
  assert.deepEqual(parseOpLine(spec("bans"), ""), { args: [] });
  assert.deepEqual(parseOpLine(spec("announce"), "  tea  is ready "), {
    args: [],
    text: "tea  is ready",
  });
  assert.deepEqual(parseOpLine(spec("announce"), ""), { args: [] });
  assert.deepEqual(parseOpLine(spec("motd"), "-"), { args: ["-"] });
  assert.deepEqual(parseOpLine(spec("motd"), "- welcome"), { args: [], text: "- welcome" });
});

Deno.test("checkOpArgs() checks counts, sizes, and a body exactly where text is sealed", () => {
  assert.ok(checkOpArgs(spec("kick"), ["bob"]));
  assert.ok(checkOpArgs(spec("kick"), ["bob", "why"]));
  assert.ok(!checkOpArgs(spec("kick"), []));
  assert.ok(!checkOpArgs(spec("kick"), ["bob", "why", "more"]));
  assert.ok(!checkOpArgs(spec("kick"), ["bob", " "]), "no empty argument");
  assert.ok(!checkOpArgs(spec("kick"), ["bob", "x".repeat(MAX_TEXT_LENGTH + 1)]));
  assert.ok(!checkOpArgs(spec("kick"), ["bob"], "gAAAAA"), "no body where none is sealed");
  assert.ok(checkOpArgs(spec("announce"), [], "gAAAAA"));
  assert.ok(!checkOpArgs(spec("announce"), []));
  assert.ok(!checkOpArgs(spec("announce"), ["plain text"]));
  assert.ok(checkOpArgs(spec("motd"), []));
  assert.ok(checkOpArgs(spec("motd"), ["-"]));
  assert.ok(checkOpArgs(spec("motd"), [], "gAAAAA"));
  assert.ok(!checkOpArgs(spec("motd"), ["welcome"]));
  assert.ok(!checkOpArgs(spec("motd"), ["-"], "gAAAAA"));
});

Deno.test("op, opresult, mute and room frames round-trip; bad ones are ProtocolErrors", () => {
  const client: Message[] = [
    { t: "op", cmd: "kick", args: ["bob", "spam"] },
    { t: "op", cmd: "announce", args: [], body: "gAAAAABtoken" },
  ];
  for (const message of client) {
    assert.deepEqual(decodeClientMessage(encodeMessage(message).subarray(4)), message);
  }
  const server: Message[] = [
    { t: "opresult", cmd: "ban", ok: true, code: "banned", target: "10.0.0.0/8", count: 2 },
    {
      t: "opresult",
      cmd: "bans",
      ok: true,
      code: "bans",
      bans: [{ target: "bob", kind: "nick", since: 1, until: 2, reason: "r" }],
    },
    { t: "opresult", cmd: "kick", ok: false, code: "not-host" },
    { t: "mute", seq: 3, ts: 4, nick: "bob", muted: true, until: 9 },
    { t: "room", seq: 5, ts: 6, locked: true, limit: 10 },
    { t: "error", code: "banned", detail: "spam", retryAfterMs: 60_000 },
  ];
  for (const message of server) {
    assert.deepEqual(decodeServerMessage(encodeMessage(message).subarray(4)), message);
  }
  const bad = [
    { t: "op", cmd: "kick", args: ["bob"], body: "not a token!" },
    { t: "op", cmd: "Kick!", args: [] },
  ];
  for (const message of bad) {
    const payload = new TextEncoder().encode(JSON.stringify(message));
    assert.throws(() => decodeClientMessage(payload), ProtocolError);
  }
  const badBan = {
    t: "opresult",
    cmd: "bans",
    ok: true,
    code: "bans",
    bans: [{ target: "x", kind: "host", since: 1 }],
  };
  assert.throws(
    () => decodeServerMessage(new TextEncoder().encode(JSON.stringify(badBan))),
    ProtocolError,
  );
});
