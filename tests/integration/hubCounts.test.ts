// A big graph's hubs are counted in the background (server/store/ladybug/hubCounts.ts), so that
// their first expansion does not wait for the engine's group-by counts. The counts kept must be
// the engine's, only hubs are counted, and a write makes them be counted again once writes pause.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LadybugStore } from '../../server/store/ladybug/ladybugStore.ts';
import { freshStore } from '../_helpers/exportFixtures.ts';

const QUIET_MS = 150;
let store: LadybugStore;
let dispose: () => Promise<void>;
let hubId: string;
let smallId: string;

async function idOf(uid: string): Promise<string> {
  const [[id]] = (await store.read('MATCH (n:Country {uid: $uid}) RETURN id(n)', { uid })) as [[string]];
  return id;
}

/** The engine's counts by type and direction, as the API orders them. */
async function engineCounts(uid: string) {
  const counted = async (pattern: string, direction: 'in' | 'out') =>
    (await store.read(`MATCH (n:Country {uid: $uid})${pattern}() RETURN label(r), count(*)`, { uid })).map(
      ([type, count]) => ({ type: String(type), direction, count: Number(count) }),
    );
  return [...(await counted('-[r]->', 'out')), ...(await counted('<-[r]-', 'in'))].sort(
    (a, b) => b.count - a.count || a.type.localeCompare(b.type) || a.direction.localeCompare(b.direction),
  );
}

beforeAll(async () => {
  ({ store, dispose } = await freshStore({
    hubCounts: { minRelationships: 1500, quietAfterWritesMs: QUIET_MS },
  }));
  await store.runScript([
    'CREATE NODE TABLE Country(uid STRING PRIMARY KEY, name STRING)',
    'CREATE REL TABLE PARTNERS_WITH(FROM Country TO Country)',
    'CREATE REL TABLE SUPPLIES(FROM Country TO Country)',
  ]);
  await store.runScript([
    "CREATE (:Country {uid: 'hub', name: 'Hub'}), (:Country {uid: 'small', name: 'Small'})",
    "UNWIND range(1, 1300) AS i CREATE (:Country {uid: 'c' + CAST(i AS STRING), name: 'C'})",
    "MATCH (h:Country {uid: 'hub'}), (c:Country) WHERE c.uid STARTS WITH 'c' CREATE (h)-[:PARTNERS_WITH]->(c)",
    "MATCH (h:Country {uid: 'hub'}), (c:Country) WHERE c.uid STARTS WITH 'c1' CREATE (c)-[:SUPPLIES]->(h)",
    // Enough to be kept once expanded (1,000), not enough to be counted ahead (1,500).
    "MATCH (s:Country {uid: 'small'}), (c:Country) WHERE c.uid STARTS WITH 'c' CREATE (s)-[:SUPPLIES]->(c)",
  ]);
  hubId = await idOf('hub');
  smallId = await idOf('small');
});
afterAll(() => dispose());

describe('counting the hubs ahead', () => {
  it('keeps the engine’s counts of every node over the threshold and of no other', async () => {
    expect(store.neighbourCounts.has(hubId)).toBe(false);
    store.hubCounts.refresh();
    expect((await store.health()).hubCounts).toBe('counting');
    await store.hubCounts.whenIdle();
    expect((await store.health()).hubCounts).toBe('ready');

    expect(store.neighbourCounts.has(hubId)).toBe(true);
    expect(store.neighbourCounts.has(smallId)).toBe(false);
    const kept = store.neighbourCounts.get(hubId)!;
    expect(kept).toEqual(await engineCounts('hub'));
    expect(kept.reduce((sum, c) => sum + c.count, 0)).toBe(1300 + 412);
    // The expansion answers with the kept counts and a page within the budget.
    const page = await store.neighbors(hubId, { limit: 100 });
    expect(page.counts).toEqual(kept);
    expect(page.edges).toHaveLength(100);
  });

  it('counts the hubs again, with the write in them, once writes pause', async () => {
    await store.runScript([
      "MATCH (h:Country {uid: 'hub'}), (s:Country {uid: 'small'}) CREATE (s)-[:SUPPLIES]->(h)",
    ]);
    expect(store.neighbourCounts.has(hubId)).toBe(false);
    expect((await store.health()).hubCounts).toBe('counting');
    await new Promise((resolve) => setTimeout(resolve, QUIET_MS + 100));
    await store.hubCounts.whenIdle();
    expect(store.neighbourCounts.get(hubId)).toEqual(await engineCounts('hub'));
    expect(store.neighbourCounts.get(hubId)!.find((c) => c.type === 'SUPPLIES')!.count).toBe(413);
  });
});
