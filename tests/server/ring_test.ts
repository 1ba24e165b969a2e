import assert from "node:assert/strict";
import fc from "fast-check";
import { isVisibleTo, Ring, type RingEntry } from "../../server/ring.ts";

function entry(seq: number, options: { ts?: number; bytes?: number; audience?: number[] } = {}) {
  return {
    seq,
    ts: options.ts ?? 0,
    frame: new Uint8Array(options.bytes ?? 10),
    audience: options.audience,
  } satisfies RingEntry;
}

function seqs(entries: Iterable<RingEntry>): number[] {
  return Array.from(entries, (e) => e.seq);
}

Deno.test("Ring.push() evicts the oldest events past maxEvents", () => {
  const ring = new Ring({ maxEvents: 3 });
  for (let seq = 1; seq <= 5; seq++) ring.push(entry(seq));
  assert.equal(ring.size, 3);
  assert.equal(ring.bytes, 30);
  assert.equal(ring.floor, 2);
  assert.equal(ring.last, 5);
  assert.deepEqual(seqs(ring.after(0, 1)), [3, 4, 5]);
});

Deno.test("Ring.push() evicts the oldest events past maxBytes", () => {
  const ring = new Ring({ maxBytes: 100 });
  ring.push(entry(1, { bytes: 40 }));
  ring.push(entry(2, { bytes: 40 }));
  ring.push(entry(3, { bytes: 40 }));
  assert.deepEqual(seqs(ring.after(0, 1)), [2, 3]);
  assert.equal(ring.bytes, 80);
  ring.push(entry(4, { bytes: 101 }));
  assert.equal(ring.size, 0, "an event larger than the ring evicts itself");
  assert.equal(ring.bytes, 0);
  assert.equal(ring.floor, 4);
  assert.equal(ring.covers(4), true);
  assert.equal(ring.covers(3), false);
});

Deno.test("Ring.prune() evicts events older than maxAgeMs", () => {
  const ring = new Ring({ maxAgeMs: 1_000 });
  ring.push(entry(1, { ts: 0 }));
  ring.push(entry(2, { ts: 500 }));
  ring.push(entry(3, { ts: 1_000 }));
  assert.equal(ring.size, 3, "exactly maxAgeMs old is kept");
  assert.equal(ring.prune(1_001), 1);
  assert.equal(ring.prune(1_001), 0);
  ring.push(entry(4, { ts: 2_000 }));
  assert.deepEqual(seqs(ring.after(0, 1)), [3, 4], "pushing prunes by the new event's time");
  assert.equal(ring.prune(10_000), 2);
  assert.equal(ring.size, 0);
  assert.equal(ring.floor, 4);
});

Deno.test("Ring.after() yields only what a viewer may see, after a seq", () => {
  const ring = new Ring();
  ring.push(entry(1));
  ring.push(entry(2, { audience: [7, 8] }));
  ring.push(entry(3, { audience: [9] }));
  ring.push(entry(5));
  assert.deepEqual(seqs(ring.after(0, 7)), [1, 2, 5]);
  assert.deepEqual(seqs(ring.after(0, 9)), [1, 3, 5]);
  assert.deepEqual(seqs(ring.after(2, 8)), [5]);
  assert.deepEqual(seqs(ring.after(3, 9)), [5]);
  assert.deepEqual(seqs(ring.after(4, 9)), [5]);
  assert.deepEqual(seqs(ring.after(5, 9)), []);
  assert.deepEqual(seqs(ring.after(99, 9)), []);
  assert.equal(isVisibleTo(entry(1, { audience: [1] }), 2), false);
});

Deno.test("Ring.covers() tells whether every event after a seq is held", () => {
  const ring = new Ring({ maxEvents: 2 });
  assert.equal(ring.covers(0), true);
  ring.push(entry(1));
  ring.push(entry(2));
  assert.equal(ring.covers(0), true);
  ring.push(entry(3));
  assert.equal(ring.covers(0), false);
  assert.equal(ring.covers(1), true);
  assert.equal(ring.covers(3), true);
  ring.clear();
  assert.equal(ring.covers(2), false);
  assert.equal(ring.covers(3), true);
  assert.equal(ring.size, 0);
});

Deno.test("Ring.push() refuses a seq that does not increase", () => {
  const ring = new Ring();
  ring.push(entry(2));
  assert.throws(() => ring.push(entry(2)), RangeError);
  assert.throws(() => ring.push(entry(1)), RangeError);
});

Deno.test("Ring() refuses bounds that are not positive", () => {
  assert.throws(() => new Ring({ maxEvents: 0 }), RangeError);
  assert.throws(() => new Ring({ maxBytes: -1 }), RangeError);
  assert.throws(() => new Ring({ maxAgeMs: Number.NaN }), RangeError);
});

Deno.test("Ring keeps its bounds and order over any pushes", () => {
  fc.assert(
    fc.property(
      fc.integer({ min: 1, max: 50 }),
      fc.integer({ min: 1, max: 2_000 }),
      fc.array(fc.record({ gap: fc.nat(3), bytes: fc.nat(200), dt: fc.nat(100) }), {
        maxLength: 3_000,
      }),
      (maxEvents, maxBytes, pushes) => {
        const ring = new Ring({ maxEvents, maxBytes, maxAgeMs: 1_000 });
        let seq = 0;
        let ts = 0;
        const all: number[] = [];
        for (const p of pushes) {
          seq += p.gap + 1;
          ts += p.dt;
          ring.push(entry(seq, { ts, bytes: p.bytes }));
          all.push(seq);
        }
        const held = seqs(ring.after(0, 1));
        assert.ok(held.length <= maxEvents);
        assert.ok(ring.bytes <= maxBytes);
        assert.equal(held.length, ring.size);
        assert.deepEqual(held, all.slice(all.length - held.length), "the newest, in order");
        if (held.length < all.length) {
          assert.equal(ring.floor, all[all.length - held.length - 1]);
        }
        const cut = all[Math.floor(all.length / 2)] ?? 0;
        assert.deepEqual(seqs(ring.after(cut, 1)), held.filter((s) => s > cut));
      },
    ),
  );
});
