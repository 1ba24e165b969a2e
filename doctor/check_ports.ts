/**
 * The host's side: are the ports free, or is it our own stealth that holds
 * them, and can the LAN reach it? A port open on this machine but not on
 * its LAN address gets the firewall (or `--host`) hint.
 *
 * @module
 */

import { authKey, type SecretKey } from "../crypto/mod.ts";
import { DialError, dialHandshake, dialTls, HandshakeError, hostPort } from "../net/mod.ts";
import { fail, type Finding, ok, skip } from "./finding.ts";

/** What {@linkcode checkPorts} is told. */
export interface PortsOptions {
  /** The ports to check. */
  ports: readonly number[];
  /** The circle key and CA, to recognise our own stealth on a taken port. */
  circle?: { key: SecretKey; caPem: string };
  /** This machine's LAN addresses, IPv4 first. */
  lanAddresses: readonly string[];
  /** Time for each connection. */
  timeoutMs: number;
}

/** One or more findings per port. */
export async function checkPorts(options: PortsOptions): Promise<Finding[]> {
  const findings: Finding[] = [];
  for (const port of options.ports) findings.push(...await checkPort(port, options));
  return findings;
}

async function checkPort(port: number, options: PortsOptions): Promise<Finding[]> {
  const subject = `port ${port}`;
  const findFix = `find it with: sudo ss -ltnp 'sport = :${port}'`;
  try {
    Deno.listen({ hostname: "0.0.0.0", port }).close();
    return [ok("port", subject, "free: a stealth registry or server can listen on it")];
  } catch (error) {
    if (error instanceof Deno.errors.PermissionDenied) {
      return [
        fail("port", subject, "ports below 1024 need privileges", "choose a port above 1024"),
      ];
    }
    if (!(error instanceof Deno.errors.AddrInUse)) {
      return [fail("port", subject, error instanceof Error ? error.message : String(error))];
    }
  }
  if (options.circle === undefined) {
    return [fail("port", subject, "in use, and without a key doctor cannot tell by what", findFix)];
  }
  const what = await identify(port, options.circle, options.timeoutMs);
  if (what === "refused" || what === "other") {
    return [
      fail(
        "port",
        subject,
        "taken by another program",
        `${findFix} — stop it, or choose another port with --port`,
      ),
    ];
  }
  if (what === "foreign") {
    return [
      fail(
        "port",
        subject,
        "taken by a stealth of another circle (a different secret.key)",
        "stop it, or choose another port with --port",
      ),
    ];
  }
  const findings = [ok("port", subject, `a stealth ${what} of your circle is listening`)];
  findings.push(...await checkLan(port, what, options));
  return findings;
}

/** What listens on 127.0.0.1:port. */
async function identify(
  port: number,
  circle: { key: SecretKey; caPem: string },
  timeoutMs: number,
): Promise<"registry" | "chat server" | "foreign" | "refused" | "other"> {
  const dial = () => dialTls({ hostname: "127.0.0.1", port, caPem: circle.caPem, timeoutMs });
  let conn;
  try {
    conn = await dial();
  } catch (error) {
    if (error instanceof DialError && error.code === "foreign") return "foreign";
    if (error instanceof DialError && error.code === "refused") return "refused";
    return "other";
  }
  const key = authKey(circle.key);
  try {
    await dialHandshake(conn, { role: "registry", authKey: key, timeoutMs });
    return "registry";
  } catch (error) {
    if (!(error instanceof HandshakeError && error.code === "role")) return "other";
  } finally {
    await conn.close(0);
  }
  return "chat server";
}

async function checkLan(
  port: number,
  what: string,
  options: PortsOptions,
): Promise<Finding[]> {
  const subject = `port ${port}`;
  const address = options.lanAddresses[0];
  if (address === undefined) {
    return [skip("lan", subject, "this machine has no LAN address: only it can reach the port")];
  }
  const where = hostPort(address, port);
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    const conn = await Promise.race([
      Deno.connect({ hostname: address, port }),
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Deno.errors.TimedOut()), options.timeoutMs);
      }),
    ]);
    conn.close();
    return [ok("lan", subject, `reachable on the LAN address ${where}`)];
  } catch (error) {
    if (error instanceof Deno.errors.ConnectionRefused) {
      return [
        fail(
          "lan",
          subject,
          `the ${what} answers on this machine but not on its LAN address ${where}`,
          "it listens on one address only: start it with --host 0.0.0.0 (the default)",
        ),
      ];
    }
    return [
      fail(
        "lan",
        subject,
        `the ${what} answers on this machine but not on its LAN address ${where}`,
        `a firewall may block it: allow TCP ${port} (e.g. sudo ufw allow ${port}/tcp)`,
      ),
    ];
  } finally {
    clearTimeout(timer);
  }
}
