/**
 * A bare protocol client for server tests: dial, handshake, collect every
 * decoded server message, send raw messages. No reconnects, no crypto of
 * bodies beyond what the test does itself.
 *
 * @module
 */

import { dialHandshake, dialTls, type FramedConnection, type OkMessage } from "../../net/mod.ts";
import {
  type ClientMessage,
  decodeServerMessage,
  encodeMessage,
  type ServerMessage,
} from "../../protocol/mod.ts";
import type { TestCircle } from "./test_circle.ts";
import { waitFor } from "./wait_for.ts";

/** A connected member speaking raw frames. */
export class RawMember {
  readonly conn: FramedConnection;
  readonly ok: OkMessage;
  readonly received: ServerMessage[] = [];
  closedReason: string | undefined;

  private constructor(conn: FramedConnection, ok: OkMessage) {
    this.conn = conn;
    this.ok = ok;
    conn.onFrame = (payload) => this.received.push(decodeServerMessage(payload));
    conn.onClose = (reason) => this.closedReason = reason;
    conn.resume();
  }

  /** Dials `port` on 127.0.0.1 and joins (or resumes) as `nick`. */
  static async join(
    circle: TestCircle,
    port: number,
    nick: string,
    options: { resume?: { session: string; after: number }; host?: boolean } = {},
  ): Promise<RawMember> {
    const conn = await dialTls({ hostname: "127.0.0.1", port, caPem: circle.caPem });
    const { ok } = await dialHandshake(conn, {
      role: "server",
      authKey: circle.authKey,
      nick,
      ...(options.resume ? { resume: options.resume } : {}),
      ...(options.host ? { hostAuthKey: circle.hostAuthKey } : {}),
    });
    return new RawMember(conn, ok);
  }

  /** Sends one message. */
  send(message: ClientMessage): void {
    this.conn.send(encodeMessage(message));
  }

  /** The received messages of one type. */
  all<T extends ServerMessage["t"]>(t: T): Extract<ServerMessage, { t: T }>[] {
    return this.received.filter((m): m is Extract<ServerMessage, { t: T }> => m.t === t);
  }

  /** Waits until a received message matches. */
  async waitFor(
    what: string,
    match: (m: ServerMessage) => boolean,
    timeoutMs = 5_000,
  ): Promise<ServerMessage> {
    await waitFor(() => this.received.some(match), what, timeoutMs);
    return this.received.find(match)!;
  }

  /** Sends `bye` and closes. */
  async leave(): Promise<void> {
    this.send({ t: "bye" });
    await this.conn.close();
  }
}
