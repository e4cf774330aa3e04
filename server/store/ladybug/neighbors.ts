// One node's neighbourhood within a budget. A node with few relationships is read whole in one
// statement and counted here. A bigger one is counted by type and direction by the engine's
// aggregation (a hub with 100,000 relationships costs one count, not 100,000 rows), and its page is
// read group by group (type and direction, in the order of the counts), each with the node's label
// named, so that the engine seeks the node and stops after the budget. Either way only the
// relationships are read first and the neighbours at their far ends afterwards, by id (readGroups).

import { notFound } from '../../errors.ts';
import { byCountThenName, planPage, selectedGroups, totalOf } from '../neighbourPlan.ts';
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
import type { NeighbourCountCache } from './neighbourCounts.ts';
import { quoteName } from './schema.ts';
import { formatId, stripTag } from './values.ts';

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
  /** Nodes by id, in the order asked, leaving out those that do not exist (any more). */
  nodesById(ids: string[]): Promise<GraphNode[]>;
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
 * Up to this many relationships a node's neighbourhood is read whole in one statement and counted
 * here: cheaper than counting it first with two group-by statements and then reading each group.
 */
const READ_WHOLE_UP_TO = 100;

/** The node as named in statements: its label's MATCH, the condition on it and its parameter. */
interface NodeRef {
  id: string;
  match: string;
  self: string;
  selfParam: Record<string, Value>;
}

interface Page {
  counts: NeighborCount[];
  total: number;
  edges: GraphEdge[];
}

/**
 * The node's relationships counted by type and direction (two group-by reads, side by side), the
 * biggest first; a big node's are kept until the next write (neighbourCounts.ts).
 */
async function countNeighbours(store: Reader, node: NodeRef): Promise<NeighborCount[]> {
  const { match, self, selfParam } = node;
  const token = store.neighbourCounts?.begin() ?? 0;
  const [outCounts, inCounts] = await Promise.all([
    store.read(`${match}-[r]->() WHERE ${self} RETURN label(r) AS type, count(*) AS c`, selfParam),
    store.read(`${match}<-[r]-() WHERE ${self} RETURN label(r) AS type, count(*) AS c`, selfParam),
  ]);
  const counted = (rows: Value[][], direction: NeighborCount['direction']): NeighborCount[] =>
    rows.map(([type, count]) => ({ type: String(type), direction, count: Number(count) }));
  const counts = [...counted(outCounts, 'out'), ...counted(inCounts, 'in')].sort(byCountThenName);
  store.neighbourCounts?.remember(node.id, counts, token);
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
  const ref: NodeRef = { id: formatId(raw), match, self, selfParam: { self: uid ?? raw.offset } };
  const [found, page] = await Promise.all([
    store.read(`${match} WHERE ${self} RETURN n`, ref.selfParam),
    readPage(store, ref, options),
  ]);
  if (!found[0]) throw missing();
  const node = stripTag(found[0][0] as NodeValue);
  const farEnds = page.edges.map((edge) => (edge.source === node.id ? edge.target : edge.source));
  const others = await store.nodesById([...new Set(farEnds)].filter((other) => other !== node.id));
  // A neighbour deleted by a write between the two reads leaves its relationship out too.
  const known = new Set([node.id, ...others.map((other) => other.id)]);
  const edges = page.edges.filter((edge) => known.has(edge.source) && known.has(edge.target));
  return { node, nodes: others, edges, counts: page.counts, total: page.total };
}

/** The counts and the page's relationships: from the whole neighbourhood when it is small. */
async function readPage(store: Reader, node: NodeRef, options: NeighborOptions): Promise<Page> {
  const kept = store.neighbourCounts?.get(node.id);
  if (!kept) {
    const rows = await store.read(`${node.match}-[r]-() WHERE ${node.self} RETURN r LIMIT $few`, {
      ...node.selfParam,
      few: READ_WHOLE_UP_TO + 1,
    });
    if (rows.length <= READ_WHOLE_UP_TO) {
      return pageOfWhole(
        rows.map(([edge]) => stripTag(edge as EdgeValue)),
        node.id,
        options,
      );
    }
  }
  const counts = kept ?? (await countNeighbours(store, node));
  const groups = selectedGroups(counts, options);
  return { counts, total: totalOf(groups), edges: await readGroups(store, node, groups, options) };
}

/**
 * A small node's page from all its relationships, counted here as the engine would count them (a
 * loop once in each direction), in the same order of groups as a big node's.
 */
function pageOfWhole(all: GraphEdge[], nodeId: string, options: NeighborOptions): Page {
  const groups = new Map<string, { count: NeighborCount; edges: GraphEdge[] }>();
  const seen = new Set<string>();
  for (const edge of all) {
    // The undirected pattern meets a loop twice.
    if (seen.has(edge.id)) continue;
    seen.add(edge.id);
    const directions = [edge.source === nodeId && 'out', edge.target === nodeId && 'in'] as const;
    for (const direction of directions) {
      if (!direction) continue;
      const key = `${direction}:${edge.type}`;
      const group = groups.get(key) ?? { count: { type: edge.type, direction, count: 0 }, edges: [] };
      group.count.count++;
      group.edges.push(edge);
      groups.set(key, group);
    }
  }
  const counts = [...groups.values()].map((group) => group.count).sort(byCountThenName);
  const selected = selectedGroups(counts, options);
  const edges = new Map<string, GraphEdge>();
  for (const { group, skip, limit } of planPage(selected, options)) {
    const inGroup = groups.get(`${group.direction}:${group.type}`)!.edges;
    for (const edge of inGroup.slice(skip, skip + limit)) edges.set(edge.id, edge);
  }
  return { counts, total: totalOf(selected), edges: [...edges.values()] };
}

/**
 * A big node's page: the relationships of each group in the plan, read side by side, each group as
 * the engine hands them out (in storage order, so that the pages of a group follow on). Only the
 * relationship is read: asking for the node at its far end in the same statement made the engine
 * join with that node's whole table, 11-18 ms for a page of 100 of a hub's against 3-4 ms for the
 * relationships and 1-2 ms for their far ends by uid (docs/benchmarks.md, sixth session).
 */
async function readGroups(
  store: Reader,
  node: NodeRef,
  groups: NeighborCount[],
  options: NeighborOptions,
): Promise<GraphEdge[]> {
  const pages = await Promise.all(
    planPage(groups, options).map(({ group, skip, limit }) =>
      store.read(
        `${node.match}${PATTERN[group.direction](quoteName(group.type))}() WHERE ${node.self} RETURN r SKIP $skip LIMIT $limit`,
        { ...node.selfParam, skip, limit },
      ),
    ),
  );
  // A loop is in both directions' groups; it is one relationship.
  const edges = new Map<string, GraphEdge>();
  for (const rows of pages) {
    for (const [edge] of rows) {
      const plain = stripTag(edge as EdgeValue);
      edges.set(plain.id, plain);
    }
  }
  return [...edges.values()];
}
