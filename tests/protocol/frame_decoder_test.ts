import assert from "node:assert/strict";
import fc from "fast-check";
import { encodeFrame, FrameDecoder, ProtocolError } from "../../protocol/mod.ts";

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** Cuts `bytes` at the given points (sorted, deduplicated, within range). */
function split(bytes: Uint8Array, cuts: number[]): Uint8Array[] {
  const points = [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b);
  const parts: Uint8Array[] = [];
  let last = 0;
  for (const p of [...points, bytes.length]) {
    parts.push(bytes.slice(last, p));
    last = p;
  }
  return parts;
}

const payloads = fc.array(fc.uint8Array({ minLength: 1, maxLength: 300 }), { maxLength: 12 });

Deno.test("FrameDecoder.push() yields every frame when fed one byte at a time", () => {
  fc.assert(fc.property(payloads, (frames) => {
    const stream = concat(frames.map(encodeFrame));
    const decoder = new FrameDecoder(1024);
    const got: Uint8Array[] = [];
    for (let i = 0; i < stream.length; i++) {
      for (const f of decoder.push(stream.subarray(i, i + 1))) got.push(f.slice());
    }
    assert.deepEqual(got, frames);
    assert.equal(decoder.buffered, 0);
  }));
});

Deno.test("FrameDecoder.push() yields every frame for random splits of the stream", () => {
  fc.assert(fc.property(payloads, fc.array(fc.nat(), { maxLength: 40 }), (frames, cuts) => {
    const stream = concat(frames.map(encodeFrame));
    const decoder = new FrameDecoder(1024);
    const got: Uint8Array[] = [];
    for (const part of split(stream, cuts)) {
      for (const f of decoder.push(part)) got.push(f.slice());
    }
    assert.deepEqual(got, frames);
  }));
});

Deno.test("FrameDecoder.push() refuses a length over the limit before allocating", () => {
  const decoder = new FrameDecoder(100);
  const header = new Uint8Array([0xff, 0xff, 0xff, 0xff]);
  assert.throws(
    () => decoder.push(header),
    (e) => e instanceof ProtocolError && e.code === "frame-size",
  );
  assert.equal(decoder.buffered, 0);
});

Deno.test("FrameDecoder.push() refuses a zero length", () => {
  const decoder = new FrameDecoder(100);
  assert.throws(() => decoder.push(new Uint8Array(4)), ProtocolError);
});

Deno.test("FrameDecoder.push() accepts a frame of exactly the limit", () => {
  const decoder = new FrameDecoder(64);
  const frame = encodeFrame(new Uint8Array(64).fill(7));
  assert.equal(decoder.push(frame).length, 1);
  assert.throws(() => decoder.push(encodeFrame(new Uint8Array(65))), ProtocolError);
});

Deno.test("FrameDecoder never holds more than one frame plus a header on garbage", () => {
  fc.assert(
    fc.property(fc.array(fc.uint8Array({ maxLength: 512 }), { maxLength: 50 }), (chunks) => {
      const decoder = new FrameDecoder(256);
      for (const chunk of chunks) {
        try {
          decoder.push(chunk);
        } catch (e) {
          assert.ok(e instanceof ProtocolError);
          return;
        }
        assert.ok(decoder.buffered <= 256 + 4, `buffered ${decoder.buffered}`);
      }
    }),
  );
});

Deno.test("FrameDecoder.maxFrameBytes can be raised after the handshake", () => {
  const decoder = new FrameDecoder(8);
  assert.throws(() => decoder.push(encodeFrame(new Uint8Array(9))), ProtocolError);
  const fresh = new FrameDecoder(8);
  fresh.maxFrameBytes = 16;
  assert.equal(fresh.push(encodeFrame(new Uint8Array(9))).length, 1);
});
