// A big node's neighbour counts are kept between expansions (paging through a hub counts it once)
// and forgotten at every write: the counts after a write, a committed transaction or a deletion
// must be the engine's, never the kept ones.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LadybugStore } from '../../server/store/ladybug/ladybugStore.ts';
import { getJson, postJson, startLagebild, type RunningLagebild } from '../_helpers/lagebild.ts';

let lb: RunningLagebild;
let hubId: string;
const kept = () => (lb.store as LadybugStore).neighbourCounts;
beforeAll(async () => {
  lb = await startLagebild();
  await lb.store.runScript([
    "MATCH (c:Country {uid: 'iran'}) UNWIND range(1, 1200) AS i CREATE (:Country {uid: 'fan-' + string(i), name: 'Fan ' + string(i)})-[:SUPPORTS {sentence: 'x'}]->(c)",
  ]);
  const { body } = await postJson(`${lb.url}/api/query`, {
    cypher: "MATCH (c:Country {uid: 'iran'}) RETURN id(c)",
  });
  hubId = String(body.rows[0][0]);
});
afterAll(() => lb.dispose());

const supportsIn = async () => {
  const { status, body } = await getJson(`${lb.url}/api/nodes/${hubId}/neighbors?limit=10`);
  expect(status).toBe(200);
  return body.counts.find(
    (c: { type: string; direction: string }) => c.type === 'SUPPORTS' && c.direction === 'in',
  ).count as number;
};

describe('neighbour counts of a big node', () => {
  it('stay right across expansions, pages, writes, transactions and deletions', async () => {
    const first = await supportsIn();
    expect(first).toBeGreaterThanOrEqual(1200);
    // Kept: the second expansion is answered from the kept counts.
    expect(kept().get(hubId)).toBeDefined();
    expect(await supportsIn()).toBe(first);
    const page = await getJson(`${lb.url}/api/nodes/${hubId}/neighbors?limit=10&offset=500`);
    expect(page.body.nodes).toHaveLength(10);

    await postJson(`${lb.url}/api/query`, {
      cypher: "MATCH (c:Country {uid: 'iran'}) CREATE (:Country {uid: 'fan-late'})-[:SUPPORTS]->(c)",
    });
    expect(await supportsIn()).toBe(first + 1);

    const transaction = await lb.store.beginTransaction();
    await (
      await transaction.run("MATCH (n:Country) WHERE n.uid IN ['fan-1', 'fan-2'] DETACH DELETE n")
    ).close();
    await transaction.commit();
    expect(await supportsIn()).toBe(first - 1);

    // A script (what /api/import runs) writes too.
    const script = await fetch(`${lb.url}/api/import?format=cypher`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: "MATCH (c:Country {uid: 'iran'}) CREATE (:Country {uid: 'fan-imported'})-[:SUPPORTS]->(c);\n",
    });
    expect(script.status, await script.clone().text()).toBe(200);
    expect(await supportsIn()).toBe(first);
  });

  it('keeps none that were read while a write happened', async () => {
    const cache = kept();
    const token = cache.begin();
    cache.clear(); // a write lands between reading the counts and keeping them
    cache.remember('stale', [{ type: 'SUPPORTS', direction: 'in', count: 5000 }], token);
    expect(cache.get('stale')).toBeUndefined();
    cache.remember('fresh', [{ type: 'SUPPORTS', direction: 'in', count: 5000 }], cache.begin());
    expect(cache.get('fresh')).toBeDefined();
    cache.remember('small', [{ type: 'SUPPORTS', direction: 'in', count: 3 }], cache.begin());
    expect(cache.get('small')).toBeUndefined();
  });
});
