// Lagebild's plain values as Bolt 5 structures (nodes, relationships, paths with element ids,
// dates, times, durations, points) and Bolt parameters back as plain values.

import type { GraphEdge, GraphNode, Value } from '../store/types.ts';
import { Float, Structure, type PackValue } from './packstream.ts';

/** Structure tags of Bolt 5 values. */
export const TAG = {
  node: 0x4e,
  relationship: 0x52,
  unboundRelationship: 0x72,
  path: 0x50,
  date: 0x44,
  time: 0x54,
  localTime: 0x74,
  dateTime: 0x49,
  dateTimeZoneId: 0x69,
  localDateTime: 0x64,
  duration: 0x45,
  point2d: 0x58,
  point3d: 0x59,
} as const;

/**
 * The legacy integer id Bolt still carries beside the element id. Our ids are "table:offset",
 * which fold into one integer; any other id string gets a stable negative number.
 */
export function legacyId(id: string): bigint {
  const match = /^(\d{1,9}):(\d{1,12})$/.exec(id);
  if (match) return (BigInt(match[1]!) << 40n) | BigInt(match[2]!);
  let hash = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) hash = Math.imul(hash ^ id.charCodeAt(i), 0x01000193) >>> 0;
  return -BigInt(hash + 1);
}

function nodeStructure(node: GraphNode): Structure {
  return new Structure(TAG.node, [legacyId(node.id), node.labels, properties(node.properties), node.id]);
}

function relationshipStructure(edge: GraphEdge): Structure {
  return new Structure(TAG.relationship, [
    legacyId(edge.id),
    legacyId(edge.source),
    legacyId(edge.target),
    edge.type,
    properties(edge.properties),
    edge.id,
    edge.source,
    edge.target,
  ]);
}

function properties(values: Record<string, Value>): Record<string, PackValue> {
  const out: Record<string, PackValue> = {};
  for (const [key, value] of Object.entries(values)) out[key] = toBolt(value);
  return out;
}

/** A path as Bolt sends it: distinct nodes, distinct unbound relationships, and the walk as indices. */
function pathStructure(nodes: GraphNode[], edges: GraphEdge[]): Structure {
  const nodeIndex = new Map<string, number>();
  const uniqueNodes: GraphNode[] = [];
  for (const node of nodes)
    if (!nodeIndex.has(node.id)) {
      nodeIndex.set(node.id, uniqueNodes.length);
      uniqueNodes.push(node);
    }
  const edgeIndex = new Map<string, number>();
  const uniqueEdges: GraphEdge[] = [];
  const indices: number[] = [];
  edges.forEach((edge, i) => {
    if (!edgeIndex.has(edge.id)) {
      edgeIndex.set(edge.id, uniqueEdges.length);
      uniqueEdges.push(edge);
    }
    const position = edgeIndex.get(edge.id)! + 1;
    const forward = edge.source === nodes[i]?.id;
    indices.push(forward ? position : -position, nodeIndex.get(nodes[i + 1]!.id)!);
  });
  return new Structure(TAG.path, [
    uniqueNodes.map(nodeStructure),
    uniqueEdges.map(
      (edge) =>
        new Structure(TAG.unboundRelationship, [
          legacyId(edge.id),
          edge.type,
          properties(edge.properties),
          edge.id,
        ]),
    ),
    indices,
  ]);
}

/** Converts a plain value into what Bolt sends for it. */
export function toBolt(value: Value): PackValue {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map(toBolt);
  if ('$type' in value && typeof value.$type === 'string') {
    const tagged = value as Extract<Value, { $type: string }>;
    switch (tagged.$type) {
      case 'node':
        return nodeStructure(tagged);
      case 'relationship':
        return relationshipStructure(tagged);
      case 'path':
        return pathStructure(tagged.nodes, tagged.edges);
      case 'point':
        return tagged.z === undefined
          ? new Structure(TAG.point2d, [tagged.srid, new Float(tagged.x), new Float(tagged.y)])
          : new Structure(TAG.point3d, [
              tagged.srid,
              new Float(tagged.x),
              new Float(tagged.y),
              new Float(tagged.z),
            ]);
      case 'date':
      case 'time':
      case 'localtime':
      case 'datetime':
      case 'localdatetime':
      case 'duration':
        return temporalStructure(tagged.$type, tagged.value) ?? tagged.value;
    }
  }
  const out: Record<string, PackValue> = {};
  for (const [key, item] of Object.entries(value as Record<string, Value>)) out[key] = toBolt(item);
  return out;
}

const DAY_MS = 86_400_000;
const DATE = /^(-?\d{4,})-(\d{2})-(\d{2})$/;
const TIME = /^(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?/;
const OFFSET = /(Z|[+-]\d{2}(?::?\d{2})?(?::?\d{2})?)?(?:\[([^\]]+)\])?$/;

function epochDays(date: string): number | undefined {
  const match = DATE.exec(date);
  if (!match) return undefined;
  const ms = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  return Number.isNaN(ms) ? undefined : Math.round(ms / DAY_MS);
}

function nanosOfDay(time: string): { nanos: bigint; rest: string } | undefined {
  const match = TIME.exec(time);
  if (!match) return undefined;
  const fraction = (match[4] ?? '').padEnd(9, '0');
  const seconds = Number(match[1]) * 3600 + Number(match[2]) * 60 + Number(match[3] ?? 0);
  return { nanos: BigInt(seconds) * 1_000_000_000n + BigInt(fraction), rest: time.slice(match[0].length) };
}

function offsetSeconds(text: string): number {
  if (text === 'Z' || text === '') return 0;
  const sign = text.startsWith('-') ? -1 : 1;
  const digits = text.slice(1).replaceAll(':', '');
  return (
    sign *
    (Number(digits.slice(0, 2)) * 3600 +
      Number(digits.slice(2, 4) || 0) * 60 +
      Number(digits.slice(4, 6) || 0))
  );
}

/** Builds the Bolt structure of an ISO temporal text; undefined when the text is not one we can read. */
function temporalStructure(type: string, text: string): Structure | undefined {
  if (type === 'date') {
    const days = epochDays(text);
    return days === undefined ? undefined : new Structure(TAG.date, [days]);
  }
  if (type === 'duration') return durationStructure(text);
  if (type === 'localtime' || type === 'time') {
    const time = nanosOfDay(text);
    if (!time) return undefined;
    if (type === 'localtime') return new Structure(TAG.localTime, [time.nanos]);
    const offset = OFFSET.exec(time.rest);
    return new Structure(TAG.time, [time.nanos, offsetSeconds(offset?.[1] ?? '')]);
  }
  const [datePart, timePart = '00:00'] = text.split('T') as [string, string | undefined];
  const days = epochDays(datePart);
  const time = nanosOfDay(timePart);
  if (days === undefined || !time) return undefined;
  const localSeconds = BigInt(days) * 86_400n + time.nanos / 1_000_000_000n;
  const nanos = time.nanos % 1_000_000_000n;
  if (type === 'localdatetime') return new Structure(TAG.localDateTime, [localSeconds, nanos]);
  const offset = OFFSET.exec(time.rest);
  const offsetText = offset?.[1] ?? '';
  const zone = offset?.[2];
  const utcSeconds = localSeconds - BigInt(offsetSeconds(offsetText));
  if (zone) return new Structure(TAG.dateTimeZoneId, [utcSeconds, nanos, zone]);
  return new Structure(TAG.dateTime, [utcSeconds, nanos, offsetSeconds(offsetText)]);
}

const DURATION =
  /^(-)?P(?:(-?\d+)Y)?(?:(-?\d+)M)?(?:(-?\d+)W)?(?:(-?\d+)D)?(?:T(?:(-?\d+)H)?(?:(-?\d+)M)?(?:(-?\d+(?:\.\d{1,9})?)S)?)?$/;

/** ISO 8601 durations (P1Y2M3DT4H5M6.5S) as months, days, seconds and nanoseconds. */
function durationStructure(text: string): Structure | undefined {
  const match = DURATION.exec(text);
  if (!match) return undefined;
  const sign = match[1] ? -1n : 1n;
  const n = (i: number) => BigInt(match[i] ?? 0);
  const months = sign * (n(2) * 12n + n(3));
  const days = sign * (n(4) * 7n + n(5));
  const secondsText = match[8] ?? '0';
  const secondsSign = secondsText.startsWith('-') ? -1n : 1n;
  const [whole, fraction = ''] = secondsText.replace('-', '').split('.') as [string, string | undefined];
  const totalNanos =
    sign *
    ((n(6) * 3600n + n(7) * 60n) * 1_000_000_000n +
      secondsSign * (BigInt(whole) * 1_000_000_000n + BigInt(fraction.padEnd(9, '0'))));
  // Bolt keeps nanoseconds within 0..999,999,999 and lets the seconds carry the sign.
  let seconds = totalNanos / 1_000_000_000n;
  let nanos = totalNanos % 1_000_000_000n;
  if (nanos < 0n) {
    seconds -= 1n;
    nanos += 1_000_000_000n;
  }
  return new Structure(TAG.duration, [months, days, seconds, nanos]);
}

/** Thrown for a parameter the embedded engine cannot take (a node, a temporal structure...). */
export class UnsupportedParameterError extends Error {
  override name = 'UnsupportedParameterError';
}

/** Converts a Bolt parameter into a plain value; structures are refused with a clear reason. */
export function fromBolt(value: PackValue, path: string): Value {
  if (value === null || typeof value !== 'object') return value;
  if (value instanceof Float) return value.value;
  if (value instanceof Uint8Array)
    throw new UnsupportedParameterError(
      `Parameter ${path} is a byte array, which the embedded database does not store.`,
    );
  if (value instanceof Structure)
    throw new UnsupportedParameterError(
      `Parameter ${path} is a ${structureName(value.tag)}; the embedded database takes only strings, numbers, booleans, lists and maps as parameters. Pass an ISO string and convert it in Cypher, e.g. date($text).`,
    );
  if (Array.isArray(value)) return value.map((item, i) => fromBolt(item, `${path}[${i}]`));
  const out: Record<string, Value> = {};
  for (const [key, item] of Object.entries(value)) out[key] = fromBolt(item, `${path}.${key}`);
  return out;
}

function structureName(tag: number): string {
  const entry = Object.entries(TAG).find(([, t]) => t === tag);
  return entry ? entry[0] : `structure 0x${tag.toString(16)}`;
}
