// Whether a statement wrote, as Neo4j itself reports it in the result summary: the query type
// the server planned ("w", "rw", "s") or the update counters. Never decided by reading the text.

import type { ResultSummary } from 'neo4j-driver';

/** Query types that mean the statement may change the graph or the schema. */
const WRITING_QUERY_TYPES = new Set(['w', 'rw', 's']);

/** True when the server says this statement writes (by plan) or changed something (by counters). */
export function summaryShowsWrite(
  summary: Pick<ResultSummary, 'queryType' | 'counters'> | undefined,
): boolean {
  if (!summary) return false;
  if (WRITING_QUERY_TYPES.has(String(summary.queryType))) return true;
  return summary.counters.containsUpdates() || summary.counters.containsSystemUpdates();
}
