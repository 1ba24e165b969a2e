/**
 * Finds a Python that can `import cryptography`, to check stealth against an
 * independent Fernet and HKDF. Private to these tests.
 *
 * @module
 */

/** What to do when no such Python exists. */
export const PYTHON_MISSING = "install python3-cryptography (apt-get install python3-cryptography)";

const CANDIDATES = ["python3", "/usr/bin/python3"];

/** The first candidate interpreter that imports `cryptography`, or `undefined`. */
export async function findPython(): Promise<string | undefined> {
  for (const candidate of CANDIDATES) {
    try {
      const { success } = await new Deno.Command(candidate, {
        args: ["-c", "import cryptography.fernet, cryptography.hazmat.primitives.kdf.hkdf"],
        stdin: "null",
        stdout: "null",
        stderr: "null",
      }).output();
      if (success) return candidate;
    } catch (error) {
      if (!(error instanceof Deno.errors.NotFound)) throw error;
    }
  }
  return undefined;
}

/** Runs `script` with `input` as JSON on stdin and returns what it prints as JSON on stdout. */
export async function runPython(python: string, script: string, input: unknown): Promise<unknown> {
  const child = new Deno.Command(python, {
    args: ["-c", script],
    stdin: "piped",
    stdout: "piped",
    stderr: "piped",
  }).spawn();
  const writer = child.stdin.getWriter();
  await writer.write(new TextEncoder().encode(JSON.stringify(input)));
  await writer.close();
  const { success, stdout, stderr } = await child.output();
  if (!success) {
    throw new Error(`python failed: ${new TextDecoder().decode(stderr)}`);
  }
  return JSON.parse(new TextDecoder().decode(stdout));
}
