// The engine's JavaScript binding turns INT64 into a double, which is exact only up to 2^53.
// Where a value beyond that shows up, this module asks the engine again for its exact digits
// (as text) and puts a bigint in its place. Rare, so it costs nothing on ordinary results.

import type { EdgeValue, NodeValue, Value } from '../types.ts';
import { parseId, PLAIN_TYPES } from './values.ts';
import { quoteName } from './schema.ts';
import { rewriteFinalReturn } from '../../cypher/rewriteReturn.ts';

/** Engine types whose values beyond 2^53 the binding rounds. */
export const INTEGER_TYPES = new Set(['INT64', 'UINT64', 'SERIAL', 'INT128']);

interface Context {
  store: { read(cypher: string, params?: Record<string, Value>): Promise<Value[][]> };
  cypher: string;
  params: Record<string, Value>;
  /** A statement that wrote must not run twice, so its scalar columns are left as they are. */
  writes: boolean;
  /** Index of the batch's first row in the whole result. */
  first: number;
}

/** Engine types that hold neither an integer the binding may round nor a node or relationship. */
const FLAT_TYPES = new Set([
  ...PLAIN_TYPES,
  ...['DATE', 'TIMESTAMP', 'TIMESTAMP_SEC', 'TIMESTAMP_MS', 'TIMESTAMP_NS', 'TIMESTAMP_TZ'],
  ...['INTERVAL', 'UUID', 'BLOB', 'INTERNAL_ID', ...INTEGER_TYPES],
]);

export const isUnsafe = (value: Value) =>
  typeof value === 'number' && Number.isInteger(value) && !Number.isSafeInteger(value);

/** True when a property holds an integer beyond 2^53 (a loop, since this runs for every entity read). */
function hasUnsafe(properties: Record<string, Value>): boolean {
  for (const key in properties) if (isUnsafe(properties[key]!)) return true;
  return false;
}

export async function recoverExactIntegers(
  rows: Value[][],
  types: string[],
  context: Context,
): Promise<Value[][]> {
  const unsafeColumns = new Set<number>();
  const entities: (NodeValue | EdgeValue)[] = [];
  // Only integer columns and columns that may hold nodes or relationships are looked at: a result
  // of strings and doubles, the usual big one, is not walked at all.
  const integerColumns = types.flatMap((type, column) => (INTEGER_TYPES.has(type) ? [column] : []));
  const entityColumns = types.flatMap((type, column) => (FLAT_TYPES.has(type) ? [] : [column]));
  if (integerColumns.length > 0 || entityColumns.length > 0) {
    for (const row of rows) {
      for (const column of integerColumns) if (isUnsafe(row[column]!)) unsafeColumns.add(column);
      for (const column of entityColumns) collectEntities(row[column]!, entities);
    }
  }
  for (const entity of entities) await recoverEntity(entity, context);
  if (unsafeColumns.size > 0 && !context.writes) await recoverColumns(rows, unsafeColumns, context);
  return rows;
}

function collectEntities(value: Value, into: (NodeValue | EdgeValue)[]): void {
  if (value === null || typeof value !== 'object') return;
  if (Array.isArray(value)) {
    for (const item of value) collectEntities(item, into);
    return;
  }
  const tagged = value as { $type?: string };
  if (tagged.$type === 'node' || tagged.$type === 'relationship') {
    const entity = value as NodeValue | EdgeValue;
    if (hasUnsafe(entity.properties)) into.push(entity);
    return;
  }
  if (tagged.$type === 'path') {
    const path = value as unknown as { nodes: NodeValue[]; edges: EdgeValue[] };
    for (const n of path.nodes) if (hasUnsafe(n.properties)) into.push(n);
    for (const e of path.edges) if (hasUnsafe(e.properties)) into.push(e);
    return;
  }
  for (const item of Object.values(value as Record<string, Value>)) collectEntities(item, into);
}

async function recoverEntity(entity: NodeValue | EdgeValue, context: Context): Promise<void> {
  const raw = parseId(entity.id);
  if (!raw) return;
  const keys = Object.keys(entity.properties).filter((key) => isUnsafe(entity.properties[key]!));
  const pattern = 'source' in entity ? '()-[x]->()' : '(x)';
  const projections = keys.map((key, i) => `to_string(x.${quoteName(key)}) AS v${i}`).join(', ');
  const [row] = await context.store.read(
    `MATCH ${pattern} WHERE id(x) = internal_id(${raw.table}, ${raw.offset}) RETURN ${projections}`,
  );
  if (!row) return;
  keys.forEach((key, i) => {
    if (typeof row[i] === 'string') entity.properties[key] = BigInt(row[i]);
  });
}

/** Runs the read-only statement once more with the unsafe columns cast to text, and takes their digits. */
async function recoverColumns(rows: Value[][], columns: Set<number>, context: Context): Promise<void> {
  const rewritten = rewriteFinalReturn(context.cypher, columns);
  if (!rewritten) return;
  let exact: Value[][];
  try {
    exact = await context.store.read(rewritten, context.params);
  } catch {
    return;
  }
  if (exact.length < context.first + rows.length) return;
  rows.forEach((row, r) => {
    for (const column of columns) {
      const text = exact[context.first + r]![column];
      if (typeof text === 'string' && /^-?\d+$/.test(text)) row[column] = BigInt(text);
    }
  });
}
