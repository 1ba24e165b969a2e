/**
 * What `stealth --version` prints: the version from deno.json and the commit
 * the program was built from. `tools/build.ts` bakes the commit into bundles
 * and binaries by replacing the placeholder below in the bundled JavaScript;
 * a run from a checkout reads HEAD from `.git` (a few small file reads, no
 * subprocess), else says "dev". Imports nothing heavy: `--version` must not
 * load the CLI parser, the UI or the crypto code.
 *
 * @module
 */

import denoJson from "./deno.json" with { type: "json" };

/** The version from deno.json. */
export const VERSION: string = denoJson.version;

/** Replaced with the short commit by tools/build.ts; keep it the only such string. */
const BAKED_COMMIT: string = "__STEALTH_COMMIT__";

/**
 * The line `stealth --version` prints: `stealth 0.1.0 (abc1234)` for a build,
 * `stealth 0.1.0 (dev abc1234)` from a checkout, `stealth 0.1.0 (dev)` when
 * neither is known.
 */
export function versionLine(): string {
  if (!BAKED_COMMIT.startsWith("__")) return `stealth ${VERSION} (${BAKED_COMMIT})`;
  const head = checkoutHead();
  return `stealth ${VERSION} (dev${head ? ` ${head.slice(0, 7)}` : ""})`;
}

/** The commit HEAD of the checkout this file sits in, or undefined. */
function checkoutHead(): string | undefined {
  try {
    if (!import.meta.url.startsWith("file:")) return undefined;
    let gitDir = new URL("./.git", import.meta.url).pathname;
    if (Deno.statSync(gitDir).isFile) {
      // A worktree or submodule: ".git" is a file naming the real folder.
      const pointer = Deno.readTextFileSync(gitDir).match(/^gitdir: (.+)$/m)?.[1]?.trim();
      if (!pointer) return undefined;
      gitDir = pointer.startsWith("/") ? pointer : new URL(pointer, import.meta.url).pathname;
    }
    const head = Deno.readTextFileSync(`${gitDir}/HEAD`).trim();
    const ref = head.match(/^ref: (.+)$/)?.[1];
    if (ref === undefined) return /^[0-9a-f]{40}$/.test(head) ? head : undefined;
    const dirs = [gitDir];
    try {
      const common = Deno.readTextFileSync(`${gitDir}/commondir`).trim();
      dirs.push(common.startsWith("/") ? common : `${gitDir}/${common}`);
    } catch { /* not a worktree */ }
    for (const dir of dirs) {
      try {
        const sha = Deno.readTextFileSync(`${dir}/${ref}`).trim();
        if (/^[0-9a-f]{40}$/.test(sha)) return sha;
      } catch { /* packed, or elsewhere */ }
      try {
        const packed = Deno.readTextFileSync(`${dir}/packed-refs`);
        const sha = packed.split("\n").find((line) => line.endsWith(` ${ref}`))?.slice(0, 40);
        if (sha && /^[0-9a-f]{40}$/.test(sha)) return sha;
      } catch { /* no packed refs */ }
    }
  } catch { /* no checkout, or no permission to read it */ }
  return undefined;
}
