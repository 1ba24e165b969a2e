/**
 * Direct mode (`stealth p2p`): two members, no registry, no server of
 * their own. Owns only the wiring: the listener is the chat server of
 * `server/` with role "p2p" and room for two, its own person joins it over
 * loopback, and both sides run the front ends of `client/` in direct mode.
 * It must not copy what those folders do: no protocol, TLS or room code
 * lives here.
 *
 * @example
 * ```ts ignore
 * import { runP2p } from "./p2p/mod.ts";
 *
 * // One side: stealth p2p --listen --plain
 * await runP2p({ keyPath, listen: true, mode: "plain", theme: "plain", homeDir, debug: false });
 * // The other: stealth p2p 192.168.1.5 --plain
 * await runP2p({
 *   keyPath, listen: false, target: "192.168.1.5", mode: "plain", theme: "plain", homeDir,
 *   debug: false,
 * });
 * ```
 *
 * @module
 */

export { P2P_MEMBERS, type P2pOptions, runP2p } from "./run_p2p.ts";
