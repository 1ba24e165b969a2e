/**
 * Which clients send: `S` senders spread evenly over `N` clients, so each
 * load worker (a contiguous block of clients) has its share of them.
 *
 * @module
 */

/** The sender index of client `client` (0..S-1), or -1 when it only listens. */
export function senderOf(client: number, totalClients: number, totalSenders: number): number {
  if (totalSenders <= 0) return -1;
  const here = Math.floor((client * totalSenders) / totalClients);
  const next = Math.floor(((client + 1) * totalSenders) / totalClients);
  return next > here ? here : -1;
}
