// The audit log of writes: one structured line for every statement or import that changes, or
// tries to change, the graph, whichever way it came in (HTTP API, Bolt endpoint, import, command line).

/** How a write ended. `rolledBack`: it ran inside a transaction that was then rolled back. */
export type WriteOutcome = 'committed' | 'failed' | 'refused' | 'rolledBack';

/** The way a write reached the database (`startup`: the server loading the article graph into an empty database). */
export type WriteChannel = 'http' | 'bolt' | 'import' | 'cli' | 'startup';

/** What the audit log records about one write. */
export interface WriteAuditRecord {
  via: WriteChannel;
  /** The client's network address, or `local` for a command run on this machine. */
  client: string;
  /** Who the client said it is (the Bolt login's user name, the operating-system user of a CLI run). */
  user?: string | undefined;
  outcome: WriteOutcome;
  /** The statement that wrote; cut at 2,000 characters. */
  cypher?: string | undefined;
  /** What an import loaded, when there is no single statement (format, size, counts). */
  description?: string | undefined;
  /** Parameter names only: values stay out of the log. */
  params?: Record<string, unknown> | undefined;
  elapsedMs: number;
  /** The error code when the write failed or was refused. */
  error?: string | undefined;
  /** Anything else worth keeping (a Bolt connection id, an import's counts). */
  extra?: Record<string, unknown> | undefined;
}

/** The longest statement text kept in one log line. */
export const AUDIT_CYPHER_LIMIT = 2000;

/** Marks every audit line, so `grep '"audit":"write"'` finds all of them. */
export const AUDIT_MARK = 'write';

/** Turns a record into the structured log line: time first, then who, what and how it ended. */
export function writeAuditLine(record: WriteAuditRecord): Record<string, unknown> {
  const cypher = record.cypher;
  return {
    time: new Date().toISOString(),
    level: 'info',
    msg: record.cypher !== undefined ? 'write query' : 'write import',
    audit: AUDIT_MARK,
    via: record.via,
    client: record.client,
    ...(record.user !== undefined ? { user: record.user } : {}),
    outcome: record.outcome,
    ...(cypher !== undefined
      ? { cypher: cypher.length > AUDIT_CYPHER_LIMIT ? `${cypher.slice(0, AUDIT_CYPHER_LIMIT)}...` : cypher }
      : {}),
    ...(record.description !== undefined ? { description: record.description } : {}),
    ...(record.params !== undefined || record.cypher !== undefined
      ? { paramNames: Object.keys(record.params ?? {}) }
      : {}),
    elapsedMs: Math.round(record.elapsedMs * 100) / 100,
    ...(record.error ? { error: record.error } : {}),
    ...record.extra,
  };
}

/** A log sink: the server's structured log (one JSON object per line). */
export type LogSink = (entry: Record<string, unknown>) => void;

/** Writes one audit line for `record` to `log`. */
export function auditWrite(log: LogSink, record: WriteAuditRecord): void {
  log(writeAuditLine(record));
}
