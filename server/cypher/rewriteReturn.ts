// The final RETURN of a read query, taken apart: its items (with their aliases) and what
// follows them. Used to recover exact integers, by rewriting
// "... RETURN a, b ORDER BY a LIMIT 3" into
// "... WITH a AS `a`, b AS `b` ORDER BY a LIMIT 3 RETURN `a`, to_string(`b`) AS `b`",
// and to name the columns of items without an alias by their text, as Neo4j does.
// Both return undefined for shapes they do not handle (UNION, RETURN *).

import { topLevelCommas, topLevelWords } from './scan.ts';

const TAIL_KEYWORDS = new Set(['ORDER', 'SKIP', 'LIMIT']);

interface FinalReturn {
  /** The statement up to the RETURN keyword. */
  head: string;
  distinct: boolean;
  /** Each item as written, e.g. "type(r)" or "n.name AS name". */
  items: string[];
  /** ORDER BY, SKIP and LIMIT after the items, with a leading space, or ''. */
  tail: string;
}

/** A plain variable, as a name or in backticks. */
export const VARIABLE = /^(`(?:[^`]|``)+`|[A-Za-z_][A-Za-z0-9_]*)$/;
const ALIAS = /\s+AS\s+(`(?:[^`]|``)+`|[A-Za-z_][A-Za-z0-9_]*)\s*$/i;

/** An item of a RETURN taken apart: "n.name AS name" is { expression: "n.name", alias: "name" }. */
export function returnItem(item: string): { expression: string; alias?: string } {
  const alias = ALIAS.exec(item);
  return alias ? { expression: item.slice(0, alias.index).trim(), alias: alias[1] } : { expression: item };
}

/**
 * A prefix for generated names that no name in the query starts with ("c", else "c_", ...), so
 * that "RETURN c1, c1.big" does not get a second "c1".
 */
export function unusedPrefix(cypher: string): string {
  let prefix = 'c';
  while (new RegExp(`\\b${prefix}\\d`).test(cypher)) prefix += '_';
  return prefix;
}

export function finalReturn(cypher: string): FinalReturn | undefined {
  const text = cypher.trim().replace(/;\s*$/, '');
  const words = topLevelWords(text);
  if (words.some((w) => w.word.toUpperCase() === 'UNION')) return undefined;
  const returns = words.filter((w) => w.word.toUpperCase() === 'RETURN');
  const last = returns[returns.length - 1];
  if (!last) return undefined;
  let itemsStart = last.end;
  let distinct = false;
  const afterReturn = words[words.indexOf(last) + 1];
  if (afterReturn?.word.toUpperCase() === 'DISTINCT') {
    distinct = true;
    itemsStart = afterReturn.end;
  }
  const tail = words.find((w) => w.start > itemsStart && TAIL_KEYWORDS.has(w.word.toUpperCase()));
  const itemsEnd = tail ? tail.start : text.length;
  if (text.slice(itemsStart, itemsEnd).trim() === '*') return undefined;
  const cuts = [itemsStart, ...topLevelCommas(text, itemsStart, itemsEnd).map((c) => c + 1), itemsEnd + 1];
  const items = cuts.slice(0, -1).map((from, i) => text.slice(from, cuts[i + 1]! - 1).trim());
  return {
    head: text.slice(0, last.start),
    distinct,
    items,
    tail: tail ? ` ${text.slice(tail.start)}` : '',
  };
}

/**
 * The query with its final RETURN turned into a WITH of the same items (each with a name), and a
 * RETURN of what `returnItems` makes of those names: "... RETURN a, b.x ORDER BY a LIMIT 3" becomes
 * "... WITH a, b.x AS `c1` ORDER BY a LIMIT 3 RETURN <returnItems([a, `c1`])>". Without `keepTail`
 * the ORDER BY, SKIP and LIMIT are left out.
 */
export function reprojectFinalReturn(
  cypher: string,
  returnItems: (names: string[]) => string[],
  { keepTail = true } = {},
): string | undefined {
  const parts = finalReturn(cypher);
  if (!parts) return undefined;
  // The engine refuses ORDER BY in a WITH without SKIP or LIMIT; SKIP 0 keeps the order and the rows.
  const orderOnly = /\bORDER\b/i.test(parts.tail) && !/\b(SKIP|LIMIT)\b/i.test(parts.tail);
  const tail = keepTail ? `${parts.tail}${orderOnly ? ' SKIP 0' : ''}` : '';
  // A variable keeps its name, so that ORDER BY n.name after the WITH still finds n.
  const prefix = unusedPrefix(cypher);
  const names = parts.items.map(
    (item, i) => ALIAS.exec(item)?.[1] ?? (VARIABLE.test(item) ? item : `\`${prefix}${i}\``),
  );
  const withItems = parts.items.map((item, i) => (ALIAS.test(item) || item === names[i] ? item : `${item} AS ${names[i]}`));
  return `${parts.head}WITH ${parts.distinct ? 'DISTINCT ' : ''}${withItems.join(', ')}${tail} RETURN ${returnItems(names).join(', ')}`;
}

export function rewriteFinalReturn(cypher: string, columns: Set<number>): string | undefined {
  return reprojectFinalReturn(cypher, (names) =>
    names.map((name, i) => (columns.has(i) ? `to_string(${name}) AS ${name}` : name)),
  );
}

/**
 * The columns' names as Neo4j gives them: an item without an alias is named by its text
 * ("type(r)"), where the embedded engine names it by its own rewriting of it
 * ("LABEL(r._ID,[,,SUPPORTS,...])"). The engine's names are kept when the items cannot be matched
 * to the columns one to one, or when two would get the same name.
 */
export function columnNamesAsWritten(cypher: string, engineNames: string[]): string[] {
  const parts = finalReturn(cypher);
  if (!parts || parts.items.length !== engineNames.length) return engineNames;
  const names = parts.items.map((item, i) => (ALIAS.test(item) ? engineNames[i]! : item.replace(/\s+/g, ' ')));
  return new Set(names).size === names.length ? names : engineNames;
}
