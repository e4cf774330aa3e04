// Translates neo4j-driver errors into Lagebild's error codes, keeping Neo4j's message, and says
// in plain words when Neo4j cannot be reached or refuses the credentials.

import { Neo4jError } from 'neo4j-driver';
import { LagebildError, invalidQuery, notFound, readOnly, timeout, unavailable } from '../../errors.ts';

export interface ErrorContext {
  timeoutMs: number;
  uri: string;
  user: string;
}

/** A start-up or health message for a connection problem; undefined when the error is about a query. */
export function connectionProblem(
  error: unknown,
  context: Pick<ErrorContext, 'uri' | 'user'>,
): string | undefined {
  const code = error instanceof Neo4jError ? error.code : undefined;
  const message = error instanceof Error ? error.message : String(error);
  if (
    code === 'Neo.ClientError.Security.Unauthorized' ||
    code === 'Neo.ClientError.Security.AuthenticationRateLimit'
  )
    return `Neo4j at ${context.uri} refused the credentials of user "${context.user}": check NEO4J_USER and NEO4J_PASSWORD. (${message})`;
  if (
    code === 'ServiceUnavailable' ||
    code === 'SessionExpired' ||
    /ECONNREFUSED|ENOTFOUND|EAI_AGAIN|ETIMEDOUT|Could not perform discovery/i.test(message)
  )
    return `Neo4j at ${context.uri} cannot be reached (${/Caused by: (.*)$/s.exec(message)?.[1]?.trim() ?? message.split('\n')[0]}). Check NEO4J_URI and that the server is running.`;
  if (code === 'Neo.ClientError.Database.DatabaseNotFound')
    return `Neo4j at ${context.uri} has no such database: ${message} Check NEO4J_DATABASE.`;
  return undefined;
}

export function translateNeo4jError(error: unknown, context: ErrorContext): LagebildError {
  if (error instanceof LagebildError) return error;
  const problem = connectionProblem(error, context);
  if (problem) return unavailable(problem, error);
  const code = error instanceof Neo4jError ? error.code : '';
  const message = error instanceof Error ? error.message : String(error);
  if (
    /^Neo\.ClientError\.Transaction\.TransactionTimedOut/.test(code) ||
    code === 'Neo.TransientError.Transaction.LockClientStopped'
  )
    return timeout(context.timeoutMs);
  if (code === 'Neo.ClientError.Statement.AccessMode' || /ForbiddenOnReadOnlyDatabase/.test(code))
    return readOnly(`Writes are refused here and nothing was changed. Neo4j said: ${message}`);
  if (code === 'Neo.ClientError.Statement.EntityNotFound') return notFound(message);
  if (code.startsWith('Neo.TransientError.'))
    return unavailable(`Neo4j is busy or unavailable: ${message}`, error);
  if (code.startsWith('Neo.ClientError.')) return invalidQuery(message, error);
  return new LagebildError('Internal', `Neo4j failed: ${message}`, { cause: error });
}
