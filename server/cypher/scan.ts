// A small lexical scan of Cypher text: finds what stands outside strings, comments and
// brackets. Enough to split a script into statements and to find a query's final RETURN;
// it is not a parser and never decides what a query may do.

export interface TopLevelWord {
  word: string;
  start: number;
  end: number;
}

interface ScanHandlers {
  /** Called for each character outside strings, comments and any bracket. */
  onTopLevel?: (index: number, char: string) => void;
}

/** Walks the text, skipping string literals, quoted names and comments; returns bracket depth per top-level char. */
function scan(text: string, handlers: ScanHandlers): void {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!;
    const next = text[i + 1];
    if (char === '/' && next === '/') {
      const end = text.indexOf('\n', i);
      i = end < 0 ? text.length : end;
      continue;
    }
    if (char === '/' && next === '*') {
      const end = text.indexOf('*/', i + 2);
      i = end < 0 ? text.length : end + 1;
      continue;
    }
    if (char === "'" || char === '"' || char === '`') {
      i = skipQuoted(text, i, char);
      continue;
    }
    if (char === '(' || char === '[' || char === '{') depth++;
    else if (char === ')' || char === ']' || char === '}') depth = Math.max(0, depth - 1);
    else if (depth === 0) handlers.onTopLevel?.(i, char);
  }
}

function skipQuoted(text: string, start: number, quote: string): number {
  for (let i = start + 1; i < text.length; i++) {
    if (text[i] === '\\' && quote !== '`') i++;
    else if (text[i] === quote) {
      if (quote === '`' && text[i + 1] === '`') i++;
      else return i;
    }
  }
  return text.length;
}

/** Splits a script at top-level semicolons; drops statements that hold only comments or space. */
export function splitStatements(script: string): string[] {
  const cuts: number[] = [];
  scan(script, { onTopLevel: (i, char) => char === ';' && cuts.push(i) });
  const statements: string[] = [];
  let from = 0;
  for (const cut of [...cuts, script.length]) {
    const statement = script.slice(from, cut).trim();
    if (stripComments(statement).trim() !== '') statements.push(statement);
    from = cut + 1;
  }
  return statements;
}

/** The text with comments blanked out (strings kept). */
export function stripComments(text: string): string {
  let out = '';
  let last = 0;
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!;
    if (char === "'" || char === '"' || char === '`') {
      i = skipQuoted(text, i, char);
    } else if (char === '/' && (text[i + 1] === '/' || text[i + 1] === '*')) {
      const end = text[i + 1] === '/' ? text.indexOf('\n', i) : text.indexOf('*/', i + 2) + 2;
      const stop = end <= 1 ? text.length : end;
      out += text.slice(last, i);
      last = stop;
      i = stop - 1;
    }
  }
  return out + text.slice(last);
}

/** Words (keywords, names) that stand at the top level, with their positions. */
export function topLevelWords(text: string): TopLevelWord[] {
  const words: TopLevelWord[] = [];
  let current: TopLevelWord | undefined;
  let lastIndex = -2;
  scan(text, {
    onTopLevel: (i, char) => {
      const isWordChar = /[A-Za-z0-9_]/.test(char);
      if (isWordChar && current && lastIndex === i - 1) {
        current.word += char;
        current.end = i + 1;
      } else if (isWordChar) {
        current = { word: char, start: i, end: i + 1 };
        words.push(current);
      } else {
        current = undefined;
      }
      lastIndex = i;
    },
  });
  return words;
}

/** Positions of top-level commas between `from` and `to`. */
export function topLevelCommas(text: string, from: number, to: number): number[] {
  const commas: number[] = [];
  scan(text.slice(from, to), { onTopLevel: (i, char) => char === ',' && commas.push(from + i) });
  return commas;
}
