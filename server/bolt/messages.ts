// Bolt message tags (requests from the client, responses from us) and small helpers that
// read a request's fields safely.

import { Structure, type PackValue } from './packstream.ts';

export const REQUEST = {
  HELLO: 0x01,
  GOODBYE: 0x02,
  RESET: 0x0f,
  RUN: 0x10,
  BEGIN: 0x11,
  COMMIT: 0x12,
  ROLLBACK: 0x13,
  DISCARD: 0x2f,
  PULL: 0x3f,
  TELEMETRY: 0x54,
  ROUTE: 0x66,
  LOGON: 0x6a,
  LOGOFF: 0x6b,
} as const;

export const RESPONSE = {
  SUCCESS: 0x70,
  RECORD: 0x71,
  IGNORED: 0x7e,
  FAILURE: 0x7f,
} as const;

/** The name of a request tag, for error messages and logs. */
export function requestName(tag: number): string {
  return Object.entries(REQUEST).find(([, t]) => t === tag)?.[0] ?? `0x${tag.toString(16)}`;
}

export type PackMap = Record<string, PackValue>;

/** Thrown when a request is malformed or not allowed in the connection's state. */
export class ProtocolViolation extends Error {
  override name = 'ProtocolViolation';
}

/** The field at `index` as a map (an absent or null field counts as empty). */
export function mapField(message: Structure, index: number): PackMap {
  const value = message.fields[index];
  if (value === undefined || value === null) return {};
  if (
    typeof value !== 'object' ||
    Array.isArray(value) ||
    value instanceof Structure ||
    value instanceof Uint8Array
  )
    throw new ProtocolViolation(`${requestName(message.tag)} field ${index + 1} must be a map.`);
  return value as PackMap;
}

/** The field at `index` as a string. */
export function stringField(message: Structure, index: number): string {
  const value = message.fields[index];
  if (typeof value !== 'string')
    throw new ProtocolViolation(`${requestName(message.tag)} field ${index + 1} must be a string.`);
  return value;
}

/** A whole number from request metadata (PULL's n, tx_timeout...), or undefined when absent. */
export function integerEntry(map: PackMap, key: string): number | undefined {
  const value = map[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'bigint') return Number(value);
  if (typeof value === 'number' && Number.isInteger(value)) return value;
  throw new ProtocolViolation(`"${key}" must be an integer.`);
}

/** A string from request metadata, or undefined when absent. */
export function stringEntry(map: PackMap, key: string): string | undefined {
  const value = map[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw new ProtocolViolation(`"${key}" must be a string.`);
  return value;
}
