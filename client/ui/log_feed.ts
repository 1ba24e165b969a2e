/**
 * Log warnings for the screen: while the UI owns the terminal nothing may
 * write to stderr, so warnings and errors (already redacted by the log
 * setup) come here and are shown in the message pane. Bounded while
 * nobody shows them.
 *
 * @module
 */

import { t } from "../../i18n/mod.ts";
import type { LogRecord, Sink } from "../../log/mod.ts";
import type { LogFeed } from "./chat_app.tsx";

/** Lines kept while no screen shows them. */
const MAX_WAITING = 50;

/** A log sink whose warning lines a screen can show. */
export class LogLines implements LogFeed {
  #waiting: string[] = [];
  #dropped = 0;
  #show: ((line: string) => void) | undefined;

  /** The sink to give `setupLogging`: keeps records of level warning and above. */
  readonly sink: Sink = (record: LogRecord) => {
    if (record.level !== "warning" && record.level !== "error" && record.level !== "fatal") return;
    this.push(lineOf(record));
  };

  /** Shows (or keeps) one line. */
  push(line: string): void {
    if (this.#show !== undefined) {
      this.#show(line);
      return;
    }
    if (this.#waiting.length >= MAX_WAITING) {
      this.#dropped++;
      return;
    }
    this.#waiting.push(line);
  }

  /** Shows the waiting lines and every later one through `show`, until detached. */
  attach(show: (line: string) => void): () => void {
    this.#show = show;
    for (const line of this.take()) show(line);
    return () => {
      if (this.#show === show) this.#show = undefined;
    };
  }

  /** The lines nobody showed (to print once the screen is gone), emptying the queue. */
  take(): string[] {
    const lines = this.#waiting;
    if (this.#dropped > 0) lines.push(t("ui.more_warnings", { count: this.#dropped }));
    this.#waiting = [];
    this.#dropped = 0;
    return lines;
  }
}

/** A record's message as one line: template parts and values. */
export function lineOf(record: LogRecord): string {
  const text = record.message
    .map((part) => typeof part === "string" ? part : describe(part))
    .join("");
  return text.replace(/\s*\n\s*/g, " ");
}

function describe(value: unknown): string {
  if (value instanceof Error) return value.message;
  if (typeof value === "string") return value;
  try {
    return typeof value === "object" ? JSON.stringify(value) : String(value);
  } catch {
    return String(value);
  }
}
