/**
 * What went wrong, as a person should read it in the UI: one line, a hint
 * on what to do, and the exit code it means when the client ends there.
 *
 * @module
 */

import { t } from "../../i18n/mod.ts";
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

/** A failed question to the registry at `where`. */
export function registryProblem(error: unknown, where: string): Problem {
  if (notInCircle(error)) {
    return {
      text: t("registry.not_in_circle_at", { where }),
      hint: t("ui.hint_fingerprints"),
      code: EXIT_NOT_IN_CIRCLE,
    };
  }
  if (error instanceof DialError && error.code === "refused") {
    return {
      text: t("ui.registry_refused", { where }),
      hint: t("ui.hint_registry"),
      code: EXIT_FAILURE,
    };
  }
  if (error instanceof DialError || error instanceof HandshakeError) {
    return {
      text: withWhere(error.message, where),
      hint: t("ui.hint_registry"),
      code: EXIT_FAILURE,
    };
  }
  return { text: withWhere(messageOf(error), where), code: EXIT_FAILURE };
}

/** A failed first connection to the chat server at `where` (with `direct`, to a p2p peer). */
export function serverProblem(error: unknown, where: string, direct = false): Problem {
  if (notInCircle(error)) {
    return {
      text: t("chat.at", {
        where,
        text: direct ? t("net.peer_not_in_circle") : t("net.server_not_in_circle"),
      }),
      hint: t("ui.hint_fingerprints"),
      code: EXIT_NOT_IN_CIRCLE,
    };
  }
  if (
    error instanceof HandshakeError && (error.code === "nick-taken" || error.code === "bad-nick")
  ) {
    return {
      text: error.code === "nick-taken" ? t("ui.nick_taken") : t("ui.nick_refused"),
      code: EXIT_FAILURE,
      badNick: true,
    };
  }
  if (error instanceof DialError && error.code === "refused" && direct) {
    return {
      text: t("ui.peer_refused", { where }),
      hint: t("ui.hint_peer"),
      code: EXIT_FAILURE,
    };
  }
  if (error instanceof DialError && error.code === "refused") {
    return {
      text: t("ui.server_refused", { where }),
      hint: t("ui.hint_server"),
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
  return text.includes(where) ? text : t("chat.at", { where, text });
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
