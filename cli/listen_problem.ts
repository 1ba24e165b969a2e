/**
 * One line for a listener that could not start.
 *
 * @module
 */

import { t } from "../i18n/mod.ts";

/** What was to listen: the words of the "is another … running?" question. */
export type Listener = "registry" | "server" | "stealth";

/**
 * What to tell a person when listening on `port` failed: a port in use
 * names the likely cause and the flag to change it.
 */
export function listenProblem(error: unknown, port: number, what: Listener): string {
  const code = (error as { cause?: { code?: unknown } } | null)?.cause?.code;
  if (code === "EADDRINUSE") {
    const params = { port: String(port) };
    if (what === "registry") return t("cli.port_in_use_registry", params);
    if (what === "server") return t("cli.port_in_use_server", params);
    return t("cli.port_in_use_stealth", params);
  }
  if (code === "EACCES") return t("cli.port_not_allowed", { port: String(port) });
  return error instanceof Error ? error.message : String(error);
}
