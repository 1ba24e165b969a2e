/**
 * A TCP proxy on 127.0.0.1 that a test can misbehave on command: cut every
 * connection, stall (stop forwarding, so windows fill up like on a frozen
 * network), or half-close. It forwards bytes only, so TLS runs end to end
 * through it.
 *
 * @example
 * ```ts ignore
 * await using proxy = await TcpProxy.start({ port: listener.port });
 * const conn = await dialTls({ hostname: "127.0.0.1", port: proxy.port, caPem });
 * proxy.cut(); // the dialer sees its connection end
 * ```
 *
 * @module
 */

/** Where the proxy forwards to. */
export interface TcpProxyTarget {
  /** Target host (default 127.0.0.1). */
  hostname?: string;
  /** Target port. */
  port: number;
}

/** Which ends a half-close shuts. */
export type HalfCloseSide = "client" | "server" | "both";

/** One proxied connection. */
class Pair {
  readonly client: Deno.TcpConn;
  readonly server: Deno.TcpConn;
  done: Promise<void> = Promise.resolve();
  #closed = false;

  constructor(client: Deno.TcpConn, server: Deno.TcpConn) {
    this.client = client;
    this.server = server;
  }

  close(): void {
    if (this.#closed) return;
    this.#closed = true;
    for (const conn of [this.client, this.server]) {
      try {
        conn.close();
      } catch {
        // Already closed.
      }
    }
  }
}

/** A misbehaving-on-command TCP proxy; see the module doc. */
export class TcpProxy {
  #listener: Deno.TcpListener;
  #target: Required<TcpProxyTarget>;
  #pairs = new Set<Pair>();
  #stalled = false;
  #unstall: (() => void)[] = [];
  #accepting: Promise<void>;
  #accepted = 0;

  private constructor(listener: Deno.TcpListener, target: Required<TcpProxyTarget>) {
    this.#listener = listener;
    this.#target = target;
    this.#accepting = this.#acceptLoop();
  }

  /** Starts a proxy on 127.0.0.1, a free port, forwarding to `target`. */
  static start(target: TcpProxyTarget): Promise<TcpProxy> {
    const listener = Deno.listen({ hostname: "127.0.0.1", port: 0 });
    return Promise.resolve(
      new TcpProxy(listener, { hostname: target.hostname ?? "127.0.0.1", port: target.port }),
    );
  }

  /** The proxy's port. */
  get port(): number {
    return this.#listener.addr.port;
  }

  /** Connections being forwarded now. */
  get connections(): number {
    return this.#pairs.size;
  }

  /** Connections accepted since the start. */
  get accepted(): number {
    return this.#accepted;
  }

  /** Whether forwarding is stopped. */
  get stalled(): boolean {
    return this.#stalled;
  }

  /** Closes every current connection at once, both sides; new ones are still accepted. */
  cut(): void {
    for (const pair of this.#pairs) pair.close();
  }

  /** Stops forwarding in both directions (bytes already read are held); connections stay open. */
  stall(): void {
    this.#stalled = true;
  }

  /** Forwards again, held bytes first. */
  unstall(): void {
    this.#stalled = false;
    const waiting = this.#unstall;
    this.#unstall = [];
    for (const resume of waiting) resume();
  }

  /**
   * Sends FIN to one or both ends of every current connection (no TLS
   * close_notify: the peer sees the stream end under TLS) while the other
   * direction keeps flowing.
   */
  async halfClose(side: HalfCloseSide = "both"): Promise<void> {
    const ends: Deno.TcpConn[] = [];
    for (const pair of this.#pairs) {
      if (side !== "server") ends.push(pair.client);
      if (side !== "client") ends.push(pair.server);
    }
    await Promise.all(ends.map((conn) => conn.closeWrite().catch(() => {})));
  }

  /** Stops accepting, closes every connection and waits for the pumps. */
  async close(): Promise<void> {
    try {
      this.#listener.close();
    } catch {
      // Already closed.
    }
    this.cut();
    this.unstall();
    await this.#accepting;
    await Promise.all([...this.#pairs].map((pair) => pair.done));
  }

  /** For `await using`. */
  [Symbol.asyncDispose](): Promise<void> {
    return this.close();
  }

  async #acceptLoop(): Promise<void> {
    while (true) {
      let client: Deno.TcpConn;
      try {
        client = await this.#listener.accept();
      } catch {
        return;
      }
      this.#accepted++;
      let server: Deno.TcpConn;
      try {
        server = await Deno.connect(this.#target);
      } catch {
        client.close();
        continue;
      }
      const pair = new Pair(client, server);
      this.#pairs.add(pair);
      pair.done = Promise.all([
        this.#pump(client, server),
        this.#pump(server, client),
      ]).then(() => {
        pair.close();
        this.#pairs.delete(pair);
      });
    }
  }

  async #pump(from: Deno.TcpConn, to: Deno.TcpConn): Promise<void> {
    const buffer = new Uint8Array(16 * 1024);
    try {
      while (true) {
        const n = await from.read(buffer);
        if (n === null) {
          await to.closeWrite().catch(() => {});
          return;
        }
        while (this.#stalled) {
          await new Promise<void>((resolve) => this.#unstall.push(resolve));
        }
        let offset = 0;
        while (offset < n) offset += await to.write(buffer.subarray(offset, n));
      }
    } catch {
      // A cut or a reset: the pair closes below.
    }
  }
}
