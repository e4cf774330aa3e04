// Search after writes: a small index is rebuilt before search answers (the new node is found at
// once); a big one keeps answering from the previous build while a new one is made, so a stream
// of writes never sends every keystroke back to a scan. "Big" is lowered here so the article
// graph stands in for a million nodes; the reads are the real engine's.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReadRows } from '../../server/store/ladybug/schema.ts';
import type { LadybugStore } from '../../server/store/ladybug/ladybugStore.ts';
import { SearchIndex } from '../../server/store/ladybug/searchIndex.ts';
import { getJson, postJson, startLagebild, type RunningLagebild } from '../_helpers/lagebild.ts';

let lb: RunningLagebild;
beforeAll(async () => {
  lb = await startLagebild();
});
afterAll(() => lb.dispose());

/** A search index over the running store, built from the same reads the store's own index uses. */
function indexOver(
  store: RunningLagebild['store'],
  waitForBuildNodes: number,
  buildSlice?: number,
): SearchIndex {
  const read: ReadRows = async (cypher, params) => (await store.query(cypher, params)).rows;
  return new SearchIndex(
    { withConnection: (work) => work(read), nodesById: (ids) => store.nodesById(ids) },
    { waitForBuildNodes, buildSlice },
  );
}

const uidsOf = (hits: { node: { properties: Record<string, unknown> } }[] | undefined) =>
  hits?.map((hit) => hit.node.properties.uid);

async function createPerson(uid: string, name: string): Promise<void> {
  const { status } = await postJson(`${lb.url}/api/query`, {
    cypher: 'CREATE (:Person {uid: $uid, name: $name})',
    params: { uid, name },
  });
  expect(status).toBe(200);
}

describe('search after a write', () => {
  it('finds a node created a moment ago on a small graph, through the API', async () => {
    expect((await getJson(`${lb.url}/api/search?q=lawrow`)).body.hits.length).toBeGreaterThan(0);
    await createPerson('person-frisch', 'Quendolin Frisch');
    const { body } = await getJson(`${lb.url}/api/search?q=quendolin`);
    expect(uidsOf(body.hits)).toEqual(['person-frisch']);
  });

  it('answers from the previous build on a big graph while the new build runs, then finds the new node', async () => {
    const index = indexOver(lb.store, 10);
    expect(await index.search('lawrow', 5)).toBeUndefined(); // no build yet: the caller scans
    await index.whenIdle();
    expect(uidsOf(await index.search('lawrow', 5))).toContain('lawrow');

    await createPerson('person-spaet', 'Vindrasil Spaet');
    index.markStale();
    // Stale and "big": answered at once from the old build, which does not know the new node.
    expect(index.ready).toBe(false);
    expect(await index.search('vindrasil', 5)).toEqual([]);
    expect(uidsOf(await index.search('lawrow', 5))).toContain('lawrow');
    await index.whenIdle();
    expect(index.ready).toBe(true);
    expect(uidsOf(await index.search('vindrasil', 5))).toEqual(['person-spaet']);
  });

  it('waits for the rebuild when the graph is under the size limit', async () => {
    const index = indexOver(lb.store, 1_000_000);
    await index.search('iran', 5);
    await index.whenIdle();
    await createPerson('person-sofort', 'Ulmarek Sofort');
    index.markStale();
    expect(uidsOf(await index.search('ulmarek', 5))).toEqual(['person-sofort']);
  });
});

describe('an index built in slices', () => {
  it('knows every node: each is found by its name and its uid is known by its id', async () => {
    // Slices of 3 nodes, so every label of the article graph takes several reads.
    const index = indexOver(lb.store, 1_000_000, 3);
    await index.search('iran', 1);
    await index.whenIdle();
    const { rows } = await lb.store.query(
      'MATCH (n) WHERE n.name IS NOT NULL AND n.uid IS NOT NULL RETURN id(n), n.uid, n.name',
    );
    expect(rows.length).toBeGreaterThan(20);
    for (const [id, uid, name] of rows as [string, string, string][]) {
      const [table, offset] = id.split(':').map(Number) as [number, number];
      expect(index.uidOf(table, offset)).toBe(uid);
      expect(uidsOf(await index.search(name, 50))).toContain(uid);
    }
  });
});

describe('lookups by id while the index is stale', () => {
  it('never answers with a deleted node, and still finds the others by their previous uid', async () => {
    const store = lb.store as LadybugStore;
    await getJson(`${lb.url}/api/search?q=kim`);
    await store.searchIndex.whenIdle();
    const idOf = async (uid: string): Promise<string> =>
      (
        await postJson(`${lb.url}/api/query`, {
          cypher: 'MATCH (n:Person {uid: $uid}) RETURN id(n)',
          params: { uid },
        })
      ).body.rows[0][0];
    const kim = await idOf('kim-jong-un');
    const lawrow = await idOf('lawrow');

    const { status } = await postJson(`${lb.url}/api/query`, {
      cypher: "MATCH (n:Person {uid: 'kim-jong-un'}) DETACH DELETE n",
    });
    expect(status).toBe(200);
    // The same uid again, as a new node: the previous build's uid for the old id now names a
    // node at another id, which must not be given out for the old one.
    await createPerson('kim-jong-un', 'Kim (neu)');
    expect(store.searchIndex.ready).toBe(false);
    // Nothing is building until a search asks for it, and /api/health says so.
    expect((await getJson(`${lb.url}/api/health`)).body.searchIndex).toBe('stale');
    const reborn = await idOf('kim-jong-un');

    for (const path of [
      `/api/nodes/${encodeURIComponent(kim)}`,
      `/api/nodes/${encodeURIComponent(kim)}/neighbors`,
    ]) {
      const answer = await getJson(`${lb.url}${path}`);
      // Either nothing is at the old id any more, or the engine gave the offset to the new node.
      if (answer.status === 200) expect(answer.body.node.id).toBe(kim);
      else expect(answer.status).toBe(404);
      if (reborn !== kim) expect(answer.status).toBe(404);
    }
    const neighbours = await getJson(`${lb.url}/api/nodes/${encodeURIComponent(lawrow)}/neighbors?limit=5`);
    expect(neighbours.status).toBe(200);
    expect(neighbours.body.node.properties.uid).toBe('lawrow');
    expect(neighbours.body.total).toBeGreaterThan(0);
    const [node] = await store.nodesById([lawrow]);
    expect(node?.properties.uid).toBe('lawrow');
  });
});
