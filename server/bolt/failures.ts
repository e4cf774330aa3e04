// Turns Lagebild's errors into Bolt FAILURE metadata with Neo4j status codes, so that drivers
// classify them as Neo4j would (client error, transient error) and tools show familiar codes.
// Bolt 5.7+ adds GQL status fields; older versions get `code` and `message` only.

import { LagebildError } from '../errors.ts';
import type { PackValue } from './packstream.ts';

export interface BoltFailure {
  /** Neo4j status code, e.g. Neo.ClientError.Statement.SyntaxError. */
  code: string;
  message: string;
  /** GQLSTATUS (five characters) and its standard description. */
  gqlStatus: string;
  description: string;
}

const GQL: Record<string, [string, string]> = {
  'Neo.ClientError.Statement.SyntaxError': [
    '42001',
    'error: syntax error or access rule violation - invalid syntax',
  ],
  'Neo.ClientError.Statement.ArgumentError': ['22N00', 'error: data exception - invalid argument'],
  'Neo.ClientError.Statement.TypeError': ['22G03', 'error: data exception - invalid value type'],
  'Neo.ClientError.Statement.EntityNotFound': ['22N00', 'error: data exception - invalid argument'],
  'Neo.ClientError.Statement.ParameterMissing': [
    '42N51',
    'error: syntax error or access rule violation - invalid parameter',
  ],
  'Neo.ClientError.Statement.AccessMode': ['08N09', 'error: connection exception - access mode violation'],
  'Neo.ClientError.General.ForbiddenOnReadOnlyDatabase': [
    '08N08',
    'error: connection exception - database is read-only',
  ],
  'Neo.ClientError.Transaction.TransactionTimedOut': [
    '25N05',
    'error: invalid transaction state - transaction timed out',
  ],
  'Neo.ClientError.Security.Unauthorized': [
    '42NFF',
    'error: syntax error or access rule violation - permission/access denied',
  ],
  'Neo.ClientError.Security.Forbidden': [
    '42NFF',
    'error: syntax error or access rule violation - permission/access denied',
  ],
  'Neo.ClientError.Request.Invalid': ['50N42', 'error: general processing exception - unexpected error'],
  'Neo.ClientError.Database.DatabaseNotFound': ['22000', 'error: data exception'],
  'Neo.ClientError.Procedure.ProcedureNotFound': [
    '42N08',
    'error: syntax error or access rule violation - no such procedure',
  ],
  'Neo.TransientError.General.DatabaseUnavailable': [
    '08N00',
    'error: connection exception - unable to connect to database',
  ],
  'Neo.DatabaseError.General.UnknownError': [
    '50N42',
    'error: general processing exception - unexpected error',
  ],
};

/** An error that already knows its Neo4j status code (for refusals only Bolt has, e.g. an unknown database). */
export class BoltFailureError extends Error {
  override name = 'BoltFailureError';
  constructor(readonly failure: BoltFailure) {
    super(failure.message);
  }
}

/** Builds a failure from a Neo4j status code and a message. */
export function failure(code: string, message: string): BoltFailure {
  const [gqlStatus, description] = GQL[code] ?? GQL['Neo.DatabaseError.General.UnknownError']!;
  return { code, message, gqlStatus, description };
}

/** Maps any error thrown while serving a request to a Neo4j status code. */
export function failureFromError(
  error: unknown,
  context: { storeReadOnly: boolean; clientAskedRead: boolean },
): BoltFailure {
  if (error instanceof BoltFailureError) return error.failure;
  if (!(error instanceof LagebildError))
    return failure(
      'Neo.DatabaseError.General.UnknownError',
      error instanceof Error ? error.message : String(error),
    );
  switch (error.code) {
    case 'InvalidQuery':
      return failure(queryErrorCode(error.message), error.message);
    case 'InvalidRequest':
      return failure('Neo.ClientError.Request.Invalid', error.message);
    case 'NotFound':
      return failure('Neo.ClientError.Statement.EntityNotFound', error.message);
    case 'Timeout':
      return failure('Neo.ClientError.Transaction.TransactionTimedOut', error.message);
    case 'ReadOnly':
      // As in Neo4j: a write in a READ session or transaction is an access-mode error, whatever
      // the database; only a write the client meant to make meets the read-only database.
      return failure(
        !context.clientAskedRead && (context.storeReadOnly || /READ_ONLY=true/.test(error.message))
          ? 'Neo.ClientError.General.ForbiddenOnReadOnlyDatabase'
          : 'Neo.ClientError.Statement.AccessMode',
        error.message,
      );
    case 'Unauthorized':
    case 'Forbidden':
      return failure('Neo.ClientError.Security.Unauthorized', error.message);
    case 'Unavailable':
      return failure('Neo.TransientError.General.DatabaseUnavailable', error.message);
    default:
      return failure('Neo.DatabaseError.General.UnknownError', error.message);
  }
}

/** The engine's message says which stage refused the query. */
function queryErrorCode(message: string): string {
  if (/^(Parser|Binder|Catalog) exception/i.test(message)) return 'Neo.ClientError.Statement.SyntaxError';
  if (/^Conversion exception/i.test(message)) return 'Neo.ClientError.Statement.TypeError';
  if (/Parameter .* not found|missing parameter/i.test(message))
    return 'Neo.ClientError.Statement.ParameterMissing';
  return 'Neo.ClientError.Statement.ArgumentError';
}

/** FAILURE metadata in the shape the negotiated Bolt version expects. */
export function failureMetadata(fail: BoltFailure, minor: number): Record<string, PackValue> {
  if (minor < 7) return { code: fail.code, message: fail.message };
  return {
    message: fail.message,
    neo4j_code: fail.code,
    gql_status: fail.gqlStatus,
    description: fail.description,
    diagnostic_record: { OPERATION: '', OPERATION_CODE: '0', CURRENT_SCHEMA: '/' },
  };
}
