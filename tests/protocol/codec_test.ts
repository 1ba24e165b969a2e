import assert from "node:assert/strict";
import fc from "fast-check";
import {
  type ClientMessage,
  decodeClientMessage,
  decodeServerMessage,
  encodeMessage,
  FrameDecoder,
  ProtocolError,
  type ServerMessage,
} from "../../protocol/mod.ts";

const nonce = "A".repeat(43);
const token = "gAAAAABkAAAA_-" + "x".repeat(60) + "==";

function payloadOf(frame: Uint8Array): Uint8Array {
  const [payload] = new FrameDecoder().push(frame);
  assert.ok(payload);
  return payload;
}

function bytes(json: unknown): Uint8Array {
  return new TextEncoder().encode(typeof json === "string" ? json : JSON.stringify(json));
}

function refusedWith(code: string) {
  return (e: unknown) => e instanceof ProtocolError && e.code === code;
}

const clientSamples: ClientMessage[] = [
  { t: "auth", v: 1, nonce, proof: nonce, nick: "alice" },
  { t: "auth", v: 1, nonce, proof: nonce, nick: "Zoë_2", resume: { session: nonce, after: 41 } },
  { t: "say", id: "m1", body: token },
  { t: "say", id: "m2", to: "bob", body: token },
  { t: "away", away: true },
  { t: "nick", nick: "carol" },
  { t: "who" },
  { t: "ping", ts: 1 },
  { t: "bye" },
  { t: "register", name: "Kitchen Pi", port: 5555, users: 3 },
  { t: "beat", users: 4 },
  { t: "list" },
];

const serverSamples: ServerMessage[] = [
  { t: "hello", v: 1, role: "server", name: "Kitchen Pi", nonce },
  {
    t: "ok",
    proof: nonce,
    session: nonce,
    seq: 7,
    members: [{ nick: "a", away: false, since: 1 }],
  },
  { t: "error", code: "auth" },
  { t: "refused", code: "rate", id: "m1", retryAfterMs: 200 },
  { t: "msg", seq: 8, ts: 2, from: "alice", id: "m1", body: token },
  { t: "join", seq: 9, ts: 3, nick: "bob" },
  { t: "leave", seq: 10, ts: 4, nick: "bob", reason: "quit" },
  { t: "away", seq: 11, ts: 5, nick: "bob", away: true },
  { t: "nick", seq: 12, ts: 6, old: "bob", new: "rob" },
  { t: "notice", seq: 13, ts: 7, body: token },
  { t: "servers", list: [{ name: "pi", host: "10.0.0.2", port: 5555, users: 2, since: 9 }] },
];

Deno.test("encodeMessage() and decodeClientMessage() round-trip every client message", () => {
  for (const message of clientSamples) {
    assert.deepEqual(decodeClientMessage(payloadOf(encodeMessage(message))), message);
  }
});

Deno.test("encodeMessage() and decodeServerMessage() round-trip every server message", () => {
  for (const message of serverSamples) {
    assert.deepEqual(decodeServerMessage(payloadOf(encodeMessage(message))), message);
  }
});

Deno.test("encodeMessage() writes multi-byte UTF-8 with the right length", () => {
  const message: ServerMessage = { t: "join", seq: 1, ts: 1, nick: "Zoë日本" };
  const frame = encodeMessage(message);
  const length = new DataView(frame.buffer, frame.byteOffset).getUint32(0);
  assert.equal(length, frame.length - 4);
  assert.deepEqual(decodeServerMessage(payloadOf(frame)), message);
});

Deno.test("decodeClientMessage() refuses bytes that are not UTF-8 JSON objects", () => {
  assert.throws(() => decodeClientMessage(new Uint8Array([0xff, 0xfe])), refusedWith("json"));
  assert.throws(() => decodeClientMessage(bytes("{nope")), refusedWith("json"));
  assert.throws(() => decodeClientMessage(bytes("[1,2]")), refusedWith("type"));
  assert.throws(() => decodeClientMessage(bytes("null")), refusedWith("type"));
  assert.throws(() => decodeClientMessage(bytes("42")), refusedWith("type"));
});

Deno.test("decodeClientMessage() refuses unknown types and server-only types", () => {
  assert.throws(() => decodeClientMessage(bytes({ t: "nope" })), refusedWith("type"));
  assert.throws(() => decodeClientMessage(bytes({ t: "msg" })), refusedWith("type"));
  assert.throws(() => decodeClientMessage(bytes({ x: 1 })), refusedWith("type"));
});

Deno.test("decodeClientMessage() names the bad field", () => {
  assert.throws(
    () => decodeClientMessage(bytes({ t: "say", id: "1", body: "not a token!" })),
    (e) => e instanceof ProtocolError && e.code === "field" && e.message.includes("body"),
  );
  assert.throws(
    () => decodeClientMessage(bytes({ t: "say", id: "1", to: "bad nick", body: token })),
    (e) => e instanceof ProtocolError && e.message.includes("to"),
  );
  assert.throws(
    () => decodeClientMessage(bytes({ t: "auth", v: 2, nonce, proof: nonce })),
    refusedWith("version"),
  );
  assert.throws(
    () => decodeClientMessage(bytes({ t: "auth", v: 1, nonce: "short", proof: nonce })),
    refusedWith("field"),
  );
});

Deno.test("decodeClientMessage() refuses a wrong type in every field of say", () => {
  const wrong = [null, 1, true, [], {}, ""];
  const tooLong: Record<string, string> = { id: "x".repeat(65), to: "x".repeat(25), body: "a b" };
  for (const field of ["id", "to", "body"]) {
    for (const value of [...wrong, tooLong[field]]) {
      const message = { t: "say", id: "1", body: token, [field]: value };
      assert.throws(() => decodeClientMessage(bytes(message)), ProtocolError, `${field}=${value}`);
    }
  }
});

Deno.test("decodeServerMessage() refuses deep and huge JSON without crashing", () => {
  const deep = "[".repeat(100_000) + "]".repeat(100_000);
  assert.throws(() => decodeServerMessage(bytes(deep)), ProtocolError);
  const members = Array.from({ length: 10_001 }, () => ({ nick: "a", away: false, since: 1 }));
  assert.throws(
    () => decodeServerMessage(bytes({ t: "members", list: members })),
    refusedWith("field"),
  );
});

Deno.test("decoders throw only ProtocolError on random input", () => {
  fc.assert(fc.property(fc.oneof(fc.uint8Array(), fc.json().map(bytes)), (input) => {
    for (const decode of [decodeClientMessage, decodeServerMessage]) {
      try {
        decode(input);
      } catch (e) {
        assert.ok(e instanceof ProtocolError, String(e));
      }
    }
  }));
});

Deno.test("decoders throw only ProtocolError on objects with random fields", () => {
  const types = ["auth", "say", "away", "nick", "who", "op", "ping", "msg", "ok", "hello", "x"];
  const anything = fc.anything();
  fc.assert(
    fc.property(fc.constantFrom(...types), fc.dictionary(fc.string(), anything), (t, rest) => {
      const input = bytes({ ...rest, t });
      for (const decode of [decodeClientMessage, decodeServerMessage]) {
        try {
          decode(input);
        } catch (e) {
          assert.ok(e instanceof ProtocolError, String(e));
        }
      }
    }),
  );
});
