// A query that needs more memory than the engine's page cache (CACHE_MB) may hold: the engine gives
// up on it, and Lagebild answers 400 saying so and what to do (not 503: the database is fine, and
// clients take 503 for "gone"), keeps nothing a write in it did, and keeps serving.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphChecksum } from '../_helpers/graphChecksum.ts';
import { postJson, startLagebild, type RunningLagebild } from '../_helpers/lagebild.ts';

let lb: RunningLagebild;
beforeAll(async () => {
  lb = await startLagebild({ env: { CACHE_MB: '64' } });
});
afterAll(() => lb.dispose());

describe('a query bigger than the page cache', () => {
  it('is answered 400 with what to do, keeps nothing of a write, and the server keeps answering', async () => {
    const before = await graphChecksum(lb.url);
    const heavy = await postJson(`${lb.url}/api/query`, {
      cypher:
        'UNWIND range(1, 100000) AS a UNWIND range(1, 100) AS b RETURN count(DISTINCT a * 1000 + b) AS n',
    });
    expect(heavy.status).toBe(400);
    expect(heavy.body.error.code).toBe('InvalidQuery');
    expect(heavy.body.error.message).toMatch(/page cache is full/);
    expect(heavy.body.error.message).toMatch(/CACHE_MB/);
    const heavyWrite = await postJson(`${lb.url}/api/query`, {
      cypher:
        "CREATE (:Country {uid: 'cache-probe'}) WITH 1 AS one UNWIND range(1, 100000) AS a UNWIND range(1, 100) AS b WITH count(DISTINCT a * 1000 + b) AS n CREATE (:Country {uid: 'cache-probe-' + string(n)})",
    });
    expect(heavyWrite.status).toBe(400);
    expect(heavyWrite.body.error.message).toMatch(/page cache is full/);
    const small = await postJson(`${lb.url}/api/query`, { cypher: 'MATCH (c:Country) RETURN count(c) AS n' });
    expect(small.status).toBe(200);
    expect(Number(small.body.rows[0][0])).toBeGreaterThan(0);
    expect(await graphChecksum(lb.url)).toEqual(before);
  });

  it('is refused at start when CACHE_MB is below what the engine can work with', async () => {
    await expect(startLagebild({ env: { CACHE_MB: '8' } })).rejects.toThrow(/CACHE_MB.*at least 64/);
  });
});
