// The neighbourhood scope on graphs made to trip its breadth-first walk: a frontier wider than one
// statement's batch, a node without a uid in the middle of a path, relationships in both
// directions, and two labels. Each export is checked against the engine's own variable-length match.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FRONTIER_BATCH } from '../../server/export/sources.ts';
import { parseJsonText } from '../../server/import/jsonText.ts';
import { startLagebild, type RunningLagebild } from '../_helpers/lagebild.ts';
import { exportFile } from '../_helpers/exportFixtures.ts';

const LEAVES = FRONTIER_BATCH + 500;

let lb: RunningLagebild;
beforeAll(async () => {
  lb = await startLagebild();
  await lb.store.runScript([
    'CREATE NODE TABLE Hub(uid STRING, PRIMARY KEY (uid))',
    'CREATE NODE TABLE Leaf(id SERIAL, uid STRING, name STRING, PRIMARY KEY (id))',
    'CREATE REL TABLE LINKED(FROM Hub TO Leaf, FROM Leaf TO Leaf, FROM Leaf TO Hub)',
    "CREATE (:Hub {uid: 'hub'}), (:Hub {uid: 'far'})",
    // Leaves around the hub: more than one statement's frontier batch.
    `UNWIND range(1, ${LEAVES}) AS i CREATE (:Leaf {uid: 'leaf-' + string(i), name: 'Blatt ' + string(i)})`,
    "MATCH (h:Hub {uid: 'hub'}), (l:Leaf) WHERE l.uid STARTS WITH 'leaf-' CREATE (h)-[:LINKED]->(l)",
    // A chain hub <- leaf-7 <- (a leaf without a uid) -> far: two and three hops out.
    "CREATE (:Leaf {name: 'ohne uid'})",
    "MATCH (a:Leaf {name: 'ohne uid'}), (b:Leaf {uid: 'leaf-7'}) CREATE (a)-[:LINKED]->(b)",
    "MATCH (a:Leaf {name: 'ohne uid'}), (b:Hub {uid: 'far'}) CREATE (a)-[:LINKED]->(b)",
  ]);
});
afterAll(() => lb.dispose());

const neighbourhood = async (depth: number) => {
  const response = await exportFile(lb.url, {
    format: 'lagebild-json',
    scope: { kind: 'neighbourhood', nodes: ['hub'], depth },
  });
  expect(response.status).toBe(200);
  return parseJsonText(response.bytes.toString('utf8'), 'export') as {
    nodes: { key: string; properties: Record<string, unknown> }[];
    edges: { source: string; target: string }[];
  };
};

/** Names (or uids) of the nodes the engine finds within `depth` hops of the hub, the hub included. */
async function reachable(depth: number): Promise<string[]> {
  const result = await lb.store.query(
    `MATCH (h:Hub {uid: 'hub'})-[:LINKED*1..${depth}]-(m) RETURN DISTINCT coalesce(m.uid, m.name)`,
    {},
    { readOnly: true },
  );
  return [...new Set(['hub', ...result.rows.map((row) => String(row[0]))])].sort();
}

const names = (document: Awaited<ReturnType<typeof neighbourhood>>) =>
  document.nodes.map((n) => String(n.properties.uid ?? n.properties.name)).sort();

describe('the neighbourhood scope', () => {
  it('walks a frontier wider than one batch, in both directions', async () => {
    const document = await neighbourhood(2);
    expect(names(document)).toEqual(await reachable(2));
    expect(document.nodes).toHaveLength(1 + LEAVES + 1);
    expect(document.edges).toHaveLength(LEAVES + 1);
  });

  it('goes on through a node without a uid', async () => {
    const document = await neighbourhood(3);
    expect(names(document)).toEqual(await reachable(3));
    expect(names(document)).toContain('far');
    // The edges name their endpoints by the keys the nodes were written with.
    const keys = new Set(document.nodes.map((n) => n.key));
    for (const edge of document.edges) expect(keys.has(edge.source) && keys.has(edge.target)).toBe(true);
  });
});
