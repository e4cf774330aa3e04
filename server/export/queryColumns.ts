// A big query result exported from the embedded engine's columns instead of its node and
// relationship objects, which are five times slower to read (docs/export.md, "The query scope as
// columns"). First the query runs once more with its final RETURN turned into one row: the ids of
// every node and relationship it returns, and both ends of each relationship, as texts joined in
// the engine. Then each table they fall in is read in ranges of offsets as columns
// (elementColumns.ts), keeping the wanted elements: all nodes first, then the relationships.
// Only plain columns of nodes and relationships (and scalars, which an export leaves out) take
// this way; a path, a list or a map of elements, and results whose elements lie thinly spread
// over big tables, keep the row by row way (planQueryColumns says no).

import { finalReturn, reprojectFinalReturn, returnItem } from '../cypher/rewriteReturn.ts';
import type { GraphSchema, GraphStore, QueryOptions, Value } from '../store/types.ts';
import { cypherName } from './cypherLiterals.ts';
import {
  ELEMENTS_PER_SLICE,
  ElementColumns,
  type ColumnReadContext,
  type OffsetRange,
  type ReadOne,
} from './elementColumns.ts';
import { OffsetSets, type OffsetSet } from './offsetSet.ts';
import type { Tracker } from './sources.ts';

/** Offsets per window when looking for the parts of a table that hold wanted elements. */
const WINDOW = 1024;
/**
 * Elements read per element wanted, at most (beyond one window): reading a column costs about a
 * fifth to a sixth of reading an object (and its share of the de-duplication and spool the row by
 * row way needs).
 */
const READ_PER_WANTED = 6;

type ColumnKind = 'node' | 'relationship' | 'scalar';

/** What a column of this engine type holds; undefined for elements inside paths, lists, maps. */
function columnKind(type: string): ColumnKind | undefined {
  if (type === 'NODE') return 'node';
  if (type === 'REL') return 'relationship';
  return /NODE|REL/.test(type) ? undefined : 'scalar';
}

export interface QueryColumnsPlan {
  /** Rows of the query's result. */
  totalRows: number;
  /** Elements the export will write. */
  nodes: number;
  relationships: number;
  /** Writes the wanted nodes, then the wanted relationships. */
  run(tracker: Tracker): Promise<void>;
}

interface NodeTable {
  table: number;
  label: string;
  columns: ElementColumns;
  wanted: OffsetSet;
  ranges: OffsetRange[];
}

interface RelationshipTable {
  table: number;
  type: string;
  from: string;
  to: string;
  columns: ElementColumns;
  wanted: OffsetSet;
  ranges: OffsetRange[];
}

/**
 * The engine's types of the query's columns, from a statement that stops after the first row (the
 * engine holds a whole result in memory, which for a million rows of nodes is hundreds of MB).
 */
async function columnTypes(
  store: GraphStore,
  query: { cypher: string; params: Record<string, Value> },
  options: QueryOptions,
): Promise<readonly string[] | undefined> {
  const firstOnly = reprojectFinalReturn(query.cypher, (names) => names, { keepTail: false });
  if (!firstOnly) return undefined;
  const cursor = await store.open(`${firstOnly} LIMIT 1`, query.params, options);
  await cursor.close();
  return cursor.engineTypes;
}

/**
 * The statement that returns the result's row count and the ids of its nodes and relationships in
 * one row; undefined
 * when the result is not made of plain node and relationship columns (and scalars), or when its
 * final RETURN cannot be rewritten.
 */
export function idStatementOf(cypher: string, engineTypes: readonly string[]): IdStatement | undefined {
  const kinds = engineTypes.map(columnKind);
  if (kinds.some((kind) => kind === undefined) || !kinds.some((kind) => kind !== 'scalar')) return undefined;
  const parts = finalReturn(cypher);
  if (!parts || parts.items.length !== kinds.length) return undefined;
  // An ORDER BY alone does not change which elements are exported, and the engine refuses it in a
  // WITH without SKIP or LIMIT: it is left out. With them, the engine drops the ORDER BY before the
  // aggregation (LadybugDB 0.19: "WITH n ORDER BY n.x DESC LIMIT 3 RETURN collect(n.x)" collects
  // the table's first three), so a SKIP or LIMIT keeps the rows' way.
  if (/\b(SKIP|LIMIT)\b/i.test(parts.tail)) return undefined;
  // The WITH carries ids, not whole elements, so the engine reads no properties; scalars stay, as
  // they group the items beside them that aggregate.
  const withItems: string[] = [];
  const collected = ['count(*)'];
  parts.items.forEach((item, i) => {
    const expression = returnItem(item).expression;
    const name = (suffix: string) => `\`_lagebild_${i}${suffix}\``;
    const carry = (value: string, suffix = '') => {
      withItems.push(`${value} AS ${name(suffix)}`);
      if (kinds[i] !== 'scalar') collected.push(`list_to_string(',', collect(${name(suffix)}))`);
    };
    if (kinds[i] === 'scalar') carry(expression);
    else carry(`id(${expression})`);
    if (kinds[i] === 'relationship') {
      // struct_extract, not start_node(): in an undirected pattern start_node(r) is the node the
      // pattern starts from, not the relationship's source. Guarded: where OPTIONAL MATCH found no
      // relationship, struct_extract gives the node it started from, not null.
      const end = (field: string) =>
        `CASE WHEN id(${expression}) IS NULL THEN NULL ELSE struct_extract(${expression}, '${field}') END`;
      carry(end('_src'), '_src');
      carry(end('_dst'), '_dst');
    }
  });
  return {
    cypher: `${parts.head}WITH ${parts.distinct ? 'DISTINCT ' : ''}${withItems.join(', ')} RETURN ${collected.join(', ')}`,
    kinds: kinds as ColumnKind[],
  };
}

interface IdStatement {
  /** Its columns: the count, then one per node column and three (id, source, target) per relationship column. */
  cypher: string;
  kinds: ColumnKind[];
}

export interface QueryColumnsOptions extends ColumnReadContext {
  /** Results with fewer rows are read row by row (default COLUMNS_FROM_ROWS; tests use 0). */
  columnsFromRows?: number;
}

/**
 * Results of this many rows or more are read from the engine's columns when they can be; below,
 * reading the rows costs little, and the column way's extra statements would cost more.
 */
export const COLUMNS_FROM_ROWS = 10_000;

/**
 * Plans the column read of a query's result on the embedded engine: learns its column types from
 * its first row, runs the id statement and finds the tables and the ranges of them to read.
 * Undefined when the result should be read row by row: another engine, a shape the column way
 * does not take, a statement the engine refuses (the row way then reports the query's own error),
 * a small result, or one whose elements lie so thinly in their tables that reading the ranges
 * would cost more than reading the rows.
 */
export async function planQueryColumns(
  store: GraphStore,
  query: { cypher: string; params: Record<string, Value> },
  context: QueryColumnsOptions,
): Promise<QueryColumnsPlan | undefined> {
  if (store.backend !== 'ladybug') return undefined;
  const options = { readOnly: true, signal: context.signal, timeoutMs: context.timeoutMs };
  const firstRow: ReadOne = async (cypher, params = {}) =>
    (await store.query(cypher, params, options)).rows[0] ?? [];
  let idTexts: Value[];
  let kinds: ColumnKind[];
  try {
    const types = await columnTypes(store, query, options);
    const statement = types && idStatementOf(query.cypher, types);
    if (!statement) return undefined;
    kinds = statement.kinds;
    idTexts = await firstRow(statement.cypher, query.params);
  } catch (error) {
    if (context.signal?.aborted) throw error;
    return undefined;
  }
  const totalRows = Number(idTexts.shift());
  if (!(totalRows >= (context.columnsFromRows ?? COLUMNS_FROM_ROWS))) return undefined;

  const wantedNodes = new OffsetSets();
  const wantedRelationships = new OffsetSets();
  /** Per relationship table: the offsets of the wanted relationships' sources, which slice the table. */
  const sources = new OffsetSets();
  let column = 0;
  for (const kind of kinds) {
    if (kind === 'node') {
      const nodes = parseIds(idTexts[column++]);
      if (!nodes) return undefined;
      for (let i = 0; i < nodes.tables.length; i++) wantedNodes.of(nodes.tables[i]!).add(nodes.offsets[i]!);
    } else if (kind === 'relationship') {
      const [ids, from, to] = [0, 1, 2].map(() => parseIds(idTexts[column++]));
      if (
        !ids ||
        !from ||
        !to ||
        from.tables.length !== ids.tables.length ||
        to.tables.length !== ids.tables.length
      )
        return undefined;
      for (let i = 0; i < ids.tables.length; i++) {
        wantedRelationships.of(ids.tables[i]!).add(ids.offsets[i]!);
        sources.of(ids.tables[i]!).add(from.offsets[i]!);
        // A relationship's ends are exported with it, so that no edge dangles.
        wantedNodes.of(from.tables[i]!).add(from.offsets[i]!);
        wantedNodes.of(to.tables[i]!).add(to.offsets[i]!);
      }
    }
  }

  const schema = await store.schema();
  const perStatement = context.elementsPerSlice ?? ELEMENTS_PER_SLICE;
  const nodeTables: NodeTable[] = [];
  for (const label of schema.labels) {
    const columns = new ElementColumns('n', `(n:${cypherName(label.label)})`, label.properties);
    const table = await columns.tableId(firstRow);
    if (table === undefined) continue;
    const wanted = wantedNodes.get(table);
    if (!wanted || !(await columns.plan(firstRow))) continue;
    nodeTables.push({
      table,
      label: label.label,
      columns,
      wanted,
      ranges: wanted.ranges(WINDOW, perStatement),
    });
  }
  const relationshipTables = await planRelationshipTables(
    schema,
    wantedRelationships,
    sources,
    firstRow,
    perStatement,
  );
  if (!relationshipTables) return undefined;
  // Every wanted node lies in a known table (a table made after the ids were read is not).
  if (nodeTables.length !== wantedNodes.size) return undefined;

  const wanted = sum(nodeTables, (t) => t.wanted.count) + sum(relationshipTables, (t) => t.wanted.count);
  const toRead =
    sum(nodeTables, (t) => spanOf(t.ranges, t.columns.maxOffset)) +
    sum(relationshipTables, (t) => spanOf(t.ranges, t.columns.maxOffset) * degreeOf(t.columns));
  if (toRead > READ_PER_WANTED * wanted + WINDOW) return undefined;

  return {
    totalRows,
    nodes: sum(nodeTables, (t) => t.wanted.count),
    relationships: sum(relationshipTables, (t) => t.wanted.count),
    run: async (tracker) => {
      /** Node keys by table and offset: what relationships name their ends by. */
      const keys = new Map<string, string[]>();
      for (const { table, label, columns, wanted, ranges } of nodeTables) {
        const keysOfLabel: string[] = [];
        keys.set(label, keysOfLabel);
        await columns.forEachSlice(firstRow, ranges, context, async (offsets, _ends, properties) => {
          for (let i = 0; i < offsets.length; i++) {
            const offset = offsets[i]!;
            if (!wanted.has(offset)) continue;
            const props = properties(i);
            const uid = props.uid;
            const key = typeof uid === 'string' && uid !== '' ? uid : `${table}:${offset}`;
            keysOfLabel[offset] = key;
            const wait = tracker.writeNodeOnce({ key, labels: [label], properties: props });
            if (wait) await wait;
          }
        });
      }
      for (const { table, type, from, to, columns, wanted, ranges } of relationshipTables) {
        const sourceKeys = keys.get(from) ?? [];
        const targetKeys = keys.get(to) ?? [];
        await columns.forEachSlice(firstRow, ranges, context, async (offsets, ends, properties) => {
          for (let i = 0; i < offsets.length; i++) {
            if (!wanted.has(offsets[i]!)) continue;
            const source = sourceKeys[ends.a[i]!];
            const target = targetKeys[ends.b[i]!];
            // An end deleted since the ids were read: the relationship went with it.
            if (source === undefined || target === undefined) continue;
            const wait = tracker.writeResolvedEdge({
              key: `${table}:${offsets[i]}`,
              type,
              source,
              target,
              sourceLabel: from,
              targetLabel: to,
              properties: properties(i),
            });
            if (wait) await wait;
          }
        });
      }
    },
  };
}

/** The relationship tables that hold wanted relationships; undefined when one is not in the schema. */
async function planRelationshipTables(
  schema: GraphSchema,
  wanted: OffsetSets,
  sources: OffsetSets,
  firstRow: ReadOne,
  perStatement: number,
): Promise<RelationshipTable[] | undefined> {
  const tables: RelationshipTable[] = [];
  for (const type of schema.relationshipTypes) {
    for (const { from, to } of type.connections) {
      if (tables.length === wanted.size) return tables;
      const pattern = `(a:${cypherName(from)})-[r:${cypherName(type.type)}]->(b:${cypherName(to)})`;
      const columns = new ElementColumns('r', pattern, type.properties);
      const table = await columns.tableId(firstRow);
      const offsets = table === undefined ? undefined : wanted.get(table);
      if (!offsets || !(await columns.plan(firstRow))) continue;
      // Source nodes per statement from the average degree, as the labels scope does.
      const span = Math.max(1, Math.floor(perStatement / degreeOf(columns)));
      const ranges = sources.get(table!)!.ranges(Math.min(WINDOW, roundUp32(span)), span);
      tables.push({ table: table!, type: type.type, from, to, columns, wanted: offsets, ranges });
    }
  }
  return tables.length === wanted.size ? tables : undefined;
}

/** Relationships per source offset, on average. */
const degreeOf = (columns: ElementColumns) => columns.count / (columns.maxOffset + 1);

const roundUp32 = (n: number) => Math.ceil(n / 32) * 32;

/** Offsets the ranges cover within 0..maxOffset. */
function spanOf(ranges: OffsetRange[], maxOffset: number): number {
  return sum(ranges, (r) => Math.max(0, Math.min(r.hi, maxOffset + 1) - r.lo));
}

function sum<T>(items: T[], of: (item: T) => number): number {
  let total = 0;
  for (const item of items) total += of(item);
  return total;
}

const COMMA = 44;
const COLON = 58;
const ZERO = 48;

/**
 * The engine's text of collected internal ids ("0:5,1:17") as tables and offsets, read in one
 * pass; undefined when the value is not such a text.
 */
export function parseIds(text: Value | undefined): { tables: number[]; offsets: number[] } | undefined {
  const tables: number[] = [];
  const offsets: number[] = [];
  if (text === null || text === '') return { tables, offsets };
  if (typeof text !== 'string') return undefined;
  let number = 0;
  let table = -1;
  for (let i = 0; i <= text.length; i++) {
    const code = i < text.length ? text.charCodeAt(i) : COMMA;
    if (code === COLON) {
      table = number;
      number = 0;
    } else if (code === COMMA) {
      if (table < 0) return undefined;
      tables.push(table);
      offsets.push(number);
      table = -1;
      number = 0;
    } else if (code >= ZERO && code <= ZERO + 9) number = number * 10 + code - ZERO;
    else return undefined;
  }
  return { tables, offsets };
}
