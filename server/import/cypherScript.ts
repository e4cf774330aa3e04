// Reads a Cypher script written by the exporter: splits it into statements, keeps each one's
// line for error messages, and accepts only what the exporter writes (table declarations,
// MERGE, MATCH ... MERGE, SET, UNWIND), so an import cannot delete or load anything else.

import { LagebildError } from '../errors.ts';
import { EMBEDDED_ONLY_LINE } from '../export/formats/cypherScript.ts';
import { splitStatements, stripComments, topLevelWords } from '../cypher/scan.ts';

export interface ScriptStatement {
  text: string;
  line: number;
}

const REFUSED = new Set([
  'DELETE',
  'DETACH',
  'DROP',
  'REMOVE',
  'CALL',
  'LOAD',
  'COPY',
  'EXPORT',
  'IMPORT',
  'ATTACH',
  'INSTALL',
  'USE',
  'FOREACH',
  'RENAME',
  'COMMENT',
  'CHECKPOINT',
  'BEGIN',
  'COMMIT',
  'ROLLBACK',
]);
const ALLOWED_START = new Set(['CREATE', 'ALTER', 'MERGE', 'MATCH', 'UNWIND', 'WITH']);

/** The script's statements for `backend`: table declarations only for the embedded engine. */
export function scriptStatements(script: string, backend: string): ScriptStatement[] {
  const statements: ScriptStatement[] = [];
  let searchFrom = 0;
  for (const text of splitStatements(script)) {
    const at = script.indexOf(text, searchFrom);
    searchFrom = at + text.length;
    const body = stripComments(text).trim();
    const leading = text.length - text.trimStart().length;
    const line = script.slice(0, at + leading + text.indexOf(body.slice(0, 20))).split('\n').length;
    const words = topLevelWords(body).map((w) => w.word.toUpperCase());
    const refused = words.find((w) => REFUSED.has(w));
    const fail = (message: string): never => {
      throw new LagebildError('InvalidRequest', `Invalid Cypher script: line ${line}: ${message}.`, {
        details: [{ path: [`line ${line}`], message }],
      });
    };
    if (!ALLOWED_START.has(words[0] ?? ''))
      fail(
        `a statement starting "${body.slice(0, 30)}" is not one the exporter writes; an import only declares tables and MERGEs nodes and relationships`,
      );
    if (refused)
      fail(
        `${refused} is not allowed in an import (it only declares tables and MERGEs nodes and relationships)`,
      );
    if (words[0] === 'CREATE' && !/^CREATE (NODE|REL) TABLE IF NOT EXISTS /i.test(body))
      fail('CREATE is only allowed as CREATE NODE/REL TABLE IF NOT EXISTS; use MERGE for data');
    if (words[0] === 'ALTER' && !/^ALTER TABLE \S+ ADD /i.test(body))
      fail('ALTER is only allowed as ALTER TABLE ... ADD');
    const embeddedOnly = EMBEDDED_ONLY_LINE.test(body);
    if (embeddedOnly && backend !== 'ladybug') continue;
    statements.push({ text: body, line });
  }
  return statements;
}
