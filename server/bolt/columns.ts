// Column names as Neo4j gives them: an unaliased RETURN item is named by its text as written
// ("count(*)", "n.name", "type(r)"), where the embedded engine names some differently
// ("COUNT_STAR()", "n._ID"). Records are positional, so only the names in RUN's answer change.

import { topLevelCommas, topLevelWords } from '../cypher/scan.ts';

const TAIL_KEYWORDS = new Set(['ORDER', 'SKIP', 'LIMIT']);

/** The final RETURN's column names as Neo4j would name them; undefined when they cannot be read safely. */
export function neo4jColumnNames(cypher: string): string[] | undefined {
  const text = cypher.trim().replace(/;\s*$/, '');
  const words = topLevelWords(text);
  const returns = words.filter((w) => w.word.toUpperCase() === 'RETURN');
  const last = returns[returns.length - 1];
  if (!last) return undefined;
  let itemsStart = last.end;
  const next = words[words.indexOf(last) + 1];
  if (next?.word.toUpperCase() === 'DISTINCT') itemsStart = next.end;
  const tail = words.find((w) => w.start > itemsStart && TAIL_KEYWORDS.has(w.word.toUpperCase()));
  const itemsEnd = tail ? tail.start : text.length;
  if (text.slice(itemsStart, itemsEnd).trim() === '*') return undefined;
  const cuts = [itemsStart, ...topLevelCommas(text, itemsStart, itemsEnd).map((c) => c + 1), itemsEnd + 1];
  const items = cuts.slice(0, -1).map((from, i) => text.slice(from, cuts[i + 1]! - 1).trim());
  if (items.some((item) => item === '')) return undefined;
  return items.map((item) => {
    const alias = /\s+AS\s+(`(?:[^`]|``)+`|[A-Za-z_][A-Za-z0-9_]*)\s*$/i.exec(item);
    if (!alias) return item;
    const name = alias[1]!;
    return name.startsWith('`') ? name.slice(1, -1).replaceAll('``', '`') : name;
  });
}

/** The engine's column names, replaced by Neo4j's when the final RETURN has as many items. */
export function boltColumns(cypher: string, engineColumns: string[]): string[] {
  const names = neo4jColumnNames(cypher);
  return names && names.length === engineColumns.length ? names : engineColumns;
}
