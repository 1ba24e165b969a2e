/**
 * A free TCP port on 127.0.0.1, for a process that must come back on the
 * same port after it is killed (port 0 would give it another one).
 *
 * @module
 */

/** Binds port 0 on 127.0.0.1, closes it, and returns the port the system gave. */
export function freePort(): number {
  const listener = Deno.listen({ hostname: "127.0.0.1", port: 0 });
  const { port } = listener.addr;
  listener.close();
  return port;
}
