// Bulk-loads a nodes CSV and a relationships CSV into an embedded database with the engine's
// COPY FROM: the files are checked and split per table first (server/import/splitForCopy.ts),
// missing tables are created, then each table is copied. Runs offline, on a closed database.

import lbug from '@ladybugdb/core';
import type { Connection, QueryResult } from '@ladybugdb/core';
import { mkdtemp, rm } from 'node:fs/promises';
import path from 'node:path';
import {
  ImportError,
  splitNodes,
  splitRelationships,
  type ImportCatalog,
  type NewTables,
} from '../../import/splitForCopy.ts';
import { quoteName } from './schema.ts';

/** One step of the import, for a progress bar. */
export interface ImportProgress {
  phase: 'check nodes' | 'check relationships' | 'copy nodes' | 'copy relationships';
  done: number;
  total: number;
  /** What is being worked on, e.g. a table name. */
  detail?: string;
}

export interface BulkImportOptions {
  /** Database directory (e.g. DATA_DIR/lagebild.lbug); created when missing. */
  dbPath: string;
  nodesFile: string;
  relationshipsFile: string;
  /** Statements that declare the schema, run when the database has no tables yet. */
  schemaStatements: string[];
  onProgress?: (progress: ImportProgress) => void;
}

/** What was loaded and how long each part took. */
export interface BulkImportReport {
  nodes: number;
  relationships: number;
  createdTables: string[];
  checkMs: number;
  copyNodesMs: number;
  copyRelationshipsMs: number;
  totalMs: number;
}

const single = (result: QueryResult | QueryResult[]) => (Array.isArray(result) ? result.at(-1)! : result);

async function rows(connection: Connection, cypher: string): Promise<unknown[][]> {
  const result = single(await connection.query(cypher));
  const out: unknown[][] = [];
  while (result.hasNext()) out.push(Object.values(result.getNextSync() as Record<string, unknown>));
  result.close();
  return out;
}

const quoteString = (text: string) => `'${text.replaceAll('\\', '\\\\').replaceAll("'", "\\'")}'`;

async function readCatalog(connection: Connection): Promise<ImportCatalog> {
  const catalog: ImportCatalog = { nodeTables: new Map(), relationshipTables: new Map() };
  for (const [name, type] of await rows(connection, 'CALL show_tables() RETURN name, type')) {
    const table = String(name);
    const columns = (await rows(connection, `CALL table_info(${quoteString(table)}) RETURN name`)).map((r) =>
      String(r[0]),
    );
    if (type === 'NODE') catalog.nodeTables.set(table, columns);
    else if (type === 'REL') {
      const pairs = (await rows(connection, `CALL show_connection(${quoteString(table)}) RETURN *`)).map(
        (r) => ({
          from: String(r[0]),
          to: String(r[1]),
        }),
      );
      catalog.relationshipTables.set(table, { columns, pairs });
    }
  }
  return catalog;
}

/** The catalog the schema statements would create, read from a scratch in-memory database. */
async function catalogOfSchema(statements: string[]): Promise<ImportCatalog> {
  const scratch = new lbug.Database(':memory:');
  const connection = new lbug.Connection(scratch);
  try {
    for (const statement of statements) await connection.query(statement);
    return await readCatalog(connection);
  } finally {
    await connection.close().catch(() => undefined);
    await scratch.close().catch(() => undefined);
  }
}

/** The label of every node already in the database, so relationships may point at them. */
async function existingUids(connection: Connection, catalog: ImportCatalog): Promise<Map<string, string>> {
  const labelOfUid = new Map<string, string>();
  for (const [label, columns] of catalog.nodeTables) {
    if (!columns.includes('uid')) continue;
    for (const [uid] of await rows(connection, `MATCH (n:${quoteName(label)}) RETURN n.uid`))
      if (typeof uid === 'string') labelOfUid.set(uid, label);
  }
  return labelOfUid;
}

function createStatements(tables: NewTables): string[] {
  const column = (c: string) => `${quoteName(c)} STRING`;
  return [
    ...tables.nodeTables.map(
      (t) =>
        `CREATE NODE TABLE ${quoteName(t.label)}(uid STRING PRIMARY KEY${t.columns
          .slice(1)
          .map((c) => `, ${column(c)}`)
          .join('')})`,
    ),
    ...tables.relationshipTables.map(
      (t) =>
        `CREATE REL TABLE ${quoteName(t.type)}(${[
          ...t.pairs.map((p) => `FROM ${quoteName(p.from)} TO ${quoteName(p.to)}`),
          ...t.columns.map(column),
        ].join(', ')})`,
    ),
  ];
}

/** Checks, splits and copies the two files into the database at `options.dbPath`. */
export async function bulkImport(options: BulkImportOptions): Promise<BulkImportReport> {
  const started = performance.now();
  const progress = options.onProgress ?? (() => undefined);
  const database = new lbug.Database(options.dbPath);
  const connection = new lbug.Connection(database);
  const workDir = await mkdtemp(path.join(path.dirname(path.resolve(options.dbPath)), '.import-'));
  try {
    await database.init();
    await connection.init();
    let catalog = await readCatalog(connection);
    // An empty database gets the article schema, but only once the files have passed the
    // checks: until then the schema lives in a scratch in-memory database.
    const needsSchema = catalog.nodeTables.size === 0 && catalog.relationshipTables.size === 0;
    if (needsSchema) catalog = await catalogOfSchema(options.schemaStatements);
    const labelOfUid = needsSchema ? new Map<string, string>() : await existingUids(connection, catalog);
    const nodes = await splitNodes(options.nodesFile, catalog, workDir, labelOfUid, (done, total) =>
      progress({ phase: 'check nodes', done, total }),
    );
    const relationships = await splitRelationships(
      options.relationshipsFile,
      catalog,
      workDir,
      labelOfUid,
      (done, total) => progress({ phase: 'check relationships', done, total }),
    );
    labelOfUid.clear();
    const checkMs = performance.now() - started;

    if (needsSchema) for (const statement of options.schemaStatements) await connection.query(statement);
    const newTables = { nodeTables: nodes.newTables, relationshipTables: relationships.newTables };
    for (const statement of createStatements(newTables)) await connection.query(statement);

    const nodeTotal = nodes.copies.reduce((sum, c) => sum + c.rows, 0);
    let done = 0;
    const nodesStarted = performance.now();
    for (const copy of nodes.copies) {
      progress({ phase: 'copy nodes', done, total: nodeTotal, detail: copy.label });
      await connection.query(`COPY ${quoteName(copy.label)} FROM ${quoteString(copy.file)} (header=false)`);
      done += copy.rows;
    }
    progress({ phase: 'copy nodes', done, total: nodeTotal });
    const copyNodesMs = performance.now() - nodesStarted;

    const relationshipTotal = relationships.copies.reduce((sum, c) => sum + c.rows, 0);
    done = 0;
    const relationshipsStarted = performance.now();
    for (const copy of relationships.copies) {
      progress({ phase: 'copy relationships', done, total: relationshipTotal, detail: copy.type });
      await connection.query(
        `COPY ${quoteName(copy.type)} FROM ${quoteString(copy.file)} (from=${quoteString(copy.from)}, to=${quoteString(copy.to)}, header=false)`,
      );
      done += copy.rows;
    }
    progress({ phase: 'copy relationships', done, total: relationshipTotal });
    return {
      nodes: nodeTotal,
      relationships: relationshipTotal,
      createdTables: [
        ...newTables.nodeTables.map((t) => t.label),
        ...newTables.relationshipTables.map((t) => t.type),
      ],
      checkMs,
      copyNodesMs,
      copyRelationshipsMs: performance.now() - relationshipsStarted,
      totalMs: performance.now() - started,
    };
  } catch (error) {
    if (error instanceof ImportError) throw error;
    throw new ImportError(
      `The database refused the import: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`,
    );
  } finally {
    await rm(workDir, { recursive: true, force: true });
    await connection.close().catch(() => undefined);
    await database.close().catch(() => undefined);
  }
}
