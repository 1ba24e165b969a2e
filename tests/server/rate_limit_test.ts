import assert from "node:assert/strict";
import fc from "fast-check";
import { RateLimit } from "../../server/rate_limit.ts";

Deno.test("RateLimit.take() allows a burst, then refuses with the wait", () => {
  let now = 0;
  const limit = new RateLimit({ burst: 3, perSecond: 2 }, () => now);
  for (let i = 0; i < 3; i++) assert.deepEqual(limit.take(), { ok: true });
  assert.deepEqual(limit.take(), { ok: false, retryAfterMs: 500, flood: false });
  now += 499;
  assert.deepEqual(limit.take(), { ok: false, retryAfterMs: 1, flood: false });
  now += 1;
  assert.deepEqual(limit.take(), { ok: true });
  now += 10_000;
  assert.equal(limit.tokens, 3, "never more than the burst");
});

Deno.test("RateLimit.take() lets a 20-line paste through with the defaults", () => {
  const limit = new RateLimit({}, () => 0);
  for (let i = 0; i < 20; i++) assert.equal(limit.take().ok, true);
});

Deno.test("RateLimit.take() reports a flood at 3 × the burst of attempts", () => {
  let now = 0;
  const limit = new RateLimit({ burst: 30, perSecond: 5 }, () => now);
  const decisions = Array.from({ length: 90 }, () => limit.take());
  assert.equal(decisions.filter((d) => d.ok).length, 30);
  assert.equal(decisions.slice(0, 89).some((d) => !d.ok && d.flood), false);
  assert.deepEqual(decisions[89], { ok: false, retryAfterMs: 200, flood: true });
  now += 60_000;
  assert.deepEqual(limit.take(), { ok: true }, "the meter drains");
});

Deno.test("RateLimit.take() reports a flood when a sender keeps going too fast", () => {
  let now = 0;
  const limit = new RateLimit({ burst: 30, perSecond: 5 }, () => now);
  let flooded = -1;
  for (let i = 0; i < 1_000 && flooded < 0; i++) {
    now += 100; // 10 a second, twice the rate
    const d = limit.take();
    if (!d.ok && d.flood) flooded = i;
  }
  assert.ok(flooded > 90 && flooded < 400, `flooded at ${flooded}`);
  now = 0;
  const steady = new RateLimit({ burst: 30, perSecond: 5 }, () => now);
  for (let i = 0; i < 1_000; i++) {
    now += 200;
    assert.deepEqual(steady.take(), { ok: true }, "at the rate, never refused");
  }
});

Deno.test("RateLimit mints nothing when the clock steps back", () => {
  let now = 10_000;
  const limit = new RateLimit({ burst: 1, perSecond: 1, floodFactor: 100 }, () => now);
  assert.equal(limit.take().ok, true);
  now = 0;
  assert.equal(limit.take().ok, false);
  now = 9_999;
  assert.equal(limit.take().ok, false);
  now = 11_000;
  assert.equal(limit.take().ok, true);
});

Deno.test("RateLimit() refuses bad settings", () => {
  const clock = () => 0;
  assert.throws(() => new RateLimit({ burst: 0 }, clock), RangeError);
  assert.throws(() => new RateLimit({ burst: 1.5 }, clock), RangeError);
  assert.throws(() => new RateLimit({ perSecond: 0 }, clock), RangeError);
  assert.throws(() => new RateLimit({ perSecond: Infinity }, clock), RangeError);
  assert.throws(() => new RateLimit({ floodFactor: 0.5 }, clock), RangeError);
});

Deno.test("RateLimit.take() never allows more than burst + rate × time", () => {
  fc.assert(
    fc.property(
      fc.integer({ min: 1, max: 40 }),
      fc.integer({ min: 1, max: 20 }),
      fc.array(fc.nat(1_000), { maxLength: 300 }),
      (burst, perSecond, gaps) => {
        let now = 0;
        const limit = new RateLimit({ burst, perSecond, floodFactor: 1e9 }, () => now);
        let allowed = 0;
        for (const gap of gaps) {
          now += gap;
          const d = limit.take();
          if (d.ok) allowed++;
          else assert.ok(d.retryAfterMs >= 1 && d.retryAfterMs <= Math.ceil(1000 / perSecond));
          assert.ok(allowed <= burst + (now * perSecond) / 1000 + 1e-9);
        }
      },
    ),
  );
});

Deno.test("RateLimit.take() passes once the reported wait is over", () => {
  fc.assert(
    fc.property(
      fc.integer({ min: 1, max: 40 }),
      fc.double({ min: 0.1, max: 50, noNaN: true }),
      fc.array(fc.nat(700), { maxLength: 100 }),
      (burst, perSecond, gaps) => {
        let now = 0;
        const limit = new RateLimit({ burst, perSecond, floodFactor: 1e9 }, () => now);
        for (const gap of gaps) {
          now += gap;
          const d = limit.take();
          if (!d.ok) {
            now += d.retryAfterMs;
            assert.deepEqual(limit.take(), { ok: true });
          }
        }
      },
    ),
  );
});
