// The embedded GraphStore on @ladybugdb/core: an on-disk database in this process.
// Reads run concurrently on a small pool of connections; writes take one lock, because the
// engine allows one writer at a time (two concurrent write transactions crashed the process).

import os from 'node:os';
import lbug from '@ladybugdb/core';
import type { Connection, Database, PreparedStatement, QueryResult as EngineResult } from '@ladybugdb/core';
import { LagebildError, busyTimeout, notFound, readOnly, timeout, unavailable } from '../../errors.ts';
import { Mutex, yieldToEventLoop } from '../../util/mutex.ts';
import type {
  Cursor,
  GraphNode,
  GraphSchema,
  GraphStore,
  NeighborOptions,
  Neighborhood,
  NodeValue,
  QueryOptions,
  QueryResult,
  SearchHit,
  StoreHealth,
  StoreTransaction,
  TransactionOptions,
  Value,
} from '../types.ts';
import { columnNamesAsWritten } from '../../cypher/rewriteReturn.ts';
import { uidHit, withUidHits } from '../../search/names.ts';
import { collectResult, readAll } from '../cursor.ts';
import { Pool } from './connectionPool.ts';
import { translateEngineError } from './engineErrors.ts';
import { recoverExactIntegers } from './exactIntegers.ts';
import { HubCounts, type HubCountOptions } from './hubCounts.ts';
import { withNameHint, type KnownNames } from './nameHints.ts';
import { NeighbourCountCache } from './neighbourCounts.ts';
import { neighborhoodOf } from './neighbors.ts';
import {
  flatRowReader,
  missingProperty,
  planFlatElements,
  tableProbe,
  tablesFromProbe,
  type ElementCatalog,
} from './flatElements.ts';
import { countElements, quoteName, readCatalog, type ReadRows } from './schema.ts';
import { searchNodes } from './search.ts';
import { SearchIndex } from './searchIndex.ts';
import { TableNames } from './tableNames.ts';
import { assertRangesBounded } from './rangeGuard.ts';
import { assertStatementAllowed } from './statementPolicy.ts';
import { columnConverter, parseId, stripTag, type PropertyTypes } from './values.ts';

export interface LadybugStoreOptions {
  /** Directory of the database; created on first open. */
  path: string;
  /** Open the database read-only: the engine itself refuses every write. */
  readOnly: boolean;
  /** Time limit for a query that names none. */
  defaultTimeoutMs: number;
  /** Concurrent read connections. */
  poolSize?: number;
  /** Engine buffer pool in bytes (0 lets the engine choose). */
  bufferPoolBytes?: number;
  /** How long a read-only open waits for a checkpoint under way (default 10 s). */
  checkpointWaitMs?: number;
  /** Which nodes count as hubs, counted ahead in the background (hubCounts.ts). */
  hubCounts?: HubCountOptions;
  /**
   * Whether a big graph's search index is built and its hubs expanded ahead, in the background,
   * once it is opened (default true): what the explorer needs. A command that only exports turns
   * it off, since that work would take one of two cores and some 470 MB on the 1M graph.
   */
  prepareForExplorer?: boolean;
}

/** The engine refuses a read-only open while a checkpoint's files lie beside the database. */
const CHECKPOINT_IN_PROGRESS = /read-only mode while checkpoint is in progress/i;
const CHECKPOINT_WAIT_MS = 10_000;
const CLOSE_CHECKPOINT_TIMEOUT_MS = 5_000;

/**
 * Engine worker threads one query may use. The engine's scheduler hands out work first come, first
 * served, so a query allowed every thread keeps all others waiting until it ends or times out
 * (measured: RETURN 1 waited the full second of a runaway query); one thread stays free for the rest.
 */
const THREADS_PER_QUERY = Math.max(1, os.availableParallelism() - 1);

/**
 * Prepared statements kept per connection (see LadybugStore.prepare). Evicting one frees no memory
 * (the binding keeps every prepared statement) but makes its next use leak a new copy: with a
 * bound of 256 the explorer's own catalog and count statements pushed each other out under a
 * stream of writes and the server grew by about 5 MB/s (bench/load.ts). The bound only stops
 * an endless stream of distinct user statements from growing the map itself.
 */
const STATEMENTS_PER_CONNECTION = 8192;

/** Words of statements that change the catalog, after which cached prepared statements are dropped. */
const SCHEMA_WORDS = /\b(TABLE|MACRO|SEQUENCE|INDEX|GRAPH|TYPE|ATTACH|DETACH\s+\w+\s*$)\b/i;

/** From this many nodes on, the search index is built when the database opens or changes. */
const EAGER_SEARCH_INDEX_NODES = 50_000;

/** Rows read synchronously before yielding to the event loop (about a millisecond of work). */
const ROWS_PER_SLICE = 2000;

/** See LadybugStore.flatElementsFromRows. */
const FLAT_ELEMENTS_FROM_ROWS = 5000;
/**
 * Flat statements tried for one result, each leaving out one more property that the variable's
 * tables lack (where the probe could not name the tables).
 */
const FLAT_ATTEMPTS = 8;

/** A statement gets at least this long, however long it waited for a connection. */
const MIN_STATEMENT_MS = 100;

/** How long past its time limit a read may run before the store stops waiting for it. */
const DEADLINE_GRACE_MS = 1000;

/** Scripts (seeding, imports) may run long; they still get a limit so nothing hangs forever. */
const SCRIPT_TIMEOUT_MS = 60 * 60 * 1000;

export class LadybugStore implements GraphStore {
  readonly backend = 'ladybug';
  readonly readOnly: boolean;
  private readonly database: Database;
  private readonly pool: Pool<Connection>;
  private readonly connections: Connection[];
  private readonly writeLock = new Mutex();
  private readonly defaultTimeoutMs: number;
  /** Names, properties and connections: changed only by data definition. */
  private catalogCache: Promise<GraphSchema> | undefined;
  /** The catalog with counts: changed by every write. */
  private schemaCache: Promise<GraphSchema> | undefined;
  private propertyTypeCache = new Map<string, Map<string, string>>();
  private nodeKeys = new Set<string>();
  /** The graph's names, for the hint when a query names one it does not have. */
  private knownNames: KnownNames = { labels: [], relationshipTypes: [], properties: [] };
  /** Quoted labels of the node tables with a uid column, for search by uid. */
  private uidLabels: string[] = [];
  private readonly tableNames = new TableNames((cypher) => this.read(cypher));
  /** Neighbour counts of big nodes expanded lately (paging through a hub counts it once). */
  readonly neighbourCounts = new NeighbourCountCache();
  /** A big graph's hubs, counted in the background so that their first expansion is quick too. */
  readonly hubCounts: HubCounts;
  /** Names in memory for search-as-you-type; rebuilt in the background after writes. */
  readonly searchIndex = new SearchIndex({
    withConnection: (work) => this.withConnection(work),
    nodesById: (ids) => this.nodesById(ids),
  });
  private closed = false;
  private readonly prepareForExplorer: boolean;

  private constructor(database: Database, connections: Connection[], options: LadybugStoreOptions) {
    this.database = database;
    this.prepareForExplorer = options.prepareForExplorer ?? true;
    this.connections = connections;
    this.pool = new Pool(connections);
    this.readOnly = options.readOnly;
    this.defaultTimeoutMs = options.defaultTimeoutMs;
    this.hubCounts = new HubCounts(
      {
        labels: async () => (await this.schema()).labels.map((l) => quoteName(l.label)),
        read: (cypher, params) => this.read(cypher, params),
        // A first page as the explorer asks for it: the counts are kept, and the page's statements
        // are prepared and its pages read once, which a first expansion would otherwise wait for.
        expand: async (hub) => void (await this.neighbors(hub.id, { limit: 100 })),
        isCounted: (hub) => this.neighbourCounts.has(hub.id),
      },
      options.hubCounts,
    );
  }

  /**
   * Opens (and on first use creates) the database at `options.path`. A read-only open that meets a
   * checkpoint under way (a writer's files beside the database) waits for it and tries again.
   */
  static async open(options: LadybugStoreOptions): Promise<LadybugStore> {
    const waitMs = options.checkpointWaitMs ?? CHECKPOINT_WAIT_MS;
    const started = Date.now();
    for (let attempt = 1; ; attempt++) {
      try {
        return await LadybugStore.openOnce(options);
      } catch (error) {
        const inCheckpoint = CHECKPOINT_IN_PROGRESS.test(String((error as LagebildError).cause ?? error));
        if (!inCheckpoint) throw error;
        if (Date.now() - started >= waitMs)
          throw unavailable(
            `Cannot open the database at ${options.path} read-only: a checkpoint is under way there (another process is writing it, or a writer stopped in the middle of one). Wait for the writer to finish; if none is running, start Lagebild once without READ_ONLY to complete the checkpoint, then read-only again.`,
            error,
          );
        await new Promise((resolve) => setTimeout(resolve, Math.min(50 * attempt, 500)));
      }
    }
  }

  private static async openOnce(options: LadybugStoreOptions): Promise<LadybugStore> {
    let database: Database | undefined;
    try {
      database = new lbug.Database(options.path, options.bufferPoolBytes ?? 0, true, options.readOnly);
      await database.init();
      const connections: Connection[] = [];
      for (let i = 0; i < (options.poolSize ?? 4); i++) {
        const connection = new lbug.Connection(database, THREADS_PER_QUERY);
        await connection.init();
        connections.push(connection);
      }
      const store = new LadybugStore(database, connections, options);
      await store.refreshPropertyTypes();
      return store;
    } catch (error) {
      await database?.close().catch(() => undefined);
      if (/Could not set lock/i.test(String(error)))
        throw unavailable(
          `The database at ${options.path} is in use by another process (another Lagebild?). Stop that one, or start with another DATA_DIR.`,
          error,
        );
      throw unavailable(
        `Cannot open the embedded database at ${options.path}: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`,
        error,
      );
    }
  }

  private readonly propertyTypes: PropertyTypes = (label) => this.propertyTypeCache.get(label);

  private async refreshPropertyTypes(): Promise<void> {
    // Also the end of every script (an import): whatever it wrote, the data changed too.
    this.dataChanged();
    this.catalogCache = undefined;
    this.tableNames.invalidate();
    this.forgetStatements();
    const schema = await this.schema();
    // A big graph gets its search index right away (built after the schema, so that opening
    // is not slowed down by it); a small one on its first search, since scanning it is cheap.
    this.hubCounts.forgetHubs();
    if (
      this.prepareForExplorer &&
      schema.labels.reduce((sum, l) => sum + l.count, 0) >= EAGER_SEARCH_INDEX_NODES
    ) {
      this.searchIndex.scheduleBuild();
      // After the index, whose uids make the hubs' counts seeks; both at once would share 2 cores.
      this.hubCounts.refreshAfter(this.searchIndex.whenIdle());
    }
    const cache = new Map<string, Map<string, string>>();
    for (const entry of [
      ...schema.labels.map((l) => ({ name: l.label, properties: l.properties })),
      ...schema.relationshipTypes.map((t) => ({ name: t.type, properties: t.properties })),
    ]) {
      cache.set(entry.name, new Map(entry.properties.map((p) => [p.key, p.type])));
    }
    this.propertyTypeCache = cache;
    this.nodeKeys = new Set(schema.labels.flatMap((l) => l.properties.map((p) => p.key)));
    this.knownNames = {
      labels: schema.labels.map((l) => l.label),
      relationshipTypes: schema.relationshipTypes.map((t) => t.type),
      properties: [...new Set([...cache.values()].flatMap((properties) => [...properties.keys()]))],
    };
    this.uidLabels = schema.labels
      .filter((l) => l.properties.some((p) => p.key === 'uid'))
      .map((l) => quoteName(l.label));
  }

  async open(
    cypher: string,
    params: Record<string, Value> = {},
    options: QueryOptions = {},
  ): Promise<Cursor> {
    this.assertOpen();
    assertStatementAllowed(cypher);
    assertRangesBounded(cypher, params);
    const limitMs = options.timeoutMs ?? this.defaultTimeoutMs;
    const asked = performance.now();
    const connection = await this.pool.acquire(limitMs, () => busyTimeout(limitMs, this.connections.length));
    // The wait for a connection counts against the limit; what is left (a little at least) is the
    // statement's.
    const timeoutMs = Math.max(MIN_STATEMENT_MS, Math.round(limitMs - (performance.now() - asked)));
    let releaseWrite: (() => void) | undefined;
    try {
      connection.setQueryTimeout(timeoutMs);
      // Preparing folds constants (range(1, 10^8) is built here) and cannot be interrupted either.
      const prepareOnce = () =>
        this.withDeadline(this.prepare(connection, cypher, limitMs), connection, timeoutMs, limitMs);
      let statement: PreparedStatement;
      try {
        statement = await prepareOnce();
      } catch (error) {
        // Preparing a write opens a write transaction for a moment, which the engine refuses while
        // another write runs: wait for the writers' turn, then prepare again.
        if (!isWriterBusy(error)) throw error;
        releaseWrite = await this.writeLock.acquire();
        statement = await retryWhileWriterBusy(prepareOnce);
      }
      const writes = !statement.isReadOnly();
      if (!writes) {
        releaseWrite?.();
        releaseWrite = undefined;
      }
      if (writes && (options.readOnly || this.readOnly))
        throw readOnly(
          this.readOnly
            ? undefined
            : 'This request may only read: the statement writes, so it was refused and nothing was changed.',
        );
      if (writes) {
        options.onWrite?.();
        releaseWrite ??= await this.writeLock.acquire();
      }
      options.signal?.throwIfAborted();
      // A write refused because another connection is preparing one did not happen: try again.
      const execution = writes
        ? retryWhileWriterBusy(() => connection.execute(statement, toEngineParams(params)))
        : connection.execute(statement, toEngineParams(params));
      // The engine checks its time limit only between pieces of work, and some (a huge list
      // built by range()) run long between checks. A read that overruns is answered with a
      // timeout here and its connection set aside until the engine lets go of it. A write is
      // always waited for: answering "cancelled" for a write that then commits would be a lie.
      const result = single(
        writes ? await execution : await this.withDeadline(execution, connection, timeoutMs, limitMs),
      );
      if (writes) {
        releaseWrite?.();
        releaseWrite = undefined;
        await this.afterWrite(cypher);
      }
      const flat = writes ? undefined : await this.readFlat(connection, cypher, params, statement, result);
      return new LadybugCursor(
        flat?.result ?? result,
        connection,
        () => this.pool.release(connection),
        this.propertyTypes,
        (rows, types, first) =>
          recoverExactIntegers(rows, types, { store: this, cypher, params, writes, first }),
        cypher,
        flat,
      );
    } catch (error) {
      releaseWrite?.();
      // A statement that failed may be stale (the catalog changed under it): prepare it afresh next time.
      this.statementCache.get(connection)?.delete(cypher);
      if (!this.abandoned.has(connection)) this.pool.release(connection);
      // Errors name the limit the user set, not what was left of it after the wait.
      throw withNameHint(translateEngineError(error, { timeoutMs: limitMs }), this.knownNames);
    }
  }

  /**
   * Results of this many rows or more whose columns are nodes and relationships are read as flat
   * columns (flatElements.ts): below, the second statement costs more than it saves. Tests set it
   * to 0, or Infinity to read every result as the binding's objects.
   */
  flatElementsFromRows = FLAT_ELEMENTS_FROM_ROWS;

  /**
   * The same read statement once more with its elements spread into flat columns, when the result
   * is big and made of plain element and scalar columns; undefined otherwise. The query's own
   * result is closed first, so that the engine does not hold two big results at once; where the
   * engine then refuses the flat statement (rare: the probe could not name the tables), the query
   * runs again and its rows are read as they are.
   */
  private async readFlat(
    connection: Connection,
    cypher: string,
    params: Record<string, Value>,
    statement: PreparedStatement,
    result: EngineResult,
  ): Promise<FlatRead | undefined> {
    if (result.getNumTuples() < this.flatElementsFromRows) return undefined;
    const shape = { columns: result.getColumnNamesSync(), types: result.getColumnDataTypesSync() };
    const probe = tableProbe(cypher, shape.types);
    if (!probe) return undefined;
    const catalog: ElementCatalog = {
      labels: this.knownNames.labels,
      relationshipTypes: this.knownNames.relationshipTypes,
      propertyTypes: this.propertyTypes,
    };
    const run = async (text: string) =>
      single(
        await connection.execute(
          await this.prepare(connection, text, this.defaultTimeoutMs),
          toEngineParams(params),
        ),
      );
    let tables: (string[] | undefined)[];
    try {
      const probed = await run(probe);
      tables = tablesFromProbe(probed.getColumnNamesSync(), shape.types, catalog);
      probed.close();
    } catch {
      this.statementCache.get(connection)?.delete(probe);
      return undefined;
    }
    result.close();
    const left = new Map<number, Set<string>>();
    for (let attempt = 0; attempt < FLAT_ATTEMPTS; attempt++) {
      const plan = planFlatElements(cypher, shape.types, catalog, { tables, left });
      if (!plan) break;
      let flat: EngineResult;
      try {
        flat = await run(plan.cypher);
      } catch (error) {
        this.statementCache.get(connection)?.delete(plan.cypher);
        const missing = missingProperty(error, plan.names);
        if (!missing) break;
        left.set(missing.column, new Set([...(left.get(missing.column) ?? []), missing.key]));
        continue;
      }
      const toRow = flatRowReader(plan, flat.getColumnNamesSync(), flat.getColumnDataTypesSync(), catalog);
      if (toRow) return { result: flat, toRow, shape };
      flat.close();
      break;
    }
    return { result: single(await connection.execute(statement, toEngineParams(params))), shape };
  }

  private readonly abandoned = new WeakSet<Connection>();

  /**
   * Waits for a read up to `waitMs` plus a grace period, then gives up on it. The timeout names
   * `limitMs`, the limit the user set, of which `waitMs` is what the connection wait left.
   */
  private async withDeadline<T>(
    execution: Promise<T>,
    connection: Connection,
    waitMs: number,
    limitMs: number,
  ): Promise<T> {
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(timeout(limitMs)), waitMs + DEADLINE_GRACE_MS);
    });
    try {
      return await Promise.race([execution, deadline]);
    } catch (error) {
      if (error instanceof LagebildError && error.code === 'Timeout') this.abandon(connection, execution);
      throw error;
    } finally {
      clearTimeout(timer);
    }
  }

  /** Replaces a connection that is stuck in a query; closes it once the engine lets go. */
  private abandon(connection: Connection, execution: Promise<unknown>): void {
    this.abandoned.add(connection);
    const replacement = new lbug.Connection(this.database, THREADS_PER_QUERY);
    this.connections.splice(this.connections.indexOf(connection), 1, replacement);
    this.pool.release(replacement);
    void execution
      .then(
        (result) => {
          if (result instanceof lbug.QueryResult) result.close();
          else if (Array.isArray(result)) for (const r of result) (r as EngineResult).close();
        },
        () => undefined,
      )
      .finally(() => connection.close().catch(() => undefined));
  }

  /**
   * Prepared statements per connection, by text. The engine binding never frees a prepared
   * statement (measured: about 130 KB of native memory per prepare() on the article graph, growing
   * without bound, while executing one prepared statement again and again stays flat), so the
   * statements the explorer issues again and again are prepared once per connection.
   */
  private readonly statementCache = new WeakMap<Connection, Map<string, PreparedStatement>>();

  /** Forgets every cached statement: after a schema change they may point at tables that changed. */
  private forgetStatements(): void {
    for (const connection of this.connections) this.statementCache.get(connection)?.clear();
  }

  private async prepare(
    connection: Connection,
    cypher: string,
    timeoutMs: number,
  ): Promise<PreparedStatement> {
    let cache = this.statementCache.get(connection);
    if (!cache) this.statementCache.set(connection, (cache = new Map()));
    const cached = cache.get(cypher);
    if (cached) {
      cache.delete(cypher);
      cache.set(cypher, cached);
      return cached;
    }
    let statement: PreparedStatement;
    try {
      statement = await connection.prepare(cypher);
    } catch (error) {
      throw translateEngineError(error, { timeoutMs });
    }
    if (!statement.isSuccess())
      throw translateEngineError(new Error(statement.getErrorMessage()), { timeoutMs });
    // Statements that name one node by a literal internal id are seldom asked twice; caching them
    // would push out the statements that are. (They still cost their prepare's memory: see docs/security.md.)
    if (cypher.includes('internal_id(')) return statement;
    if (cache.size >= STATEMENTS_PER_CONNECTION) cache.delete(cache.keys().next().value!);
    cache.set(cypher, statement);
    return statement;
  }

  /** Forgets what was derived from the data (schema counts, neighbour counts, the search index). */
  dataChanged(): void {
    this.schemaCache = undefined;
    this.neighbourCounts.clear();
    this.hubCounts.afterWrite();
    // The next search rebuilds the index (or answers from the old one while a big one is rebuilt).
    this.searchIndex.markStale();
  }

  /** Data definition changes the property types the value mapping relies on. */
  private async afterWrite(cypher: string): Promise<void> {
    this.dataChanged();
    if (SCHEMA_WORDS.test(cypher)) this.forgetStatements();
    if (/\b(CREATE|DROP|ALTER)\s+(NODE|REL|REL\s+GROUP)?\s*TABLE\b|\bALTER\b/i.test(cypher)) {
      await this.refreshPropertyTypes();
    }
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

  /** Reads every row of a statement the explorer itself issues (always read-only). */
  async read(cypher: string, params: Record<string, Value> = {}): Promise<Value[][]> {
    return (await this.query(cypher, params, { readOnly: true })).rows;
  }

  async runScript(statements: string[], options: { params?: Record<string, Value>[] } = {}): Promise<void> {
    this.assertOpen();
    if (this.readOnly) throw readOnly();
    const connection = await this.pool.acquire();
    const release = await this.writeLock.acquire();
    const timeoutMs = this.defaultTimeoutMs;
    try {
      connection.setQueryTimeout(SCRIPT_TIMEOUT_MS);
      await connection.query('BEGIN TRANSACTION');
      try {
        for (const [index, cypher] of statements.entries()) {
          const statement = await this.prepare(connection, cypher, timeoutMs).catch((error: unknown) => {
            throw withStatementContext(error, index, cypher);
          });
          await connection
            .execute(statement, toEngineParams(options.params?.[index] ?? {}))
            .catch((error: unknown) => {
              throw withStatementContext(translateEngineError(error, { timeoutMs }), index, cypher);
            });
        }
        await connection.query('COMMIT');
      } catch (error) {
        // A failed statement already ends the engine's transaction; a rollback then has nothing to undo.
        await connection.query('ROLLBACK').catch(() => undefined);
        throw error;
      }
    } finally {
      release();
      this.pool.release(connection);
      await this.refreshPropertyTypes();
    }
  }

  async beginTransaction(options: TransactionOptions = {}): Promise<StoreTransaction> {
    this.assertOpen();
    const mayWrite = !(options.readOnly || this.readOnly);
    const connection = await this.pool.acquire();
    const release = mayWrite ? await this.writeLock.acquire() : () => undefined;
    const timeoutMs = options.timeoutMs ?? this.defaultTimeoutMs;
    try {
      await connection.query(mayWrite ? 'BEGIN TRANSACTION' : 'BEGIN TRANSACTION READ ONLY');
    } catch (error) {
      release();
      this.pool.release(connection);
      throw translateEngineError(error, { timeoutMs });
    }
    return new LadybugTransaction(this, connection, mayWrite, timeoutMs, () => {
      release();
      this.pool.release(connection);
    });
  }

  /** @internal Runs one statement on a connection that is inside a transaction. */
  async runInTransaction(
    connection: Connection,
    cypher: string,
    params: Record<string, Value>,
    timeoutMs: number,
    mayWrite: boolean,
    hooks: Pick<QueryOptions, 'onWrite'> = {},
  ): Promise<Cursor> {
    assertStatementAllowed(cypher);
    assertRangesBounded(cypher, params);
    connection.setQueryTimeout(timeoutMs);
    const statement = await this.prepare(connection, cypher, timeoutMs);
    if (!statement.isReadOnly() && !mayWrite)
      throw readOnly('This transaction may only read: the statement writes, so it was refused.');
    if (!statement.isReadOnly()) hooks.onWrite?.();
    try {
      const result = single(await connection.execute(statement, toEngineParams(params)));
      const writes = !statement.isReadOnly();
      if (writes) {
        this.schemaCache = undefined;
        if (SCHEMA_WORDS.test(cypher)) {
          this.catalogCache = undefined;
          this.forgetStatements();
        }
      }
      // Exact integers are asked for again inside the same transaction, so they see its own writes.
      const sameTransaction = {
        read: (text: string, values: Record<string, Value> = {}) =>
          this.readOn(connection, text, values, timeoutMs),
      };
      // Not read as flat columns (readFlat): a statement the engine refuses ends the transaction.
      return new LadybugCursor(
        result,
        connection,
        () => undefined,
        this.propertyTypes,
        (rows, types, first) =>
          recoverExactIntegers(rows, types, { store: sameTransaction, cypher, params, writes, first }),
        cypher,
      );
    } catch (error) {
      throw translateEngineError(error, { timeoutMs });
    }
  }

  /** Reads every row of a statement on one given connection (one inside a transaction). */
  private async readOn(
    connection: Connection,
    cypher: string,
    params: Record<string, Value>,
    timeoutMs: number,
  ): Promise<Value[][]> {
    const statement = await this.prepare(connection, cypher, timeoutMs);
    const result = single(await connection.execute(statement, toEngineParams(params)));
    const cursor = new LadybugCursor(
      result,
      connection,
      () => undefined,
      this.propertyTypes,
      (rows) => rows,
      cypher,
    );
    try {
      return await readAll(cursor, Number.MAX_SAFE_INTEGER);
    } finally {
      await cursor.close();
    }
  }

  /**
   * Runs a series of internal reads on one connection, taken once: the schema's hundred small
   * statements would otherwise queue for the pool a hundred times behind the users' requests.
   */
  private async withConnection<T>(work: (read: ReadRows) => Promise<T>): Promise<T> {
    this.assertOpen();
    const connection = await this.pool.acquire();
    try {
      connection.setQueryTimeout(this.defaultTimeoutMs);
      return await work((cypher, params = {}) =>
        this.readOn(connection, cypher, params, this.defaultTimeoutMs),
      );
    } finally {
      this.pool.release(connection);
    }
  }

  schema(): Promise<GraphSchema> {
    this.assertOpen();
    this.schemaCache ??= this.withConnection(async (read) => {
      this.catalogCache ??= readCatalog(read).catch((error: unknown) => {
        this.catalogCache = undefined;
        throw error;
      });
      return countElements(read, await this.catalogCache);
    }).catch((error: unknown) => {
      this.schemaCache = undefined;
      throw error;
    });
    return this.schemaCache;
  }

  async neighbors(id: string, options: NeighborOptions): Promise<Neighborhood> {
    const rawId = parseId(id);
    if (!rawId)
      throw notFound(
        `"${id}" is not a node id. Node ids look like "3:17"; take them from a query result or /api/search.`,
      );
    return neighborhoodOf(this, rawId, id, options);
  }

  /** The quoted label of node table `table` (from an id "table:offset"), cached until DDL. */
  labelOfTable(table: number): Promise<string | undefined> {
    return this.tableNames.quotedName(table);
  }

  /** A node's uid from the in-memory index (undefined while it is being built). */
  uidOf(table: number, offset: number): string | undefined {
    return this.searchIndex.uidOf(table, offset);
  }

  /** A node's uid from the previous index build (check the node's id before trusting it). */
  uidHint(table: number, offset: number): string | undefined {
    return this.searchIndex.uidHint(table, offset);
  }

  /** Property keys of the node tables, as read at open and after each schema change. */
  nodePropertyKeys(): Promise<Set<string>> {
    return Promise.resolve(this.nodeKeys);
  }

  async search(text: string, options: { limit: number }): Promise<SearchHit[]> {
    const fromIndex = await this.searchIndex.search(text, options.limit);
    const hits = fromIndex ?? (await searchNodes(this, text, options.limit));
    const uid = text.trim();
    // A uid has no spaces; with the page full of names it is among them or not wanted.
    if (hits.length >= options.limit || /\s/.test(uid)) return hits;
    // A primary-key seek per table, side by side (about a millisecond each on the 1M graph).
    const found = await Promise.all(
      this.uidLabels.map((label) => this.read(`MATCH (n:${label}) WHERE n.uid = $uid RETURN n`, { uid })),
    );
    const byUid = found.flat().map(([value]) => uidHit(stripTag(value as NodeValue)));
    return withUidHits(hits, byUid, options.limit);
  }

  async nodesById(ids: string[]): Promise<GraphNode[]> {
    const parsed = ids.map((id) => ({ id, raw: parseId(id) })).filter((entry) => entry.raw !== undefined);
    if (parsed.length === 0) return [];
    // One statement per label: naming the label makes the engine seek instead of scanning every table.
    const byTable = new Map<number, typeof parsed>();
    for (const entry of parsed) {
      const entries = byTable.get(entry.raw!.table);
      if (entries) entries.push(entry);
      else byTable.set(entry.raw!.table, [entry]);
    }
    const byId = new Map<string, GraphNode>();
    // The tables side by side: a neighbourhood's far ends are often in several.
    await Promise.all(
      [...byTable].map(async ([table, entries]) => {
        const label = await this.labelOfTable(table);
        if (!label) return;
        // By uid where the index (even a stale one) knows it: a primary-key seek instead of a scan
        // of the table. A node whose offset went to another since the build comes back under
        // another id and is looked up by its offset instead, as are nodes the index does not know.
        const hinted = entries.filter(({ raw }) => this.uidHint(raw!.table, raw!.offset) !== undefined);
        const rows = hinted.length
          ? await this.read(`UNWIND $uids AS u MATCH (n:${label}) WHERE n.uid = u RETURN n`, {
              uids: hinted.map(({ raw }) => this.uidHint(raw!.table, raw!.offset)!),
            })
          : [];
        const wanted = new Set(entries.map((entry) => entry.id));
        const seen = new Set(rows.map(([node]) => (node as GraphNode).id).filter((id) => wanted.has(id)));
        const unseen = entries.filter((entry) => !seen.has(entry.id));
        if (unseen.length)
          rows.push(
            ...(await this.read(`MATCH (n:${label}) WHERE offset(id(n)) IN $offsets RETURN n`, {
              offsets: unseen.map(({ raw }) => raw!.offset),
            })),
          );
        for (const [node] of rows)
          byId.set((node as GraphNode).id, stripTag(node as GraphNode & { $type: 'node' }));
      }),
    );
    return ids.flatMap((id) => (byId.has(id) ? [byId.get(id)!] : []));
  }

  async isEmpty(): Promise<boolean> {
    const schema = await this.schema();
    return schema.labels.every((label) => label.count === 0);
  }

  async health(): Promise<StoreHealth> {
    if (this.closed)
      return {
        ok: false,
        backend: this.backend,
        readOnly: this.readOnly,
        message: 'The database is closed.',
      };
    try {
      await this.read('RETURN 1');
      return {
        ok: true,
        backend: this.backend,
        readOnly: this.readOnly,
        searchIndex: this.searchIndex.state,
        hubCounts: this.hubCounts.counting ? 'counting' : 'ready',
      };
    } catch (error) {
      return {
        ok: false,
        backend: this.backend,
        readOnly: this.readOnly,
        message: error instanceof Error ? error.message : String(error),
      };
    }
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    // A search index build and the hubs' counts read in the background; they stop at their next step.
    await this.hubCounts.stop();
    await this.searchIndex.stop();
    // Wait for writes in flight, so that nothing acknowledged is cut off.
    const release = await this.writeLock.acquire();
    try {
      // Checkpoint here, while close is awaited, so that nothing of it is left for the engine to
      // finish later: a read-only open right after (READ_ONLY on a fresh directory) met its files.
      if (!this.readOnly) await this.checkpoint().catch(() => undefined);
      for (const connection of this.connections) await connection.close().catch(() => undefined);
      await this.database.close();
    } finally {
      release();
    }
  }

  /** Writes the WAL into the database file, on a connection of its own (the pool's may be busy). */
  private async checkpoint(): Promise<void> {
    const connection = new lbug.Connection(this.database, THREADS_PER_QUERY);
    try {
      // Bounded: a checkpoint waits for reads still running, and shutdown should not wait long.
      connection.setQueryTimeout(CLOSE_CHECKPOINT_TIMEOUT_MS);
      single(await connection.query('CHECKPOINT')).close();
    } finally {
      await connection.close();
    }
  }

  private assertOpen(): void {
    if (this.closed)
      throw unavailable('The database is closed (the server is shutting down). Try again in a moment.');
  }
}

class LadybugTransaction implements StoreTransaction {
  private finished = false;
  constructor(
    private readonly store: LadybugStore,
    private readonly connection: Connection,
    private readonly mayWrite: boolean,
    private readonly timeoutMs: number,
    private readonly release: () => void,
  ) {}

  async run(cypher: string, params: Record<string, Value> = {}, options: QueryOptions = {}): Promise<Cursor> {
    if (this.finished)
      throw new LagebildError('InvalidRequest', 'The transaction has already ended; begin a new one.');
    return this.store.runInTransaction(
      this.connection,
      cypher,
      params,
      options.timeoutMs ?? this.timeoutMs,
      this.mayWrite,
      { onWrite: options.onWrite },
    );
  }

  async commit(): Promise<void> {
    await this.finish('COMMIT');
  }

  async rollback(): Promise<void> {
    await this.finish('ROLLBACK');
  }

  private async finish(command: 'COMMIT' | 'ROLLBACK'): Promise<void> {
    if (this.finished) return;
    this.finished = true;
    try {
      await this.connection.query(command);
      if (this.mayWrite && command === 'COMMIT') this.store.dataChanged();
    } catch (error) {
      // After a failed statement the engine has already rolled back; only a failed COMMIT is news.
      if (command === 'COMMIT' && !/No active transaction/i.test(String(error))) {
        throw translateEngineError(error, { timeoutMs: this.timeoutMs });
      }
    } finally {
      this.release();
    }
  }
}

class LadybugCursor implements Cursor {
  /** The columns' names as Neo4j would give them (rewriteReturn.ts). */
  readonly columns: string[];
  /** The result its rows are read from: the query's own, or its flat statement's. */
  private readonly source: EngineResult;
  /** Turns one of the engine's rows (keyed by its column names) into Lagebild's values. */
  private readonly toRow: (record: Record<string, unknown>) => Value[];
  readonly totalRows: number;
  readonly engineTypes: string[];
  private done = false;
  private closed = false;
  /** Rows handed out so far; the index of the next batch's first row. */
  private delivered = 0;
  /** Rows taken from the engine's result so far. */
  private read = 0;

  constructor(
    result: EngineResult,
    _connection: Connection,
    private readonly onClose: () => void,
    propertyTypes: PropertyTypes,
    private readonly finishBatch: (
      rows: Value[][],
      types: string[],
      first: number,
    ) => Value[][] | Promise<Value[][]>,
    cypher: string,
    /** Set where `result` is not the query's own: its columns' names and types, and how to read its rows. */
    flat?: FlatRead,
  ) {
    const engineColumns = flat?.shape.columns ?? result.getColumnNamesSync();
    this.columns = columnNamesAsWritten(cypher, engineColumns);
    this.engineTypes = flat?.shape.types ?? result.getColumnDataTypesSync();
    this.totalRows = result.getNumTuples();
    this.source = result;
    if (flat?.toRow) {
      this.toRow = flat.toRow;
    } else {
      const converters = this.engineTypes.map((type) => columnConverter(type, propertyTypes));
      this.toRow = (record) => {
        const row: Value[] = new Array(engineColumns.length);
        for (let i = 0; i < engineColumns.length; i++) row[i] = converters[i]!(record[engineColumns[i]!]);
        return row;
      };
    }
  }

  async next(max: number): Promise<Value[][]> {
    const rows: Value[][] = [];
    while (!this.done && rows.length < max) {
      // Rows are counted against the result's size instead of asking hasNext() before each one:
      // a native call per row saved, about a tenth of reading 100,000 rows.
      const sliceEnd = Math.min(max, rows.length + ROWS_PER_SLICE, rows.length + this.totalRows - this.read);
      const { source, toRow } = this;
      while (rows.length < sliceEnd) {
        rows.push(toRow(source.getNextSync() as Record<string, unknown>));
        this.read++;
      }
      if (this.read >= this.totalRows) this.done = true;
      else if (rows.length < max) await yieldToEventLoop();
    }
    if (this.done) await this.close();
    const first = this.delivered;
    this.delivered += rows.length;
    return rows.length > 0 ? this.finishBatch(rows, this.engineTypes, first) : rows;
  }

  async close(): Promise<void> {
    this.done = true;
    if (this.closed) return;
    this.closed = true;
    this.source.close();
    this.onClose();
  }
}

/**
 * What readFlat gives the cursor: a result of the query's rows, the names and types of the
 * query's own columns, and how to put its elements together again from the flat columns (unset
 * where the result is the query run again, read as it is).
 */
interface FlatRead {
  result: EngineResult;
  shape: { columns: string[]; types: string[] };
  toRow?: (record: Record<string, unknown>) => Value[];
}

/** The engine's answer when a second write transaction would start while one is open. */
function isWriterBusy(error: unknown): boolean {
  return /Only one write transaction at a time/i.test(error instanceof Error ? error.message : String(error));
}

/** Runs `attempt` again while the engine says another write transaction is open (briefly, a prepare). */
async function retryWhileWriterBusy<T>(attempt: () => Promise<T>): Promise<T> {
  for (let tries = 1; ; tries++) {
    try {
      return await attempt();
    } catch (error) {
      if (!isWriterBusy(error) || tries >= 50) throw error;
      await new Promise((resolve) => setTimeout(resolve, Math.min(tries, 10)));
    }
  }
}

function single(result: EngineResult | EngineResult[]): EngineResult {
  return Array.isArray(result) ? result[result.length - 1]! : result;
}

/** Parameters go to the engine as they are; bigints become INT128 there, which is exact. */
function toEngineParams(params: Record<string, Value>): Record<string, never> {
  return params as Record<string, never>;
}

function withStatementContext(error: unknown, index: number, cypher: string): LagebildError {
  const base = error instanceof LagebildError ? error : translateEngineError(error, { timeoutMs: 0 });
  const excerpt = cypher.length > 120 ? `${cypher.slice(0, 117)}...` : cypher;
  return new LagebildError(base.code, `Statement ${index + 1} failed (${excerpt}): ${base.message}`, {
    cause: error,
  });
}
