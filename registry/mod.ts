/**
 * The registry: where a circle's chat servers say they are up, and where
 * members ask which ones there are. This folder owns the registry service
 * ({@linkcode startRegistry}, with its pure {@linkcode Directory} of entries),
 * a server's link to it ({@linkcode RegistryLink}: register, beat, re-register
 * by itself), the member's question ({@linkcode listServers}) and the
 * `stealth registry` and `stealth list` commands.
 *
 * It knows nothing of rooms, members or messages: a server is a name, an
 * address, a port, a user count and a start time. Nothing is written to disk.
 *
 * @example
 * ```ts ignore
 * const registry = await startRegistry({ key, hostname: "0.0.0.0", port: 5556 });
 * const link = new RegistryLink({
 *   key,
 *   registry: { hostname: "127.0.0.1", port: registry.port },
 *   server: () => ({ name: "living room", port: 5555, users: room.size, since: startedAt }),
 * });
 * link.start();
 * const servers = await listServers({ key, hostname: "pi.local", port: 5556 });
 * ```
 *
 * @module
 */

export { Directory, type DirectoryLimits, type RegisterRefusal } from "./directory.ts";
export type { InterfaceAddress } from "./_listed_host.ts";
export {
  DEFAULT_REGISTRY_LIMITS,
  REGISTRY_SWEEP_INTERVAL_MS,
  type RegistryLimits,
  type RegistryOptions,
  type RegistryService,
  startRegistry,
} from "./registry_service.ts";
export {
  MIN_UPDATE_INTERVAL_MS,
  REGISTRY_BACKOFF_MS,
  REGISTRY_DIAL_TIMEOUT_MS,
  RegistryLink,
  type RegistryLinkOptions,
  type RegistryLinkState,
  type ServerAnnouncement,
} from "./registry_link.ts";
export { LIST_TIMEOUT_MS, listServers, type ListServersOptions } from "./list_servers.ts";
export { type HostPort, parseHostPort } from "./parse_host_port.ts";
export { runRegistry, type RunRegistryOptions } from "./registry_command.ts";
export {
  EXIT_NOT_IN_CIRCLE,
  formatTable,
  formatUptime,
  runList,
  type RunListOptions,
} from "./list_command.ts";
