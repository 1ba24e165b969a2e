/**
 * `stealth chat HOST[:PORT] --plain|--json`: the line-mode client scripts
 * can drive. Each stdin line is a message or a slash command; each event is
 * one stdout line, readable or JSON. Stdin closing means leave.
 *
 * @module
 */

import { t } from "../i18n/mod.ts";
import { MAX_BODY_TEXT } from "../protocol/mod.ts";
import { type ChatConnection, DEFAULT_CLOSE_TIMEOUT_MS } from "./chat_connection.ts";
import type { ErrorEvent } from "./chat_event.ts";
import { DirectChat, type DirectMode } from "./direct_chat.ts";
import {
  connectionTuning,
  EXIT_FAILURE,
  EXIT_OK,
  lineChat,
  lineJoin,
  type LineOptions,
  lineOutput,
  lineStart,
  type LineTuning,
  messageOf,
} from "./line_start.ts";
import { type CommandContext, handleInput } from "./slash_commands.ts";

export { EXIT_FAILURE, EXIT_NOT_IN_CIRCLE, EXIT_OK, EXIT_USAGE } from "./line_start.ts";

/**
 * Pending messages past which stdin is not read until the server catches
 * up: a script piping a long file waits instead of overflowing the outbox.
 */
const READ_AHEAD = 200;

/** Knobs for tests; people never need them. */
export type PlainChatTuning = LineTuning;

/** Options of {@linkcode runPlainChat}. */
export interface PlainChatOptions extends LineOptions {
  /** Path of host.key, to ask for host powers. */
  hostKeyPath?: string;
  /** Lines to send (default: the process's stdin). */
  stdin?: ReadableStream<Uint8Array>;
  /**
   * Direct (p2p) mode: dial a p2p listener (role "p2p"), or with
   * `listening`, our own; lines say "direct with NICK" rather than a server.
   */
  direct?: DirectMode;
}

type Stop = "eof" | "quit" | "abort" | "offline";

/**
 * Runs the line-mode client until stdin closes, `/quit`, the signal, or the
 * connection goes offline. Resolves with the exit code:
 * {@linkcode EXIT_OK}, {@linkcode EXIT_FAILURE} (connection failure,
 * offline, messages left unsent), {@linkcode EXIT_USAGE} (bad address or
 * nick), {@linkcode EXIT_NOT_IN_CIRCLE} (wrong key). Never rejects for
 * anything the network or the user does.
 */
export async function runPlainChat(options: PlainChatOptions): Promise<number> {
  const tuning = options.tuning ?? {};
  const out = lineOutput({
    json: options.json,
    ...(options.stdout ? { stdout: options.stdout } : {}),
    ...(options.stderr ? { stderr: options.stderr } : {}),
    ...(tuning.clock ? { clock: tuning.clock } : {}),
    ...(tuning.time ? { time: tuning.time } : {}),
  });
  const { clock, print } = out;
  const started = await lineStart(options, out);
  if (typeof started === "number") return started;
  const { address, key, hostKey } = started;

  let stop: (why: Stop) => void = () => {};
  const stopped = new Promise<Stop>((resolve) => stop = resolve);
  const direct = options.direct === undefined ? undefined : new DirectChat(options.direct);
  const made = lineChat({
    key,
    ...(hostKey === undefined ? {} : { hostKey }),
    hostname: address.hostname,
    port: address.port,
    nick: options.nick,
    clock,
    ...(direct === undefined ? {} : { role: "p2p" as const }),
    ...(options.files === undefined ? {} : { files: options.files }),
    ...(options.caFile === undefined ? {} : { serverCaFile: options.caFile }),
    ...connectionTuning(tuning),
    onEvent(event) {
      if (event.kind === "chat") {
        if (direct === undefined) return print(event.event);
        for (const line of direct.present(event.event, chat.nick)) print(line);
        if (direct.ended) stop("quit"); // the listener left: nobody to talk to
      } else if (event.kind === "state" && event.state === "offline") stop("offline");
    },
  }, out);
  if (typeof made === "number") return made;
  const chat = made;
  const failed = await lineJoin(chat, address, out, direct !== undefined);
  if (failed !== undefined) return failed;

  const onAbort = () => stop("abort");
  if (options.signal?.aborted) stop("abort");
  options.signal?.addEventListener("abort", onAbort, { once: true });
  const stdin = options.stdin ?? Deno.stdin.readable;
  const reading = readLines(stdin, chat, stopped, {
    chat,
    show: print,
    quit: () => stop("quit"),
    now: clock,
  }).then(() => stop("eof"), (error) => {
    print({ type: "error", code: "stdin", ts: clock(), self: false, text: messageOf(error) });
    stop("eof");
  });

  const why = await stopped;
  options.signal?.removeEventListener("abort", onAbort);
  await reading;
  if (why === "offline") {
    await chat.close(0);
    return EXIT_FAILURE;
  }
  // Stdin ended with files still moving (a script's `/send`): they finish first.
  if (why === "eof") await chat.waitForFiles();
  await chat.close(tuning.closeTimeoutMs ?? DEFAULT_CLOSE_TIMEOUT_MS);
  const unsent = chat.pending;
  if (unsent > 0) {
    const event: ErrorEvent = {
      type: "error",
      code: "unsent",
      ts: clock(),
      self: true,
      text: t("chat.unsent", { count: unsent }),
    };
    print(event);
    return EXIT_FAILURE;
  }
  return EXIT_OK;
}

/**
 * Feeds stdin's lines to the commands until EOF, `/quit` or a stop. Lines
 * longer than a message can be are refused, and never buffered whole.
 */
async function readLines(
  stdin: ReadableStream<Uint8Array>,
  chat: ChatConnection,
  stopped: Promise<Stop>,
  context: CommandContext,
): Promise<void> {
  let done = false;
  void stopped.then(() => done = true);
  const reader = stdin.pipeThrough(new TextDecoderStream()).getReader();
  const cancelled = stopped.then(() => ({ done: true as const, value: undefined }));
  let buffer = "";
  let skipping = false;
  const handle = async (line: string) => {
    if (chat.pending >= READ_AHEAD) await chat.waitForPending(READ_AHEAD / 2);
    if (!done) handleInput(line, context);
  };
  try {
    while (!done) {
      const { done: ended, value } = await Promise.race([reader.read(), cancelled]);
      if (ended || done) break;
      buffer += value;
      let newline: number;
      while (!done && (newline = buffer.indexOf("\n")) >= 0) {
        const line = buffer.slice(0, newline).replace(/\r$/, "");
        buffer = buffer.slice(newline + 1);
        if (skipping) {
          skipping = false;
          continue;
        }
        await handle(line);
      }
      if (buffer.length > MAX_BODY_TEXT) {
        if (!skipping) {
          context.show({
            type: "error",
            code: "command",
            ts: context.now(),
            self: true,
            text: t("chat.line_too_long", { max: MAX_BODY_TEXT }),
          });
        }
        skipping = true;
        buffer = "";
      }
    }
    if (!done && !skipping && buffer !== "") await handle(buffer.replace(/\r$/, ""));
  } finally {
    reader.cancel().catch(() => {});
  }
}
