// Reads the wanted nodes and relationships of a graph from the embedded engine's columns: each
// table they fall in is read in ranges of offsets (elementColumns.ts) that skip the parts holding
// none, keeping the wanted elements; all nodes first, then the relationships. What is wanted comes
// from a query's ids (queryColumns.ts) or the engine's breadth-first search
// (neighbourhoodColumns.ts): each relationship by its id, or all those that touch some nodes. When
// the wanted elements lie so thinly in their tables that the ranges would hold many times more,
// the plan says no, and its caller reads the elements as objects instead.

import type { GraphSchema, GraphStore } from '../store/types.ts';
import { cypherName } from './cypherLiterals.ts';
import {
  firstRowOf,
  ELEMENTS_PER_SLICE,
  ElementColumns,
  type ColumnReadContext,
  type OffsetRange,
  type ReadOne,
} from './elementColumns.ts';
import { OffsetSets, type OffsetSet } from './offsetSet.ts';
import { nodeSliceWriter, relationshipSliceWriter } from './sliceWriters.ts';
import type { Tracker } from './sources.ts';

/** Offsets per window when looking for the parts of a table that hold wanted elements. */
const WINDOW = 1024;
/**
 * Elements read per element wanted, at most (beyond one window). On the 1M graph a row of (a, r, b)
 * cost about 15 microseconds to read and 42 to export, an element read as columns 1.5 to read and
 * 4.75 to export (the whole graph, 6M elements, in 28.5 s).
 */
const READ_PER_WANTED = 16;

/**
 * What an export wants, by table: nodes, and relationships either one by one (with the offsets of
 * their sources, which slice a relationship table) or as all those that touch some nodes.
 */
export class WantedElements {
  readonly nodes = new OffsetSets();
  readonly relationships = new OffsetSets();
  /** Per relationship table: the offsets of the wanted relationships' sources, which slice the table. */
  readonly sources = new OffsetSets();
  /**
   * Instead of `relationships`: every relationship (of `types`, all when absent) with an end among
   * these nodes; both its ends must be among `nodes` (a neighbourhood's inner nodes and all of it).
   */
  touching?: { nodes: OffsetSets; types?: string[] };

  /** Adds a relationship and both its ends (so that no edge dangles). */
  addRelationship(
    table: number,
    offset: number,
    sourceTable: number,
    sourceOffset: number,
    targetTable: number,
    targetOffset: number,
  ): void {
    this.relationships.of(table).add(offset);
    this.sources.of(table).add(sourceOffset);
    this.nodes.of(sourceTable).add(sourceOffset);
    this.nodes.of(targetTable).add(targetOffset);
  }
}

export interface ColumnRead {
  /** Elements it will write (relationships unknown until read when they are wanted by the nodes they touch). */
  nodes: number;
  relationships: number | undefined;
  /** Writes the wanted nodes, then the wanted relationships. */
  run(tracker: Tracker): Promise<void>;
}

interface NodeTable {
  table: number;
  label: string;
  columns: ElementColumns;
  wanted: OffsetSet;
  ranges: OffsetRange[];
  /** Elements the ranges hold, about. */
  toRead: number;
}

interface RelationshipTable {
  table: number;
  type: string;
  from: string;
  to: string;
  columns: ElementColumns;
  /** Which relationships of a slice to write, by their offset and their ends' offsets. */
  keep: (offset: number, source: number, target: number) => boolean;
  /** How many are wanted (estimated when they are wanted by the nodes they touch). */
  count: number;
  ranges: OffsetRange[];
  /** Relationships the ranges hold, estimated from the average degree. */
  toRead: number;
}

/**
 * Plans the read of the wanted elements; undefined when one lies in a table the schema does not
 * list, or when the ranges to read would hold more than READ_PER_WANTED elements per wanted one.
 */
export async function planColumnRead(
  store: GraphStore,
  wanted: WantedElements,
  context: ColumnReadContext,
): Promise<ColumnRead | undefined> {
  const firstRow = firstRowOf(store, context);
  const schema = await store.schema();
  const perStatement = context.elementsPerSlice ?? ELEMENTS_PER_SLICE;
  const window = Math.min(WINDOW, roundUp32(perStatement));
  const nodeTables: NodeTable[] = [];
  for (const label of schema.labels) {
    const columns = new ElementColumns('n', `(n:${cypherName(label.label)})`, label.properties);
    const table = await columns.tableId(firstRow);
    const offsets = table === undefined ? undefined : wanted.nodes.get(table);
    if (!offsets) continue;
    const ranges = offsets.ranges(window, perStatement);
    nodeTables.push({
      table: table!,
      label: label.label,
      columns,
      wanted: offsets,
      ranges,
      toRead: spanOf(ranges, Math.max(label.count, offsets.max + 1)),
    });
  }
  // Every wanted node lies in a known table (a table made after the ids were read is not).
  if (nodeTables.length !== wanted.nodes.size) return undefined;
  const tableOf = new Map(nodeTables.map((t) => [t.label, t.table]));
  const relationshipTables = await planRelationshipTables(schema, wanted, tableOf, firstRow, perStatement);
  if (!relationshipTables) return undefined;

  // Decided before anything is counted in the tables: counting a big table's values costs seconds.
  const count = sum(nodeTables, (t) => t.wanted.count) + sum(relationshipTables, (t) => t.count);
  const toRead = sum(nodeTables, (t) => t.toRead) + sum(relationshipTables, (t) => t.toRead);
  if (toRead > (context.readPerWanted ?? READ_PER_WANTED) * count + window) return undefined;
  // The null counts and the offsets' extent, over the part of each table that will be read.
  const planned = async <T extends NodeTable | RelationshipTable>(tables: T[]) => {
    const kept: T[] = [];
    for (const table of tables)
      if (await table.columns.plan(firstRow, { lo: table.ranges[0]!.lo, hi: table.ranges.at(-1)!.hi }))
        kept.push(table);
    return kept;
  };
  const nodeReads = await planned(nodeTables);
  const relationshipReads = await planned(relationshipTables);

  return {
    nodes: sum(nodeReads, (t) => t.wanted.count),
    relationships: wanted.touching ? undefined : sum(relationshipReads, (t) => t.count),
    run: async (tracker) => {
      /** Node keys by label and offset: what relationships name their ends by. */
      const keys = new Map<string, string[]>();
      for (const node of nodeReads) {
        const keysOfLabel: string[] = [];
        keys.set(node.label, keysOfLabel);
        await node.columns.forEachSlice(
          firstRow,
          node.ranges,
          context,
          nodeSliceWriter(tracker, node, keysOfLabel, node.wanted),
        );
      }
      for (const relationship of relationshipReads) {
        const ends = { sources: keys.get(relationship.from) ?? [], targets: keys.get(relationship.to) ?? [] };
        await relationship.columns.forEachSlice(
          firstRow,
          relationship.ranges,
          context,
          relationshipSliceWriter(tracker, relationship, ends, relationship.keep),
        );
      }
    },
  };
}

/** The relationship tables that hold wanted relationships; undefined when one is not in the schema. */
async function planRelationshipTables(
  schema: GraphSchema,
  wanted: WantedElements,
  tableOf: Map<string, number>,
  firstRow: ReadOne,
  perStatement: number,
): Promise<RelationshipTable[] | undefined> {
  const labelCounts = new Map(schema.labels.map((l) => [l.label, l.count]));
  const { touching } = wanted;
  const tables: RelationshipTable[] = [];
  for (const type of schema.relationshipTypes) {
    if (touching?.types?.length && !touching.types.includes(type.type)) continue;
    for (const { from, to } of type.connections) {
      if (!touching && tables.length === wanted.relationships.size) return tables;
      // Wanted by the nodes they touch: both ends among the wanted nodes, one among the inner ones.
      const [fromTable, toTable] = [tableOf.get(from), tableOf.get(to)];
      const inner = touching && {
        from: fromTable === undefined ? undefined : touching.nodes.get(fromTable),
        to: toTable === undefined ? undefined : touching.nodes.get(toTable),
      };
      if (inner && (fromTable === undefined || toTable === undefined || (!inner.from && !inner.to))) continue;
      const pattern = `(a:${cypherName(from)})-[r:${cypherName(type.type)}]->(b:${cypherName(to)})`;
      const columns = new ElementColumns('r', pattern, type.properties);
      const table = await columns.tableId(firstRow);
      if (table === undefined) continue;
      const offsets = wanted.relationships.get(table);
      const sources = inner ? wanted.nodes.get(fromTable!) : wanted.sources.get(table);
      if (!sources || (!inner && !offsets)) continue;
      // Relationships per source node from the catalog's counts (the type's, over all its label
      // pairs: a bound from above); source nodes per statement from that, as the labels scope does.
      const degree = Math.max(1, type.count / Math.max(1, labelCounts.get(from) ?? 1));
      const span = Math.max(1, Math.floor(perStatement / degree));
      const ranges = sources.ranges(Math.min(WINDOW, roundUp32(span)), span);
      tables.push({
        table,
        type: type.type,
        from,
        to,
        columns,
        keep: inner
          ? (_offset, a, b) => (inner.from?.has(a) ?? false) || (inner.to?.has(b) ?? false)
          : (offset) => offsets!.has(offset),
        // Wanted by the nodes they touch: about the inner nodes' share of the table's relationships.
        count: offsets?.count ?? ((inner?.from?.count ?? 0) + (inner?.to?.count ?? 0)) * degree,
        ranges,
        toRead: spanOf(ranges, Math.max(labelCounts.get(from) ?? 0, sources.max + 1)) * degree,
      });
    }
  }
  return touching || tables.length === wanted.relationships.size ? tables : undefined;
}

const roundUp32 = (n: number) => Math.ceil(n / 32) * 32;

/** Offsets the ranges cover below `end` (where the table ends, about: its count, or past the last wanted offset). */
const spanOf = (ranges: OffsetRange[], end: number) =>
  sum(ranges, (r) => Math.max(0, Math.min(r.hi, end) - r.lo));

function sum<T>(items: T[], of: (item: T) => number): number {
  let total = 0;
  for (const item of items) total += of(item);
  return total;
}
