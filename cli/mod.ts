/**
 * What every command shares: exit codes, waiting for Ctrl-C or SIGTERM, and
 * reading the key with one clear line on failure. Knows nothing of chat,
 * registry or servers.
 *
 * @module
 */

export { EXIT } from "./exit_codes.ts";
export { loadKey, type Output } from "./load_key.ts";
export { untilStopped } from "./until_stopped.ts";
export { listenProblem } from "./listen_problem.ts";
export { humanDuration, humanWait } from "./human_duration.ts";
