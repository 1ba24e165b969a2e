/**
 * What every command shares: exit codes, waiting for Ctrl-C or SIGTERM,
 * reading the key with one clear line on failure, and the command line's
 * own words (optique's errors and labels) in the reader's language. Knows
 * nothing of chat, registry or servers.
 *
 * @module
 */

export { EXIT } from "./exit_codes.ts";
export { loadKey, type Output } from "./load_key.ts";
export { untilStopped } from "./until_stopped.ts";
export { type Listener, listenProblem } from "./listen_problem.ts";
export { optiqueMessageFormatter, optiqueText, optiqueTheme } from "./optique_text.ts";
