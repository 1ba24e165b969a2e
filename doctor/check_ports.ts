/**
 * The host's side: are the ports free, or is it our own stealth that holds
 * them, and can the LAN reach it? A port open on this machine but not on
 * its LAN address gets the firewall (or `--host`) hint.
 *
 * @module
 */

import { authKey, type SecretKey } from "../crypto/mod.ts";
import { t } from "../i18n/mod.ts";
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
  const subject = t("doctor.subject_port", { port: String(port) });
  const findFix = t("doctor.fix_find_port", { port: String(port) });
  try {
    Deno.listen({ hostname: "0.0.0.0", port }).close();
    return [ok("port", subject, t("doctor.port_free"))];
  } catch (error) {
    if (error instanceof Deno.errors.PermissionDenied) {
      return [fail("port", subject, t("doctor.port_privileged"), t("doctor.fix_port_above"))];
    }
    if (!(error instanceof Deno.errors.AddrInUse)) {
      return [fail("port", subject, error instanceof Error ? error.message : String(error))];
    }
  }
  if (options.circle === undefined) {
    return [fail("port", subject, t("doctor.port_in_use_unknown"), findFix)];
  }
  const what = await identify(port, options.circle, options.timeoutMs);
  if (what === "refused" || what === "other") {
    return [
      fail(
        "port",
        subject,
        t("doctor.port_other_program"),
        t("doctor.fix_stop_or_move", { find: findFix }),
      ),
    ];
  }
  if (what === "foreign") {
    return [
      fail("port", subject, t("doctor.port_foreign"), t("doctor.fix_stop_or_port")),
    ];
  }
  const findings = [
    ok(
      "port",
      subject,
      what === "registry" ? t("doctor.port_our_registry") : t("doctor.port_our_server"),
    ),
  ];
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
  what: "registry" | "chat server",
  options: PortsOptions,
): Promise<Finding[]> {
  const subject = t("doctor.subject_port", { port: String(port) });
  const address = options.lanAddresses[0];
  if (address === undefined) {
    return [skip("lan", subject, t("doctor.no_lan"))];
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
    return [ok("lan", subject, t("doctor.lan_reachable", { where }))];
  } catch (error) {
    const text = what === "registry"
      ? t("doctor.lan_not_registry", { where })
      : t("doctor.lan_not_server", { where });
    if (error instanceof Deno.errors.ConnectionRefused) {
      return [fail("lan", subject, text, t("doctor.fix_listen_all"))];
    }
    return [fail("lan", subject, text, t("doctor.fix_firewall", { port: String(port) }))];
  } finally {
    clearTimeout(timer);
  }
}
