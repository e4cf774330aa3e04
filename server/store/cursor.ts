// Helpers over any adapter's Cursor.

import type { Cursor, Value } from './types.ts';

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
