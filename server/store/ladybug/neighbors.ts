// One node's neighbourhood within a budget: counts per type and direction come from the
// engine's aggregation, so a hub with 100,000 edges costs one count, not 100,000 rows.

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
import { stripTag } from './values.ts';

interface Reader {
  read(cypher: string, params?: Record<string, Value>): Promise<Value[][]>;
}

export async function neighborhoodOf(
  store: Reader,
  raw: { table: number; offset: number },
  id: string,
  options: NeighborOptions,
): Promise<Neighborhood> {
  // The id's numbers are parsed integers, so writing them into the text cannot inject anything.
  const self = `internal_id(${raw.table}, ${raw.offset})`;
  const [found] = await store.read(`MATCH (n) WHERE id(n) = ${self} RETURN n`);
  if (!found) throw notFound(`No node has the id "${id}". It may have been deleted; search for it again.`);
  const node = stripTag(found[0] as NodeValue);

  const counts: NeighborCount[] = [];
  for (const [direction, pattern] of [
    ['out', '(n)-[r]->()'],
    ['in', '(n)<-[r]-()'],
  ] as const) {
    const rows = await store.read(
      `MATCH ${pattern} WHERE id(n) = ${self} RETURN label(r) AS type, count(*) AS c`,
    );
    for (const [type, count] of rows) counts.push({ type: String(type), direction, count: Number(count) });
  }
  counts.sort(
    (a, b) => b.count - a.count || a.type.localeCompare(b.type) || a.direction.localeCompare(b.direction),
  );

  const types = options.types?.length ? options.types : undefined;
  const total = counts.filter((c) => !types || types.includes(c.type)).reduce((sum, c) => sum + c.count, 0);
  const typeFilter = types ? ' AND label(r) IN $types' : '';
  const rows = await store.read(
    `MATCH (n)-[r]-(m) WHERE id(n) = ${self}${typeFilter}
     RETURN r, m ORDER BY label(r), cast(id(r) AS STRING) SKIP $offset LIMIT $limit`,
    { offset: options.offset ?? 0, limit: options.limit, ...(types ? { types } : {}) },
  );

  const nodes = new Map<string, GraphNode>();
  const edges = new Map<string, ReturnType<typeof stripTag<EdgeValue>>>();
  for (const [edge, other] of rows) {
    const plainEdge = stripTag(edge as EdgeValue);
    edges.set(plainEdge.id, plainEdge);
    const plainNode = stripTag(other as NodeValue);
    if (plainNode.id !== node.id) nodes.set(plainNode.id, plainNode);
  }
  return { node, nodes: [...nodes.values()], edges: [...edges.values()], counts, total };
}
