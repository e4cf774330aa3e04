// The reference: the same queries through @ladybugdb/core directly, on a second read-only
// handle of the same database, without Lagebild's mapping, HTTP or JSON.

import lbug from '@ladybugdb/core';
import type { Connection, Database, PreparedStatement, QueryResult } from '@ladybugdb/core';

const single = (result: QueryResult | QueryResult[]) => (Array.isArray(result) ? result.at(-1)! : result);

export class RawEngine {
  private readonly statements = new Map<string, PreparedStatement>();

  private constructor(
    private readonly database: Database,
    private readonly connection: Connection,
  ) {}

  /** Opens the database directory read-only with its own buffer pool. */
  static async open(dbPath: string, bufferPoolBytes = 2 * 2 ** 30): Promise<RawEngine> {
    const database = new lbug.Database(dbPath, bufferPoolBytes, true, true);
    await database.init();
    const connection = new lbug.Connection(database);
    await connection.init();
    return new RawEngine(database, connection);
  }

  /** Runs a statement and reads every row synchronously: the fastest way through the binding. */
  async rows(cypher: string, params: Record<string, unknown> = {}): Promise<Record<string, unknown>[]> {
    const result = await this.execute(cypher, params);
    const out: Record<string, unknown>[] = [];
    while (result.hasNext()) out.push(result.getNextSync() as Record<string, unknown>);
    result.close();
    return out;
  }

  /** The naive path: the binding's async getAll(). */
  async rowsWithGetAll(cypher: string, params: Record<string, unknown> = {}): Promise<unknown[]> {
    const result = await this.execute(cypher, params);
    const out = await result.getAll();
    result.close();
    return out;
  }

  private async execute(cypher: string, params: Record<string, unknown>): Promise<QueryResult> {
    if (Object.keys(params).length === 0) return single(await this.connection.query(cypher));
    // Prepared once per text and reused, as the adapter does.
    let statement = this.statements.get(cypher);
    if (!statement) {
      statement = await this.connection.prepare(cypher);
      this.statements.set(cypher, statement);
    }
    return single(await this.connection.execute(statement, params as Record<string, never>));
  }

  async close(): Promise<void> {
    await this.connection.close();
    await this.database.close();
  }
}
