// Property types of an export: the engine's type names, what kind of value each one is in the
// formats that know only a few types, and inference for elements that come without a schema.

import type { Value } from '../store/types.ts';
import type { ExportSchema } from './types.ts';
import { stringifyJson } from '../util/json.ts';

/** The kinds of value the file formats distinguish. */
export type ValueKind =
  'string' | 'int' | 'long' | 'double' | 'boolean' | 'date' | 'datetime' | 'list' | 'other';

const KIND_BY_TYPE: Record<string, ValueKind> = {
  STRING: 'string',
  UUID: 'string',
  INT8: 'int',
  INT16: 'int',
  INT32: 'int',
  UINT8: 'int',
  UINT16: 'int',
  INT64: 'long',
  UINT32: 'long',
  UINT64: 'long',
  INT128: 'long',
  SERIAL: 'long',
  DOUBLE: 'double',
  FLOAT: 'double',
  BOOLEAN: 'boolean',
  BOOL: 'boolean',
  DATE: 'date',
  TIMESTAMP: 'datetime',
};

/** Kinds by type name as asked: exporters ask for the same few on every value. */
const kinds = new Map<string, ValueKind>();

/** What kind of value an engine type holds; lists end in "[]". */
export function kindOf(type: string): ValueKind {
  let kind = kinds.get(type);
  if (kind === undefined) {
    kind = type.endsWith('[]') ? 'list' : (KIND_BY_TYPE[type.toUpperCase()] ?? 'other');
    if (kinds.size < 1000) kinds.set(type, kind);
  }
  return kind;
}

/** The engine type of a value, for elements that arrive without a schema; undefined for null. */
export function inferType(value: Value): string | undefined {
  if (value === null) return undefined;
  switch (typeof value) {
    case 'string':
      return 'STRING';
    case 'boolean':
      return 'BOOLEAN';
    case 'bigint':
      return 'INT64';
    case 'number':
      return Number.isInteger(value) ? 'INT64' : 'DOUBLE';
    default:
      break;
  }
  if (Array.isArray(value)) {
    let inner: string | undefined;
    for (const item of value) inner = mergeTypes(inner, inferType(item));
    return `${inner && !inner.endsWith('[]') ? inner : 'STRING'}[]`;
  }
  const tag = (value as { $type?: unknown }).$type;
  if (tag === 'date') return 'DATE';
  if (tag === 'datetime' || tag === 'localdatetime') return 'TIMESTAMP';
  return 'STRING';
}

/** The type that holds values of both types: INT64 and DOUBLE give DOUBLE, other mixes STRING. */
export function mergeTypes(a: string | undefined, b: string | undefined): string | undefined {
  if (a === undefined || a === b) return b;
  if (b === undefined) return a;
  const numeric = new Set(['INT64', 'DOUBLE']);
  if (numeric.has(a) && numeric.has(b)) return 'DOUBLE';
  if (a.endsWith('[]') && b.endsWith('[]')) return `${mergeTypes(a.slice(0, -2), b.slice(0, -2))}[]`;
  return 'STRING';
}

/** One type per property name across all labels (or all relationship types), for formats with global columns. */
export function unionTypes(tables: Iterable<Map<string, string>>): Map<string, string> {
  const out = new Map<string, string>();
  for (const table of tables) for (const [key, type] of table) out.set(key, mergeTypes(out.get(key), type)!);
  return out;
}

export const nodePropertyTypes = (schema: ExportSchema) => unionTypes(schema.nodes.values());
export const edgePropertyTypes = (schema: ExportSchema) =>
  unionTypes([...schema.edges.values()].map((e) => e.properties));

/** Text of a scalar value as XML and CSV cells hold it; lists and maps become JSON text. */
export function scalarText(value: Value): string {
  switch (typeof value) {
    case 'string':
      return value;
    case 'number':
    case 'boolean':
    case 'bigint':
      return String(value);
    default:
      break;
  }
  if (value === null) return '';
  const tag = (value as { $type?: unknown; value?: unknown }).$type;
  if (typeof tag === 'string' && typeof (value as { value?: unknown }).value === 'string')
    return (value as { value: string }).value;
  return jsonText(value);
}

/**
 * JSON text that keeps big integers exact (stringifyJson: its bigint mark is random, where a fixed
 * "\u0000" mark turned a string property "\u0000123" into the number 123 beside a bigint).
 */
export const jsonText = (value: unknown): string => stringifyJson(value);
