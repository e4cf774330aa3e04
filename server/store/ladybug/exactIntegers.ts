// The engine's JavaScript binding turns INT64 into a double, which is exact only up to 2^53.
// Where a value beyond that shows up, this module asks the engine again for its exact digits
// (as text) and puts a bigint in its place. Rare, so it costs nothing on ordinary results.

import type { EdgeValue, NodeValue, Value } from '../types.ts';
import { parseId } from './values.ts';
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
  for (const row of rows) {
    row.forEach((cell, column) => {
      if (INTEGER_TYPES.has(types[column] ?? '') && isUnsafe(cell)) unsafeColumns.add(column);
      collectEntities(cell, entities);
    });
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
