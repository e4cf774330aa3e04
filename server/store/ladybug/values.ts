// Maps what @ladybugdb/core returns to Lagebild's plain values: nodes, relationships and
// paths become tagged objects with opaque string ids, dates keep their type.

import type { EdgeValue, GraphEdge, GraphNode, NodeValue, PathValue, Value } from '../types.ts';

export interface RawId {
  table: number;
  offset: number;
}

const isRawId = (value: unknown): value is RawId =>
  typeof value === 'object' &&
  value !== null &&
  typeof (value as RawId).table === 'number' &&
  typeof (value as RawId).offset === 'number';

/** The opaque id of a node or relationship: "table:offset". */
export const formatId = (id: RawId): string => `${id.table}:${id.offset}`;

const ID_PATTERN = /^(\d{1,9}):(\d{1,15})$/;

/** Parses an opaque id back into table and offset; undefined when it is not one of ours. */
export function parseId(id: string): RawId | undefined {
  const match = ID_PATTERN.exec(id);
  if (!match) return undefined;
  return { table: Number(match[1]), offset: Number(match[2]) };
}

/** Column types tell a DATE from a TIMESTAMP; inside nodes the table's property types do. */
export type TypeHint = string | undefined;

const INTERNAL_KEYS = new Set(['_id', '_label', '_src', '_dst']);

function convertDate(date: Date, type: TypeHint): Value {
  if (Number.isNaN(date.getTime())) return null;
  const iso = date.toISOString();
  if (type === 'DATE' || (type === undefined && iso.endsWith('T00:00:00.000Z'))) {
    return { $type: 'date', value: iso.slice(0, 10) };
  }
  return { $type: 'datetime', value: iso };
}

export type PropertyTypes = (label: string) => Map<string, string> | undefined;

/** Converts one raw engine value; `type` is the engine's type name for it, when known. */
export function convertValue(raw: unknown, type: TypeHint, propertyTypes: PropertyTypes): Value {
  if (raw === null || raw === undefined) return null;
  switch (typeof raw) {
    case 'string':
    case 'boolean':
      return raw;
    case 'bigint':
      return Number.isSafeInteger(Number(raw)) ? Number(raw) : raw;
    case 'number':
      if (type === 'INTERVAL') return { $type: 'duration', value: millisToIsoDuration(raw) };
      return raw;
    case 'object':
      break;
    default:
      return String(raw);
  }
  if (raw instanceof Date) return convertDate(raw, type);
  if (Array.isArray(raw)) {
    const inner = type?.endsWith('[]') ? type.slice(0, -2) : undefined;
    return raw.map((item) => convertValue(item, inner, propertyTypes));
  }
  if (raw instanceof Map) {
    const out: Record<string, Value> = {};
    for (const [k, v] of raw) out[String(k)] = convertValue(v, undefined, propertyTypes);
    return out;
  }
  const record = raw as Record<string, unknown>;
  if ('_nodes' in record && '_rels' in record) return convertPath(record, propertyTypes);
  if (isRawId(record._id) && '_label' in record) {
    if (isRawId(record._src) && isRawId(record._dst)) return convertEdge(record, propertyTypes);
    return convertNode(record, propertyTypes);
  }
  if (isRawId(raw)) return formatId(raw);
  const out: Record<string, Value> = {};
  for (const [k, v] of Object.entries(record)) out[k] = convertValue(v, undefined, propertyTypes);
  return out;
}

function convertProperties(record: Record<string, unknown>, label: string, propertyTypes: PropertyTypes) {
  const types = propertyTypes(label);
  const properties: Record<string, Value> = {};
  // A plain loop with the common scalars inline: this runs for every property of every node and
  // relationship read (a third of an export's time went here with Object.entries and a call each).
  for (const key in record) {
    const value = record[key];
    if (value === null || value === undefined || INTERNAL_KEYS.has(key)) continue;
    properties[key] =
      typeof value === 'string' ||
      typeof value === 'boolean' ||
      (typeof value === 'number' && types?.get(key) !== 'INTERVAL')
        ? value
        : convertValue(value, types?.get(key), propertyTypes);
  }
  return properties;
}

/** Engine types the binding hands over as they are to be sent: a string, a boolean or an exact number. */
export const PLAIN_TYPES: ReadonlySet<string> = new Set([
  'STRING',
  'BOOL',
  'DOUBLE',
  'FLOAT',
  'INT8',
  'INT16',
  'INT32',
  'UINT8',
  'UINT16',
  'UINT32',
]);

const plainValue = (raw: unknown): Value => (raw ?? null) as Value;

/**
 * The conversion for one result column, chosen once per result: a plain column's values pass as
 * they are (most of a big scalar result), every other goes through convertValue.
 */
export function columnConverter(type: TypeHint, propertyTypes: PropertyTypes): (raw: unknown) => Value {
  if (type !== undefined && PLAIN_TYPES.has(type)) return plainValue;
  return (raw) => convertValue(raw, type, propertyTypes);
}

/** What a result column holds: a node, a relationship, or a scalar. */
export type ColumnKind = 'node' | 'relationship' | 'scalar';

/** The kind of a column of this engine type; undefined for elements inside paths, lists, maps. */
export function columnKind(type: string): ColumnKind | undefined {
  if (type === 'NODE') return 'node';
  if (type === 'REL') return 'relationship';
  return /NODE|REL/.test(type) ? undefined : 'scalar';
}

/**
 * The kind of each column of a result made of plain node, relationship and scalar columns, one
 * element column at least; undefined for any other result. Results of this shape can be read from
 * the tables' columns (export/queryColumns.ts) or as flat columns (flatElements.ts).
 */
export function elementColumnKinds(engineTypes: readonly string[]): ColumnKind[] | undefined {
  const kinds = engineTypes.map(columnKind);
  if (kinds.some((kind) => kind === undefined) || !kinds.some((kind) => kind !== 'scalar')) return undefined;
  return kinds as ColumnKind[];
}

export function convertNode(record: Record<string, unknown>, propertyTypes: PropertyTypes): NodeValue {
  const label = String(record._label ?? '');
  return {
    $type: 'node',
    id: formatId(record._id as RawId),
    labels: label ? [label] : [],
    properties: convertProperties(record, label, propertyTypes),
  };
}

export function convertEdge(record: Record<string, unknown>, propertyTypes: PropertyTypes): EdgeValue {
  const type = String(record._label ?? '');
  return {
    $type: 'relationship',
    id: formatId(record._id as RawId),
    type,
    source: formatId(record._src as RawId),
    target: formatId(record._dst as RawId),
    properties: convertProperties(record, type, propertyTypes),
  };
}

function convertPath(record: Record<string, unknown>, propertyTypes: PropertyTypes): PathValue {
  const nodes = (record._nodes as Record<string, unknown>[]).map((n) => convertNode(n, propertyTypes));
  const edges = (record._rels as Record<string, unknown>[]).map((r) => convertEdge(r, propertyTypes));
  return { $type: 'path', nodes: nodes.map(stripTag), edges: edges.map(stripTag) };
}

/** The plain node or edge without its `$type` tag. */
export function stripTag<T extends NodeValue | EdgeValue>(
  value: T,
): T extends NodeValue ? GraphNode : GraphEdge {
  const { $type: _tag, ...rest } = value;
  return rest as unknown as T extends NodeValue ? GraphNode : GraphEdge;
}

function millisToIsoDuration(ms: number): string {
  const sign = ms < 0 ? '-' : '';
  let rest = Math.abs(ms);
  const days = Math.floor(rest / 86_400_000);
  rest -= days * 86_400_000;
  const seconds = rest / 1000;
  return `${sign}P${days}DT${seconds}S`;
}
