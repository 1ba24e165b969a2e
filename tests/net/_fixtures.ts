/**
 * Listeners and raw clients for the network tests, all on 127.0.0.1 port 0.
 *
 * @module
 */

import {
  type FramedConnection,
  listenTls,
  type ListenTlsOptions,
  type TlsListener,
} from "../../net/mod.ts";
import { DEFAULT_MAX_FRAME_BYTES, FrameDecoder } from "../../protocol/mod.ts";
import { testCircle } from "../support/test_circle.ts";

/** A listener that keeps every connection it accepted, for the test to use and close. */
export interface TestListener {
  listener: TlsListener;
  port: number;
  conns: FramedConnection[];
  /** Closes the listener and every accepted connection. */
  close(): Promise<void>;
  [Symbol.asyncDispose](): Promise<void>;
}

/** Listens with circle `seed`'s leaf; `onConnection` runs after the connection is recorded. */
export async function testListener(
  onConnection: (conn: FramedConnection) => void = () => {},
  options: Partial<ListenTlsOptions> & { seed?: number } = {},
): Promise<TestListener> {
  const circle = await testCircle(options.seed ?? 1);
  const conns: FramedConnection[] = [];
  const listener = await listenTls({
    hostname: "127.0.0.1",
    port: 0,
    cert: circle.certPem,
    key: circle.keyPem,
    ...options,
    onConnection(conn) {
      conns.push(conn);
      onConnection(conn);
    },
  });
  const close = async () => {
    await listener.close();
    await Promise.all(conns.map((conn) => conn.close(100)));
  };
  return { listener, port: listener.port, conns, close, [Symbol.asyncDispose]: close };
}

/** A listener whose connections echo every frame back, frame limit raised. */
export function echoListener(
  options: Partial<ListenTlsOptions> & { seed?: number } = {},
): Promise<TestListener> {
  return testListener((conn) => {
    conn.setMaxFrameBytes(DEFAULT_MAX_FRAME_BYTES);
    conn.onFrame = (payload) => {
      const frame = new Uint8Array(4 + payload.length);
      new DataView(frame.buffer).setUint32(0, payload.length);
      frame.set(payload, 4);
      conn.send(frame);
    };
  }, options);
}

/** A raw TLS client trusting circle `seed`: writes bytes as the test says. */
export async function rawTlsClient(port: number, seed = 1): Promise<Deno.TlsConn> {
  const circle = await testCircle(seed);
  const conn = await Deno.connectTls({
    hostname: "127.0.0.1",
    port,
    caCerts: [circle.caPem],
    unsafelyDisableHostnameVerification: true,
  });
  await conn.handshake();
  return conn;
}

/** Reads frames from a raw connection until `count` came or the stream ended. */
export async function readFrames(
  conn: Deno.Conn,
  count: number,
  maxFrameBytes = DEFAULT_MAX_FRAME_BYTES,
): Promise<Uint8Array[]> {
  const decoder = new FrameDecoder(maxFrameBytes);
  const frames: Uint8Array[] = [];
  const buffer = new Uint8Array(64 * 1024);
  while (frames.length < count) {
    const n = await conn.read(buffer);
    if (n === null) break;
    for (const frame of decoder.push(buffer.subarray(0, n))) frames.push(frame.slice());
  }
  return frames;
}

/** Whether the peer ended a raw connection (EOF or reset) within `timeoutMs`. */
export async function peerEnded(conn: Deno.Conn, timeoutMs = 5_000): Promise<boolean> {
  const buffer = new Uint8Array(64 * 1024);
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<"open">((resolve) =>
    timer = setTimeout(() => resolve("open"), timeoutMs)
  );
  try {
    while (true) {
      const result = await Promise.race([conn.read(buffer).catch(() => null), timeout]);
      if (result === "open") return false;
      if (result === null) return true;
    }
  } finally {
    clearTimeout(timer);
  }
}

/** Closes a Deno connection that may already be closed. */
export function closeQuietly(conn: Deno.Conn): void {
  try {
    conn.close();
  } catch {
    // Already closed.
  }
}
