// Helpers over any adapter's Cursor.

import type { Cursor, QueryResult, Value } from './types.ts';

const BATCH = 5000;

/** Reads up to `max` rows from a cursor in batches, stopping early when `signal` aborts. */
export async function readAll(cursor: Cursor, max: number, signal?: AbortSignal): Promise<Value[][]> {
  const rows: Value[][] = [];
  while (rows.length < max) {
    signal?.throwIfAborted();
    const batch = await cursor.next(Math.min(BATCH, max - rows.length));
    if (batch.length === 0) break;
    for (const row of batch) rows.push(row);
  }
  return rows;
}

/**
 * Reads a query's result from its cursor, at most `maxRows` rows (one more is read to know
 * whether the result was cut), and closes the cursor. Shared by every adapter's `query`.
 */
export async function collectResult(
  cursor: Cursor,
  options: { maxRows?: number; signal?: AbortSignal; started: number },
): Promise<QueryResult> {
  try {
    const maxRows = options.maxRows ?? Number.MAX_SAFE_INTEGER;
    const rows = await readAll(cursor, maxRows + 1, options.signal);
    const truncated = rows.length > maxRows;
    if (truncated) rows.length = maxRows;
    return {
      columns: cursor.columns,
      rows,
      truncated,
      totalRows: cursor.totalRows ?? (truncated ? undefined : rows.length),
      elapsedMs: performance.now() - options.started,
    };
  } finally {
    await cursor.close();
  }
}
