import assert from "node:assert/strict";
import fc from "fast-check";
import { AuthThrottle } from "../../net/mod.ts";

function clock(start = 1_000_000) {
  const time = { now: start };
  return { time, now: () => time.now };
}

Deno.test("AuthThrottle.retryAfter() is 0 for an address that never failed", () => {
  const throttle = new AuthThrottle();
  assert.equal(throttle.retryAfter("192.0.2.1"), 0);
  assert.equal(throttle.size, 0);
});

Deno.test("AuthThrottle allows 5 failures, then one more every 12 s", () => {
  const { time, now } = clock();
  const throttle = new AuthThrottle({ now });
  for (let i = 1; i <= 5; i++) {
    assert.equal(throttle.retryAfter("a"), 0, `attempt ${i} allowed`);
    assert.equal(throttle.fail("a"), i);
  }
  assert.equal(throttle.retryAfter("a"), 12_000);
  time.now += 11_999;
  assert.equal(throttle.retryAfter("a"), 1);
  time.now += 1;
  assert.equal(throttle.retryAfter("a"), 0);
  assert.equal(throttle.fail("a"), 6);
  assert.equal(throttle.retryAfter("a"), 12_000);
});

Deno.test("AuthThrottle counts each address apart", () => {
  const { now } = clock();
  const throttle = new AuthThrottle({ now, burst: 1 });
  throttle.fail("a");
  assert.ok(throttle.retryAfter("a") > 0);
  assert.equal(throttle.retryAfter("b"), 0);
});

Deno.test("AuthThrottle forgets an address once its bucket is full again", () => {
  const { time, now } = clock();
  const throttle = new AuthThrottle({ now });
  throttle.fail("a");
  throttle.fail("a");
  assert.equal(throttle.size, 1);
  time.now += 24_000;
  assert.equal(throttle.retryAfter("a"), 0);
  assert.equal(throttle.size, 0);
  assert.equal(throttle.fail("a"), 1, "the count starts again");
});

Deno.test("AuthThrottle remembers at most maxAddresses, evicting the oldest failure", () => {
  const { time, now } = clock();
  const throttle = new AuthThrottle({ now, burst: 1, maxAddresses: 3 });
  for (const address of ["a", "b", "c"]) {
    throttle.fail(address);
    time.now += 1;
  }
  throttle.fail("a"); // a failed again: now b is the oldest
  throttle.fail("d");
  assert.equal(throttle.size, 3);
  assert.equal(throttle.retryAfter("b"), 0, "b was evicted");
  assert.ok(throttle.retryAfter("a") > 0);
  assert.ok(throttle.retryAfter("c") > 0);
  assert.ok(throttle.retryAfter("d") > 0);
});

Deno.test("AuthThrottle survives a clock that goes back", () => {
  const { time, now } = clock();
  const throttle = new AuthThrottle({ now, burst: 1 });
  throttle.fail("a");
  time.now -= 60_000;
  assert.equal(throttle.retryAfter("a"), 12_000);
});

Deno.test("AuthThrottle() refuses limits that are not positive", () => {
  assert.throws(() => new AuthThrottle({ burst: 0 }), RangeError);
  assert.throws(() => new AuthThrottle({ refillMs: 0 }), RangeError);
  assert.throws(() => new AuthThrottle({ maxAddresses: 0 }), RangeError);
});

Deno.test("AuthThrottle never allows more than burst + elapsed / refillMs failures", () => {
  fc.assert(fc.property(
    fc.array(
      fc.record({ wait: fc.integer({ min: 0, max: 30_000 }), address: fc.constantFrom("a", "b") }),
      {
        maxLength: 200,
      },
    ),
    (steps) => {
      const { time, now } = clock();
      const start = time.now;
      const throttle = new AuthThrottle({ now, maxAddresses: 10 });
      const allowed = new Map<string, number>();
      for (const { wait, address } of steps) {
        time.now += wait;
        if (throttle.retryAfter(address) === 0) {
          throttle.fail(address);
          allowed.set(address, (allowed.get(address) ?? 0) + 1);
        }
      }
      for (const count of allowed.values()) {
        assert.ok(count <= 5 + (time.now - start) / 12_000 + 1e-9);
      }
      assert.ok(throttle.size <= 10);
    },
  ));
});
