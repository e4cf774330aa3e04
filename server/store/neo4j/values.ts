// Maps what neo4j-driver returns to Lagebild's plain values, losslessly: integers beyond 2^53
// become bigint, temporal values keep their type in a `$type` tag, nodes and relationships are
// identified by their element ids. Parameters go the other way.

import neo4j, {
  isDate,
  isDateTime,
  isDuration,
  isLocalDateTime,
  isLocalTime,
  isNode,
  isPath,
  isPoint,
  isRelationship,
  isTime,
  type Node,
  type Relationship,
} from 'neo4j-driver';
import type { EdgeValue, NodeValue, Value } from '../types.ts';

/** A node as a tagged plain value. */
export function nodeValue(node: Node): NodeValue {
  return {
    $type: 'node',
    id: node.elementId,
    labels: [...node.labels],
    properties: propertiesOf(node.properties),
  };
}

/** A relationship as a tagged plain value; source and target are element ids. */
export function relationshipValue(relationship: Relationship): EdgeValue {
  return {
    $type: 'relationship',
    id: relationship.elementId,
    type: relationship.type,
    source: relationship.startNodeElementId,
    target: relationship.endNodeElementId,
    properties: propertiesOf(relationship.properties),
  };
}

function propertiesOf(properties: Record<string, unknown>): Record<string, Value> {
  const out: Record<string, Value> = {};
  for (const [key, value] of Object.entries(properties)) out[key] = fromDriver(value);
  return out;
}

function integer(value: bigint): number | bigint {
  return Number.isSafeInteger(Number(value)) ? Number(value) : value;
}

const pad = (n: number | bigint, width = 2) => String(n).padStart(width, '0');

/** Durations as ISO 8601 in the form the embedded adapter writes (P3DT7200S), months first when present. */
function durationText(months: number, days: number, seconds: number, nanos: number): string {
  const fraction = nanos === 0 ? '' : `.${pad(nanos, 9).replace(/0+$/, '')}`;
  return `P${months !== 0 ? `${months}M` : ''}${days}DT${seconds}${fraction}S`;
}

/** Converts any value the driver returns into a plain value. */
export function fromDriver(value: unknown): Value {
  if (value === null || value === undefined) return null;
  switch (typeof value) {
    case 'string':
    case 'boolean':
    case 'number':
      return value;
    case 'bigint':
      return integer(value);
    case 'object':
      break;
    default:
      return String(value);
  }
  if (neo4j.isInt(value)) return integer(value.toBigInt());
  if (Array.isArray(value)) return value.map(fromDriver);
  if (value instanceof Uint8Array) return [...value];
  if (isNode(value)) return nodeValue(value);
  if (isRelationship(value)) return relationshipValue(value);
  if (isPath(value)) {
    const nodes = [value.start, ...value.segments.map((s) => s.end)].map(nodeValue);
    const edges = value.segments.map((s) => relationshipValue(s.relationship));
    return { $type: 'path', nodes: nodes.map(untag), edges: edges.map(untag) };
  }
  if (isDate(value)) return { $type: 'date', value: value.toString() };
  if (isDateTime(value)) {
    const offset = Number(value.timeZoneOffsetSeconds ?? 0);
    const nanos = Number(value.nanosecond);
    if (value.timeZoneId === undefined && offset === 0 && nanos % 1_000_000 === 0) {
      // The same text the embedded adapter writes for a UTC timestamp.
      const text = `${pad(Number(value.year), 4)}-${pad(Number(value.month))}-${pad(Number(value.day))}T${pad(Number(value.hour))}:${pad(Number(value.minute))}:${pad(Number(value.second))}.${pad(nanos / 1_000_000, 3)}Z`;
      return { $type: 'datetime', value: text };
    }
    return { $type: 'datetime', value: value.toString() };
  }
  if (isLocalDateTime(value)) return { $type: 'localdatetime', value: value.toString() };
  if (isLocalTime(value)) return { $type: 'localtime', value: value.toString() };
  if (isTime(value)) return { $type: 'time', value: value.toString() };
  if (isDuration(value))
    return {
      $type: 'duration',
      value: durationText(
        Number(value.months),
        Number(value.days),
        Number(value.seconds),
        Number(value.nanoseconds),
      ),
    };
  if (isPoint(value))
    return {
      $type: 'point',
      srid: Number(value.srid),
      x: value.x,
      y: value.y,
      ...(value.z !== undefined ? { z: value.z } : {}),
    };
  const out: Record<string, Value> = {};
  for (const [key, item] of Object.entries(value as Record<string, unknown>)) out[key] = fromDriver(item);
  return out;
}

function untag<T extends NodeValue | EdgeValue>(value: T): Omit<T, '$type'> {
  const { $type: _tag, ...rest } = value;
  return rest;
}

/**
 * Parameters for the driver: whole numbers go as integers (a JSON 10 is meant as LIMIT 10, and
 * Neo4j refuses a float there), bigints as exact integers, everything else as it is.
 */
export function toDriver(value: Value): unknown {
  if (typeof value === 'number') return Number.isInteger(value) ? neo4j.int(value) : value;
  if (typeof value === 'bigint') return neo4j.int(value.toString());
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map(toDriver);
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) out[key] = toDriver(item);
  return out;
}

/** All parameters of a statement, converted. */
export function paramsToDriver(params: Record<string, Value>): Record<string, unknown> {
  return toDriver(params) as Record<string, unknown>;
}
