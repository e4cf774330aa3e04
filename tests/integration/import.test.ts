// The bulk import, end to end: a generated graph goes through the real import function into
// a temp database, then the real server answers counts, a hub's neighbours and search on it.

import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readArticleModel } from '../../scripts/generator/articleModel.ts';
import { generateGraph, type GenerateSummary } from '../../scripts/generator/syntheticGraph.ts';
import { runImport } from '../../server/cli/import.ts';
import type { BulkImportReport } from '../../server/store/ladybug/bulkImport.ts';
import type { LadybugStore } from '../../server/store/ladybug/ladybugStore.ts';
import { CYPHER_DIR, getJson, postJson, startLagebild, type RunningLagebild } from '../_helpers/lagebild.ts';

let dir: string;
let summary: GenerateSummary;
let report: BulkImportReport;
let lb: RunningLagebild;

async function writeGraph(into: string, nodes: number, relationships: number) {
  const nodeText: string[] = [];
  const relationshipText: string[] = [];
  const result = generateGraph(
    readArticleModel(CYPHER_DIR),
    { nodes, relationships, seed: 11 },
    {
      nodes: { write: (t) => nodeText.push(t) },
      relationships: { write: (t) => relationshipText.push(t) },
    },
  );
  await writeFile(path.join(into, 'nodes.csv'), nodeText.join(''));
  await writeFile(path.join(into, 'relationships.csv'), relationshipText.join(''));
  return result;
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'lagebild-import-'));
  summary = await writeGraph(dir, 2000, 10_000);
  report = await runImport({
    nodesFile: path.join(dir, 'nodes.csv'),
    relationshipsFile: path.join(dir, 'relationships.csv'),
    dataDir: path.join(dir, 'data'),
  });
  lb = await startLagebild({ dataDir: path.join(dir, 'data') });
});

afterAll(async () => {
  await lb?.stop();
  await rm(dir, { recursive: true, force: true });
});

const idOf = async (uid: string): Promise<string> => {
  const { body } = await postJson(`${lb.url}/api/query`, {
    cypher: 'MATCH (n) WHERE n.uid = $uid RETURN n',
    params: { uid },
  });
  return body.rows[0][0].id;
};

describe('bulk import of a generated graph', () => {
  it('loads every node and relationship, and the schema counts them', async () => {
    expect(report).toMatchObject({ nodes: 2000, relationships: 10_000, createdTables: [] });
    const { status, body } = await getJson(`${lb.url}/api/schema`);
    expect(status).toBe(200);
    const nodeTotal = body.labels.reduce((sum: number, l: { count: number }) => sum + l.count, 0);
    const relationshipTotal = body.relationshipTypes.reduce(
      (sum: number, t: { count: number }) => sum + t.count,
      0,
    );
    expect(nodeTotal).toBe(2000);
    expect(relationshipTotal).toBe(10_000);
    for (const [label, count] of Object.entries(summary.labels))
      expect(body.labels.find((l: { label: string }) => l.label === label).count).toBe(count);
    for (const [type, count] of Object.entries(summary.types))
      expect(body.relationshipTypes.find((t: { type: string }) => t.type === type).count).toBe(count);
  });

  it('keeps the provenance of every relationship', async () => {
    const { body } = await postJson(`${lb.url}/api/query`, {
      cypher:
        'MATCH ()-[r]->() WHERE r.sentence IS NULL OR r.qualification IS NULL OR r.article IS NULL RETURN count(*)',
    });
    expect(body.rows[0][0]).toBe(0);
  });

  it("gives a hub's neighbour counts by type from the engine and pages through them", async () => {
    const hub = summary.hubs[0]!;
    expect(hub.degree).toBeGreaterThan(1000);
    const id = await idOf(hub.uid);
    const first = await getJson(`${lb.url}/api/nodes/${id}/neighbors?limit=100`);
    expect(first.status).toBe(200);
    expect(first.body.total).toBe(hub.degree);
    expect(first.body.counts.reduce((sum: number, c: { count: number }) => sum + c.count, 0)).toBe(
      hub.degree,
    );
    expect(first.body.returned).toBe(100);
    expect(first.body.remaining).toBe(hub.degree - 100);
    const last = await getJson(`${lb.url}/api/nodes/${id}/neighbors?limit=100&offset=${hub.degree - 7}`);
    expect(last.body.returned).toBe(7);
    expect(last.body.remaining).toBe(0);
    const largest = first.body.counts[0];
    const ofType = await getJson(`${lb.url}/api/nodes/${id}/neighbors?limit=5&types=${largest.type}`);
    expect(ofType.body.edges.every((e: { type: string }) => e.type === largest.type)).toBe(true);
  });

  it('finds nodes by name from the in-memory index, and finds a node created afterwards', async () => {
    const store = lb.store as LadybugStore;
    // A small graph builds its index on the first search; until then search scans.
    await getJson(`${lb.url}/api/search?q=a&limit=1`);
    await store.searchIndex.whenIdle();
    expect(store.searchIndex.ready).toBe(true);
    const hub = summary.hubs[0]!;
    const { body: hubNode } = await postJson(`${lb.url}/api/query`, {
      cypher: 'MATCH (n) WHERE n.uid = $uid RETURN n.name',
      params: { uid: hub.uid },
    });
    const name: string = hubNode.rows[0][0];
    const found = await getJson(`${lb.url}/api/search?q=${encodeURIComponent(name)}&limit=5`);
    expect(found.body.hits[0].node.properties.uid).toBe(hub.uid);
    expect(found.body.hits[0].matched).toBe(name);

    await postJson(`${lb.url}/api/query`, {
      cypher: "CREATE (:Person {uid: 'person-neu', name: 'Zyxwert Quorlan'})",
    });
    const fresh = await getJson(`${lb.url}/api/search?q=zyxwert&limit=5`);
    expect(
      fresh.body.hits.map((h: { node: { properties: { uid: string } } }) => h.node.properties.uid),
    ).toEqual(['person-neu']);
  });
});

describe('bulk import of bad files', () => {
  it('names the line of an unknown uid and changes nothing', async () => {
    const bad = await mkdtemp(path.join(os.tmpdir(), 'lagebild-import-bad-'));
    try {
      await writeGraph(bad, 200, 500);
      const relationships = await readFile(path.join(bad, 'relationships.csv'), 'utf8');
      const lines = relationships.split('\n');
      lines[3] = lines[3]!.replace(/^[^,]+/, 'nobody-42');
      await writeFile(path.join(bad, 'relationships.csv'), lines.join('\n'));
      const dataDir = path.join(bad, 'data');
      await expect(
        runImport({
          nodesFile: path.join(bad, 'nodes.csv'),
          relationshipsFile: path.join(bad, 'relationships.csv'),
          dataDir,
        }),
      ).rejects.toThrow(/relationships\.csv line 4: source "nobody-42" is not a uid/);
      // The server then finds an empty database and loads the article graph; none of the file is there.
      const uids = (await readFile(path.join(bad, 'nodes.csv'), 'utf8'))
        .split('\n')
        .slice(1, 201)
        .map((line) => line.split(',')[0]);
      const after = await startLagebild({ dataDir });
      try {
        const { body } = await postJson(`${after.url}/api/query`, {
          cypher: 'MATCH (n) WHERE n.uid IN $uids RETURN count(n)',
          params: { uids },
        });
        expect(body.rows[0][0]).toBe(0);
        const articles = await postJson(`${after.url}/api/query`, {
          cypher: 'MATCH (n:Article) RETURN count(n)',
        });
        expect(articles.body.rows[0][0]).toBe(3);
      } finally {
        await after.stop();
      }
    } finally {
      await rm(bad, { recursive: true, force: true });
    }
  });

  it('explains a nodes file without the expected header', async () => {
    const bad = await mkdtemp(path.join(os.tmpdir(), 'lagebild-import-bad-'));
    try {
      await writeFile(path.join(bad, 'nodes.csv'), 'id,name\n1,Berlin\n');
      await writeFile(path.join(bad, 'relationships.csv'), 'source,target,type\n');
      await expect(
        runImport({
          nodesFile: path.join(bad, 'nodes.csv'),
          relationshipsFile: path.join(bad, 'relationships.csv'),
          dataDir: path.join(bad, 'data'),
        }),
      ).rejects.toThrow(/header must start with "uid,label"/);
    } finally {
      await rm(bad, { recursive: true, force: true });
    }
  });
});
