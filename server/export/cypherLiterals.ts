// Cypher literals that both the embedded engine and Neo4j read the same way: names in
// backticks, strings in single quotes with backslash escapes, values typed by their column.

import type { Value } from '../store/types.ts';
import { jsonText, kindOf, scalarText } from './propertyTypes.ts';

/** A label, type or property name in backticks (a backtick inside is doubled). */
export const cypherName = (name: string) => `\`${name.replaceAll('`', '``')}\``;

const STRING_ESCAPES: Record<string, string> = {
  '\\': '\\\\',
  "'": "\\'",
  '\n': '\\n',
  '\r': '\\r',
  '\t': '\\t',
};

const NEEDS_ESCAPE = /[\\'\n\r\t\u0000-\u001F\u2028\u2029]/;
const ESCAPED = new RegExp(NEEDS_ESCAPE.source, 'g');

/** A string literal on one line: quotes, backslashes and control characters are escaped. */
export function cypherString(text: string): string {
  if (!NEEDS_ESCAPE.test(text)) return `'${text}'`;
  return `'${text.replace(ESCAPED, (c) => STRING_ESCAPES[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)}'`;
}

/** Column types the DDL can declare; anything else is stored as STRING (its JSON text). */
export function columnType(type: string): string {
  if (type.endsWith('[]')) {
    const inner = columnType(type.slice(0, -2));
    return inner.endsWith('[]') ? 'STRING' : `${inner}[]`;
  }
  return kindOf(type) === 'other' ? 'STRING' : type.toUpperCase();
}

/** The literal of `value` for a column of `type` (as columnType gives it). */
export function cypherLiteral(value: Value, type: string): string {
  if (value === null) return 'null';
  if (type.endsWith('[]')) {
    if (!Array.isArray(value)) return cypherLiteral(value, type.slice(0, -2));
    return `[${value.map((item) => cypherLiteral(item, type.slice(0, -2))).join(', ')}]`;
  }
  switch (kindOf(type)) {
    case 'int':
    case 'long':
      if (typeof value === 'bigint') return value.toString();
      if (typeof value === 'number' && Number.isInteger(value)) return String(value);
      break;
    case 'double':
      if (typeof value === 'number' && Number.isFinite(value))
        return Number.isInteger(value) ? `${value}.0` : String(value);
      if (typeof value === 'bigint') return `${value}.0`;
      break;
    case 'boolean':
      if (typeof value === 'boolean') return String(value);
      break;
    case 'date':
      return `date(${cypherString(scalarText(value))})`;
    case 'datetime':
      return `timestamp(${cypherString(scalarText(value))})`;
    default:
      break;
  }
  return cypherString(typeof value === 'object' && !('$type' in value) ? jsonText(value) : scalarText(value));
}
