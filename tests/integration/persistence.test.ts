// Data lasts across restarts, a second start does not load the article again, and
// READ_ONLY refuses every write in the engine.
import { rm } from 'node:fs/promises';
import { afterAll, describe, expect, it } from 'vitest';
import { runSeed } from '../../server/cli/seed.ts';
import { getJson, makeDataDir, postJson, startLagebild } from '../_helpers/lagebild.ts';

const dirs: string[] = [];
afterAll(async () => {
  for (const dir of dirs) await rm(dir, { recursive: true, force: true });
});

const count = async (url: string, cypher: string) =>
  (await postJson(`${url}/api/query`, { cypher })).body.rows[0][0] as number;

describe('persistence', () => {
  it('keeps what a write committed after a restart, and does not load the article twice', async () => {
    const dataDir = await makeDataDir();
    dirs.push(dataDir);
    const first = await startLagebild({ dataDir });
    const created = await postJson(`${first.url}/api/query`, {
      cypher: "CREATE (p:Person {uid: 'reporterin', name: 'Reporterin'}) RETURN p.uid",
    });
    expect(created.status).toBe(200);
    const countriesBefore = await count(first.url, 'MATCH (c:Country) RETURN count(c)');
    await first.stop();

    const second = await startLagebild({ dataDir });
    try {
      expect(await count(second.url, "MATCH (p:Person {uid: 'reporterin'}) RETURN count(p)")).toBe(1);
      expect(await count(second.url, 'MATCH (c:Country) RETURN count(c)')).toBe(countriesBefore);
      expect(await count(second.url, 'MATCH (a)-[r]->(b) RETURN count(r)')).toBe(90);
    } finally {
      await second.stop();
    }
  });

  it('rebuilds the article graph on purpose with seed --reset', async () => {
    const dataDir = await makeDataDir();
    dirs.push(dataDir);
    expect(await runSeed(['--data-dir', dataDir], {})).toMatch(/31 nodes, 90 relationships/);
    const lb = await startLagebild({ dataDir });
    await postJson(`${lb.url}/api/query`, { cypher: "MATCH (n:Country {uid: 'iran'}) DETACH DELETE n" });
    await lb.stop();
    expect(await runSeed(['--data-dir', dataDir], {})).toMatch(/already holds data/);
    expect(await runSeed(['--data-dir', dataDir, '--reset'], {})).toMatch(/31 nodes, 90 relationships/);
  });
});

describe('READ_ONLY=true', () => {
  it('refuses every write with 403 and changes nothing', async () => {
    const dataDir = await makeDataDir();
    dirs.push(dataDir);
    const lb = await startLagebild({ dataDir, env: { READ_ONLY: 'true' } });
    try {
      const health = await getJson(`${lb.url}/api/health`);
      expect(health.body.readOnly).toBe(true);
      const before = await count(lb.url, 'MATCH (n) RETURN count(n)');
      for (const cypher of [
        "CREATE (:Person {uid: 'x', name: 'x'})",
        "MATCH (n:Country {uid: 'iran'}) SET n.name = 'Persien'",
        'MATCH (n) DETACH DELETE n',
        'CREATE NODE TABLE Neu(uid STRING PRIMARY KEY)',
      ]) {
        const { status, body } = await postJson(`${lb.url}/api/query`, { cypher });
        expect(status, cypher).toBe(403);
        expect(body.error.code).toBe('ReadOnly');
      }
      expect(await count(lb.url, 'MATCH (n) RETURN count(n)')).toBe(before);
      expect(await count(lb.url, "MATCH (n:Country {name: 'Iran'}) RETURN count(n)")).toBe(1);
    } finally {
      await lb.stop();
    }
  });
});
