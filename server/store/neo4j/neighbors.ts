// One node's neighbourhood within a budget, in Neo4j Cypher: counts per type and direction
// come from aggregation, and the page is read group by group, each sorted so that paging is stable.

import { notFound } from '../../errors.ts';
import { byCountThenName, planPage, selectedGroups, totalOf } from '../neighbourPlan.ts';
import { quoteName } from './schema.ts';
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
  counts.sort(byCountThenName);

  // Group by group, as the embedded adapter lists them (neighbourPlan.ts), each group by element
  // id: the same order on every page, and a page along one type lists that type's groups alone.
  const groups = selectedGroups(counts, options);
  const total = totalOf(groups);
  const pages = await Promise.all(
    planPage(groups, options).map(({ group, skip, limit }) => {
      const type = quoteName(group.type);
      const pattern = group.direction === 'out' ? `(n)-[r:${type}]->(m)` : `(n)<-[r:${type}]-(m)`;
      return store.read(
        `MATCH ${pattern} WHERE elementId(n) = $id RETURN r, m ORDER BY elementId(r) SKIP $skip LIMIT $limit`,
        { id, skip, limit },
      );
    }),
  );
  const nodes = new Map<string, GraphNode>();
  const edges = new Map<string, GraphEdge>();
  for (const [edge, other] of pages.flat()) {
    const plainEdge = untag(edge as EdgeValue) as GraphEdge;
    edges.set(plainEdge.id, plainEdge);
    const plainNode = untag(other as NodeValue) as GraphNode;
    if (plainNode.id !== node.id) nodes.set(plainNode.id, plainNode);
  }
  return { node, nodes: [...nodes.values()], edges: [...edges.values()], counts, total };
}
