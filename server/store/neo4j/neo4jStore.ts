// The GraphStore on a Neo4j server, cluster or Aura through neo4j-driver 6. Reads run in
// READ access mode (executeRead, so clusters route them to readers), writes in write
// transactions; the query time limit is the transaction timeout. The explorer's own queries
// (neighbours, search, schema) are written in Neo4j Cypher here.

import neo4j, {
  type Driver,
  type ManagedTransaction,
  type QueryResult as DriverResult,
  type Result,
  type Session,
  type Transaction,
} from 'neo4j-driver';
import { LagebildError, readOnly as readOnlyError, unavailable } from '../../errors.ts';
import { collectResult } from '../cursor.ts';
import type {
  Cursor,
  GraphNode,
  GraphSchema,
  GraphStore,
  NeighborOptions,
  Neighborhood,
  QueryOptions,
  QueryResult,
  SearchHit,
  StoreHealth,
  StoreTransaction,
  TransactionOptions,
  Value,
} from '../types.ts';
import { connectionProblem, translateNeo4jError } from './errors.ts';
import { neighborhoodOf } from './neighbors.ts';
import { readNeo4jSchema } from './schema.ts';
import { searchNeo4j } from './search.ts';
import { fromDriver, paramsToDriver } from './values.ts';
import { summaryShowsWrite } from './writeDetection.ts';

export interface Neo4jStoreOptions {
  /** bolt://, neo4j://, and their +s / +ssc variants. */
  uri: string;
  user: string;
  password: string | undefined;
  /** The database to use; the server's default when absent. */
  database?: string;
  /** Refuse every write (READ_ONLY): all work runs in READ access mode. */
  readOnly: boolean;
  /** The query time limit, sent as the transaction timeout. */
  defaultTimeoutMs: number;
  /** Rows the driver pulls per batch. */
  fetchSize?: number;
}

/** How long a schema read is reused before it is read again (writes through us clear it at once). */
const SCHEMA_TTL_MS = 30_000;
/** How long /api/health waits for Neo4j before it reports it unavailable. */
const HEALTH_TIMEOUT_MS = 3000;

export class Neo4jStore implements GraphStore {
  readonly backend = 'neo4j';
  readonly readOnly: boolean;
  private readonly driver: Driver;
  private readonly options: Neo4jStoreOptions;
  private schemaCache: { at: number; schema: Promise<GraphSchema> } | undefined;
  /** The last connection problem seen, reported by health() until a query succeeds again. */
  private problem: string | undefined;
  private closed = false;

  constructor(options: Neo4jStoreOptions) {
    this.options = options;
    this.readOnly = options.readOnly;
    this.driver = neo4j.driver(options.uri, neo4j.auth.basic(options.user, options.password ?? ''), {
      useBigInt: true,
      userAgent: 'lagebild',
      connectionAcquisitionTimeout: 20_000,
      connectionTimeout: 10_000,
      maxTransactionRetryTime: 10_000,
    });
  }

  /** Checks that Neo4j answers and accepts the credentials; throws Unavailable with a clear message otherwise. */
  async verify(): Promise<void> {
    try {
      await this.driver.verifyConnectivity(this.options.database ? { database: this.options.database } : {});
      await this.driver.verifyAuthentication().catch((error: unknown) => {
        // verifyAuthentication is not available on every server; connectivity proved the login already.
        if (connectionProblem(error, this.options)) throw error;
      });
      this.problem = undefined;
    } catch (error) {
      this.problem =
        connectionProblem(error, this.options) ?? `Neo4j at ${this.options.uri} failed: ${String(error)}`;
      throw unavailable(this.problem, error);
    }
  }

  /** Retries verify() until it succeeds, `signal` aborts or the store closes; reports each failed attempt. */
  async waitUntilReachable(
    options: {
      signal?: AbortSignal;
      onRetry?: (message: string, delayMs: number) => void;
    } = {},
  ): Promise<void> {
    let delay = 1000;
    for (;;) {
      try {
        await this.verify();
        return;
      } catch (error) {
        options.signal?.throwIfAborted();
        if (this.closed) throw error;
        options.onRetry?.(error instanceof Error ? error.message : String(error), delay);
        await new Promise((resolve) => setTimeout(resolve, delay));
        delay = Math.min(delay * 2, 30_000);
      }
    }
  }

  private session(mode: 'read' | 'write'): Session {
    this.assertOpen();
    return this.driver.session({
      defaultAccessMode: mode === 'read' || this.readOnly ? neo4j.session.READ : neo4j.session.WRITE,
      ...(this.options.database ? { database: this.options.database } : {}),
      fetchSize: this.options.fetchSize ?? 1000,
    });
  }

  private translate(error: unknown, timeoutMs = this.options.defaultTimeoutMs): LagebildError {
    const translated = translateNeo4jError(error, {
      timeoutMs,
      uri: this.options.uri,
      user: this.options.user,
    });
    const problem = connectionProblem(error, this.options);
    if (problem) this.problem = problem;
    return translated;
  }

  /**
   * One auto-commit statement in a session of the right access mode (READ for reads, so that a
   * cluster routes it to a reader and the server refuses writes). Auto-commit rather than an
   * explicit transaction, so that results stream and the embedded engine behind our own Bolt
   * endpoint can recover exact integers; the time limit is the transaction timeout.
   */
  async open(
    cypher: string,
    params: Record<string, Value> = {},
    options: QueryOptions = {},
  ): Promise<Cursor> {
    const timeoutMs = options.timeoutMs ?? this.options.defaultTimeoutMs;
    const reads = options.readOnly || this.readOnly;
    const session = this.session(reads ? 'read' : 'write');
    try {
      options.signal?.throwIfAborted();
      const result = session.run(cypher, paramsToDriver(params), { timeout: timeoutMs });
      const keys = (await result.keys()) as string[];
      if (!reads) this.schemaCache = undefined;
      this.problem = undefined;
      return new DriverCursor(keys, result, {
        finish: () => session.close(),
        translate: (error) => this.refuseWrite(this.translate(error, timeoutMs), reads),
        signal: options.signal,
        // A READ session cannot write (the server refuses), so only write sessions ask.
        onWrite: reads ? undefined : options.onWrite,
      });
    } catch (error) {
      await session.close().catch(() => undefined);
      throw this.refuseWrite(this.translate(error, timeoutMs), reads);
    }
  }

  /** A write refused in READ access mode reads as Lagebild's read-only refusal. */
  private refuseWrite(error: LagebildError, reads: boolean): LagebildError {
    if (reads && error.code === 'ReadOnly' && this.readOnly) return readOnlyError();
    return error;
  }

  async query(
    cypher: string,
    params: Record<string, Value> = {},
    options: QueryOptions & { maxRows?: number } = {},
  ): Promise<QueryResult> {
    const started = performance.now();
    const cursor = await this.open(cypher, params, options);
    return collectResult(cursor, { maxRows: options.maxRows, signal: options.signal, started });
  }

  /** Runs one of the explorer's own read queries with executeRead (retried on transient errors). */
  async read(cypher: string, params: Record<string, Value> = {}): Promise<Value[][]> {
    const session = this.session('read');
    try {
      const result: DriverResult = await session.executeRead(
        (tx: ManagedTransaction) => tx.run(cypher, paramsToDriver(params)),
        {
          timeout: this.options.defaultTimeoutMs,
        },
      );
      this.problem = undefined;
      return result.records.map((record) => record.keys.map((key) => fromDriver(record.get(key))));
    } catch (error) {
      throw this.translate(error);
    } finally {
      await session.close();
    }
  }

  async runScript(statements: string[], options: { params?: Record<string, Value>[] } = {}): Promise<void> {
    if (this.readOnly) throw readOnlyError();
    const session = this.session('write');
    try {
      await session.executeWrite(async (tx: ManagedTransaction) => {
        for (const [index, cypher] of statements.entries()) {
          await tx.run(cypher, paramsToDriver(options.params?.[index] ?? {})).catch((error: unknown) => {
            const base = this.translate(error);
            throw new LagebildError(
              base.code,
              `Statement ${index + 1} failed (${cypher.slice(0, 117)}): ${base.message}`,
              { cause: error },
            );
          });
        }
      });
    } finally {
      this.schemaCache = undefined;
      await session.close();
    }
  }

  async beginTransaction(options: TransactionOptions = {}): Promise<StoreTransaction> {
    const timeoutMs = options.timeoutMs ?? this.options.defaultTimeoutMs;
    const reads = options.readOnly || this.readOnly;
    const session = this.session(reads ? 'read' : 'write');
    let transaction: Transaction;
    try {
      transaction = await session.beginTransaction({ timeout: timeoutMs });
    } catch (error) {
      await session.close().catch(() => undefined);
      throw this.translate(error, timeoutMs);
    }
    if (!reads) this.schemaCache = undefined;
    return new Neo4jTransaction(transaction, session, (error) =>
      this.refuseWrite(this.translate(error, timeoutMs), reads),
    );
  }

  schema(): Promise<GraphSchema> {
    const now = Date.now();
    if (!this.schemaCache || now - this.schemaCache.at > SCHEMA_TTL_MS) {
      const schema = readNeo4jSchema((cypher, params) => this.read(cypher, params)).catch(
        (error: unknown) => {
          this.schemaCache = undefined;
          throw error;
        },
      );
      this.schemaCache = { at: now, schema };
    }
    return this.schemaCache.schema;
  }

  neighbors(id: string, options: NeighborOptions): Promise<Neighborhood> {
    return neighborhoodOf(this, id, options);
  }

  search(text: string, options: { limit: number }): Promise<SearchHit[]> {
    return searchNeo4j(this, text, options.limit);
  }

  async nodesById(ids: string[]): Promise<GraphNode[]> {
    if (ids.length === 0) return [];
    const rows = await this.read('MATCH (n) WHERE elementId(n) IN $ids RETURN n', { ids });
    const byId = new Map<string, GraphNode>();
    for (const [value] of rows) {
      const { $type: _tag, ...node } = value as GraphNode & { $type: 'node' };
      byId.set(node.id, node);
    }
    return ids.flatMap((id) => (byId.has(id) ? [byId.get(id)!] : []));
  }

  async isEmpty(): Promise<boolean> {
    return (await this.read('MATCH (n) RETURN n LIMIT 1')).length === 0;
  }

  async health(): Promise<StoreHealth> {
    const base = { backend: this.backend, readOnly: this.readOnly };
    if (this.closed) return { ok: false, ...base, message: 'The Neo4j connection is closed.' };
    try {
      // A health check answers within seconds even while the driver waits for an unreachable server.
      let timer: NodeJS.Timeout | undefined;
      const slow = new Promise<never>((_, reject) => {
        timer = setTimeout(
          () =>
            reject(
              new Error(`Neo4j at ${this.options.uri} did not answer within ${HEALTH_TIMEOUT_MS / 1000} s.`),
            ),
          HEALTH_TIMEOUT_MS,
        );
      });
      await Promise.race([this.read('RETURN 1 AS ok'), slow]).finally(() => clearTimeout(timer));
      return { ok: true, ...base };
    } catch (error) {
      return {
        ok: false,
        ...base,
        message: this.problem ?? (error instanceof Error ? error.message : String(error)),
      };
    }
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.driver.close();
  }

  private assertOpen(): void {
    if (this.closed)
      throw unavailable(
        'The Neo4j connection is closed (the server is shutting down). Try again in a moment.',
      );
  }
}

/**
 * Batches of rows from a driver result; the transaction commits when the result is read to its end.
 * Whether the statement wrote is known only from the summary at the end, so `onWrite` is called then
 * (or when the cursor is closed early, which discards the rest of the rows and reads the summary).
 */
class DriverCursor implements Cursor {
  readonly totalRows = undefined;
  private readonly iterator: AsyncIterator<{ keys: PropertyKey[]; get(key: PropertyKey): unknown }>;
  private finished = false;

  constructor(
    readonly columns: string[],
    private readonly result: Result,
    private readonly hooks: {
      finish: (how: 'commit' | 'rollback') => Promise<void>;
      translate: (error: unknown) => LagebildError;
      signal: AbortSignal | undefined;
      onWrite?: (() => void) | undefined;
    },
  ) {
    this.iterator = result[Symbol.asyncIterator]();
  }

  /** Reads the summary (discarding rows not yet read) and reports a write to `onWrite`. */
  private async reportWrite(): Promise<void> {
    if (!this.hooks.onWrite) return;
    const onWrite = this.hooks.onWrite;
    this.hooks.onWrite = undefined;
    if (summaryShowsWrite(await this.result.summary())) onWrite();
  }

  async next(max: number): Promise<Value[][]> {
    const rows: Value[][] = [];
    if (this.finished) return rows;
    try {
      while (rows.length < max) {
        this.hooks.signal?.throwIfAborted();
        const step = await this.iterator.next();
        if (step.done) {
          await this.reportWrite();
          await this.end('commit');
          break;
        }
        rows.push(this.columns.map((key) => fromDriver(step.value.get(key))));
      }
    } catch (error) {
      await this.end('rollback').catch(() => undefined);
      throw this.hooks.translate(error);
    }
    return rows;
  }

  async close(): Promise<void> {
    // Closing before the end discards the rest; a read has nothing to undo, a write is cut off.
    if (!this.finished) await this.reportWrite().catch(() => undefined);
    await this.end('rollback').catch(() => undefined);
  }

  private async end(how: 'commit' | 'rollback'): Promise<void> {
    if (this.finished) return;
    this.finished = true;
    await this.hooks.finish(how);
  }
}

class Neo4jTransaction implements StoreTransaction {
  private done = false;

  constructor(
    private readonly transaction: Transaction,
    private readonly session: Session,
    private readonly translate: (error: unknown) => LagebildError,
  ) {}

  async run(cypher: string, params: Record<string, Value> = {}, options: QueryOptions = {}): Promise<Cursor> {
    if (this.done)
      throw new LagebildError('InvalidRequest', 'The transaction has already ended; begin a new one.');
    try {
      const result = this.transaction.run(cypher, paramsToDriver(params));
      const keys = (await result.keys()) as string[];
      return new DriverCursor(keys, result, {
        finish: async () => undefined,
        translate: this.translate,
        signal: undefined,
        onWrite: options.onWrite,
      });
    } catch (error) {
      throw this.translate(error);
    }
  }

  async commit(): Promise<void> {
    await this.finish('commit');
  }

  async rollback(): Promise<void> {
    await this.finish('rollback');
  }

  private async finish(how: 'commit' | 'rollback'): Promise<void> {
    if (this.done) return;
    this.done = true;
    try {
      if (how === 'commit') await this.transaction.commit();
      else if (this.transaction.isOpen()) await this.transaction.rollback();
    } catch (error) {
      if (how === 'commit') throw this.translate(error);
    } finally {
      await this.session.close();
    }
  }
}
