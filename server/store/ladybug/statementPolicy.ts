// Statements the embedded engine accepts but an explorer must not run for a client: transaction
// control (it would leave a pooled connection inside an open transaction, so later "acknowledged"
// writes would never commit), and statements that read or write files or the network on the
// server (COPY, LOAD FROM, EXPORT/IMPORT DATABASE, INSTALL, ATTACH, ...), plus engine settings.
// The engine has no API that names a statement's kind, so this is a lexical check on the text with
// strings and comments blanked out; whether a statement writes is still decided by the engine.

import { LagebildError } from '../../errors.ts';

/** First keywords of statements that act on files, extensions, other databases or settings. */
const OUTSIDE_THE_GRAPH = ['COPY', 'INSTALL', 'UNINSTALL', 'FORCE', 'ATTACH', 'USE', 'EXPORT', 'IMPORT'];
const TRANSACTION_CONTROL = ['BEGIN', 'COMMIT', 'ROLLBACK', 'CHECKPOINT'];

/** The text with string literals, quoted names and comments replaced by spaces (same length). */
export function blankLiterals(text: string): string {
  const out = text.split('');
  const blank = (from: number, to: number) => {
    for (let k = from; k < to && k < out.length; k++) if (out[k] !== '\n') out[k] = ' ';
  };
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!;
    const next = text[i + 1];
    if (char === '/' && (next === '/' || next === '*')) {
      const close = next === '/' ? text.indexOf('\n', i) : text.indexOf('*/', i + 2);
      const end = close < 0 ? text.length : next === '/' ? close : close + 2;
      blank(i, end);
      i = end - 1;
    } else if (char === "'" || char === '"' || char === '`') {
      let j = i + 1;
      for (; j < text.length; j++) {
        if (text[j] === '\\' && char !== '`') j++;
        else if (text[j] === char) {
          if (char === '`' && text[j + 1] === '`') j++;
          else break;
        }
      }
      blank(i, j + 1);
      i = j;
    }
  }
  return out.join('');
}

/**
 * Throws a LagebildError when `cypher` is a statement Lagebild does not run for clients:
 * transaction control (InvalidQuery) or access to files, extensions, other databases or settings (Forbidden).
 */
export function assertStatementAllowed(cypher: string): void {
  const text = blankLiterals(cypher);
  const head = /^\s*(?:(?:EXPLAIN|PROFILE)\s+)?([A-Za-z]+)(\s+[A-Za-z]+)?/.exec(text);
  const first = head?.[1]?.toUpperCase() ?? '';
  const second = head?.[2]?.trim().toUpperCase() ?? '';
  if (TRANSACTION_CONTROL.includes(first))
    throw new LagebildError(
      'InvalidQuery',
      `${first} is not accepted here: every request runs as its own transaction, committed when it succeeds and rolled back when it fails. Send the statements one by one.`,
    );
  const reachesOut =
    OUTSIDE_THE_GRAPH.includes(first) ||
    (first === 'DETACH' && second !== 'DELETE') ||
    /(?<![\w.$])LOAD\s+(?:FROM|EXTENSION|WITH)\b/i.test(text) ||
    /^\s*CALL\s+\w+\s*=/i.test(text);
  if (reachesOut)
    throw new LagebildError(
      'Forbidden',
      'This statement would read or write files, load extensions, attach databases or change engine settings on the server, which Lagebild does not allow through its API. Use the import and export features instead.',
    );
}
