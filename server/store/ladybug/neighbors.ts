// One node's neighbourhood within a budget: counts per type and direction come from the
// engine's aggregation, so a hub with 100,000 edges costs one count, not 100,000 rows.
// The page is read group by group (type and direction, in the order of the counts) with
// the node's label named, so the engine seeks the node and stops after the budget.

import { notFound } from '../../errors.ts';
import type {
  EdgeValue,
  GraphNode,
  NeighborCount,
  NeighborOptions,
  Neighborhood,
  NodeValue,
  Value,
} from '../types.ts';
import type { NeighbourCountCache } from './neighbourCounts.ts';
import { quoteName } from './schema.ts';
import { stripTag } from './values.ts';

interface Reader {
  read(cypher: string, params?: Record<string, Value>): Promise<Value[][]>;
  /** The quoted label of a node table id, undefined for an unknown table. */
  labelOfTable(table: number): Promise<string | undefined>;
  /** The node's uid when known in memory: a primary-key seek instead of a table scan. */
  uidOf(table: number, offset: number): string | undefined;
  /** A uid that may be stale (writes since the index was built): checked before use. */
  uidHint(table: number, offset: number): string | undefined;
  /** Counts of big nodes expanded lately, forgotten at the next write. */
  readonly neighbourCounts?: NeighbourCountCache;
}

/**
 * The node's uid if it can be trusted: from the current index, or from the previous one when a
 * seek by it still finds the node at this id (writes since may have deleted it).
 */
async function trustedUid(
  store: Reader,
  match: string,
  raw: { table: number; offset: number },
): Promise<string | undefined> {
  const certain = store.uidOf(raw.table, raw.offset);
  if (certain !== undefined) return certain;
  const hint = store.uidHint(raw.table, raw.offset);
  if (hint === undefined) return undefined;
  const [row] = await store.read(`${match} WHERE n.uid = $self RETURN n`, { self: hint });
  return row && (row[0] as NodeValue).id === `${raw.table}:${raw.offset}` ? hint : undefined;
}

const PATTERN = { out: (type: string) => `-[r:${type}]->`, in: (type: string) => `<-[r:${type}]-` };

/**
 * The node's relationships counted by type and direction (two group-by reads, side by side), the
 * biggest first; a big node's are kept until the next write (neighbourCounts.ts).
 */
async function countNeighbours(
  store: Reader,
  id: string,
  match: string,
  self: string,
  selfParam: Record<string, Value>,
): Promise<NeighborCount[]> {
  const token = store.neighbourCounts?.begin() ?? 0;
  const [outCounts, inCounts] = await Promise.all([
    store.read(`${match}-[r]->() WHERE ${self} RETURN label(r) AS type, count(*) AS c`, selfParam),
    store.read(`${match}<-[r]-() WHERE ${self} RETURN label(r) AS type, count(*) AS c`, selfParam),
  ]);
  const counted = (rows: Value[][], direction: NeighborCount['direction']): NeighborCount[] =>
    rows.map(([type, count]) => ({ type: String(type), direction, count: Number(count) }));
  const counts = [...counted(outCounts, 'out'), ...counted(inCounts, 'in')];
  counts.sort(
    (a, b) => b.count - a.count || a.type.localeCompare(b.type) || a.direction.localeCompare(b.direction),
  );
  store.neighbourCounts?.remember(id, counts, token);
  return counts;
}

export async function neighborhoodOf(
  store: Reader,
  raw: { table: number; offset: number },
  id: string,
  options: NeighborOptions,
): Promise<Neighborhood> {
  const missing = () =>
    notFound(`No node has the id "${id}". It may have been deleted; search for it again.`);
  const label = await store.labelOfTable(raw.table);
  if (!label) throw missing();
  // The node is named by its primary key when the index knows it (a seek), else by its offset
  // within the label's table; both as parameters, so the statement text is the same for every
  // node of a label and the prepared statement is reused (each new text costs native memory).
  const match = `MATCH (n:${label})`;
  const uid = await trustedUid(store, match, raw);
  const self = uid === undefined ? 'offset(id(n)) = $self' : 'n.uid = $self';
  const selfParam = { self: uid ?? raw.offset };
  const [found, counts] = await Promise.all([
    store.read(`${match} WHERE ${self} RETURN n`, selfParam),
    store.neighbourCounts?.get(id) ?? countNeighbours(store, id, match, self, selfParam),
  ]);
  if (!found[0]) throw missing();
  const node = stripTag(found[0][0] as NodeValue);

  const types = options.types?.length ? options.types : undefined;
  const groups = counts.filter((c) => !types || types.includes(c.type));
  const total = groups.reduce((sum, c) => sum + c.count, 0);

  const nodes = new Map<string, GraphNode>();
  const edges = new Map<string, ReturnType<typeof stripTag<EdgeValue>>>();
  let skip = options.offset ?? 0;
  let budget = options.limit;
  for (const group of groups) {
    if (budget <= 0) break;
    if (skip >= group.count) {
      skip -= group.count;
      continue;
    }
    const rows = await store.read(
      `${match}${PATTERN[group.direction](quoteName(group.type))}(m) WHERE ${self} RETURN r, m SKIP $skip LIMIT $limit`,
      { ...selfParam, skip, limit: budget },
    );
    skip = 0;
    budget -= rows.length;
    for (const [edge, other] of rows) {
      const plainEdge = stripTag(edge as EdgeValue);
      edges.set(plainEdge.id, plainEdge);
      const plainNode = stripTag(other as NodeValue);
      if (plainNode.id !== node.id) nodes.set(plainNode.id, plainNode);
    }
  }
  return { node, nodes: [...nodes.values()], edges: [...edges.values()], counts, total };
}
