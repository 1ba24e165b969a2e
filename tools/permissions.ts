/**
 * The permissions the shipped program runs with: baked into the binaries by
 * `deno task compile`, written into the bundle's `#!` line by `deno task
 * bundle`, and used by the end-to-end tests when they run the bundle, so a
 * permission the program lacks fails in CI, not on a member's machine.
 *
 * - net: listen (registry, server, p2p) and dial (chat, list).
 * - read, write: the key files, the home folder, `--log-file`, `certs
 *   export`, received files; all are paths the person chooses, so no scope.
 * - env: STEALTH_HOME, STEALTH_DEBUG, HOME and XDG_CONFIG_HOME (or APPDATA),
 *   USER, NO_COLOR and the terminal's variables the CLI parser and the UI
 *   read. Scoping it would turn every new variable a library reads into a
 *   crash; reading the environment gives away nothing the person has not.
 * - sys: only `hostname` (the server's default name and certificate) and
 *   `networkInterfaces` (the certificate's addresses, the LAN address shown
 *   to members, the registry's loopback fix).
 *
 * Not granted: run (no subprocesses), ffi, import (nothing is fetched at run
 * time). `--no-prompt`: a missing permission is an error, never a question
 * in the middle of a chat screen or a systemd journal.
 *
 * @module
 */

/** `deno run` / `deno compile` flags for the shipped program. */
export const RUN_PERMISSIONS: readonly string[] = [
  "--no-prompt",
  "--allow-net",
  "--allow-read",
  "--allow-write",
  "--allow-env",
  "--allow-sys=hostname,networkInterfaces",
];
