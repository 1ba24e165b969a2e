/**
 * Tab completion of the input line: the word before the cursor (the end of
 * the line) becomes a command name after a leading `/`, or a nick
 * otherwise. Another Tab right after cycles through the other candidates.
 * Pure.
 *
 * @module
 */

/** Where a completion stands, to cycle on the next Tab. */
export interface CompletionState {
  /** The line before the completed word. */
  readonly head: string;
  /** The candidates, in order. */
  readonly candidates: readonly string[];
  /** The one shown. */
  readonly index: number;
  /** The line as completed, to tell whether the next Tab continues. */
  readonly line: string;
}

/** What can be completed. */
export interface CompletionSource {
  /** Command names, without the slash. */
  commands: readonly string[];
  /** Nicks, most relevant first. */
  nicks: readonly string[];
}

/** The result of a Tab. */
export interface Completion {
  /** The new line (the same line when nothing matched). */
  line: string;
  /** For the next Tab; `undefined` when nothing matched. */
  state?: CompletionState;
}

/**
 * Completes `line` (cursor at its end). With `previous` from the last Tab
 * and the line unchanged since, moves to the next candidate. A nick as the
 * first word gets ": " after it, elsewhere a space; a command gets a space.
 */
export function completeInput(
  line: string,
  source: CompletionSource,
  previous?: CompletionState,
): Completion {
  if (previous !== undefined && previous.line === line && previous.candidates.length > 1) {
    const index = (previous.index + 1) % previous.candidates.length;
    const next = previous.head + previous.candidates[index]!;
    return { line: next, state: { ...previous, index, line: next } };
  }
  const word = /\S*$/.exec(line)![0];
  const head = line.slice(0, line.length - word.length);
  let candidates: string[];
  if (head === "" && word.startsWith("/")) {
    const typed = word.slice(1).toLowerCase();
    candidates = source.commands
      .filter((name) => name.toLowerCase().startsWith(typed))
      .map((name) => `/${name} `);
  } else {
    if (word === "") return { line };
    const typed = word.normalize("NFC").toLowerCase();
    const seen = new Set<string>();
    candidates = [];
    for (const nick of source.nicks) {
      const folded = nick.normalize("NFC").toLowerCase();
      if (!folded.startsWith(typed) || seen.has(folded)) continue;
      seen.add(folded);
      candidates.push(head === "" ? `${nick}: ` : `${nick} `);
    }
  }
  if (candidates.length === 0) return { line };
  const completed = head + candidates[0]!;
  return { line: completed, state: { head, candidates, index: 0, line: completed } };
}
