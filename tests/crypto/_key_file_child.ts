/**
 * Runs one key-file operation in its own process and prints the outcome as JSON,
 * so a test can run it with fewer privileges (root ignores file modes). Private
 * to these tests. Usage: `read PATH` or `write PATH KEY_TEXT [force]`.
 *
 * @module
 */

import { keyBytes, readKeyFile, writeKeyFile } from "../../crypto/mod.ts";

const [op, path, keyText, force] = Deno.args;
try {
  if (op === "read") {
    const key = await readKeyFile(path!, { warn: () => {} });
    console.log(JSON.stringify({ ok: true, bytes: Array.from(keyBytes(key)) }));
  } else {
    await writeKeyFile(path!, keyText!, { force: force === "force" });
    console.log(JSON.stringify({ ok: true }));
  }
} catch (error) {
  const { name, message } = error as Error;
  console.log(JSON.stringify({ ok: false, name, message }));
}
