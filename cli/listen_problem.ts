/**
 * One line for a listener that could not start.
 *
 * @module
 */

/**
 * What to tell a person when listening on `port` failed: a port in use
 * names the likely cause and the flag to change it.
 */
export function listenProblem(error: unknown, port: number, what: string): string {
  const code = (error as { cause?: { code?: unknown } } | null)?.cause?.code;
  if (code === "EADDRINUSE") {
    return `port ${port} is already in use — is another ${what} running? choose another with --port`;
  }
  if (code === "EACCES") {
    return `not allowed to listen on port ${port} — ports below 1024 need privileges; choose another with --port`;
  }
  return error instanceof Error ? error.message : String(error);
}
