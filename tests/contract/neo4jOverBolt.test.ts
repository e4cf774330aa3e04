// The contract suite against the Neo4j adapter (neo4j-driver 6) connected through Lagebild's
// own Bolt endpoint (with a routing neo4j:// URI) to a fresh embedded database; then the two adapters side by side must give
// the same JSON for the explorer's own calls.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GraphStore, NodeValue } from '../../server/store/types.ts';
import { stringifyJson } from '../../server/util/json.ts';
import { neo4jAdapter, startEmbeddedOverBolt, type EmbeddedOverBolt } from '../_helpers/bolt.ts';
import { runGraphStoreSpec } from './_spec.ts';

async function adapterOverBolt(readOnly: boolean) {
  const served = await startEmbeddedOverBolt({ readOnly });
  // neo4j:// as for a cluster or Aura: the driver asks our endpoint for a routing table first.
  const store = neo4jAdapter(served.url.replace('bolt://', 'neo4j://'), { readOnly });
  await store.verify();
  return {
    store,
    dispose: async () => {
      await store.close();
      await served.dispose();
    },
  };
}

runGraphStoreSpec('Neo4j adapter over the Bolt endpoint', {
  dialect: 'ladybug',
  makeStore: () => adapterOverBolt(false),
  makeReadOnlyStore: () => adapterOverBolt(true),
});

describe('the Neo4j adapter over Bolt and the embedded adapter give the same JSON', () => {
  let served: EmbeddedOverBolt;
  let embedded: GraphStore;
  let adapter: GraphStore;
  beforeAll(async () => {
    served = await startEmbeddedOverBolt();
    embedded = served.store;
    adapter = neo4jAdapter(served.url);
  });
  afterAll(async () => {
    await adapter?.close();
    await served?.dispose();
  });

  const same = async (call: (store: GraphStore) => Promise<unknown>) => {
    const [left, right] = [await call(embedded), await call(adapter)];
    expect(stringifyJson(right)).toBe(stringifyJson(left));
  };

  it('for queries returning nodes, relationships, paths, dates and big integers', async () => {
    for (const cypher of [
      'MATCH (a:Country)-[r]->(b) RETURN a, r, b ORDER BY a.uid, b.uid, label(r)',
      "MATCH p = (a:Country {uid: 'iran'})-[*1..2]->(b) RETURN p ORDER BY b.uid LIMIT 20",
      'MATCH (a:Article) RETURN a.uid, a.date ORDER BY a.uid',
      'RETURN 9007199254740993 AS big, [1, 2.5, "x", null, true] AS list, {k: [1]} AS map',
    ]) {
      await same(async (store) => (await store.query(cypher)).rows);
    }
  });

  it('for the schema, search and neighbourhoods', async () => {
    await same((store) => store.schema());
    for (const text of ['russ', 'DPRK', 'Lawrow', 'nato'])
      await same((store) => store.search(text, { limit: 10 }));
    const [[russia]] = (await embedded.query("MATCH (n:Country {uid: 'russland'}) RETURN n")).rows;
    const id = (russia as NodeValue).id;
    const sortEdges = (n: Awaited<ReturnType<GraphStore['neighbors']>>) => ({
      ...n,
      nodes: [...n.nodes].sort((a, b) => a.id.localeCompare(b.id)),
      edges: [...n.edges].sort((a, b) => a.id.localeCompare(b.id)),
    });
    await same(async (store) => sortEdges(await store.neighbors(id, { limit: 100 })));
    await same((store) => store.nodesById([id, 'no-such-node']));
  });
});
