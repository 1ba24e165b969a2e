/**
 * `HOST[:PORT]` of a chat server, as people type it: the registry's parser
 * (one for every command), with the chat server's port by default.
 *
 * @module
 */

import { DEFAULT_SERVER_PORT } from "../protocol/mod.ts";
import { type HostPort, parseHostPort } from "../registry/mod.ts";

/** A server to dial. */
export type ServerAddress = HostPort;

/**
 * Reads `HOST[:PORT]`; the port defaults to `defaultPort` (5555).
 *
 * @throws {SyntaxError} one line saying what is wrong (a port out of range too).
 */
export function parseServerAddress(
  text: string,
  defaultPort: number = DEFAULT_SERVER_PORT,
): ServerAddress {
  try {
    return parseHostPort(text, defaultPort);
  } catch (error) {
    if (error instanceof RangeError) throw new SyntaxError(error.message, { cause: error });
    throw error;
  }
}
