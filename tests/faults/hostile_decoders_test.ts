/**
 * Every decoder a peer's (or a file's, or a person's) bytes reach, fed
 * hostile input with fast-check: random bytes, truncated frames, huge
 * length prefixes, deep and huge JSON, a wrong type in every field of every
 * message, unknown types. Each decoder may only refuse with its own typed
 * error; none may throw anything else, hang, or hold more than one frame.
 *
 * The live server gets the same treatment in `hostile_server_test.ts`.
 */

import assert from "node:assert/strict";
import fc from "fast-check";
import { openBody } from "../../client/mod.ts";
import { parseServerAddress } from "../../client/mod.ts";
import {
  fernetDecrypt,
  fernetEncrypt,
  FernetError,
  KeyError,
  parseKey,
  SecretKey,
} from "../../crypto/mod.ts";
import {
  type ClientMessage,
  ClientMessageSchema,
  decodeBody,
  decodeClientMessage,
  decodeServerMessage,
  encodeBody,
  FrameDecoder,
  ProtocolError,
  type ServerMessage,
  ServerMessageSchema,
} from "../../protocol/mod.ts";
import { parseHostPort } from "../../registry/mod.ts";
import { figure } from "../support/figure.ts";

const encoder = new TextEncoder();
const B64 = "A".repeat(43);
const TOKEN = "gAAAAABkAAAA_-" + "x".repeat(60) + "==";
const RUNS = 2_000;

/** Valid samples of the messages a listener decodes from whoever dials it. */
const clientSamples: ClientMessage[] = [
  {
    t: "auth",
    v: 1,
    nonce: B64,
    proof: B64,
    nick: "alice",
    host: B64,
    resume: { session: B64, after: 3 },
  },
  { t: "say", id: "m1", to: "bob", body: TOKEN },
  { t: "away", away: true },
  { t: "nick", nick: "carol" },
  { t: "who" },
  { t: "op", cmd: "kick", args: ["bob"] },
  { t: "ping", ts: 1 },
  { t: "pong", ts: 1 },
  { t: "bye" },
  { t: "register", name: "Attic", host: "10.0.0.1", port: 5555, users: 2, since: 1 },
  { t: "beat", users: 4 },
  { t: "list" },
];

/** Valid samples of what a dialer decodes from a listener. */
const serverSamples: ServerMessage[] = [
  { t: "hello", v: 1, role: "server", name: "Attic", nonce: B64 },
  {
    t: "ok",
    proof: B64,
    name: "Attic",
    session: B64,
    seq: 7,
    members: [{ nick: "a", away: false, since: 1 }],
    motd: TOKEN,
    resumed: true,
    missed: 0,
  },
  { t: "error", code: "auth", detail: "x", retryAfterMs: 5 },
  { t: "refused", code: "rate", id: "m1", detail: "x", retryAfterMs: 200 },
  { t: "msg", seq: 8, ts: 2, from: "alice", to: "bob", id: "m1", body: TOKEN },
  { t: "join", seq: 9, ts: 3, nick: "bob" },
  { t: "leave", seq: 10, ts: 4, nick: "bob", reason: "quit", detail: "x" },
  { t: "away", seq: 11, ts: 5, nick: "bob", away: true },
  { t: "nick", seq: 12, ts: 6, old: "bob", new: "rob" },
  { t: "notice", seq: 13, ts: 7, body: TOKEN },
  { t: "members", list: [{ nick: "a", away: true, since: 2 }] },
  { t: "ping", ts: 1 },
  { t: "pong", ts: 1 },
  { t: "servers", list: [{ name: "Attic", host: "h", port: 1, users: 0, since: 0 }] },
];

/** Values of every JSON kind, each wrong wherever a field holds another kind. */
const WRONG: unknown[] = [
  null,
  0,
  -1,
  1.5,
  1e300,
  "",
  "x".repeat(5_000),
  true,
  [],
  [[[[[]]]]],
  {},
  { t: "say" },
];

function kindOf(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  return typeof value;
}

function refusesAs(decode: (payload: Uint8Array) => unknown, value: unknown): ProtocolError {
  try {
    decode(encoder.encode(JSON.stringify(value)));
  } catch (error) {
    if (error instanceof ProtocolError) return error;
    throw new Error(`a decoder threw ${error} for ${JSON.stringify(value).slice(0, 200)}`);
  }
  throw new Error(`a decoder took ${JSON.stringify(value).slice(0, 200)}`);
}

/** Decoding must end in a value or a ProtocolError, nothing else. */
function onlyProtocolErrors(decode: (payload: Uint8Array) => unknown, payload: Uint8Array): void {
  try {
    decode(payload);
  } catch (error) {
    if (!(error instanceof ProtocolError)) throw error;
  }
}

Deno.test("decoders name the field when any field of any message holds a wrong type", () => {
  let tried = 0;
  for (
    const [decode, samples] of [
      [decodeClientMessage, clientSamples],
      [decodeServerMessage, serverSamples],
    ] as const
  ) {
    for (const sample of samples) {
      decode(encoder.encode(JSON.stringify(sample))); // the sample itself is valid
      for (const [field, good] of Object.entries(sample)) {
        for (const wrong of WRONG) {
          if (kindOf(wrong) === kindOf(good)) continue;
          const error = refusesAs(decode, { ...sample, [field]: wrong });
          tried++;
          if (field === "t") {
            assert.equal(error.code, "type");
          } else {
            assert.match(error.message, new RegExp(`bad field ${field}\\b`), error.message);
          }
        }
      }
    }
  }
  // Types added to the protocol without a sample here are still fuzzed below.
  const sampled = new Set([...clientSamples, ...serverSamples].map((m) => `${m.t}`));
  const unsampled = [...ClientMessageSchema.options, ...ServerMessageSchema.options]
    .map((schema) => String(schema.entries.t.literal))
    .filter((t) => !sampled.has(t));
  figure("hostile.wrong_field_types", { frames: tried, unsampled_types: unsampled.length });
});

Deno.test("decoders refuse unknown types, deep JSON, huge JSON and non-objects as ProtocolError", () => {
  const deep = (n: number) => "[".repeat(n) + "]".repeat(n);
  const payloads = [
    '{"t":"launch-missiles"}',
    '{"t":"__proto__"}',
    '{"t":"constructor"}',
    '{"__proto__":{"t":"say"},"id":"m","body":"gAAAAA"}',
    '{"t":"say","id":"m","body":"gAAAAA","to":{"__proto__":null}}',
    deep(100_000),
    `{"t":"say","id":${deep(50_000)}}`,
    `{"t":"members","list":[${'{"nick":"a","away":false,"since":1},'.repeat(20_000)}1]}`,
    `{"t":"say","id":"m","body":"${"!".repeat(1024 * 1024)}"}`,
    `{"t":"say","id":"${"m".repeat(65)}","body":"gAAAAA"}`,
    "null",
    "1",
    '"t"',
    "[]",
    "",
    "\u0000",
    '{"t":"say","id":"m","body":"gAAAAA"}garbage',
  ];
  for (const text of payloads) {
    for (const decode of [decodeClientMessage, decodeServerMessage]) {
      assert.throws(() => decode(encoder.encode(text)), ProtocolError, text.slice(0, 80));
    }
  }
  // Invalid UTF-8 and a lone surrogate's bytes.
  for (const bytes of [[0xff, 0xfe], [0x7b, 0xed, 0xa0, 0x80, 0x7d], [0xc0, 0x80]]) {
    assert.throws(() => decodeClientMessage(new Uint8Array(bytes)), ProtocolError);
  }
});

Deno.test("decoders throw only ProtocolError for random bytes and random JSON", () => {
  fc.assert(
    fc.property(fc.uint8Array({ maxLength: 512 }), (bytes) => {
      onlyProtocolErrors(decodeClientMessage, bytes);
      onlyProtocolErrors(decodeServerMessage, bytes);
      onlyProtocolErrors(decodeBody, bytes);
    }),
    { numRuns: RUNS },
  );
  const types = [...ClientMessageSchema.options, ...ServerMessageSchema.options]
    .map((schema) => String(schema.entries.t.literal));
  fc.assert(
    fc.property(
      fc.constantFrom(...types, "nope", ""),
      fc.dictionary(fc.string({ maxLength: 12 }), fc.jsonValue({ maxDepth: 4 })),
      (t, fields) => {
        const payload = encoder.encode(JSON.stringify({ ...fields, t }));
        onlyProtocolErrors(decodeClientMessage, payload);
        onlyProtocolErrors(decodeServerMessage, payload);
      },
    ),
    { numRuns: RUNS },
  );
});

Deno.test("FrameDecoder takes any stream cut anywhere and holds at most one frame", () => {
  const max = 4 * 1024;
  fc.assert(
    fc.property(
      fc.array(fc.uint8Array({ maxLength: 300 }), { maxLength: 40 }),
      (chunks) => {
        const decoder = new FrameDecoder(max);
        for (const chunk of chunks) {
          try {
            decoder.push(chunk);
          } catch (error) {
            assert.ok(error instanceof ProtocolError && error.code === "frame-size");
            return;
          }
          assert.ok(decoder.buffered <= max + 4);
        }
      },
    ),
    { numRuns: RUNS },
  );
  // A huge length prefix is refused on the header alone: nothing is allocated for it.
  for (const header of [[0xff, 0xff, 0xff, 0xff], [0x00, 0x10, 0x00, 0x01], [0, 0, 0, 0]]) {
    const decoder = new FrameDecoder(max);
    assert.throws(() => decoder.push(new Uint8Array(header)), ProtocolError);
    assert.equal(decoder.buffered, 0);
  }
  // A truncated frame is held, never handed out.
  const truncated = new FrameDecoder(max);
  assert.deepEqual(truncated.push(new Uint8Array([0, 0, 0, 10, 1, 2, 3])), []);
  assert.equal(truncated.buffered, 3);
});

Deno.test("fernetDecrypt() and openBody() refuse random and altered tokens without throwing anything else", () => {
  const key = new SecretKey(new Uint8Array(32).fill(9));
  const other = new SecretKey(new Uint8Array(32).fill(10));
  const token = fernetEncrypt(key, encodeBody({ kind: "text", text: "hello" }));
  fc.assert(
    fc.property(fc.string({ maxLength: 300 }), (text) => {
      try {
        fernetDecrypt(key, text);
      } catch (error) {
        if (!(error instanceof FernetError)) throw error;
      }
      assert.equal(openBody(key, text), undefined);
    }),
    { numRuns: RUNS },
  );
  fc.assert(
    fc.property(fc.nat(token.length - 3), fc.constantFrom(..."ABCxyz019-_"), (at, c) => {
      const altered = token.slice(0, at) + c + token.slice(at + 1);
      if (altered === token) return;
      assert.throws(() => fernetDecrypt(key, altered), FernetError);
    }),
    { numRuns: RUNS },
  );
  assert.equal(openBody(other, token), undefined, "another circle's key reads nothing");
  // Sealed with the key but not a body: not shown.
  assert.equal(openBody(key, fernetEncrypt(key, '{"kind":"exec","text":"rm -rf"}')), undefined);
  assert.equal(openBody(key, fernetEncrypt(key, "[".repeat(100_000))), undefined);
});

Deno.test("parseKey(), parseHostPort() and parseServerAddress() refuse any text with their own errors", () => {
  fc.assert(
    fc.property(fc.string({ maxLength: 200, unit: "binary" }), (text) => {
      try {
        parseKey(text);
      } catch (error) {
        if (!(error instanceof KeyError)) throw error;
        assert.ok(!error.message.includes(text.trim()) || text.trim().length < 8, "no key echo");
      }
      try {
        parseHostPort(text, 5556);
      } catch (error) {
        if (!(error instanceof SyntaxError || error instanceof RangeError)) throw error;
      }
      try {
        parseServerAddress(text);
      } catch (error) {
        if (!(error instanceof SyntaxError || error instanceof RangeError)) throw error;
      }
    }),
    { numRuns: RUNS },
  );
});
