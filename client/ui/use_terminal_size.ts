/**
 * The terminal's size, following resizes: the stdout stream's `columns`
 * and `rows` and its "resize" event (which Deno's `node:process` emits on
 * SIGWINCH), 80x24 when it has none.
 *
 * @module
 */

import { useStdout } from "ink";
import { useEffect, useState } from "react";

/** Columns and rows. */
export interface TerminalSize {
  /** Columns. */
  columns: number;
  /** Rows. */
  rows: number;
}

/** The default when the output is not a terminal. */
export const FALLBACK_SIZE: TerminalSize = { columns: 80, rows: 24 };

function sizeOf(output: unknown): TerminalSize {
  const stream = output as { columns?: number; rows?: number };
  const columns = stream.columns ?? 0;
  const rows = stream.rows ?? 0;
  return {
    columns: columns > 0 ? columns : FALLBACK_SIZE.columns,
    rows: rows > 0 ? rows : FALLBACK_SIZE.rows,
  };
}

/** The size, re-rendering on resize; `fixed` (tests) wins. */
export function useTerminalSize(fixed?: TerminalSize): TerminalSize {
  const { stdout } = useStdout();
  const [size, setSize] = useState(() => fixed ?? sizeOf(stdout));
  useEffect(() => {
    if (fixed !== undefined) return;
    const onResize = () => {
      const next = sizeOf(stdout);
      setSize((old) => old.columns === next.columns && old.rows === next.rows ? old : next);
    };
    stdout.on("resize", onResize);
    onResize();
    return () => {
      stdout.off("resize", onResize);
    };
  }, [stdout, fixed]);
  return fixed ?? size;
}
