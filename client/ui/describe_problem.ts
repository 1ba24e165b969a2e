/**
 * What went wrong, as a person should read it in the UI: one line, a hint
 * on what to do, and the exit code it means when the client ends there.
 *
 * @module
 */

import { DialError, HandshakeError } from "../../net/mod.ts";
import { EXIT_FAILURE, EXIT_NOT_IN_CIRCLE } from "../plain_chat.ts";

/** A failure, told. */
export interface Problem {
  /** One line: what happened. */
  text: string;
  /** What to do about it. */
  hint?: string;
  /** The exit code if the client ends on it. */
  code: number;
  /** The nick was refused: ask for another. */
  badNick?: boolean;
}

const REGISTRY_HINT =
  "Start one on the host with `stealth up`, ask another with `--registry HOST`, or go straight to a server: `stealth chat HOST[:PORT]`.";

/** A failed question to the registry at `where`. */
export function registryProblem(error: unknown, where: string): Problem {
  if (notInCircle(error)) {
    return {
      text: `${where}: this registry is not in your circle — check secret.key`,
      hint: "Compare fingerprints with `stealth fingerprint` on both machines.",
      code: EXIT_NOT_IN_CIRCLE,
    };
  }
  if (error instanceof DialError && error.code === "refused") {
    return {
      text: `Cannot reach the registry at ${where} — is it running? (connection refused)`,
      hint: REGISTRY_HINT,
      code: EXIT_FAILURE,
    };
  }
  if (error instanceof DialError || error instanceof HandshakeError) {
    return { text: withWhere(error.message, where), hint: REGISTRY_HINT, code: EXIT_FAILURE };
  }
  return { text: withWhere(messageOf(error), where), code: EXIT_FAILURE };
}

/** A failed first connection to the chat server at `where` (with `direct`, to a p2p peer). */
export function serverProblem(error: unknown, where: string, direct = false): Problem {
  if (notInCircle(error)) {
    return {
      text: `${where}: this ${direct ? "peer" : "server"} is not in your circle — check secret.key`,
      hint: "Compare fingerprints with `stealth fingerprint` on both machines.",
      code: EXIT_NOT_IN_CIRCLE,
    };
  }
  if (
    error instanceof HandshakeError && (error.code === "nick-taken" || error.code === "bad-nick")
  ) {
    return {
      text: error.code === "nick-taken"
        ? "That nick is taken on this server — pick another."
        : "The server does not accept that nick — pick another.",
      code: EXIT_FAILURE,
      badNick: true,
    };
  }
  if (error instanceof DialError && error.code === "refused" && direct) {
    return {
      text: `Cannot reach ${where} — is the other side listening? (connection refused)`,
      hint: "They start with `stealth p2p --listen`; check the address and port they read out.",
      code: EXIT_FAILURE,
    };
  }
  if (error instanceof DialError && error.code === "refused") {
    return {
      text: `Cannot reach ${where} — is the server running? (connection refused)`,
      hint: "Check the address, or start the server with `stealth up` on the host.",
      code: EXIT_FAILURE,
    };
  }
  return { text: withWhere(messageOf(error), where), code: EXIT_FAILURE };
}

function notInCircle(error: unknown): boolean {
  return (error instanceof HandshakeError && error.code === "not-in-circle") ||
    (error instanceof DialError && error.code === "foreign");
}

function withWhere(text: string, where: string): string {
  return text.includes(where) ? text : `${where}: ${text}`;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
