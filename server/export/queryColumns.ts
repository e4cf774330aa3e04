// A big query result exported from the embedded engine's columns instead of its node and
// relationship objects, which are five times slower to read (docs/export.md, "The query scope and
// neighbourhoods as columns"). The query runs once more with its final RETURN turned into one
// row: the row count and the ids of every node and relationship it returns, and the ends of each
// relationship, as texts joined in the engine; columnRead.ts then reads those elements from their
// tables. Only plain columns of nodes and relationships (and scalars, which an export leaves out)
// take this way; a path, a list or a map of elements, a SKIP or LIMIT, and results whose elements
// lie thinly spread over big tables keep the row by row way (planQueryColumns says no).

import { finalReturn, reprojectFinalReturn, returnItem } from '../cypher/rewriteReturn.ts';
import type { GraphStore, QueryOptions, Value } from '../store/types.ts';
import { planColumnRead, WantedElements, type ColumnRead } from './columnRead.ts';
import { firstRowOf, type ColumnReadContext } from './elementColumns.ts';
import { IdReader } from './idText.ts';

type ColumnKind = 'node' | 'relationship' | 'scalar';

/** What a column of this engine type holds; undefined for elements inside paths, lists, maps. */
function columnKind(type: string): ColumnKind | undefined {
  if (type === 'NODE') return 'node';
  if (type === 'REL') return 'relationship';
  return /NODE|REL/.test(type) ? undefined : 'scalar';
}

export interface QueryColumnsPlan extends ColumnRead {
  /** Rows of the query's result. */
  totalRows: number;
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
 * one row; undefined when the result is not made of plain node and relationship columns (and
 * scalars), or when its final RETURN cannot be rewritten.
 */
function idStatementOf(cypher: string, engineTypes: readonly string[]): IdStatement | undefined {
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
  const firstRow = firstRowOf(store, context);
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

  const wanted = new WantedElements();
  let column = 0;
  for (const kind of kinds) {
    if (kind === 'node') {
      const nodes = new IdReader(idTexts[column++]);
      while (nodes.next()) wanted.nodes.of(nodes.table).add(nodes.offset);
      if (nodes.broken) return undefined;
    } else if (kind === 'relationship') {
      const [ids, from, to] = [0, 1, 2].map(() => new IdReader(idTexts[column++])) as [
        IdReader,
        IdReader,
        IdReader,
      ];
      for (;;) {
        const more = ids.next();
        // The three lists line up, one item per relationship.
        if (from.next() !== more || to.next() !== more) return undefined;
        if (!more) break;
        wanted.addRelationship(ids.table, ids.offset, from.table, from.offset, to.table, to.offset);
      }
      if (ids.broken || from.broken || to.broken) return undefined;
    }
  }

  const read = await planColumnRead(store, wanted, context);
  return read && { totalRows, ...read };
}
