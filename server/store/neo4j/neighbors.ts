// One node's neighbourhood within a budget, in Neo4j Cypher: counts per type and direction
// come from aggregation, the page of edges is sorted so that paging is stable.

import { notFound } from '../../errors.ts';
import type {
  EdgeValue,
  GraphEdge,
  GraphNode,
  NeighborCount,
  NeighborOptions,
  Neighborhood,
  NodeValue,
  Value,
} from '../types.ts';

interface Reader {
  read(cypher: string, params?: Record<string, Value>): Promise<Value[][]>;
}

const untag = <T extends NodeValue | EdgeValue>(value: T): Omit<T, '$type'> => {
  const { $type: _tag, ...rest } = value;
  return rest;
};

export async function neighborhoodOf(
  store: Reader,
  id: string,
  options: NeighborOptions,
): Promise<Neighborhood> {
  const [found] = await store.read('MATCH (n) WHERE elementId(n) = $id RETURN n', { id });
  if (!found) throw notFound(`No node has the id "${id}". It may have been deleted; search for it again.`);
  const node = untag(found[0] as NodeValue) as GraphNode;

  const counts: NeighborCount[] = [];
  for (const [direction, pattern] of [
    ['out', '(n)-[r]->()'],
    ['in', '(n)<-[r]-()'],
  ] as const) {
    const rows = await store.read(
      `MATCH ${pattern} WHERE elementId(n) = $id RETURN type(r) AS type, count(*) AS c`,
      { id },
    );
    for (const [type, count] of rows) counts.push({ type: String(type), direction, count: Number(count) });
  }
  counts.sort(
    (a, b) => b.count - a.count || a.type.localeCompare(b.type) || a.direction.localeCompare(b.direction),
  );

  const types = options.types?.length ? options.types : undefined;
  const total = counts.filter((c) => !types || types.includes(c.type)).reduce((sum, c) => sum + c.count, 0);
  const rows = await store.read(
    `MATCH (n)-[r]-(m) WHERE elementId(n) = $id${types ? ' AND type(r) IN $types' : ''}
     RETURN r, m ORDER BY type(r), elementId(r) SKIP $offset LIMIT $limit`,
    { id, offset: options.offset ?? 0, limit: options.limit, ...(types ? { types } : {}) },
  );
  const nodes = new Map<string, GraphNode>();
  const edges = new Map<string, GraphEdge>();
  for (const [edge, other] of rows) {
    const plainEdge = untag(edge as EdgeValue) as GraphEdge;
    edges.set(plainEdge.id, plainEdge);
    const plainNode = untag(other as NodeValue) as GraphNode;
    if (plainNode.id !== node.id) nodes.set(plainNode.id, plainNode);
  }
  return { node, nodes: [...nodes.values()], edges: [...edges.values()], counts, total };
}
