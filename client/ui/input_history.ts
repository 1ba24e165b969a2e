/**
 * The input line's history: Up recalls older lines, Down newer ones, and
 * past the newest the line being typed comes back. Bounded; kept in memory
 * only (what was typed is never written to disk).
 *
 * @module
 */

/** Lines kept by default. */
export const DEFAULT_HISTORY = 500;

/** Lines typed before, for Up and Down. */
export class InputHistory {
  readonly #limit: number;
  #lines: string[] = [];
  /** Where browsing stands: `#lines.length` means "not browsing". */
  #index = 0;
  /** What was typed before browsing started. */
  #draft = "";

  /** @throws {RangeError} for a limit below 1. */
  constructor(limit: number = DEFAULT_HISTORY) {
    if (!Number.isInteger(limit) || limit < 1) {
      throw new RangeError(`Cannot make history: limit must be an integer ≥ 1, got ${limit}`);
    }
    this.#limit = limit;
  }

  /** The lines, oldest first. */
  get lines(): readonly string[] {
    return this.#lines;
  }

  /** Remembers a sent line (not blank ones, not the same line twice in a row) and stops browsing. */
  push(line: string): void {
    if (line.trim() !== "" && this.#lines.at(-1) !== line) {
      this.#lines.push(line);
      if (this.#lines.length > this.#limit) this.#lines.shift();
    }
    this.#index = this.#lines.length;
    this.#draft = "";
  }

  /** The line before the one shown (`current` is kept as the draft); `undefined` at the oldest. */
  previous(current: string): string | undefined {
    if (this.#index === 0) return undefined;
    if (this.#index === this.#lines.length) this.#draft = current;
    this.#index--;
    return this.#lines[this.#index];
  }

  /** The line after the one shown, then the draft; `undefined` when not browsing. */
  next(): string | undefined {
    if (this.#index >= this.#lines.length) return undefined;
    this.#index++;
    return this.#index === this.#lines.length ? this.#draft : this.#lines[this.#index];
  }

  /** Stops browsing (the line was edited or sent). */
  reset(): void {
    this.#index = this.#lines.length;
    this.#draft = "";
  }
}
