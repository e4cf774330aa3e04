// Translates the engine's exceptions into Lagebild's error codes, keeping the engine's message.

import { LagebildError, invalidQuery, readOnly, timeout, unavailable } from '../../errors.ts';

const READ_ONLY_PATTERNS = [/read-only database/i, /read-only transaction/i];
const UNAVAILABLE_PATTERNS = [/Could not set lock on file/i, /No space left/i, /Permission denied/i];

export function translateEngineError(error: unknown, context: { timeoutMs: number }): LagebildError {
  if (error instanceof LagebildError) return error;
  const message = error instanceof Error ? error.message : String(error);
  if (/^Interrupted\.?$/i.test(message.trim())) return timeout(context.timeoutMs);
  if (READ_ONLY_PATTERNS.some((p) => p.test(message))) {
    return readOnly(
      `Writes are refused here and nothing was changed. The engine said: ${firstLine(message)}`,
    );
  }
  // A 400, not a 503: the database is fine, this query is too big for it (clients treat 503 as
  // "the database is gone" and drivers retry it).
  if (/buffer pool is full/i.test(message))
    return invalidQuery(
      'The query needs more memory than the engine may use (its page cache is full), so it was stopped; nothing it would have written was kept. Narrow it (a LIMIT, fewer or smaller columns, no ORDER BY over everything), or start Lagebild with a larger CACHE_MB.',
      error,
    );
  if (UNAVAILABLE_PATTERNS.some((p) => p.test(message))) {
    return unavailable(`The database cannot be used: ${firstLine(message)}`, error);
  }
  if (/do not support prepare multiple statements/i.test(message))
    return invalidQuery(
      'Send one statement per request (this one has several, separated by ";"). To run a script of many statements, import it as a Cypher file (POST /api/import).',
      error,
    );
  return invalidQuery(cleanMessage(message), error);
}

function firstLine(message: string): string {
  return message.split('\n')[0]!.trim();
}

/** Drops the engine's pointer to its online docs; keeps the caret diagram that shows where a syntax error is. */
function cleanMessage(message: string): string {
  return message
    .split('\n')
    .filter((line) => !/^See the docs:/.test(line))
    .join('\n')
    .trim();
}
