// A big query result exported from the embedded engine's columns instead of its node and
// relationship objects, which are five times slower to read (docs/export.md, "The query scope and
// neighbourhoods as columns"). The query runs once more with its final RETURN turned into one
// row: the row count and the ids of every node and relationship it returns, and the ends of each
// relationship, as texts joined in the engine; columnRead.ts then reads those elements from their
// tables. Only plain columns of nodes and relationships (and scalars, which an export leaves out)
// take this way; a path, a list or a map of elements, a SKIP or LIMIT, and results whose elements
// lie thinly spread over big tables keep the row by row way (planQueryColumns says no).

import {
  finalReturn,
  reprojectFinalReturn,
  returnItem,
  unusedPrefix,
  VARIABLE,
} from '../cypher/rewriteReturn.ts';
import { topLevelWords } from '../cypher/scan.ts';
import { LagebildError } from '../errors.ts';
import type { Cursor, GraphStore, Value } from '../store/types.ts';
import { planColumnRead, WantedElements, type ColumnRead } from './columnRead.ts';
import { firstRowOf, type ColumnReadContext } from './elementColumns.ts';
import { IdReader } from './idText.ts';
import { elementColumnKinds, type ColumnKind } from '../store/ladybug/values.ts';

export interface QueryColumnsPlan extends ColumnRead {
  /** Rows of the query's result. */
  totalRows: number;
}

/**
 * The statements that return the result's row count and the ids of its nodes and relationships,
 * one row each; undefined when the result is not made of plain node and relationship columns (and
 * scalars), or when its final RETURN cannot be rewritten.
 *
 * A result of elements only, without DISTINCT, gets one statement for its nodes and one per
 * relationship column: the engine's memory for collect() grows with the columns collected at
 * once (750,000 rows of (a, r, b): 319 MB above the engine's base for all five lists in one
 * statement, 113 MB for the nodes' and 200 MB for the relationship's, in about the same time).
 * Scalars or DISTINCT keep one statement, since dropping items would change the rows.
 */
function idStatementsOf(cypher: string, engineTypes: readonly string[]): IdStatement[] | undefined {
  const kinds = elementColumnKinds(engineTypes);
  if (!kinds) return undefined;
  const parts = finalReturn(cypher);
  if (!parts || parts.items.length !== kinds.length) return undefined;
  // An ORDER BY alone does not change which elements are exported, and the engine refuses it in a
  // WITH without SKIP or LIMIT: it is left out. With them, the engine drops the ORDER BY before the
  // aggregation (LadybugDB 0.19: "WITH n ORDER BY n.x DESC LIMIT 3 RETURN collect(n.x)" collects
  // the table's first three), so a SKIP or LIMIT keeps the rows' way.
  if (/\b(SKIP|LIMIT)\b/i.test(parts.tail)) return undefined;
  // The same quirk drops an earlier "WITH n ORDER BY n.x LIMIT 3" before the collect() added here.
  const words = new Set(topLevelWords(parts.head).map((w) => w.word.toUpperCase()));
  if (words.has('ORDER') && (words.has('SKIP') || words.has('LIMIT'))) return undefined;
  // The WITH carries ids, not whole elements, so the engine reads no properties; scalars stay, as
  // they group the items beside them that aggregate.
  const prefix = unusedPrefix(cypher);
  const carried = parts.items.map((item, i) => {
    const withItems: string[] = [];
    const collected: string[] = [];
    const expression = returnItem(item).expression;
    const name = (suffix: string) => `\`${prefix}${i}${suffix}\``;
    const carry = (value: string, suffix = '') => {
      withItems.push(`${value} AS ${name(suffix)}`);
      if (kinds[i] !== 'scalar') collected.push(`list_to_string(',', collect(${name(suffix)}))`);
    };
    // id() of a null that an expression made (CASE ... ELSE NULL END) is 0:0, not null; a variable's
    // null (OPTIONAL MATCH) is null, and testing a variable for null by id() reads no properties.
    const isNull = VARIABLE.test(expression) ? `id(${expression}) IS NULL` : `(${expression}) IS NULL`;
    const unlessNull = (value: string) => `CASE WHEN ${isNull} THEN NULL ELSE ${value} END`;
    if (kinds[i] === 'scalar') carry(expression);
    else carry(unlessNull(`id(${expression})`));
    if (kinds[i] === 'relationship') {
      // struct_extract, not start_node(): in an undirected pattern start_node(r) is the node the
      // pattern starts from, not the relationship's source. Guarded: where OPTIONAL MATCH found no
      // relationship, struct_extract gives the node it started from, not null.
      const end = (field: string) => unlessNull(`struct_extract(${expression}, '${field}')`);
      carry(end('_src'), '_src');
      carry(end('_dst'), '_dst');
    }
    return { withItems, collected };
  });
  const statement = (items: number[]): IdStatement => ({
    cypher: `${parts.head}WITH ${parts.distinct ? 'DISTINCT ' : ''}${items.flatMap((i) => carried[i]!.withItems).join(', ')} RETURN ${['count(*)', ...items.flatMap((i) => carried[i]!.collected)].join(', ')}`,
    kinds: items.map((i) => kinds[i]!),
  });
  const all = kinds.map((_, i) => i);
  if (parts.distinct || kinds.includes('scalar')) return [statement(all)];
  const nodes = all.filter((i) => kinds[i] === 'node');
  const relationships = all.filter((i) => kinds[i] === 'relationship');
  return [...(nodes.length > 0 ? [statement(nodes)] : []), ...relationships.map((i) => statement([i]))];
}

interface IdStatement {
  /** Its columns: the count, then one per node column and three (id, source, target) per relationship column. */
  cypher: string;
  /** The kinds of the result's columns it covers, in order. */
  kinds: ColumnKind[];
}

export interface QueryColumnsOptions extends ColumnReadContext {
  /** Results with fewer rows are read row by row (default COLUMNS_FROM_ROWS; tests use 0, or Infinity for rows always). */
  columnsFromRows?: number;
}

/**
 * Results of this many rows or more are read from the engine's columns when they can be; below,
 * reading the rows costs little, and the column way's extra statements would cost more.
 */
export const COLUMNS_FROM_ROWS = 10_000;

/** What a query export reads: the plan of a column read, or the query's rows. */
export type QuerySource =
  { plan: QueryColumnsPlan; cursor?: undefined } | { cursor: Cursor; plan?: undefined };

/**
 * Opens a query's result for export on the embedded engine, as columns where that pays. First the
 * query runs with its rows capped at `columnsFromRows`: a result that fits is the whole result,
 * read row by row from that cursor (one run, as before). A bigger one gives its column types,
 * and the id statement and the tables' columns take over (the engine holds a whole result in
 * memory, hundreds of MB for a million rows of objects). Undefined when the query should simply
 * be opened: another engine, a shape the rewriting does not take (UNION, RETURN *, SKIP or LIMIT
 * at the end), a statement the engine refuses (the query's own run then reports its error), or a
 * result whose elements lie so thinly in their tables that reading the ranges would cost more
 * than reading the rows.
 */
export async function openQueryColumns(
  store: GraphStore,
  query: { cypher: string; params: Record<string, Value> },
  context: QueryColumnsOptions,
): Promise<QuerySource | undefined> {
  const fromRows = context.columnsFromRows ?? COLUMNS_FROM_ROWS;
  const tail = finalReturn(query.cypher)?.tail;
  if (store.backend !== 'ladybug' || tail === undefined || !Number.isFinite(fromRows)) return undefined;
  if (/\b(SKIP|LIMIT)\b/i.test(tail)) return undefined;
  const capped = reprojectFinalReturn(query.cypher, (names) => names);
  if (!capped) return undefined;
  const options = { readOnly: true, signal: context.signal, timeoutMs: context.timeoutMs };
  let cursor: Cursor;
  try {
    cursor = await store.open(`${capped} LIMIT ${fromRows}`, query.params, options);
  } catch (error) {
    if (mustStop(error, context)) throw error;
    return undefined;
  }
  if (cursor.totalRows !== undefined && cursor.totalRows < fromRows) return { cursor };
  await cursor.close();
  const statements = cursor.engineTypes && idStatementsOf(query.cypher, cursor.engineTypes);
  try {
    const plan = statements && (await planQueryColumns(store, statements, query.params, context));
    return plan ? { plan } : undefined;
  } catch (error) {
    // A generated statement the engine refused: the query's rows are read instead.
    if (mustStop(error, context)) throw error;
    return undefined;
  }
}

/**
 * Runs the id statements and plans the column read of what they name; undefined when the engine
 * refuses one, their row counts differ (the graph changed in between) or the read would be thin
 * (see planColumnRead).
 */
async function planQueryColumns(
  store: GraphStore,
  statements: IdStatement[],
  params: Record<string, Value>,
  context: ColumnReadContext,
): Promise<QueryColumnsPlan | undefined> {
  const wanted = new WantedElements();
  let totalRows: number | undefined;
  for (const { cypher, kinds } of statements) {
    let idTexts: Value[];
    try {
      idTexts = await firstRowOf(store, context)(cypher, params);
    } catch (error) {
      if (mustStop(error, context)) throw error;
      return undefined;
    }
    const rows = Number(idTexts.shift());
    if (totalRows !== undefined && rows !== totalRows) return undefined;
    totalRows = rows;
    if (!addWanted(wanted, kinds, idTexts)) return undefined;
  }
  const read = await planColumnRead(store, wanted, context);
  return read && { totalRows: totalRows ?? 0, ...read };
}

/** Adds the ids one statement named to `wanted`; false when its lists do not line up. */
function addWanted(wanted: WantedElements, kinds: ColumnKind[], idTexts: Value[]): boolean {
  let column = 0;
  for (const kind of kinds) {
    if (kind === 'node') {
      const nodes = new IdReader(idTexts[column++]);
      while (nodes.next()) wanted.nodes.of(nodes.table).add(nodes.offset);
      if (nodes.broken) return false;
    } else if (kind === 'relationship') {
      const [ids, from, to] = [0, 1, 2].map(() => new IdReader(idTexts[column++])) as [
        IdReader,
        IdReader,
        IdReader,
      ];
      for (;;) {
        const more = ids.next();
        // The three lists line up, one item per relationship.
        if (from.next() !== more || to.next() !== more) return false;
        if (!more) break;
        wanted.addRelationship(ids.table, ids.offset, from.table, from.offset, to.table, to.offset);
      }
      if (ids.broken || from.broken || to.broken) return false;
    }
  }
  return true;
}

/**
 * Whether an error ends the export rather than sending it back to the row way: a stop (the client
 * went away) or a timeout, which running the query again would only repeat with a fresh limit.
 */
export function mustStop(error: unknown, context: { signal?: AbortSignal }): boolean {
  return context.signal?.aborted === true || (error instanceof LagebildError && error.code === 'Timeout');
}
