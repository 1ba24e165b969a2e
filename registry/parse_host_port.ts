/**
 * `HOST[:PORT]` as people type it on the command line.
 *
 * @module
 */

import { isIP } from "node:net";

/** A host and a port. */
export interface HostPort {
  /** Host name or address; IPv6 without brackets. */
  hostname: string;
  /** Port, 1 to 65535. */
  port: number;
}

const HOST_NAME = /^[a-z0-9_](?:[a-z0-9_-]{0,62})(?:\.[a-z0-9_](?:[a-z0-9_-]{0,62}))*\.?$/i;
const EXAMPLES = "e.g. pi.local, 192.168.1.20:5556 or [::1]:5556";

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
    throw new SyntaxError(`Cannot read "${text}" as HOST[:PORT]: ${why} (${EXAMPLES})`);
  };
  if (input === "") fail("it is empty");
  let host: string;
  let portText: string | undefined;
  if (input.startsWith("[")) {
    const end = input.indexOf("]");
    if (end < 0) fail("the [ of an IPv6 address is not closed");
    host = input.slice(1, end);
    const rest = input.slice(end + 1);
    if (rest !== "") {
      if (!rest.startsWith(":")) fail("expected :PORT after the ]");
      portText = rest.slice(1);
    }
    if (isIP(host) !== 6) fail(`${host || "nothing"} in brackets is not an IPv6 address`);
  } else if (input.indexOf(":") !== input.lastIndexOf(":")) {
    if (isIP(input.replace(/%.*$/, "")) !== 6) {
      fail("put an IPv6 address in brackets when you give a port");
    }
    host = input;
  } else {
    const colon = input.indexOf(":");
    host = colon < 0 ? input : input.slice(0, colon);
    portText = colon < 0 ? undefined : input.slice(colon + 1);
    if (host === "") fail("the host is missing");
    if (isIP(host) === 0 && !HOST_NAME.test(host)) {
      fail(`${host} is neither a host name nor an IP address`);
    }
  }
  let port = defaultPort;
  if (portText !== undefined) {
    if (portText === "") fail("the port after : is missing");
    if (!/^\d{1,5}$/.test(portText)) fail(`the port ${portText} is not a number`);
    port = Number(portText);
  }
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    throw new RangeError(
      `Cannot read "${text}" as HOST[:PORT]: the port must be from 1 to 65535, got ${port}`,
    );
  }
  return { hostname: host, port };
}
