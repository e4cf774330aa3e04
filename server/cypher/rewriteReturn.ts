// Rewrites a read query so that chosen columns of its final RETURN come back as text:
// "... RETURN a, b ORDER BY a LIMIT 3" becomes
// "... WITH a AS `a`, b AS `b` ORDER BY a LIMIT 3 RETURN `a`, to_string(`b`) AS `b`".
// Used only to recover exact integers; returns undefined for shapes it does not handle.

import { topLevelCommas, topLevelWords } from './scan.ts';

const TAIL_KEYWORDS = new Set(['ORDER', 'SKIP', 'LIMIT']);

export function rewriteFinalReturn(cypher: string, columns: Set<number>): string | undefined {
  const text = cypher.trim().replace(/;\s*$/, '');
  const words = topLevelWords(text);
  if (words.some((w) => w.word.toUpperCase() === 'UNION')) return undefined;
  const returns = words.filter((w) => w.word.toUpperCase() === 'RETURN');
  const last = returns[returns.length - 1];
  if (!last) return undefined;
  let itemsStart = last.end;
  let distinct = '';
  const afterReturn = words[words.indexOf(last) + 1];
  if (afterReturn?.word.toUpperCase() === 'DISTINCT') {
    distinct = 'DISTINCT ';
    itemsStart = afterReturn.end;
  }
  const tail = words.find((w) => w.start > itemsStart && TAIL_KEYWORDS.has(w.word.toUpperCase()));
  const itemsEnd = tail ? tail.start : text.length;
  const itemsText = text.slice(itemsStart, itemsEnd);
  if (itemsText.trim() === '*') return undefined;
  const cuts = [itemsStart, ...topLevelCommas(text, itemsStart, itemsEnd).map((c) => c + 1), itemsEnd + 1];
  const items = cuts.slice(0, -1).map((from, i) => text.slice(from, cuts[i + 1]! - 1).trim());
  const names = items.map((item, i) => {
    const alias = /\s+AS\s+(`(?:[^`]|``)+`|[A-Za-z_][A-Za-z0-9_]*)\s*$/i.exec(item);
    return alias ? alias[1]! : `\`c${i}\``;
  });
  const withItems = items.map((item, i) => (/\s+AS\s+\S+\s*$/i.test(item) ? item : `${item} AS ${names[i]}`));
  const returnItems = names.map((name, i) => (columns.has(i) ? `to_string(${name}) AS ${name}` : name));
  const tailText = tail ? ` ${text.slice(tail.start)}` : '';
  return `${text.slice(0, last.start)}WITH ${distinct}${withItems.join(', ')}${tailText} RETURN ${returnItems.join(', ')}`;
}
