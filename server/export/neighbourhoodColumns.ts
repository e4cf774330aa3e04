// The neighbourhood scope on the embedded engine, walked over ids instead of node and relationship
// objects: breadth first, each depth's frontier read per label, as the ids of the relationships
// that touch it and of their far ends, joined into texts in the engine. A frontier that fills
// most of some part of its table is read in ranges of offsets (a range filter the engine applies
// without scanning); a thin one by lists of offsets. The elements met are then read from their
// tables' columns (columnRead.ts). Reading objects one statement of 5,000 frontier nodes at a time
// took 40 s for 243,000 nodes (docs/export.md, "Neighbourhoods").

import { parseId } from '../store/ladybug/values.ts';
import type { GraphNode, GraphSchema, GraphStore, Value } from '../store/types.ts';
import { planColumnRead, WantedElements, type ColumnRead } from './columnRead.ts';
import { cypherName } from './cypherLiterals.ts';
import {
  firstRowOf,
  ElementColumns,
  type ColumnReadContext,
  type OffsetRange,
  type ReadOne,
} from './elementColumns.ts';
import { IdReader } from './idText.ts';
import { OffsetSets, type OffsetSet } from './offsetSet.ts';

/** Frontier offsets per window, and at most per range statement. */
const WINDOW = 1024;
const NODES_PER_RANGE = 4096;
/**
 * What a frontier node costs in a list of offsets beyond reading its relationships, counted in
 * relationships read: a list took 100-130 microseconds per node, a range about 0.4 per
 * relationship it holds (250k nodes, 750k relationships).
 */
const LIST_COST_IN_RELATIONSHIPS = 250;
/** Offsets per list statement: 5,000 took 930 ms, 1,000 took 257 ms (docs/export.md). */
const OFFSETS_PER_LIST = 5000;

const joined = (expression: string) => `list_to_string(',', collect(${expression}))`;

/**
 * Walks the neighbourhood of `start` to `depth` hops over ids, then plans the column read of what
 * it met; undefined when that read would cost more than reading objects (see planColumnRead).
 */
export async function planNeighbourhoodColumns(
  store: GraphStore,
  start: GraphNode[],
  scope: { depth: number; types?: string[] },
  context: ColumnReadContext,
): Promise<ColumnRead | undefined> {
  const firstRow = firstRowOf(store, context);
  const schema = await store.schema();
  const labels = await labelsByTable(schema, firstRow);
  const degrees = degreesByLabel(schema, scope.types);
  const typeFilter = scope.types?.length ? `:${scope.types.map(cypherName).join('|')}` : '';

  const wanted = new WantedElements();
  let frontier = new OffsetSets();
  for (const node of start) {
    const id = parseId(node.id);
    if (!id) return undefined;
    if (!wanted.nodes.of(id.table).has(id.offset)) frontier.of(id.table).add(id.offset);
    wanted.nodes.of(id.table).add(id.offset);
  }

  for (let depth = 1; depth <= scope.depth && frontier.size > 0; depth++) {
    const next = new OffsetSets();
    for (const [table, nodes] of frontier) {
      const label = labels.get(table);
      if (label === undefined) return undefined;
      // One statement per direction: the direction says which end is the source, which
      // struct_extract(r, '_src') on an undirected pattern would cost twice the time to say.
      const statements = frontierFilters(nodes, degrees.get(label)!).flatMap(({ where, params }) =>
        (['->', '<-'] as const).map((arrow) => ({
          arrow,
          params,
          cypher: `MATCH (a:${cypherName(label)})${arrow === '->' ? '' : '<'}-[r${typeFilter}]-${arrow === '->' ? '>' : ''}(b) WHERE ${where} RETURN ${joined('offset(id(a))')}, ${joined('id(r)')}, ${joined('id(b)')}`,
        })),
      );
      const readAhead = (i: number) => {
        const statement = statements[i];
        if (!statement) return undefined;
        const row = firstRow(statement.cypher, statement.params);
        row.catch(() => undefined); // awaited below; not unhandled if the walk stops first
        return row;
      };
      // The engine runs the next statement on its own thread while this one's ids are taken in.
      let pending = readAhead(0);
      for (let s = 0; s < statements.length; s++) {
        context.signal?.throwIfAborted();
        const row = await pending!;
        pending = readAhead(s + 1);
        const [near, r, b] = [row[0], row[1], row[2]].map((text) => new IdReader(text)) as [
          IdReader,
          IdReader,
          IdReader,
        ];
        const outgoing = statements[s]!.arrow === '->';
        for (;;) {
          const more = near.next();
          if (r.next() !== more || b.next() !== more) return undefined;
          if (!more) break;
          // A range holds nodes beside the frontier's.
          if (!nodes.has(near.offset)) continue;
          if (!wanted.nodes.of(b.table).has(b.offset)) next.of(b.table).add(b.offset);
          if (outgoing) wanted.addRelationship(r.table, r.offset, table, near.offset, b.table, b.offset);
          else wanted.addRelationship(r.table, r.offset, b.table, b.offset, table, near.offset);
        }
        if (near.broken || r.broken || b.broken) return undefined;
      }
    }
    frontier = next;
  }
  return planColumnRead(store, wanted, context);
}

interface FrontierFilter {
  where: string;
  params: Record<string, Value>;
}

/**
 * Ranges of offsets where the frontier fills its table well enough, lists of offsets otherwise. A
 * range reads every relationship of every node in it, which for a table of hubs (300 countries with
 * thousands each) is far more than a list of the few in the frontier costs.
 */
function frontierFilters(nodes: OffsetSet, label: { count: number; degree: number }): FrontierFilter[] {
  const ranges = nodes.ranges(WINDOW, NODES_PER_RANGE);
  const end = Math.max(label.count, nodes.max + 1);
  const span = ranges.reduce(
    (total, range: OffsetRange) => total + Math.max(0, Math.min(range.hi, end) - range.lo),
    0,
  );
  if (span <= nodes.count * (1 + LIST_COST_IN_RELATIONSHIPS / Math.max(1, label.degree)))
    return ranges.map(({ lo, hi }) => ({
      where: 'offset(id(a)) >= $lo AND offset(id(a)) < $hi',
      params: { lo, hi },
    }));
  const offsets = nodes.toArray();
  const lists: FrontierFilter[] = [];
  for (let i = 0; i < offsets.length; i += OFFSETS_PER_LIST)
    lists.push({
      where: 'offset(id(a)) IN $offsets',
      params: { offsets: offsets.slice(i, i + OFFSETS_PER_LIST) },
    });
  return lists;
}

/** Each node table's label by the engine's table number. */
async function labelsByTable(schema: GraphSchema, firstRow: ReadOne): Promise<Map<number, string>> {
  const labels = new Map<number, string>();
  for (const { label } of schema.labels) {
    const table = await new ElementColumns('n', `(n:${cypherName(label)})`, []).tableId(firstRow);
    if (table !== undefined) labels.set(table, label);
  }
  return labels;
}

/**
 * Each label's node count and its nodes' relationships on average (of the given types), from the
 * catalog's counts; a type's count is shared evenly among its label pairs.
 */
function degreesByLabel(
  schema: GraphSchema,
  types?: string[],
): Map<string, { count: number; degree: number }> {
  const ends = new Map<string, number>();
  for (const type of schema.relationshipTypes) {
    if (types?.length && !types.includes(type.type)) continue;
    const share = type.count / Math.max(1, type.connections.length);
    for (const { from, to } of type.connections) {
      ends.set(from, (ends.get(from) ?? 0) + share);
      ends.set(to, (ends.get(to) ?? 0) + share);
    }
  }
  return new Map(
    schema.labels.map(({ label, count }) => [
      label,
      { count, degree: (ends.get(label) ?? 0) / Math.max(1, count) },
    ]),
  );
}
