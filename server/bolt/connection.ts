// One Bolt client connection: the handshake, then requests handled one after another in the
// order they arrived (clients pipeline them), following the Bolt 5 server state machine:
// authenticate, auto-commit queries and explicit transactions with results pulled in batches,
// FAILURE then IGNORED until RESET, GOODBYE. Every failure is answered; none ends the server.

import type { Socket } from 'node:net';
import { LagebildError, readOnly as readOnlyError, timeout as timeoutError } from '../errors.ts';
import type { Cursor, GraphStore, StoreTransaction, Value } from '../store/types.ts';
import { Dechunker, FramingError, chunkMessage } from './chunking.ts';
import { boltColumns } from './columns.ts';
import { translateDialect } from './dialect.ts';
import {
  BoltFailureError,
  failure,
  failureFromError,
  failureMetadata,
  type BoltFailure,
} from './failures.ts';
import { HANDSHAKE_BYTES, answerHandshake, readManifestChoice, type BoltVersion } from './handshake.ts';
import { AuditedStatement, BoltWriteAudit } from './boltAudit.ts';
import { answerIntrospection } from './introspection.ts';
import {
  REQUEST,
  RESPONSE,
  ProtocolViolation,
  integerEntry,
  mapField,
  requestName,
  stringEntry,
  stringField,
  type PackMap,
} from './messages.ts';
import { PackStreamError, Structure, pack, unpackMessage, type PackValue } from './packstream.ts';
import { UnsupportedParameterError, fromBolt, toBolt } from './values.ts';

/** What every connection of one Bolt server shares. */
export interface ConnectionContext {
  store: GraphStore;
  /** When set, LOGON (or HELLO before 5.1) must carry this password. */
  password: string | undefined;
  /** The query time limit; a client's tx_timeout may only shorten it. */
  timeoutMs: number;
  /** Lagebild's version, for dbms.components(). */
  version: string;
  log: (entry: Record<string, unknown>) => void;
}

/** The agent string we send: drivers and tools expect a Neo4j 5 server. */
export const SERVER_AGENT = 'Neo4j/5.26.0';
const NEO4J_VERSION = '5.26.0';
/** The one database the embedded store is, under the name drivers use by default. */
export const DATABASE_NAME = 'neo4j';
const SYSTEM_DATABASE = 'system';
/** Rows packed before the socket gets them in one write. */
const WRITE_BATCH_ROWS = 500;
/** A client must finish the handshake within this time. */
const HANDSHAKE_TIMEOUT_MS = 10_000;

type State =
  | 'handshake'
  | 'manifest'
  | 'negotiated'
  | 'authentication'
  | 'ready'
  | 'streaming'
  | 'txReady'
  | 'txStreaming'
  | 'failed'
  | 'closed';

/** A result a client has not finished pulling. */
interface OpenResult {
  qid: number;
  cursor: Cursor;
  /** Rows read ahead to learn whether more follow. */
  ahead: Value[][];
  /** The statement's audit record; its `wrote` (decided by the engine) also gives the summary's query type. */
  statement: AuditedStatement;
  startedAt: number;
}

let connectionCounter = 0;
let bookmarkCounter = 0;

export class BoltConnection {
  private state: State = 'handshake';
  private version: BoltVersion = { major: 5, minor: 0 };
  private handshakeBytes: Buffer = Buffer.alloc(0);
  private readonly dechunker = new Dechunker();
  /** Requests in arrival order, and time-limit expiries of the transaction with that number. */
  private readonly queue: (Structure | { expireTransaction: number })[] = [];
  private transactionNumber = 0;
  /** The access mode of the current auto-commit query or transaction ("r" from the client). */
  private readMode = false;
  private working = false;
  /** RESETs received but not yet handled: everything before them is IGNORED. */
  private pendingResets = 0;
  private readonly id = `bolt-${++connectionCounter}`;
  private routingAddress: string | undefined;
  private transaction: StoreTransaction | undefined;
  private transactionTimer: NodeJS.Timeout | undefined;
  private transactionExpired = false;
  private readonly results = new Map<number, OpenResult>();
  private nextQid = 0;
  private readonly handshakeTimer: NodeJS.Timeout;
  /** The user name of the login (HELLO in Bolt 5.0, LOGON after), for the audit log. */
  private user: string | undefined;
  private readonly audit: BoltWriteAudit;

  constructor(
    private readonly socket: Socket,
    private readonly context: ConnectionContext,
  ) {
    // Read now: a closed socket no longer knows its peer, and writes are logged as transactions end.
    const address = `${socket.remoteAddress ?? 'unknown'}:${socket.remotePort ?? 0}`;
    this.audit = new BoltWriteAudit(context.log, () => ({
      address,
      user: this.user,
      connection: this.id,
    }));
    socket.setNoDelay(true);
    socket.on('data', (data) => this.onData(data));
    socket.on('error', (error) =>
      this.context.log({
        level: 'debug',
        msg: 'bolt socket error',
        connection: this.id,
        error: error.message,
      }),
    );
    socket.on('close', () => void this.cleanUp());
    this.handshakeTimer = setTimeout(() => {
      if (this.state === 'handshake' || this.state === 'manifest') this.abandon('no handshake within 10 s');
    }, HANDSHAKE_TIMEOUT_MS);
    this.handshakeTimer.unref();
  }

  private onData(data: Buffer): void {
    if (this.state === 'closed') return;
    try {
      if (this.state === 'handshake' || this.state === 'manifest') {
        const rest = this.shakeHands(data);
        if (!rest || rest.length === 0) return;
        data = rest;
      }
      for (const bytes of this.dechunker.push(data)) {
        const message = unpackMessage(bytes);
        if (message.tag === REQUEST.RESET) this.interrupt();
        this.queue.push(message);
      }
      void this.work();
    } catch (error) {
      if (error instanceof FramingError || error instanceof PackStreamError) {
        this.sendFailure(
          failure('Neo.ClientError.Request.Invalid', `Malformed Bolt message: ${error.message}`),
        );
        this.abandon(error.message);
      } else throw error;
    }
  }

  /** Consumes handshake bytes; returns bytes that already belong to messages, once agreed. */
  private shakeHands(data: Buffer): Buffer | undefined {
    this.handshakeBytes = Buffer.concat([this.handshakeBytes, data]);
    if (this.state === 'handshake') {
      if (this.handshakeBytes.length < HANDSHAKE_BYTES) {
        // Refuse garbage as soon as the first four bytes show it is not Bolt.
        if (this.handshakeBytes.length >= 4 && this.handshakeBytes.readUInt32BE(0) !== 0x6060b017)
          this.abandon('the client did not start with the Bolt preamble');
        return undefined;
      }
      const answer = answerHandshake(this.handshakeBytes.subarray(0, HANDSHAKE_BYTES));
      const rest = this.handshakeBytes.subarray(HANDSHAKE_BYTES);
      if (answer.kind === 'refused') {
        if (answer.reply) this.socket.write(answer.reply);
        this.abandon(answer.reason);
        return undefined;
      }
      this.socket.write(answer.reply);
      if (answer.kind === 'agreed') {
        this.agree(answer.version);
        return rest;
      }
      this.state = 'manifest';
      this.handshakeBytes = rest;
    }
    const choice = readManifestChoice(this.handshakeBytes);
    if (choice.kind === 'incomplete') return undefined;
    if (choice.kind === 'refused') {
      this.abandon(choice.reason);
      return undefined;
    }
    const rest = this.handshakeBytes.subarray(choice.consumed);
    this.agree(choice.version);
    return rest;
  }

  private agree(version: BoltVersion): void {
    clearTimeout(this.handshakeTimer);
    this.version = version;
    this.state = 'negotiated';
    this.handshakeBytes = Buffer.alloc(0);
  }

  /** Closes a connection that broke the protocol; the server goes on serving the others. */
  private abandon(reason: string): void {
    if (this.state === 'closed') return;
    this.context.log({
      level: 'info',
      msg: `closing Bolt connection: ${reason}`,
      connection: this.id,
      remote: this.socket.remoteAddress,
    });
    this.state = 'closed';
    clearTimeout(this.handshakeTimer);
    this.socket.end();
    this.socket.destroySoon();
    void this.cleanUp();
  }

  /** A RESET arrived: whatever runs now should stop, and queued requests before it are IGNORED. */
  private interrupt(): void {
    this.pendingResets++;
  }

  private async work(): Promise<void> {
    if (this.working) return;
    this.working = true;
    try {
      while (this.queue.length > 0 && this.state !== 'closed') {
        const item = this.queue.shift()!;
        if (!(item instanceof Structure)) {
          if (item.expireTransaction === this.transactionNumber) await this.expireTransaction();
          continue;
        }
        await this.handle(item);
      }
    } finally {
      this.working = false;
    }
  }

  private async handle(message: Structure): Promise<void> {
    if (message.tag === REQUEST.RESET) {
      this.pendingResets = Math.max(0, this.pendingResets - 1);
      await this.reset();
      return this.success({});
    }
    if (message.tag === REQUEST.GOODBYE) {
      this.state = 'closed';
      await this.cleanUp();
      this.socket.end();
      return;
    }
    if (this.pendingResets > 0 || this.state === 'failed') return this.send(RESPONSE.IGNORED, []);
    try {
      await this.dispatch(message);
    } catch (error) {
      if (error instanceof ProtocolViolation) {
        this.sendFailure(failure('Neo.ClientError.Request.Invalid', error.message));
        this.abandon(error.message);
        return;
      }
      await this.fail(
        failureFromError(error, {
          storeReadOnly: this.context.store.readOnly,
          clientAskedRead: this.readMode,
        }),
      );
    }
  }

  private async dispatch(message: Structure): Promise<void> {
    const { tag } = message;
    if (this.state === 'negotiated') {
      if (tag !== REQUEST.HELLO) throw new ProtocolViolation(`Expected HELLO, got ${requestName(tag)}.`);
      return this.hello(mapField(message, 0));
    }
    if (this.state === 'authentication') {
      if (tag !== REQUEST.LOGON) throw new ProtocolViolation(`Expected LOGON, got ${requestName(tag)}.`);
      return this.logon(mapField(message, 0));
    }
    switch (tag) {
      case REQUEST.LOGOFF:
        this.requireState(tag, 'ready');
        this.state = 'authentication';
        return this.success({});
      case REQUEST.TELEMETRY:
        return this.success({});
      case REQUEST.ROUTE:
        this.requireState(tag, 'ready');
        return this.route(mapField(message, 2));
      case REQUEST.RUN:
        this.requireState(tag, 'ready', 'txReady', 'txStreaming');
        return this.run(stringField(message, 0), mapField(message, 1), mapField(message, 2));
      case REQUEST.PULL:
      case REQUEST.DISCARD:
        this.requireState(tag, 'streaming', 'txStreaming');
        return this.pull(mapField(message, 0), { discard: tag === REQUEST.DISCARD });
      case REQUEST.BEGIN:
        this.requireState(tag, 'ready');
        return this.begin(mapField(message, 0));
      case REQUEST.COMMIT:
      case REQUEST.ROLLBACK:
        this.requireState(tag, 'txReady', 'txStreaming');
        return this.finishTransaction(tag === REQUEST.COMMIT ? 'commit' : 'rollback');
      case REQUEST.HELLO:
      case REQUEST.LOGON:
        throw new ProtocolViolation(`${requestName(tag)} was already sent on this connection.`);
      default:
        throw new ProtocolViolation(`Unknown request ${requestName(tag)}.`);
    }
  }

  private requireState(tag: number, ...allowed: State[]): void {
    if (!allowed.includes(this.state))
      throw new ProtocolViolation(
        `${requestName(tag)} is not allowed now (connection state: ${this.state}).`,
      );
  }

  // --- authentication ---------------------------------------------------------------------

  private async hello(extra: PackMap): Promise<void> {
    const routing = extra.routing;
    if (routing && typeof routing === 'object' && !Array.isArray(routing)) {
      const address = (routing as PackMap).address;
      if (typeof address === 'string') this.routingAddress = address;
    }
    if (this.version.minor === 0) {
      // Bolt 5.0 carries the credentials in HELLO itself.
      if (!this.authenticate(extra)) return this.refuseLogin();
      this.user = stringEntry(extra, 'principal');
      this.state = 'ready';
    } else this.state = 'authentication';
    this.success({ server: SERVER_AGENT, connection_id: this.id, hints: {} });
  }

  private async logon(auth: PackMap): Promise<void> {
    if (!this.authenticate(auth)) return this.refuseLogin();
    this.user = stringEntry(auth, 'principal');
    this.state = 'ready';
    this.success({});
  }

  /** Without a configured password anyone may connect; with one, basic auth must carry it. */
  private authenticate(auth: PackMap): boolean {
    const password = this.context.password;
    if (password === undefined) return true;
    return auth.scheme === 'basic' && auth.credentials === password;
  }

  private refuseLogin(): void {
    this.sendFailure(
      failure(
        'Neo.ClientError.Security.Unauthorized',
        'The client is unauthorized due to authentication failure: use basic auth with the password set in BOLT_PASSWORD (any user name).',
      ),
    );
    this.abandon('authentication failed');
  }

  // --- routing ----------------------------------------------------------------------------

  private route(extra: PackMap): void {
    const database = stringEntry(extra, 'db');
    // Drivers ask for the system database's routing to check credentials; it is us, too.
    if (database !== SYSTEM_DATABASE) this.checkDatabase(database);
    this.checkImpersonation(extra);
    const address = this.routingAddress ?? this.localAddress();
    this.success({
      rt: {
        ttl: 300,
        db: database === SYSTEM_DATABASE ? SYSTEM_DATABASE : DATABASE_NAME,
        servers: [
          { addresses: [address], role: 'ROUTE' },
          { addresses: [address], role: 'READ' },
          { addresses: [address], role: 'WRITE' },
        ],
      },
    });
  }

  private localAddress(): string {
    const host = this.socket.localAddress ?? '127.0.0.1';
    const bare = host.startsWith('::ffff:') ? host.slice(7) : host;
    return `${bare.includes(':') ? `[${bare}]` : bare}:${this.socket.localPort}`;
  }

  /** Impersonation (imp_user) would need users; refused rather than silently ignored. */
  private checkImpersonation(extra: PackMap): void {
    if (stringEntry(extra, 'imp_user') !== undefined)
      throw new BoltFailureError(
        failure(
          'Neo.ClientError.Security.Forbidden',
          'Impersonation is not supported: the embedded database has no users. Leave impersonatedUser unset.',
        ),
      );
  }

  private checkDatabase(database: string | undefined): void {
    if (database !== undefined && database !== DATABASE_NAME)
      throw new BoltFailureError(
        failure(
          'Neo.ClientError.Database.DatabaseNotFound',
          `Database "${database}" does not exist here: the embedded database is served as "${DATABASE_NAME}" (leave the database unset or use "${DATABASE_NAME}").`,
        ),
      );
  }

  // --- queries ----------------------------------------------------------------------------

  private timeoutFor(extra: PackMap): number {
    const requested = integerEntry(extra, 'tx_timeout');
    return requested !== undefined && requested > 0
      ? Math.min(requested, this.context.timeoutMs)
      : this.context.timeoutMs;
  }

  private async run(cypher: string, rawParams: PackMap, extra: PackMap): Promise<void> {
    const startedAt = performance.now();
    const inTransaction = this.state !== 'ready';
    if (inTransaction && this.transactionExpired) throw timeoutError(this.context.timeoutMs);
    if (!inTransaction) {
      this.checkDatabase(stringEntry(extra, 'db'));
      this.checkImpersonation(extra);
    }
    let params: Record<string, Value>;
    try {
      params = fromBolt(rawParams, '$') as Record<string, Value>;
    } catch (error) {
      if (error instanceof UnsupportedParameterError)
        throw new BoltFailureError(failure('Neo.ClientError.Statement.TypeError', error.message));
      throw error;
    }
    const introspection = await answerIntrospection(cypher, () => this.context.store.schema(), {
      version: this.context.version,
      neo4jVersion: NEO4J_VERSION,
    });
    let cursor: Cursor;
    const statement = this.audit.statement(cypher, params);
    if (introspection) cursor = memoryCursor(introspection.columns, introspection.rows);
    else {
      const text = translateDialect(cypher);
      const onWrite = statement.onWrite;
      try {
        if (inTransaction) cursor = await this.transaction!.run(text, params, { onWrite });
        else {
          const readOnly = stringEntry(extra, 'mode') === 'r';
          this.readMode = readOnly;
          cursor = await this.context.store
            .open(text, params, { readOnly, timeoutMs: this.timeoutFor(extra), onWrite })
            .catch((error: unknown) => {
              throw refineReadOnly(error, readOnly);
            });
        }
      } catch (error) {
        this.audit.failed(statement, error);
        throw error;
      }
      this.audit.ran(statement, { inTransaction });
    }
    const fields = introspection ? cursor.columns : boltColumns(cypher, cursor.columns);
    const qid = inTransaction ? this.nextQid++ : 0;
    this.results.set(qid, { qid, cursor, ahead: [], statement, startedAt });
    this.state = inTransaction ? 'txStreaming' : 'streaming';
    this.success({
      fields,
      t_first: Math.round(performance.now() - startedAt),
      ...(inTransaction ? { qid } : {}),
    });
  }

  private async pull(extra: PackMap, options: { discard: boolean }): Promise<void> {
    const n = integerEntry(extra, 'n') ?? -1;
    const qidEntry = integerEntry(extra, 'qid') ?? -1;
    const qid = qidEntry === -1 ? Math.max(...this.results.keys()) : qidEntry;
    const result = this.results.get(qid);
    if (!result) throw new ProtocolViolation(`There is no open result with qid ${qidEntry}.`);
    if (this.transaction && this.transactionExpired) throw timeoutError(this.context.timeoutMs);
    try {
      await this.stream(result, n, options);
    } catch (error) {
      this.audit.failed(result.statement, error);
      throw error;
    }
  }

  /** Sends up to `n` rows (all when negative), then has_more or the summary. */
  private async stream(result: OpenResult, n: number, options: { discard: boolean }): Promise<void> {
    const qid = result.qid;
    const budget = n < 0 ? Infinity : n;
    let delivered = 0;
    let framed: Buffer[] = [];
    while (delivered < budget) {
      const want = Math.min(budget - delivered, WRITE_BATCH_ROWS);
      const rows = result.ahead.length > 0 ? result.ahead.splice(0, want) : await result.cursor.next(want);
      if (rows.length === 0) break;
      delivered += rows.length;
      if (options.discard) continue;
      for (const row of rows)
        framed.push(chunkMessage(pack(new Structure(RESPONSE.RECORD, [row.map(toBolt)]))));
      if (framed.length >= WRITE_BATCH_ROWS) {
        await this.write(Buffer.concat(framed));
        framed = [];
        if (this.state === 'closed') return;
      }
    }
    if (framed.length > 0) await this.write(Buffer.concat(framed));
    if (this.state === 'closed') return;
    if (delivered >= budget) {
      result.ahead = await result.cursor.next(1);
      if (result.ahead.length > 0) return this.success({ has_more: true });
    }
    await result.cursor.close();
    this.results.delete(qid);
    const inTransaction = this.transaction !== undefined;
    // A store that learns of a write only at the end of the result (Neo4j) has said so by now.
    this.audit.ran(result.statement, { inTransaction });
    if (inTransaction) this.state = this.results.size > 0 ? 'txStreaming' : 'txReady';
    else this.state = 'ready';
    this.success({
      type: result.statement.wrote ? 'rw' : 'r',
      t_last: Math.round(performance.now() - result.startedAt),
      db: DATABASE_NAME,
      ...(inTransaction ? {} : { bookmark: nextBookmark() }),
    });
  }

  // --- transactions -----------------------------------------------------------------------

  private async begin(extra: PackMap): Promise<void> {
    this.checkDatabase(stringEntry(extra, 'db'));
    this.checkImpersonation(extra);
    const timeoutMs = this.timeoutFor(extra);
    const readOnly = stringEntry(extra, 'mode') === 'r';
    this.readMode = readOnly;
    this.transaction = await this.context.store.beginTransaction({ readOnly, timeoutMs });
    this.transactionExpired = false;
    const number = ++this.transactionNumber;
    this.transactionTimer = setTimeout(() => {
      this.queue.push({ expireTransaction: number });
      void this.work();
    }, timeoutMs);
    this.transactionTimer.unref();
    this.nextQid = 0;
    this.state = 'txReady';
    this.success({});
  }

  /** The transaction outlived its time limit: roll it back, so that it holds no lock. */
  private async expireTransaction(): Promise<void> {
    if (!this.transaction || this.transactionExpired) return;
    this.transactionExpired = true;
    await this.closeResults();
    await this.transaction.rollback().catch(() => undefined);
    this.audit.transactionEnded('rolledBack', timeoutError(this.context.timeoutMs));
  }

  private async finishTransaction(how: 'commit' | 'rollback'): Promise<void> {
    const transaction = this.transaction!;
    if (this.transactionExpired) {
      this.endTransaction();
      if (how === 'rollback') {
        this.state = 'ready';
        return this.success({});
      }
      throw timeoutError(this.context.timeoutMs);
    }
    await this.closeResults();
    this.endTransaction();
    this.state = 'ready';
    try {
      await transaction[how]();
    } catch (error) {
      this.audit.transactionEnded(how === 'commit' ? 'failed' : 'rolledBack', error);
      throw error;
    }
    this.audit.transactionEnded(how === 'commit' ? 'committed' : 'rolledBack');
    this.success(how === 'commit' ? { bookmark: nextBookmark() } : {});
  }

  private endTransaction(): void {
    clearTimeout(this.transactionTimer);
    this.transaction = undefined;
    this.transactionExpired = false;
  }

  // --- failure and reset ------------------------------------------------------------------

  /** Sends FAILURE; an explicit transaction ends with it (the engine has rolled it back). */
  private async fail(fail: BoltFailure): Promise<void> {
    await this.closeResults();
    if (this.transaction) {
      const transaction = this.transaction;
      const expired = this.transactionExpired;
      this.endTransaction();
      if (!expired) await transaction.rollback().catch(() => undefined);
      this.audit.transactionEnded('rolledBack');
    }
    this.state = 'failed';
    this.sendFailure(fail);
  }

  private async reset(): Promise<void> {
    await this.closeResults();
    if (this.transaction) {
      const transaction = this.transaction;
      const expired = this.transactionExpired;
      this.endTransaction();
      if (!expired) await transaction.rollback().catch(() => undefined);
      this.audit.transactionEnded('rolledBack');
    }
    if (this.state !== 'closed' && this.state !== 'negotiated' && this.state !== 'authentication')
      this.state = 'ready';
  }

  private async closeResults(): Promise<void> {
    for (const result of this.results.values()) await result.cursor.close().catch(() => undefined);
    this.results.clear();
  }

  /** The socket closed: give back what the client held (open results, the write lock of a transaction). */
  private async cleanUp(): Promise<void> {
    this.state = 'closed';
    clearTimeout(this.handshakeTimer);
    this.queue.length = 0;
    // Wait for a request in progress to settle before releasing what it uses.
    while (this.working) await new Promise((resolve) => setTimeout(resolve, 5));
    await this.reset();
    this.state = 'closed';
  }

  // --- writing ----------------------------------------------------------------------------

  private success(metadata: Record<string, PackValue>): void {
    this.send(RESPONSE.SUCCESS, [metadata]);
  }

  private sendFailure(fail: BoltFailure): void {
    this.send(RESPONSE.FAILURE, [failureMetadata(fail, this.version.minor)]);
  }

  private send(tag: number, fields: PackValue[]): void {
    if (this.socket.destroyed || this.socket.writableEnded) return;
    this.socket.write(chunkMessage(pack(new Structure(tag, fields))));
  }

  /** Writes and waits while the client reads slower than we send, so memory stays bounded. */
  private async write(bytes: Buffer): Promise<void> {
    if (this.socket.destroyed || this.socket.writableEnded) {
      this.state = 'closed';
      return;
    }
    if (this.socket.write(bytes)) return;
    await new Promise<void>((resolve) => {
      const done = () => {
        this.socket.off('drain', done);
        this.socket.off('close', done);
        resolve();
      };
      this.socket.on('drain', done);
      this.socket.on('close', done);
    });
  }
}

function nextBookmark(): string {
  return `lagebild:${++bookmarkCounter}`;
}

/** A read-only refusal in an auto-commit query the client marked as a read (mode "r"). */
function refineReadOnly(error: unknown, clientAskedRead: boolean): unknown {
  if (
    clientAskedRead &&
    error instanceof LagebildError &&
    error.code === 'ReadOnly' &&
    !/READ_ONLY=true/.test(error.message)
  )
    return readOnlyError(
      'Writing in read access mode is not allowed: the session or transaction was opened for reading, so the statement was refused and nothing was changed.',
    );
  return error;
}

/** A cursor over rows already in memory (answers to introspection calls). */
function memoryCursor(columns: string[], rows: Value[][]): Cursor {
  let position = 0;
  return {
    columns,
    totalRows: rows.length,
    async next(max: number) {
      const batch = rows.slice(position, position + max);
      position += batch.length;
      return batch;
    },
    async close() {
      position = rows.length;
    },
  };
}
