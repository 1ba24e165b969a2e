/**
 * `HOST[:PORT]` as people type it: a name, an IPv4 address, or an IPv6
 * address in brackets (`[::1]:5555`); a bare IPv6 address is taken whole.
 *
 * @module
 */

import { t } from "../i18n/mod.ts";
import { DEFAULT_SERVER_PORT } from "../protocol/mod.ts";

/** A server to dial. */
export interface ServerAddress {
  /** Host name or address, IPv6 without brackets. */
  hostname: string;
  /** Port. */
  port: number;
}

/**
 * Reads `HOST[:PORT]`; the port defaults to `defaultPort` (5555).
 *
 * @throws {SyntaxError} for an empty host, an unclosed bracket or a port
 *   that is not a number from 1 to 65535.
 */
export function parseServerAddress(
  text: string,
  defaultPort: number = DEFAULT_SERVER_PORT,
): ServerAddress {
  const input = text.trim();
  let hostname: string;
  let portText: string | undefined;
  if (input.startsWith("[")) {
    const close = input.indexOf("]");
    if (close < 0) {
      throw new SyntaxError(t("chat.address_no_bracket", { text }));
    }
    hostname = input.slice(1, close);
    const rest = input.slice(close + 1);
    if (rest !== "") {
      if (!rest.startsWith(":")) {
        throw new SyntaxError(t("chat.address_after_bracket", { text }));
      }
      portText = rest.slice(1);
    }
  } else {
    const colons = input.split(":").length - 1;
    if (colons === 1) {
      const at = input.indexOf(":");
      hostname = input.slice(0, at);
      portText = input.slice(at + 1);
    } else {
      hostname = input; // no port, or a bare IPv6 address
    }
  }
  if (hostname === "" || /\s/.test(hostname)) {
    throw new SyntaxError(t("chat.address_expected", { text }));
  }
  let port = defaultPort;
  if (portText !== undefined) {
    port = /^\d{1,5}$/.test(portText) ? Number(portText) : NaN;
    if (!(port >= 1 && port <= 65535)) {
      throw new SyntaxError(t("chat.address_port", { text }));
    }
  }
  return { hostname, port };
}
