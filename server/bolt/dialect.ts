// The few Neo4j Cypher functions the embedded engine spells differently, rewritten where the
// meaning is the same for certain: type(r) -> label(r), elementId(x) -> string(id(x)),
// labels(n) -> [label(n)] (an embedded node has exactly one label). Text inside strings,
// comments and `quoted names` is never touched; everything else goes to the engine as sent.

type Rewrite = (argument: string) => string;

const REWRITES: Record<string, Rewrite> = {
  type: (argument) => `label(${argument})`,
  elementid: (argument) => `string(id(${argument}))`,
  labels: (argument) => `[label(${argument})]`,
};

/** Translates the Neo4j-only functions in `cypher`; returns the text unchanged when there are none. */
export function translateDialect(cypher: string): string {
  if (!/\b(type|elementId|labels)\s*\(/i.test(cypher)) return cypher;
  let out = '';
  let i = 0;
  while (i < cypher.length) {
    const char = cypher[i]!;
    const skipped = skipLiteral(cypher, i);
    if (skipped > i) {
      out += cypher.slice(i, skipped);
      i = skipped;
      continue;
    }
    const startsWord = /[A-Za-z_]/.test(char) && !/[A-Za-z0-9_$]/.test(cypher[i - 1] ?? '');
    if (startsWord && previousNonSpace(cypher, i) !== '.') {
      let end = i;
      while (end < cypher.length && /[A-Za-z0-9_]/.test(cypher[end]!)) end++;
      const word = cypher.slice(i, end);
      const rewrite = REWRITES[word.toLowerCase()];
      let open = end;
      while (open < cypher.length && /\s/.test(cypher[open]!)) open++;
      if (rewrite && cypher[open] === '(') {
        const close = matchingParen(cypher, open);
        if (close > open) {
          out += rewrite(translateDialect(cypher.slice(open + 1, close)));
          i = close + 1;
          continue;
        }
      }
      out += word;
      i = end;
      continue;
    }
    out += char;
    i++;
  }
  return out;
}

function previousNonSpace(text: string, index: number): string {
  for (let j = index - 1; j >= 0; j--) if (!/\s/.test(text[j]!)) return text[j]!;
  return '';
}

/** The end of a string, quoted name or comment starting at `index`; `index` itself when none starts there. */
function skipLiteral(text: string, index: number): number {
  const char = text[index];
  const next = text[index + 1];
  if (char === '/' && next === '/') {
    const end = text.indexOf('\n', index);
    return end < 0 ? text.length : end;
  }
  if (char === '/' && next === '*') {
    const end = text.indexOf('*/', index + 2);
    return end < 0 ? text.length : end + 2;
  }
  if (char === "'" || char === '"' || char === '`') {
    for (let j = index + 1; j < text.length; j++) {
      if (text[j] === '\\' && char !== '`') j++;
      else if (text[j] === char) {
        if (char === '`' && text[j + 1] === '`') j++;
        else return j + 1;
      }
    }
    return text.length;
  }
  return index;
}

/** Index of the `)` that closes the `(` at `open`, or -1 when it is never closed. */
function matchingParen(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    const skipped = skipLiteral(text, i);
    if (skipped > i) {
      i = skipped - 1;
      continue;
    }
    if (text[i] === '(') depth++;
    else if (text[i] === ')' && --depth === 0) return i;
  }
  return -1;
}
