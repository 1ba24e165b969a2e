/**
 * The one place logging is configured. Owns where log lines go (stderr, a
 * `--log-file`, a test's sink), at which level, in which layout, and what is
 * taken out of them first. Knows nothing of chat, sockets or keys; other
 * folders only call {@linkcode getLogger} and log.
 *
 * `main.ts` calls {@linkcode setupLogging} once at start (`debug` from
 * `--debug` or {@linkcode isDebugFromEnv}), again whenever the trace is
 * switched at run time (`/debug on|off`), and {@linkcode flushLogging}
 * before it exits.
 *
 * ## Rules for everyone who logs
 *
 * - **Quiet by default.** Without `--debug` only `warning`, `error` and
 *   `fatal` records are written, and those are read by the user: write them
 *   as a sentence a person can act on. Everything else is `debug`: a trace of
 *   what each part does, one category per folder:
 *   `getLogger(["stealth", "net"])`, `["stealth", "server"]`,
 *   `["stealth", "client"]`, `["stealth", "registry"]`, `["stealth", "p2p"]`,
 *   `["stealth", "crypto"]`, `["stealth", "certs"]`. Use message templates
 *   with properties: `log.debug("dialing {host}:{port}", { host, port })`;
 *   properties the template does not name are appended to the line.
 * - **No secrets, ever.** Every sink gets records only after redaction:
 *   values of properties (and placeholders) named like `key`, `secret`,
 *   `token`, `proof`, `nonce`, `body`, `text`, `password`, `seed`,
 *   `signature`, `hmac`, `credential` (any case, any depth: `hostKey`,
 *   `plaintext`), and anywhere in the text, Fernet tokens (`gAAAAA…`), key
 *   texts (43 URL-safe base64 characters and `=`) and any run of 43 or more
 *   base64/hex characters. That is a net, not a licence: do not log secrets
 *   or message text on purpose, and never log raw key bytes (a `Uint8Array`
 *   under an innocent name is not recognised). Side effect: a path property
 *   named `keyFile` is redacted too; call it `path` or `file`.
 * - **Nicknames only at `debug`.** Nicks, server names and addresses of
 *   members may appear in the trace, never in `info` or above. This module
 *   cannot tell a nick from other text, so this rule is yours to keep.
 * - Peer-supplied text cannot forge a record: control characters are
 *   escaped, and a multi-line value (a stack trace) continues on indented
 *   lines, so only a real record starts a line with its timestamp.
 *
 * @example
 * ```ts
 * import { flushLogging, getLogger, setupLogging } from "./mod.ts";
 *
 * await setupLogging({ debug: true, logFile: "/tmp/stealth.log" });
 * getLogger(["stealth", "net"]).debug("connected to {peer}", { peer: "127.0.0.1:5555" });
 * await flushLogging();
 * ```
 *
 * @module
 */

export { getLogger, type Logger, type LogRecord, type Sink } from "@logtape/logtape";
export { isDebugFromEnv } from "./is_debug_from_env.ts";
export { flushLogging, setupLogging, type SetupLoggingOptions } from "./setup_logging.ts";
