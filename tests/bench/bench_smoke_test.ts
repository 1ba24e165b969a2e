/**
 * A short run of the real `deno task bench`, so the benchmark cannot rot:
 * both servers started, real clients joined, messages sent and counted, the
 * report in its documented shape. No figure is asserted — only that what
 * was sent arrived, once each.
 */

import assert from "node:assert/strict";

const ROOT = new URL("../../", import.meta.url).pathname;

Deno.test({
  name: "deno task bench --scenario fanout --json reports both servers in the documented shape",
  sanitizeResources: true,
  sanitizeOps: true,
  async fn() {
    const command = new Deno.Command(Deno.execPath(), {
      args: [
        "task",
        "--quiet",
        "bench",
        "--scenario",
        "fanout",
        "--clients",
        "10",
        "--seconds",
        "2",
        "--rate",
        "20000",
        "--quiet-wait",
        "0",
        "--json",
      ],
      cwd: ROOT,
      stdout: "piped",
      stderr: "piped",
      env: { NO_COLOR: "1" },
    });
    const child = command.spawn();
    const timer = setTimeout(() => child.kill("SIGKILL"), 60_000);
    const out = await child.output();
    clearTimeout(timer);
    const stdout = new TextDecoder().decode(out.stdout);
    const stderr = new TextDecoder().decode(out.stderr);
    assert.equal(out.code, 0, `bench failed:\n${stdout}\n${stderr}`);
    const lines = stdout.trim().split("\n");
    assert.equal(lines.length, 1, `expected one JSON object, got:\n${stdout}`);
    const result = JSON.parse(lines[0]!);
    assert.equal(result.scenario, "fanout");
    assert.equal(result.clients, 10);
    for (const target of ["stealth", "baseline"]) {
      const figures = result[target];
      assert.ok(figures, `no ${target} figures`);
      for (
        const field of ["deliveries_per_s", "p50_ms", "p99_ms", "lost", "duplicated", "rss_bytes"]
      ) {
        assert.equal(typeof figures[field], "number", `${target}.${field}`);
      }
      assert.equal(figures.lost, 0, `${target} lost messages`);
      assert.equal(figures.duplicated, 0, `${target} duplicated messages`);
      assert.equal(figures.out_of_order, 0, `${target} reordered messages`);
      assert.equal(figures.dropped, 0, `${target} dropped members`);
      assert.ok(figures.deliveries_per_s > 0, `${target} delivered nothing`);
      assert.ok(figures.p50_ms <= figures.p99_ms, `${target} p50 above p99`);
      assert.ok(figures.rss_bytes > 0, `${target} RSS not read`);
      assert.equal(figures.join.joined, 10, `${target} joins`);
    }
    assert.equal(typeof result.ratio, "number");
    assert.ok(result.ratio > 0);
  },
});
