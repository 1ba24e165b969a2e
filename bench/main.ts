/**
 * `deno task bench`: the entry point. Reads the arguments, runs the
 * scenarios, prints tables (or one JSON object per run with `--json`), and
 * kills every child process on the way out, Ctrl-C included.
 *
 * Exit codes: 0 done, 1 a run failed, 2 bad arguments, 130 interrupted.
 *
 * @module
 */

import { parseBenchArgs, USAGE } from "./bench_options.ts";
import { killAllChildren } from "./bench_child.ts";
import { formatRun, formatRunJson } from "./format_run.ts";
import { runBench } from "./run_bench.ts";

let options;
try {
  options = parseBenchArgs(Deno.args);
} catch (error) {
  console.error(`bench: ${(error as Error).message}`);
  Deno.exit(2);
}
if (options.help) {
  console.log(USAGE);
  Deno.exit(0);
}

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  Deno.addSignalListener(signal, () => {
    killAllChildren();
    Deno.exit(130);
  });
}

const json = options.json;
let code = 0;
try {
  await runBench(
    options,
    (result) => console.log(json ? formatRunJson(result) : formatRun(result)),
    (line) => {
      if (!json) console.error(`  … ${line}`);
    },
  );
} catch (error) {
  console.error(`bench: ${error instanceof Error ? error.message : String(error)}`);
  code = 1;
} finally {
  killAllChildren();
}
Deno.exit(code);
