import assert from "node:assert/strict";
import fc from "fast-check";
import { parseBenchArgs, SCENARIOS } from "../../bench/bench_options.ts";
import { bucketOf, HISTOGRAM_BUCKETS, LatencyHistogram } from "../../bench/latency_histogram.ts";
import { formatMessageId, isMsgPayload, readMessageId } from "../../bench/message_id.ts";
import { senderOf } from "../../bench/sender_of.ts";
import { firstOutOfCpu, limitedBy, type RunResult, saturated } from "../../bench/run_bench.ts";
import { formatRunJson } from "../../bench/format_run.ts";
import type { StepResult } from "../../bench/fleet.ts";
import { encodeMessage } from "../../protocol/mod.ts";

Deno.test("LatencyHistogram.quantile() is within 3 % of the exact quantile", () => {
  fc.assert(fc.property(
    fc.array(fc.integer({ min: 0, max: 60_000_000 }), { minLength: 1, maxLength: 500 }),
    fc.double({ min: 0.01, max: 1, noNaN: true }),
    (values, q) => {
      const histogram = new LatencyHistogram();
      for (const v of values) histogram.record(v);
      const sorted = [...values].sort((a, b) => a - b);
      const exact = sorted[Math.max(0, Math.ceil(q * values.length) - 1)]!;
      const got = histogram.quantile(q);
      assert.ok(Math.abs(got - exact) <= Math.max(1, exact * 0.03), `q ${q}: ${got} vs ${exact}`);
      assert.equal(histogram.max, Math.max(...values));
      assert.equal(histogram.count, values.length);
    },
  ));
});

Deno.test("LatencyHistogram.merge() equals recording everything in one", () => {
  const a = new LatencyHistogram();
  const b = new LatencyHistogram();
  const all = new LatencyHistogram();
  for (let i = 0; i < 1000; i++) {
    const v = (i * 7919) % 100_000;
    (i % 2 === 0 ? a : b).record(v);
    all.record(v);
  }
  a.merge(new LatencyHistogram(b.toJSON().counts, b.toJSON().max));
  assert.deepEqual(a.toJSON(), all.toJSON());
  assert.equal(a.quantile(0.99), all.quantile(0.99));
});

Deno.test("bucketOf() is monotonic and stays inside the histogram", () => {
  let last = -1;
  for (let v = 0; v < 2 ** 31; v = v < 4096 ? v + 1 : Math.floor(v * 1.01)) {
    const bucket = bucketOf(v);
    assert.ok(bucket >= last && bucket < HISTOGRAM_BUCKETS, `${v} → ${bucket}`);
    last = bucket;
  }
  assert.equal(bucketOf(2 ** 31 - 1), HISTOGRAM_BUCKETS - 1);
});

Deno.test("readMessageId() reads the id of a stealth msg frame without decoding it", () => {
  const id = { step: 3, sender: 199, seq: 123456, sentMicros: 1_795_747_148_246_954 };
  const frame = encodeMessage({
    t: "msg",
    seq: 42,
    ts: 1_795_747_148_246,
    from: "m199",
    id: formatMessageId(id),
    body: "gAAAAABhello_-==",
  });
  const payload = frame.subarray(4);
  assert.ok(isMsgPayload(payload));
  const out = { step: 0, sender: 0, seq: 0, sentMicros: 0 };
  assert.ok(readMessageId(payload, out));
  assert.deepEqual(out, id);
});

Deno.test("readMessageId() refuses frames that are not bench messages", () => {
  const out = { step: 0, sender: 0, seq: 0, sentMicros: 0 };
  const payload = (message: Parameters<typeof encodeMessage>[0]) =>
    encodeMessage(message).subarray(4);
  assert.ok(!isMsgPayload(payload({ t: "join", seq: 1, ts: 1, nick: "a" })));
  for (const id of ["x", "1.2.3", "1.2.3.4.5", "1..3.4", "1.2.3.99999999999999999"]) {
    const p = payload({ t: "msg", seq: 1, ts: 1, from: "a", id, body: "gAAA" });
    assert.ok(isMsgPayload(p));
    assert.equal(readMessageId(p, out), false, id);
  }
});

Deno.test("senderOf() spreads exactly S senders evenly over N clients", () => {
  fc.assert(fc.property(fc.integer({ min: 1, max: 3000 }), fc.nat(), (clients, s) => {
    const senders = s % (clients + 1);
    const found = Array.from({ length: clients }, (_, c) => senderOf(c, clients, senders));
    const indices = found.filter((x) => x >= 0);
    assert.deepEqual(indices, Array.from({ length: senders }, (_, i) => i));
    // Every worker-sized block of 250 holds its share, give or take one.
    for (let at = 0; at + 250 <= clients; at += 250) {
      const here = found.slice(at, at + 250).filter((x) => x >= 0).length;
      assert.ok(Math.abs(here - (250 * senders) / clients) <= 1);
    }
  }));
});

Deno.test("parseBenchArgs() reads every option and refuses bad ones", () => {
  assert.deepEqual(parseBenchArgs([]).scenarios, [...SCENARIOS]);
  const options = parseBenchArgs([
    "--scenario",
    "fanout",
    "--clients=200",
    "--senders",
    "20",
    "--rate",
    "20000",
    "--seconds",
    "2.5",
    "--size",
    "100",
    "--json",
    "--target",
    "stealth",
    "--no-pin",
  ]);
  assert.deepEqual(options.scenarios, ["fanout"]);
  assert.equal(options.clients, 200);
  assert.equal(options.senders, 20);
  assert.equal(options.rate, 20000);
  assert.equal(options.seconds, 2.5);
  assert.equal(options.size, 100);
  assert.equal(options.json, true);
  assert.equal(options.targets, "stealth");
  assert.equal(options.pin, false);
  assert.throws(() => parseBenchArgs(["--scenario", "nope"]), RangeError);
  assert.throws(() => parseBenchArgs(["--clients", "0"]), RangeError);
  assert.throws(() => parseBenchArgs(["--clients", "1.5"]), RangeError);
  assert.throws(() => parseBenchArgs(["--clients"]), TypeError);
  assert.throws(() => parseBenchArgs(["--frobnicate"]), TypeError);
  assert.throws(() => parseBenchArgs(["--clients", "5", "--senders", "6"]), RangeError);
});

function step(overrides: Partial<StepResult>): StepResult {
  return {
    step: 1,
    tries: 1,
    offeredPerS: 100_000,
    deliveriesPerS: 100_000,
    scheduled: 1000,
    sent: 1000,
    blocked: 0,
    delivered: 200_000,
    due: 200_000,
    p50Ms: 1,
    p90Ms: 2,
    p99Ms: 3,
    maxMs: 4,
    serverCpuPct: 50,
    loadCpuPct: 50,
    busiestWorkerPct: 25,
    machineBusyPct: 50,
    otherCpuPct: 0,
    serverUsPerDelivery: 5,
    loadUsPerDelivery: 5,
    dropped: 0,
    ...overrides,
  };
}

Deno.test("saturated() stops a ramp when deliveries lag, latency explodes or members drop", () => {
  assert.equal(saturated(step({}), [step({})]), false);
  assert.equal(saturated(step({ deliveriesPerS: 80_000 }), []), true);
  assert.equal(saturated(step({ p99Ms: 400 }), []), true);
  assert.equal(saturated(step({ blocked: 100 }), []), true);
  assert.equal(saturated(step({ dropped: 1 }), [step({}), step({ dropped: 1 })]), true);
  assert.equal(
    saturated(step({ dropped: 1 }), [step({ dropped: 1 }), step({ dropped: 1 })]),
    false,
  );
});

Deno.test("limitedBy() and firstOutOfCpu() name who ran out of CPU", () => {
  assert.equal(limitedBy(step({ serverCpuPct: 97 })), "server");
  assert.equal(limitedBy(step({ serverCpuPct: 97, loadCpuPct: 95 })), "both");
  assert.equal(limitedBy(step({ busiestWorkerPct: 96 })), "load generator");
  assert.equal(limitedBy(step({})), "none");
  assert.equal(
    firstOutOfCpu([step({}), step({ busiestWorkerPct: 90 }), step({ serverCpuPct: 99 })]),
    "load generator",
  );
});

Deno.test("formatRunJson() writes every key in snake_case, nested ones too", () => {
  const result = {
    scenario: "join",
    ratio: 0.5,
    stealth: { join: { perSecond: 400, tlsP50Ms: 3 }, steps: [step({})] },
  } as unknown as RunResult;
  const json = JSON.parse(formatRunJson(result));
  assert.equal(json.stealth.join.per_second, 400);
  assert.equal(json.stealth.join.tls_p50_ms, 3);
  assert.equal(json.stealth.steps[0].offered_per_s, 100_000);
  assert.equal(json.ratio, 0.5);
  assert.ok(!/[A-Z]/.test(Object.keys(json.stealth.steps[0]).join("")));
});
