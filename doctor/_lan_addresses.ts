/**
 * This machine's addresses other machines reach it by (IPv4 first), for
 * the firewall hint. The server keeps its own copy for its greeting; doctor
 * does not import the server.
 *
 * @module
 */

/** Non-loopback, non-link-local addresses, IPv4 first; none without `--allow-sys`. */
export function lanAddresses(): string[] {
  try {
    return Deno.networkInterfaces()
      .filter((i) => !i.address.startsWith("127.") && i.address !== "::1")
      .filter((i) => !i.address.toLowerCase().startsWith("fe80:"))
      .sort((a, b) => (a.family === b.family ? 0 : a.family === "IPv4" ? -1 : 1))
      .map((i) => i.address);
  } catch {
    return [];
  }
}
