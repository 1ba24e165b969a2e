/**
 * `HOST[:PORT]` as people type it on the command line.
 *
 * @module
 */

import { isIP } from "node:net";
import { t } from "../i18n/mod.ts";

/** A host and a port. */
export interface HostPort {
  /** Host name or address; IPv6 without brackets. */
  hostname: string;
  /** Port, 1 to 65535. */
  port: number;
}

const HOST_NAME = /^[a-z0-9_](?:[a-z0-9_-]{0,62})(?:\.[a-z0-9_](?:[a-z0-9_-]{0,62}))*\.?$/i;

/**
 * Parses `HOST`, `HOST:PORT`, `[IPv6]`, `[IPv6]:PORT` or a bare IPv6
 * address; `defaultPort` when no port is given.
 *
 * @throws {SyntaxError} one line saying what is wrong, with examples, when
 *   the text is empty, the host is not a name or address, the port is not a
 *   number, or an IPv6 address with a port lacks brackets.
 * @throws {RangeError} when the port is outside 1 to 65535.
 */
export function parseHostPort(text: string, defaultPort: number): HostPort {
  const input = text.trim();
  const fail = (why: string): never => {
    throw new SyntaxError(t("registry.host_port", { text, why }));
  };
  if (input === "") fail(t("registry.host_port_empty"));
  let host: string;
  let portText: string | undefined;
  if (input.startsWith("[")) {
    const end = input.indexOf("]");
    if (end < 0) fail(t("registry.host_port_unclosed"));
    host = input.slice(1, end);
    const rest = input.slice(end + 1);
    if (rest !== "") {
      if (!rest.startsWith(":")) fail(t("registry.host_port_after_bracket"));
      portText = rest.slice(1);
    }
    if (isIP(host) !== 6) {
      fail(
        host === ""
          ? t("registry.host_port_empty_brackets")
          : t("registry.host_port_not_ipv6", { host }),
      );
    }
  } else if (input.indexOf(":") !== input.lastIndexOf(":")) {
    if (isIP(input.replace(/%.*$/, "")) !== 6) {
      fail(t("registry.host_port_brackets"));
    }
    host = input;
  } else {
    const colon = input.indexOf(":");
    host = colon < 0 ? input : input.slice(0, colon);
    portText = colon < 0 ? undefined : input.slice(colon + 1);
    if (host === "") fail(t("registry.host_port_no_host"));
    if (isIP(host) === 0 && !HOST_NAME.test(host)) {
      fail(t("registry.host_port_bad_host", { host }));
    }
  }
  let port = defaultPort;
  if (portText !== undefined) {
    if (portText === "") fail(t("registry.host_port_no_port"));
    if (!/^\d{1,5}$/.test(portText)) fail(t("registry.host_port_nan", { port: portText }));
    port = Number(portText);
  }
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    throw new RangeError(t("registry.host_port_range", { text, port: String(port) }));
  }
  return { hostname: host, port };
}
