// JSON parsing and printing that keep integers beyond 2^53 exact: the server writes them as
// plain JSON numbers, and JSON.parse's source text (Chromium's reviver context) lets us read them as bigint.

type ReviverContext = { source?: string } | undefined;

const INTEGER_TEXT = /^-?\d+$/;

/** Parses JSON text; integers that a double cannot hold exactly become bigint. */
export function parseExactJson(text: string): unknown {
  const reviver = (_key: string, value: unknown, context?: ReviverContext): unknown => {
    if (typeof value === 'number' && !Number.isSafeInteger(value) && context?.source) {
      if (INTEGER_TEXT.test(context.source)) return BigInt(context.source);
    }
    return value;
  };
  return JSON.parse(text, reviver as (key: string, value: unknown) => unknown);
}

/** Prints a parsed value as JSON (pretty when `indent` is not empty), writing bigints as their exact digits. */
export function stringifyExactJson(value: unknown, indent = '  ', depth = 0): string {
  const newline = indent ? '\n' : '';
  const pad = newline + indent.repeat(depth + 1);
  const end = newline + indent.repeat(depth);
  const colon = indent ? ': ' : ':';
  if (typeof value === 'bigint') return value.toString();
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    return `[${value.map((item) => pad + stringifyExactJson(item, indent, depth + 1)).join(',')}${end}]`;
  }
  const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
  if (entries.length === 0) return '{}';
  const body = entries
    .map(([key, v]) => `${pad}${JSON.stringify(key)}${colon}${stringifyExactJson(v, indent, depth + 1)}`)
    .join(',');
  return `{${body}${end}}`;
}
