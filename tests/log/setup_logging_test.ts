import assert from "node:assert/strict";
import { flushLogging, getLogger, type LogRecord, setupLogging } from "../../log/mod.ts";

const log = getLogger(["stealth", "test"]);

function base64url(bytes: Uint8Array): string {
  return btoa(String.fromCharCode(...bytes)).replaceAll("+", "-").replaceAll("/", "_");
}

function randomBytes(length: number): Uint8Array<ArrayBuffer> {
  return crypto.getRandomValues(new Uint8Array(length));
}

/** Secrets shaped like the real ones: key text, Fernet token, proof, nonce. */
async function makeSecrets() {
  const keyText = base64url(randomBytes(32));
  assert.equal(keyText.length, 44);
  assert.ok(keyText.endsWith("="));

  // Fernet: version 0x80, 8-byte big-endian time, 16-byte IV, ciphertext, 32-byte HMAC.
  const raw = new Uint8Array(1 + 8 + 16 + 32 + 32);
  raw[0] = 0x80;
  new DataView(raw.buffer).setBigUint64(1, BigInt(Math.floor(Date.now() / 1000)));
  raw.set(randomBytes(80), 9);
  const token = base64url(raw);
  assert.ok(token.startsWith("gAAAAA"));

  const hmacKey = await crypto.subtle.importKey(
    "raw",
    randomBytes(32),
    { name: "HMAC", hash: "SHA-256" },
    false,
    ["sign"],
  );
  const mac = await crypto.subtle.sign(
    "HMAC",
    hmacKey,
    new TextEncoder().encode("stealth/v1/client"),
  );
  const proof = base64url(new Uint8Array(mac)).replace(/=+$/, "");
  const nonce = base64url(randomBytes(32)).replace(/=+$/, "");
  assert.equal(proof.length, 43);
  // Decrypted message text has no shape; only its field name gives it away.
  const messageText = `meet at the old mill at ${Math.floor(Math.random() * 1e6)}`;
  return { keyText, token, proof, nonce, messageText };
}

type Secrets = Awaited<ReturnType<typeof makeSecrets>>;

/** Logs every secret through every door: placeholders, inline text, odd names, nesting, tags. */
function logSecrets({ keyText, token, proof, nonce, messageText }: Secrets): void {
  log.debug("auth from {peer} with key {key}, token {token}, proof {proof}", {
    peer: "127.0.0.1:5555",
    key: keyText,
    token,
    proof,
  });
  log.debug("loaded key " + keyText + " then sent " + token + " and proof " + proof);
  log.debug("frame from {peer}", {
    peer: "10.0.0.7:40000",
    frame: { t: "say", id: "m1", body: token },
    hello: { role: "server", nonce },
    handshake: { hostKey: keyText, list: [proof] },
    value: keyText,
  });
  log.debug`tagged nonce ${nonce} for role ${"registry"}`;
  log.debug("decrypted a {kind} message: {text}", { kind: "chat", text: messageText });
  log.warning("join refused: {reason}", { reason: "bad proof " + proof });
}

/** Non-secret words each line above must still show, so the test can fail. */
const VISIBLE = [
  "auth from",
  "127.0.0.1:5555",
  "loaded key",
  "then sent",
  "frame from",
  "10.0.0.7:40000",
  "say",
  "tagged nonce",
  "registry",
  "decrypted a",
  "chat",
  "join refused",
  "[REDACTED]",
];

function assertRedacted(text: string, secrets: Secrets): void {
  for (const [name, secret] of Object.entries(secrets)) {
    assert.ok(!text.includes(secret), `${name} leaked: ${text}`);
    // Not even a recognisable piece of it.
    assert.ok(!text.includes(secret.slice(0, 16)), `part of ${name} leaked: ${text}`);
  }
  for (const part of VISIBLE) assert.ok(text.includes(part), `missing ${part}: ${text}`);
}

function recordText(record: LogRecord): string {
  return [
    record.message.map((part) => typeof part === "string" ? part : JSON.stringify(part)).join(""),
    JSON.stringify(record.properties),
    typeof record.rawMessage === "string" ? record.rawMessage : record.rawMessage.join(""),
  ].join(" ");
}

async function withTempDir(fn: (dir: string) => Promise<void>): Promise<void> {
  const dir = await Deno.makeTempDir({ prefix: "stealth_log_test_" });
  try {
    await fn(dir);
  } finally {
    await flushLogging();
    await Deno.remove(dir, { recursive: true });
  }
}

Deno.test("setupLogging() redacts keys, tokens, proofs and nonces before a capture sink sees them", async () => {
  const secrets = await makeSecrets();
  const records: LogRecord[] = [];
  await setupLogging({ debug: true, sink: (record) => records.push(record) });
  try {
    logSecrets(secrets);
  } finally {
    await flushLogging();
  }
  assert.equal(records.length, 6);
  assertRedacted(records.map(recordText).join("\n"), secrets);
});

Deno.test("setupLogging() redacts keys, tokens, proofs and nonces in the log file", async () => {
  const secrets = await makeSecrets();
  await withTempDir(async (dir) => {
    const path = `${dir}/stealth.log`;
    await setupLogging({ debug: true, logFile: path });
    logSecrets(secrets);
    await flushLogging();
    const text = await Deno.readTextFile(path);
    assert.equal(text.split("\n").filter((line) => /^\d{4}-/.test(line)).length, 6);
    assert.match(text, /\[DBG\] stealth\.test: auth from/);
    assert.match(text, /\[WRN\] stealth\.test: join refused/);
    assertRedacted(text, secrets);
  });
});

Deno.test("setupLogging() leaves ordinary values and field names like context readable", async () => {
  const records: LogRecord[] = [];
  await setupLogging({ debug: true, sink: (record) => records.push(record) });
  try {
    log.debug("listening on {port} as {name} with {context}", {
      port: 5555,
      name: "pi-kitchen",
      context: "startup",
      path: "/home/user/.config/stealth/secret.key",
      fingerprint: "olive-harbor-seven",
    });
  } finally {
    await flushLogging();
  }
  const text = recordText(records[0]!);
  for (const part of ["5555", "pi-kitchen", "startup", "/home/user/.config/stealth/secret.key"]) {
    assert.ok(text.includes(part), `missing ${part}: ${text}`);
  }
  assert.ok(!text.includes("[REDACTED]"), text);
});

Deno.test("setupLogging() drops debug and info records unless debug is on", async () => {
  const records: LogRecord[] = [];
  await setupLogging({ debug: false, sink: (record) => records.push(record) });
  try {
    log.debug("trace line");
    log.info("info line");
    log.warning("warning line");
    log.error("error line");
    getLogger(["logtape", "meta"]).info("meta chatter");
  } finally {
    await flushLogging();
  }
  assert.deepEqual(records.map((record) => record.message.join("")), [
    "warning line",
    "error line",
  ]);
});

Deno.test("setupLogging() with debug passes the trace of every stealth category but not LogTape's chatter", async () => {
  const records: LogRecord[] = [];
  await setupLogging({ debug: true, sink: (record) => records.push(record) });
  try {
    getLogger(["stealth", "net"]).debug("net trace");
    getLogger(["stealth", "server", "room"]).debug("room trace");
    getLogger(["elsewhere"]).warning("not ours");
  } finally {
    await flushLogging();
  }
  assert.deepEqual(records.map((record) => record.category.join(".")), [
    "stealth.net",
    "stealth.server.room",
  ]);
});

Deno.test("setupLogging() creates the log file with mode 0600", {
  ignore: Deno.build.os === "windows",
}, async () => {
  await withTempDir(async (dir) => {
    const path = `${dir}/new.log`;
    await setupLogging({ debug: false, logFile: path });
    assert.equal((await Deno.stat(path)).mode! & 0o777, 0o600);
  });
});

Deno.test("setupLogging() narrows an existing log file to mode 0600 and appends to it", {
  ignore: Deno.build.os === "windows",
}, async () => {
  await withTempDir(async (dir) => {
    const path = `${dir}/old.log`;
    await Deno.writeTextFile(path, "earlier line\n", { mode: 0o644 });
    await Deno.chmod(path, 0o644);
    await setupLogging({ debug: false, logFile: path });
    log.warning("later line");
    await flushLogging();
    assert.equal((await Deno.stat(path)).mode! & 0o777, 0o600);
    const lines = (await Deno.readTextFile(path)).trimEnd().split("\n");
    assert.equal(lines.length, 2);
    assert.equal(lines[0], "earlier line");
    assert.match(lines[1]!, /\[WRN\] stealth\.test: later line$/);
  });
});

Deno.test("setupLogging() can be called again and the second configuration takes effect", async () => {
  await withTempDir(async (dir) => {
    const path = `${dir}/toggle.log`;
    const first: LogRecord[] = [];
    const second: LogRecord[] = [];
    await setupLogging({ debug: false, logFile: path, sink: (record) => first.push(record) });
    log.debug("debug while off");
    log.warning("warning while off");

    // `/debug on`, as a UI would do it.
    await setupLogging({ debug: true, logFile: path, sink: (record) => second.push(record) });
    log.debug("debug while on");

    // `/debug off` again.
    await setupLogging({ debug: false, logFile: path, sink: (record) => second.push(record) });
    log.debug("debug while off again");
    await flushLogging();

    assert.deepEqual(first.map((record) => record.message.join("")), ["warning while off"]);
    assert.deepEqual(second.map((record) => record.message.join("")), ["debug while on"]);
    const text = await Deno.readTextFile(path);
    assert.match(text, /warning while off\n.*debug while on\n$/);
    assert.ok(!text.includes("debug while off"), text);
  });
});

Deno.test("setupLogging() keeps the earlier configuration when the log file cannot be opened", async () => {
  const records: LogRecord[] = [];
  await setupLogging({ debug: true, sink: (record) => records.push(record) });
  try {
    await assert.rejects(
      setupLogging({ debug: false, logFile: "/nonexistent-dir-for-stealth/x.log" }),
      Deno.errors.NotFound,
    );
    log.debug("still tracing");
  } finally {
    await flushLogging();
  }
  assert.deepEqual(records.map((record) => record.message.join("")), ["still tracing"]);
});

Deno.test("flushLogging() writes every record to the file before returning", async () => {
  await withTempDir(async (dir) => {
    const path = `${dir}/many.log`;
    await setupLogging({ debug: true, logFile: path });
    const count = 5000;
    for (let i = 0; i < count; i++) log.debug("record {i} of {count}", { i, count });
    await flushLogging();
    // Read at once, synchronously: no background write may finish in between.
    const lines = Deno.readTextFileSync(path).trimEnd().split("\n");
    assert.equal(lines.length, count);
    assert.match(lines[0]!, /record 0 of 5000$/);
    assert.match(lines.at(-1)!, /record 4999 of 5000$/);
  });
});

Deno.test("flushLogging() leaves loggers silent until setupLogging() runs again", async () => {
  const records: LogRecord[] = [];
  await setupLogging({ debug: true, sink: (record) => records.push(record) });
  await flushLogging();
  log.error("after flush");
  assert.deepEqual(records, []);
});

Deno.test("setupLogging() writes one line per record, even for multi-line values", async () => {
  await withTempDir(async (dir) => {
    const path = `${dir}/lines.log`;
    await setupLogging({ debug: true, logFile: path });
    log.debug("nick change to {nick}", { nick: "mallory\n2099-01-01 00:00:00.000 [ERR] forged" });
    log.warning("failed: {error}", { error: new Error("line one\nline two") });
    await flushLogging();
    const lines = (await Deno.readTextFile(path)).trimEnd().split("\n");
    const starts = lines.filter((line) => !line.startsWith(" "));
    assert.equal(starts.length, 2, lines.join("\n"));
    assert.ok(starts.every((line) => /^\d{4}-\d\d-\d\d /.test(line)));
    assert.ok(!lines.some((line) => line.startsWith("2099")));
  });
});

Deno.test("setupLogging() writes warnings to stderr by default and the trace only with STEALTH_DEBUG", async () => {
  const mod = new URL("../../log/mod.ts", import.meta.url).href;
  const root = new URL("../../", import.meta.url);
  const keyText = base64url(randomBytes(32));
  const script = `
    import { flushLogging, getLogger, isDebugFromEnv, setupLogging } from ${JSON.stringify(mod)};
    await setupLogging({ debug: isDebugFromEnv() });
    const log = getLogger(["stealth", "child"]);
    log.debug("trace line with {key}", { key: ${JSON.stringify(keyText)} });
    log.warning("warning line with {key}", { key: ${JSON.stringify(keyText)} });
    await flushLogging();
  `;
  async function run(env: Record<string, string>) {
    const output = await new Deno.Command(Deno.execPath(), {
      args: ["eval", "--ext=ts", script],
      cwd: root,
      env: { NO_COLOR: "1", ...env },
      stdout: "piped",
      stderr: "piped",
    }).output();
    const decoder = new TextDecoder();
    return {
      code: output.code,
      stdout: decoder.decode(output.stdout),
      stderr: decoder.decode(output.stderr),
    };
  }

  const quiet = await run({ STEALTH_DEBUG: "0" });
  assert.equal(quiet.code, 0, quiet.stderr);
  assert.equal(quiet.stdout, "");
  assert.match(quiet.stderr, /\[WRN\] stealth\.child: warning line with "\[REDACTED\]"/);
  assert.ok(!quiet.stderr.includes("trace line"), quiet.stderr);
  assert.ok(!quiet.stderr.includes(keyText), quiet.stderr);

  const loud = await run({ STEALTH_DEBUG: "1" });
  assert.equal(loud.code, 0, loud.stderr);
  assert.equal(loud.stdout, "");
  assert.match(loud.stderr, /\[DBG\] stealth\.child: trace line with "\[REDACTED\]"/);
  assert.match(loud.stderr, /\[WRN\] stealth\.child: warning line/);
  assert.ok(!loud.stderr.includes(keyText), loud.stderr);
});
