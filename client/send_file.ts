/**
 * `stealth send --to SERVER [--nick NICK] PATH`: a file from a script.
 * Joins the server, offers the file (to NICK only, or to everyone), waits
 * for the answers (at most `--timeout`), sends to each member who accepts,
 * and leaves once every acceptor has it, its SHA-256 checked. One line per
 * event on stdout (progress per tenth), or one JSON object with `--json`.
 *
 * @module
 */

import { list, t, wait } from "../i18n/mod.ts";
import { nickKey, sameNick } from "../protocol/mod.ts";
import { type ChatConnection, DEFAULT_CLOSE_TIMEOUT_MS } from "./chat_connection.ts";
import type { ChatEvent } from "./chat_event.ts";
import {
  connectionTuning,
  EXIT_FAILURE,
  EXIT_OK,
  lineChat,
  lineJoin,
  type LineOptions,
  lineOutput,
  lineStart,
  messageOf,
} from "./line_start.ts";

/** How long `stealth send` waits for answers by default. */
export const DEFAULT_SEND_TIMEOUT_MS = 120_000;

/** Options of {@linkcode runSendFile}. */
export interface SendFileOptions extends LineOptions {
  /** The one member to offer it to; absent: everyone. */
  to?: string;
  /** The file. */
  path: string;
  /** Longest wait for the answers (default 2 min); the transfers themselves are not timed. */
  timeoutMs?: number;
}

/**
 * Runs one send and resolves with the exit code: 0 when at least one
 * member accepted and every one who did has the file; 1 when nobody
 * accepted in time, a transfer failed, or the server could not be reached;
 * 2 for a bad address or nick; 3 when the server is not in our circle.
 */
export async function runSendFile(options: SendFileOptions): Promise<number> {
  const tuning = options.tuning ?? {};
  const out = lineOutput({
    json: options.json,
    ...(options.stdout ? { stdout: options.stdout } : {}),
    ...(options.stderr ? { stderr: options.stderr } : {}),
    ...(tuning.clock ? { clock: tuning.clock } : {}),
    ...(tuning.time ? { time: tuning.time } : {}),
  });
  const { stdout, stderr, clock, print } = out;
  const started = await lineStart({ ...options, hostKeyPath: undefined }, out);
  if (typeof started === "number") return started;
  const { address, key } = started;

  let ref: number | undefined;
  const answered = new Set<string>();
  const accepted = new Set<string>();
  const delivered = new Set<string>();
  const broken = new Set<string>();
  let wake = () => {};
  /** Once the outcome is known, leaving's own lines (an open offer withdrawn) are not news. */
  let decided = false;
  const made = lineChat({
    key,
    hostname: address.hostname,
    port: address.port,
    nick: options.nick,
    clock,
    files: { ...options.files },
    ...(options.caFile === undefined ? {} : { serverCaFile: options.caFile }),
    ...connectionTuning(tuning),
    onEvent(event) {
      if (event.kind === "state") {
        if (event.state === "offline") wake();
        return;
      }
      if (event.kind !== "chat" || decided) return;
      const shown = event.event;
      if (shown.type === "file" && shown.ref === ref && shown.peer !== undefined) {
        const peer = nickKey(shown.peer);
        switch (shown.code) {
          case "accepted":
            accepted.add(peer);
            answered.add(peer);
            break;
          case "rejected":
            answered.add(peer);
            break;
          case "delivered":
            delivered.add(peer);
            break;
          case "failed":
          case "cancelled":
            answered.add(peer);
            if (accepted.has(peer)) broken.add(peer);
            break;
        }
        wake();
      }
      if (shown.type === "file" || shown.type === "error" || isOffline(shown)) print(shown);
    },
  }, out);
  if (typeof made === "number") return made;
  const chat = made;
  const failed = await lineJoin(chat, address, out);
  if (failed !== undefined) return failed;

  const aborted = () => options.signal?.aborted === true;
  const changed = () =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(done, 250);
      const onAbort = () => done();
      options.signal?.addEventListener("abort", onAbort, { once: true });
      wake = done;
      function done() {
        clearTimeout(timer);
        options.signal?.removeEventListener("abort", onAbort);
        resolve();
      }
    });

  let code: number = EXIT_FAILURE;
  let summary: string | undefined;
  try {
    const everyone = chat.members.map((m) => nickKey(m.nick)).filter((nick) =>
      nick !== nickKey(chat.nick)
    );
    try {
      ref = await chat.sendFile(options.path, options.to);
    } catch (error) {
      stderr(messageOf(error));
      return EXIT_FAILURE;
    }
    const waitingFor = options.to === undefined ? everyone : [nickKey(options.to)];
    const timeoutMs = options.timeoutMs ?? DEFAULT_SEND_TIMEOUT_MS;
    const deadline = performance.now() + timeoutMs;
    const live = () => chat.state !== "offline" && chat.state !== "closed" && !aborted();
    // Answers first: until everyone asked has answered, or the time is up.
    while (live() && performance.now() < deadline && waitingFor.some((n) => !answered.has(n))) {
      await changed();
    }
    // Then the transfers under way, however long they take.
    while (live() && [...accepted].some((n) => !delivered.has(n) && !broken.has(n))) {
      await changed();
    }
    const name = options.path.split(/[/\\]/).pop() ?? options.path;
    if (!live()) {
      code = EXIT_FAILURE;
    } else if (accepted.size === 0) {
      summary = t("file.send_nobody", { name, wait: wait(timeoutMs) });
      code = EXIT_FAILURE;
    } else if (broken.size > 0) {
      code = EXIT_FAILURE;
    } else {
      const names = [...delivered].map((n) => display(chat, n));
      summary = t("file.send_done", { name, nicks: list(names) });
      code = EXIT_OK;
    }
  } finally {
    // Leaving cancels whatever is still open (an offer nobody took, a transfer cut short).
    decided = true;
    await chat.close(tuning.closeTimeoutMs ?? DEFAULT_CLOSE_TIMEOUT_MS);
  }
  if (summary !== undefined) stdout(line(summary, options.json));
  return code;
}

function isOffline(event: ChatEvent): boolean {
  return event.type === "info" && (event.code === "offline" || event.code === "connection-lost");
}

/** A closing line: text, or a JSON info object. */
function line(text: string, json: boolean): string {
  return json ? JSON.stringify({ type: "info", code: "send", text }) : text;
}

/** A member's nick as the room shows it. */
function display(chat: ChatConnection, key: string): string {
  return chat.members.find((m) => sameNick(m.nick, key))?.nick ?? key;
}
