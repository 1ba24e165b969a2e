/**
 * The error a chat connection refuses a request with.
 *
 * @module
 */

/** Why a request to the chat connection was refused. */
export type ChatErrorCode =
  | "outbox-full" // too many messages waiting to be sent
  | "not-connected" // a request that cannot wait for the connection (nick, away, who)
  | "closed" // the connection was closed by us
  | "server-closed" // the server ended the session (kicked, replaced, flooding...)
  | "file"; // a file transfer command refused (no such transfer, not a file, too big...)

/** A request was refused; `message` is one line for a person. */
export class ChatError extends Error {
  /** Why. */
  readonly code: ChatErrorCode;

  /** Makes a chat error. */
  constructor(code: ChatErrorCode, message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = "ChatError";
    this.code = code;
  }
}
