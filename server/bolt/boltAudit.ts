// The audit log for writes over Bolt: which statements of one client connection wrote (as the
// engine says, through onWrite), and one log line for each once its outcome is known: at once for
// an auto-commit statement, at COMMIT or ROLLBACK (or a failure, reset or lost connection) in a transaction.

import { auditWrite, type LogSink, type WriteOutcome } from '../audit/writeAudit.ts';
import { LagebildError } from '../errors.ts';
import type { Value } from '../store/types.ts';

/** Who is on the other end of one Bolt connection. */
export interface BoltClient {
  /** The client's address and port. */
  address: string;
  /** The user name the client logged in with (any name is accepted; the password is what counts). */
  user: string | undefined;
  /** The connection id (as sent to the client in HELLO's answer). */
  connection: string;
}

/** One statement being run: hand `onWrite` to the store, then report how it ended. */
export class AuditedStatement {
  /** True once the engine said this statement writes. */
  wrote = false;
  /** Whether its audit line has been written (or queued for the transaction's end). */
  recorded = false;
  private readonly startedAt = performance.now();

  constructor(
    readonly cypher: string,
    readonly params: Record<string, Value>,
  ) {}

  /** The hook for QueryOptions.onWrite. */
  readonly onWrite = (): void => {
    this.wrote = true;
  };

  /** Milliseconds since the statement was received. */
  elapsedMs(): number {
    return performance.now() - this.startedAt;
  }
}

export class BoltWriteAudit {
  /** Writes of the open transaction, logged when it ends. */
  private pending: AuditedStatement[] = [];

  constructor(
    private readonly log: LogSink,
    private readonly client: () => BoltClient,
  ) {}

  /** Starts auditing one statement. */
  statement(cypher: string, params: Record<string, Value>): AuditedStatement {
    return new AuditedStatement(cypher, params);
  }

  /**
   * The statement ran (or its result was read to the end): an auto-commit write is logged as
   * committed now, a write in a transaction waits for the transaction's end.
   */
  ran(statement: AuditedStatement, options: { inTransaction: boolean }): void {
    if (!statement.wrote || statement.recorded) return;
    statement.recorded = true;
    if (options.inTransaction) this.pending.push(statement);
    else this.write(statement, 'committed');
  }

  /** The statement failed: logged when it wrote or was refused because it writes. */
  failed(statement: AuditedStatement, error: unknown): void {
    if (statement.recorded) return;
    const code = error instanceof LagebildError ? error.code : 'Internal';
    if (code === 'ReadOnly') {
      statement.recorded = true;
      this.write(statement, 'refused', code);
    } else if (statement.wrote) {
      statement.recorded = true;
      this.write(statement, 'failed', code);
    }
  }

  /** The transaction ended: each of its writes is logged with that outcome. */
  transactionEnded(
    outcome: Extract<WriteOutcome, 'committed' | 'failed' | 'rolledBack'>,
    error?: unknown,
  ): void {
    const code = error instanceof LagebildError ? error.code : error === undefined ? undefined : 'Internal';
    for (const statement of this.pending) this.write(statement, outcome, code);
    this.pending = [];
  }

  private write(statement: AuditedStatement, outcome: WriteOutcome, error?: string): void {
    const client = this.client();
    auditWrite(this.log, {
      via: 'bolt',
      client: client.address,
      user: client.user,
      outcome,
      cypher: statement.cypher,
      params: statement.params,
      elapsedMs: statement.elapsedMs(),
      error,
      extra: { connection: client.connection },
    });
  }
}
