/**
 * Builds what people download.
 *
 *     deno task bundle    dist/stealth.js: one JavaScript file that runs with
 *                         `deno run` anywhere, no deno.json, no node_modules
 *     deno task compile   the bundle, then dist/stealth-<os>-<arch>[.exe] for
 *                         five targets with `deno compile`, and dist/SHA256SUMS
 *
 * Options: `--out DIR` (default dist), `--target TRIPLE` (repeatable; default
 * all five), `--timeout SECONDS` (per target, default 300), `--from FILE`
 * (compile this JavaScript file instead of building the bundle).
 *
 * The binaries are compiled from the bundle, so they run the code CI tested.
 * The commit is baked in by replacing the placeholder in `version.ts` in the
 * bundled text; `STEALTH_COMMIT` overrides `git rev-parse --short HEAD`.
 *
 * `deno compile` downloads a runtime (denort, ~40 MB) per target from
 * dl.deno.land, unless it is cached or `DENORT_BIN` names one. Offline, each
 * target fails with one line saying so, within the timeout, and the exit code
 * is 1.
 *
 * @module
 */

import { parseArgs } from "node:util";
import { RUN_PERMISSIONS } from "./permissions.ts";

const ROOT = new URL("..", import.meta.url).pathname.replace(/\/$/, "");
const PLACEHOLDER = '"__STEALTH_COMMIT__"';

/** The targets `deno compile` builds for, and the file each one becomes. */
export const TARGETS: readonly { triple: string; file: string }[] = [
  { triple: "x86_64-unknown-linux-gnu", file: "stealth-linux-x86_64" },
  { triple: "aarch64-unknown-linux-gnu", file: "stealth-linux-aarch64" },
  { triple: "x86_64-apple-darwin", file: "stealth-macos-x86_64" },
  { triple: "aarch64-apple-darwin", file: "stealth-macos-aarch64" },
  { triple: "x86_64-pc-windows-msvc", file: "stealth-windows-x86_64.exe" },
];

const say = (line: string) => console.log(`build: ${line}`);
const complain = (line: string) => console.error(`build: ${line}`);

if (import.meta.main) Deno.exit(await main(Deno.args));

async function main(args: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      options: {
        out: { type: "string", default: "dist" },
        target: { type: "string", multiple: true },
        timeout: { type: "string", default: "300" },
        from: { type: "string" },
      },
    });
  } catch (error) {
    complain((error as Error).message);
    return 2;
  }
  const [what, ...rest] = parsed.positionals;
  const { out, target, timeout, from } = parsed.values;
  if ((what !== "bundle" && what !== "compile") || rest.length > 0) {
    complain("usage: tools/build.ts bundle|compile [--out DIR] [--target TRIPLE]... [--timeout S]");
    return 2;
  }
  // Everything is checked before anything is built.
  const timeoutMs = Number(timeout) * 1000;
  if (!(timeoutMs > 0)) {
    complain(`--timeout wants a number of seconds, not ${timeout}`);
    return 2;
  }
  const targets = target ?? TARGETS.map((t) => t.triple);
  const unknown = targets.filter((t) => !TARGETS.some((known) => known.triple === t));
  if (unknown.length > 0) {
    complain(
      `unknown target ${unknown.join(", ")}; known: ${TARGETS.map((t) => t.triple).join(", ")}`,
    );
    return 2;
  }
  const denort = Deno.env.get("DENORT_BIN");
  if (what === "compile" && denort && targets.length !== 1) {
    complain("DENORT_BIN is a runtime for one target: pass exactly one --target");
    return 2;
  }

  const outDir = absolute(out);
  await Deno.mkdir(outDir, { recursive: true });
  let bundle: string;
  const artifacts: string[] = [];
  if (from !== undefined && what === "compile") {
    bundle = absolute(from);
  } else {
    const built = await buildBundle(outDir);
    if (built === undefined) return 1;
    bundle = built;
    artifacts.push(bundle);
  }
  if (what === "bundle") return 0;

  if (denort) say(`using DENORT_BIN=${denort} as the runtime for ${targets[0]} (no download)`);
  say(
    `compiling ${targets.length === 1 ? "1 target" : `${targets.length} targets in parallel`}; ` +
      `each downloads its runtime (~40 MB) unless cached, at most ${timeoutMs / 1000} s each`,
  );
  const results = await Promise.all(
    targets.map((triple) =>
      compileTarget(bundle, outDir, TARGETS.find((t) => t.triple === triple)!, timeoutMs)
    ),
  );
  let built = 0;
  for (const result of results) {
    if (result.path === undefined) {
      complain(result.line);
    } else {
      say(result.line);
      artifacts.push(result.path);
      built++;
    }
  }
  if (artifacts.length > 0) await writeChecksums(outDir, artifacts);
  if (built < targets.length) {
    complain(`${built} of ${targets.length} targets built`);
    return 1;
  }
  say(`${built} of ${targets.length} targets built into ${outDir}`);
  return 0;
}

function absolute(path: string): string {
  return path.startsWith("/") ? path : `${Deno.cwd()}/${path}`;
}

/** Runs a command to completion; the output is kept, not shown. */
async function capture(
  command: string,
  args: string[],
  options: { cwd?: string; env?: Record<string, string>; signal?: AbortSignal } = {},
): Promise<{ code: number; stdout: string; stderr: string }> {
  const child = new Deno.Command(command, {
    args,
    cwd: options.cwd,
    env: { NO_COLOR: "1", ...options.env },
    stdin: "null",
    stdout: "piped",
    stderr: "piped",
  }).spawn();
  const onAbort = () => {
    try {
      child.kill("SIGKILL");
    } catch { /* already gone */ }
  };
  options.signal?.addEventListener("abort", onAbort, { once: true });
  try {
    const out = await child.output();
    const text = new TextDecoder();
    return { code: out.code, stdout: text.decode(out.stdout), stderr: text.decode(out.stderr) };
  } finally {
    options.signal?.removeEventListener("abort", onAbort);
  }
}

/** The commit to bake in: STEALTH_COMMIT, else git's short HEAD (+ "-dirty"), else "unknown". */
async function commitId(): Promise<string> {
  const given = Deno.env.get("STEALTH_COMMIT");
  if (given) return given;
  try {
    const head = await capture("git", ["rev-parse", "--short", "HEAD"], { cwd: ROOT });
    if (head.code !== 0) return "unknown";
    const status = await capture("git", ["status", "--porcelain", "--untracked-files=no"], {
      cwd: ROOT,
    });
    return head.stdout.trim() + (status.code === 0 && status.stdout.trim() ? "-dirty" : "");
  } catch {
    return "unknown"; // no git here
  }
}

/** Builds `stealth.js` into `outDir`, checks it runs, and returns its path. */
async function buildBundle(outDir: string): Promise<string | undefined> {
  const commit = await commitId();
  const { default: denoJson } = await import("../deno.json", { with: { type: "json" } });
  const version: string = denoJson.version;
  const out = `${outDir}/stealth.js`;
  const raw = `${outDir}/.stealth.raw.js`;
  const started = performance.now();
  const bundled = await capture(Deno.execPath(), [
    "bundle",
    "--platform",
    "deno",
    "--minify",
    "--keep-names",
    "--output",
    raw,
    "main.ts",
  ], { cwd: ROOT });
  if (bundled.code !== 0) {
    complain(`cannot bundle main.ts: deno bundle failed:\n${bundled.stderr.trim()}`);
    await Deno.remove(raw).catch(() => {});
    return undefined;
  }
  const text = await Deno.readTextFile(raw);
  await Deno.remove(raw);
  const at = text.indexOf(PLACEHOLDER);
  if (at < 0 || text.indexOf(PLACEHOLDER, at + 1) >= 0) {
    complain(`cannot bake the commit: ${PLACEHOLDER} must occur exactly once in the bundle`);
    return undefined;
  }
  const header = [
    `#!/usr/bin/env -S deno run --no-config ${RUN_PERMISSIONS.join(" ")}`,
    `// stealth ${version} (${commit}), built by tools/build.ts from main.ts. Run it with:`,
    `//   deno run --no-config ${RUN_PERMISSIONS.join(" ")} stealth.js --help`,
    // CommonJS packages inside (ink's signal-exit) call require("assert"):
    // the bundler's shim needs a real require to hand them Node's modules.
    `import { createRequire as __stealthRequire } from "node:module";`,
    "var require = __stealthRequire(import.meta.url);",
    "",
  ].join("\n");
  const body = text.slice(0, at) + JSON.stringify(commit) + text.slice(at + PLACEHOLDER.length);
  const temporary = `${out}.tmp`;
  await Deno.writeTextFile(temporary, header + body.replace(/^#!.*\n/, ""));
  await Deno.rename(temporary, out);

  // The artifact must answer on its own: in an empty folder, no config.
  const empty = await Deno.makeTempDir({ prefix: "stealth-bundle-check-" });
  try {
    const check = await capture(
      Deno.execPath(),
      ["run", "--no-config", ...RUN_PERMISSIONS, out, "--version"],
      { cwd: empty },
    );
    const expected = `stealth ${version} (${commit})`;
    if (check.code !== 0 || check.stdout.trim() !== expected) {
      complain(
        `the bundle does not run: expected "${expected}", got exit ${check.code}:\n${check.stdout}${check.stderr}`,
      );
      return undefined;
    }
  } finally {
    await Deno.remove(empty, { recursive: true }).catch(() => {});
  }
  const size = (await Deno.stat(out)).size;
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  say(`${relative(out)}: ${megabytes(size)}, stealth ${version} (${commit}), in ${seconds} s`);
  return out;
}

/** Compiles one target: the binary's path and a line to show, or only a line saying why not. */
async function compileTarget(
  bundle: string,
  outDir: string,
  target: { triple: string; file: string },
  timeoutMs: number,
): Promise<{ path?: string; line: string }> {
  const out = `${outDir}/${target.file}`;
  await Deno.remove(out).catch(() => {});
  const deadline = new AbortController();
  const timer = setTimeout(() => deadline.abort(), timeoutMs);
  const started = performance.now();
  let result;
  try {
    result = await capture(Deno.execPath(), [
      "compile",
      "--no-config",
      "--no-check",
      "--no-npm",
      "--no-remote",
      ...RUN_PERMISSIONS,
      "--target",
      target.triple,
      "--output",
      out,
      bundle,
    ], { cwd: outDir, signal: deadline.signal });
  } finally {
    clearTimeout(timer);
  }
  const where = "run this where dl.deno.land is reachable, or set DENORT_BIN to a denort " +
    "binary for that target";
  if (deadline.signal.aborted) {
    await removeLeftovers(outDir, target.file);
    return {
      line: `cannot build ${target.triple}: deno compile did not finish in ${
        timeoutMs / 1000
      } s, stuck downloading its runtime (no network?) — ${where}`,
    };
  }
  if (result.code !== 0) {
    await removeLeftovers(outDir, target.file);
    if (/dl\.deno\.land|denort|base binary/i.test(result.stderr)) {
      return {
        line: `cannot build ${target.triple}: deno compile could not download its runtime (${
          cause(result.stderr)
        }; no network?) — ${where}`,
      };
    }
    return { line: `cannot build ${target.triple}: deno compile failed:\n${result.stderr.trim()}` };
  }
  const size = (await Deno.stat(out)).size;
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  return {
    path: out,
    line: `${relative(out)}: ${megabytes(size)} for ${target.triple}, in ${seconds} s`,
  };
}

/** The innermost "Caused by" line of a deno error, shortened. */
function cause(stderr: string): string {
  const chain = stderr.split(/^Stack backtrace:/m)[0]!;
  const causes = [...chain.matchAll(/^\s*\d+: (.+)$/gm)].map((m) => m[1]!.trim());
  const last = causes.at(-1) ?? stderr.trim().split("\n").at(-1) ?? "unknown error";
  return last.length > 120 ? `${last.slice(0, 117)}...` : last;
}

/** deno compile writes `<out>.tmp-<hex>` first; a killed one leaves it behind. */
async function removeLeftovers(outDir: string, file: string): Promise<void> {
  for await (const entry of Deno.readDir(outDir)) {
    if (entry.name.startsWith(`${file}.tmp`) || entry.name === file) {
      await Deno.remove(`${outDir}/${entry.name}`).catch(() => {});
    }
  }
}

async function writeChecksums(outDir: string, files: string[]): Promise<void> {
  const lines = [];
  for (const file of files) {
    const digest = await crypto.subtle.digest("SHA-256", await Deno.readFile(file));
    const hex = Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, "0")).join("");
    lines.push(`${hex}  ${file.slice(file.lastIndexOf("/") + 1)}`);
  }
  await Deno.writeTextFile(`${outDir}/SHA256SUMS`, lines.join("\n") + "\n");
  say(`${relative(`${outDir}/SHA256SUMS`)}: ${files.length} file${files.length === 1 ? "" : "s"}`);
}

function relative(path: string): string {
  const cwd = Deno.cwd();
  return path.startsWith(`${cwd}/`) ? path.slice(cwd.length + 1) : path;
}

function megabytes(bytes: number): string {
  return `${(bytes / 1_000_000).toFixed(1)} MB`;
}
