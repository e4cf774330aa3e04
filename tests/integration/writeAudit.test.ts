// The audit log of writes on every path: HTTP on the embedded database, HTTP on the Neo4j adapter
// (pointed at our own Bolt endpoint), Bolt directly, POST /api/import and the seed command. Each
// write gives one structured line with time, client, statement (or import description) and outcome.

import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import neo4j, { type Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../server/app.ts';
import { startBoltServer } from '../../server/bolt/boltServer.ts';
import { readArticleModel } from '../../scripts/generator/articleModel.ts';
import { generateGraph } from '../../scripts/generator/syntheticGraph.ts';
import { runImport } from '../../server/cli/import.ts';
import { runSeed } from '../../server/cli/seed.ts';
import { openEmbeddedStore } from '../../server/store/openStore.ts';
import type { GraphStore } from '../../server/store/types.ts';
import { WHOLE_GRAPH, exportFile } from '../_helpers/exportFixtures.ts';
import { CYPHER_DIR, makeDataDir, startLagebild, type RunningLagebild } from '../_helpers/lagebild.ts';
import { neo4jAdapter } from '../_helpers/bolt.ts';
import { startServerProcess } from '../_helpers/serverProcess.ts';

type Line = Record<string, unknown>;

/** A log sink that keeps every line, and the audit lines written since a mark. */
function capture() {
  const lines: Line[] = [];
  return {
    log: (entry: Line) => lines.push(entry),
    mark: () => lines.length,
    auditSince: (mark: number) => lines.slice(mark).filter((line) => line.audit === 'write'),
  };
}

async function postQuery(url: string, cypher: string, headers: Record<string, string> = {}) {
  const response = await fetch(`${url}/api/query`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ cypher }),
  });
  return { status: response.status, body: (await response.json()) as any };
}

/** Checks the fields every audit line has: a recent ISO time, a client and an outcome. */
function expectWellFormed(line: Line): void {
  expect(line).toMatchObject({ level: 'info', audit: 'write', client: expect.any(String) });
  expect(line.time).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
  expect(Date.now() - Date.parse(String(line.time))).toBeLessThan(60_000);
  expect(line.elapsedMs).toEqual(expect.any(Number));
}

describe('writes over HTTP on the embedded database', () => {
  const audit = capture();
  let lb: RunningLagebild;
  beforeAll(async () => {
    lb = await startLagebild({ log: audit.log });
  });
  afterAll(() => lb.dispose());

  it('logs a committed write once, with the statement, parameter names and the client address', async () => {
    const mark = audit.mark();
    const { status } = await postQuery(lb.url, "CREATE (c:Country {uid: 'audit-http', name: 'Audit'})");
    expect(status).toBe(200);
    const lines = audit.auditSince(mark);
    expect(lines).toHaveLength(1);
    expectWellFormed(lines[0]!);
    expect(lines[0]).toMatchObject({
      msg: 'write query',
      via: 'http',
      client: '127.0.0.1',
      outcome: 'committed',
      cypher: expect.stringContaining('audit-http'),
      paramNames: [],
    });
  });

  it('logs a write the engine rejects as failed, and logs no line for a read', async () => {
    const mark = audit.mark();
    const duplicate = await postQuery(lb.url, "CREATE (c:Country {uid: 'iran', name: 'Zweimal'})");
    expect(duplicate.status).toBeGreaterThanOrEqual(400);
    await postQuery(lb.url, 'MATCH (c:Country) RETURN count(c)');
    const lines = audit.auditSince(mark);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({
      via: 'http',
      outcome: 'failed',
      cypher: expect.stringContaining('Zweimal'),
    });
  });

  it('logs an export whose query writes as refused (exports only read) and changes nothing', async () => {
    const mark = audit.mark();
    const { status, bytes } = await exportFile(lb.url, {
      format: 'graphml',
      scope: { kind: 'query', cypher: "CREATE (c:Country {uid: 'audit-export', name: 'Export'}) RETURN c" },
    });
    expect(status).toBe(403);
    expect(bytes.toString()).toContain('ReadOnly');
    const lines = audit.auditSince(mark);
    expect(lines).toEqual([
      expect.objectContaining({
        via: 'http',
        outcome: 'refused',
        cypher: expect.stringContaining('audit-export'),
      }),
    ]);
    const check = await postQuery(lb.url, "MATCH (c:Country {uid: 'audit-export'}) RETURN count(c)");
    expect(check.body.rows[0][0]).toBe(0);
  });
});

/** Lagebild A's database served over Bolt, with its own log. */
async function startBoltSide(log: (line: Line) => void) {
  const dataDir = await makeDataDir();
  const { store } = await openEmbeddedStore(
    { DATA_DIR: dataDir, READ_ONLY: false, QUERY_TIMEOUT_MS: 30_000 },
    CYPHER_DIR,
  );
  const bolt = await startBoltServer({
    store,
    host: '127.0.0.1',
    port: 0,
    timeoutMs: 30_000,
    version: 'test',
    log,
  });
  return {
    store,
    bolt,
    url: `bolt://127.0.0.1:${bolt.port}`,
    dispose: async () => {
      await bolt.close();
      await store.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

describe('writes over HTTP on the Neo4j adapter, pointed at our own Bolt endpoint', () => {
  const httpSide = capture();
  const boltSide = capture();
  let served: Awaited<ReturnType<typeof startBoltSide>>;
  let store: GraphStore;
  let http: Server;
  let url: string;
  const WRITE_TOKEN = 'write-token-0123456789abcdef';
  beforeAll(async () => {
    served = await startBoltSide(boltSide.log);
    store = neo4jAdapter(served.url);
    const app = createApp({
      store,
      savedQueries: [],
      version: 'test',
      maxRows: 2,
      timeoutMs: 30_000,
      log: httpSide.log,
      security: { writeToken: WRITE_TOKEN },
    });
    http = await new Promise((resolve) => {
      const s = app.listen(0, '127.0.0.1', () => resolve(s));
    });
    url = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise((resolve) => http.close(resolve));
    await store.close();
    await served.dispose();
  });
  const writer = { authorization: `Bearer ${WRITE_TOKEN}` };

  it('logs the write on both servers: the HTTP client on this one, the adapter as Bolt client on the database', async () => {
    const [httpMark, boltMark] = [httpSide.mark(), boltSide.mark()];
    const { status } = await postQuery(url, "CREATE (c:Country {uid: 'audit-neo4j', name: 'Audit'})", writer);
    expect(status).toBe(200);
    const httpLines = httpSide.auditSince(httpMark);
    expect(httpLines).toHaveLength(1);
    expectWellFormed(httpLines[0]!);
    expect(httpLines[0]).toMatchObject({ via: 'http', client: '127.0.0.1', outcome: 'committed' });
    const boltLines = boltSide.auditSince(boltMark);
    expect(boltLines).toHaveLength(1);
    expect(boltLines[0]).toMatchObject({
      via: 'bolt',
      user: 'neo4j',
      outcome: 'committed',
      client: expect.stringMatching(/^127\.0\.0\.1:\d+$/),
      cypher: expect.stringContaining('audit-neo4j'),
    });
  });

  it('logs a write whose result was cut at MAX_ROWS (the adapter reads the summary when it stops early)', async () => {
    const mark = httpSide.mark();
    const { status, body } = await postQuery(
      url,
      "UNWIND ['audit-many-1', 'audit-many-2', 'audit-many-3'] AS u CREATE (c:Country {uid: u, name: 'Viele'}) RETURN c.uid",
      writer,
    );
    expect(status).toBe(200);
    expect(body.summary.truncated).toBe(true);
    expect(httpSide.auditSince(mark)).toEqual([
      expect.objectContaining({ via: 'http', outcome: 'committed' }),
    ]);
  });

  it('logs a write without the write token as refused, and logs nothing for reads', async () => {
    const mark = httpSide.mark();
    const refused = await postQuery(url, "CREATE (c:Country {uid: 'audit-refused', name: 'Nein'})");
    expect(refused.status).toBe(403);
    await postQuery(url, 'MATCH (c:Country) RETURN c.uid', writer);
    await postQuery(url, 'MATCH (c:Country) RETURN count(c)');
    expect(httpSide.auditSince(mark)).toEqual([
      expect.objectContaining({
        via: 'http',
        outcome: 'refused',
        cypher: expect.stringContaining('audit-refused'),
      }),
    ]);
  });
});

describe('writes over Bolt, straight from a Neo4j driver', () => {
  const boltSide = capture();
  let served: Awaited<ReturnType<typeof startBoltSide>>;
  let driver: Driver;
  beforeAll(async () => {
    served = await startBoltSide(boltSide.log);
    driver = neo4j.driver(served.url, neo4j.auth.basic('analyst', 'any'));
  });
  afterAll(async () => {
    await driver.close();
    await served.dispose();
  });

  it('logs an auto-commit write with the user name the client logged in with', async () => {
    const mark = boltSide.mark();
    const session = driver.session();
    try {
      const result = await session.run("CREATE (c:Country {uid: $uid, name: 'Bolt'})", { uid: 'audit-bolt' });
      expect(result.summary.queryType).toBe('rw');
    } finally {
      await session.close();
    }
    const lines = boltSide.auditSince(mark);
    expect(lines).toHaveLength(1);
    expectWellFormed(lines[0]!);
    expect(lines[0]).toMatchObject({
      via: 'bolt',
      user: 'analyst',
      outcome: 'committed',
      paramNames: ['uid'],
      connection: expect.stringMatching(/^bolt-\d+$/),
    });
    expect(JSON.stringify(lines[0])).not.toContain('audit-bolt');
  });

  it('logs each write of a transaction once it commits, and those of a rolled-back one as rolledBack', async () => {
    const mark = boltSide.mark();
    const session = driver.session();
    try {
      await session.executeWrite(async (tx) => {
        await tx.run("CREATE (c:Country {uid: 'audit-tx-1', name: 'Eins'})");
        await tx.run("MATCH (c:Country) WHERE c.uid = 'audit-tx-1' RETURN c.name");
        await tx.run("CREATE (c:Country {uid: 'audit-tx-2', name: 'Zwei'})");
      });
      const rolledBack = await session.beginTransaction();
      await rolledBack.run("CREATE (c:Country {uid: 'audit-tx-3', name: 'Drei'})");
      await rolledBack.rollback();
    } finally {
      await session.close();
    }
    const lines = boltSide.auditSince(mark);
    expect(lines.map((line) => [String(line.cypher).match(/audit-tx-\d/)![0], line.outcome])).toEqual([
      ['audit-tx-1', 'committed'],
      ['audit-tx-2', 'committed'],
      ['audit-tx-3', 'rolledBack'],
    ]);
  });

  it('logs a write sent in read access mode as refused, and nothing for a read', async () => {
    const mark = boltSide.mark();
    const session = driver.session({ defaultAccessMode: neo4j.session.READ });
    try {
      await expect(
        session.run("CREATE (c:Country {uid: 'audit-read-mode', name: 'Nein'})"),
      ).rejects.toThrow();
      const read = await session.run('MATCH (c:Country) RETURN count(c) AS n');
      expect(read.summary.queryType).toBe('r');
    } finally {
      await session.close();
    }
    expect(boltSide.auditSince(mark)).toEqual([
      expect.objectContaining({ via: 'bolt', outcome: 'refused', error: 'ReadOnly' }),
    ]);
  });
});

describe('imports and the seed command', () => {
  const audit = capture();
  let lb: RunningLagebild;
  beforeAll(async () => {
    lb = await startLagebild({ log: audit.log });
  });
  afterAll(() => lb.dispose());

  async function postImport(body: string | Buffer) {
    const response = await fetch(`${lb.url}/api/import`, {
      method: 'POST',
      headers: { 'content-type': 'application/octet-stream' },
      body: typeof body === 'string' ? body : new Uint8Array(body),
    });
    return { status: response.status, body: (await response.json()) as any };
  }

  it('logs an import with its format, size and counts, and a broken import as failed', async () => {
    const exported = await exportFile(lb.url, { format: 'graphml', scope: WHOLE_GRAPH });
    const mark = audit.mark();
    expect((await postImport(exported.bytes)).status).toBe(200);
    expect((await postImport('<graphml><graph><node id="a"><data key="x">a & b</data></node>')).status).toBe(
      400,
    );
    const lines = audit.auditSince(mark);
    expect(lines).toHaveLength(2);
    expectWellFormed(lines[0]!);
    expect(lines[0]).toMatchObject({
      msg: 'write import',
      via: 'import',
      client: '127.0.0.1',
      outcome: 'committed',
      description: `graphml file of ${exported.bytes.length} bytes`,
      nodes: 31,
      edges: 90,
    });
    expect(lines[1]).toMatchObject({ via: 'import', outcome: 'failed', error: 'InvalidRequest' });
  });

  it('logs npm run seed loading the article graph as a local write', async () => {
    const dataDir = await makeDataDir();
    const lines: Line[] = [];
    try {
      await runSeed(['--data-dir', dataDir], {}, { log: (line) => lines.push(line) });
      await runSeed(['--data-dir', dataDir], {}, { log: (line) => lines.push(line) });
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
    expect(lines).toHaveLength(1);
    expectWellFormed(lines[0]!);
    expect(lines[0]).toMatchObject({
      via: 'cli',
      client: 'local',
      outcome: 'committed',
      description: expect.stringMatching(/^npm run seed: Loaded the article graph/),
    });
  });

  it('logs npm run import as a local write with its counts, and a refused file as failed', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'lagebild-audit-import-'));
    const lines: Line[] = [];
    const log = (line: Line) => lines.push(line);
    try {
      const nodeText: string[] = [];
      const relationshipText: string[] = [];
      generateGraph(
        readArticleModel(CYPHER_DIR),
        { nodes: 50, relationships: 120, seed: 3 },
        {
          nodes: { write: (text) => nodeText.push(text) },
          relationships: { write: (text) => relationshipText.push(text) },
        },
      );
      const files = {
        nodesFile: path.join(dir, 'nodes.csv'),
        relationshipsFile: path.join(dir, 'relationships.csv'),
      };
      await writeFile(files.nodesFile, nodeText.join(''));
      await writeFile(files.relationshipsFile, relationshipText.join(''));
      const report = await runImport({ ...files, dataDir: path.join(dir, 'data') }, undefined, { log });
      await writeFile(files.nodesFile, 'id,name\n1,Berlin\n');
      await expect(
        runImport({ ...files, dataDir: path.join(dir, 'other') }, undefined, { log }),
      ).rejects.toThrow();
      expect(lines).toHaveLength(2);
      expectWellFormed(lines[0]!);
      expect(lines[0]).toMatchObject({
        via: 'cli',
        client: 'local',
        outcome: 'committed',
        description: expect.stringContaining('nodes.csv'),
        nodes: report.nodes,
        edges: report.relationships,
      });
      expect(lines[1]).toMatchObject({
        via: 'cli',
        outcome: 'failed',
        error: expect.stringContaining('uid,label'),
      });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('logs the server loading the article graph into an empty database at start, as one JSON line on stdout', async () => {
    const dataDir = await makeDataDir();
    const server = await startServerProcess({ DATA_DIR: dataDir });
    try {
      const lines = server
        .output()
        .split('\n')
        .filter((line) => line.startsWith('{'))
        .map((line) => JSON.parse(line) as Line);
      const audit = lines.filter((line) => line.audit === 'write');
      expect(audit).toHaveLength(1);
      expectWellFormed(audit[0]!);
      expect(audit[0]).toMatchObject({
        via: 'startup',
        client: 'local',
        outcome: 'committed',
        description: expect.stringContaining(dataDir),
      });
    } finally {
      server.child.kill('SIGTERM');
      await server.exited;
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});
