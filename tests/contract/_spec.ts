// The GraphStore contract, written once and run against every adapter: the same queries must
// give the same plain values and the same errors, whichever database sits behind the seam.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LagebildError, type ErrorCode } from '../../server/errors.ts';
import type { EdgeValue, GraphStore, NodeValue, PathValue, Value } from '../../server/store/types.ts';

export interface SpecStore {
  store: GraphStore;
  dispose(): Promise<void>;
}

export interface SpecOptions {
  /** Which Cypher dialect the engine behind the store speaks, for the few literals that differ. */
  dialect: 'ladybug' | 'neo4j';
  /** Creates a store on a database holding the article graph. */
  makeStore: () => Promise<SpecStore>;
  /** The same, with READ_ONLY set (skipped when absent). */
  makeReadOnlyStore?: () => Promise<SpecStore>;
}

/** Calls `run` and returns the LagebildError code it rejected with. */
export async function errorCodeOf(run: () => Promise<unknown>): Promise<ErrorCode | string> {
  try {
    await run();
  } catch (error) {
    return error instanceof LagebildError ? error.code : `not a LagebildError: ${String(error)}`;
  }
  return 'no error';
}

const rowsOf = async (store: GraphStore, cypher: string, params: Record<string, Value> = {}) =>
  (await store.query(cypher, params)).rows;

/** A query that takes far longer than the time limits the tests set, in both dialects. */
const SLOW =
  'UNWIND range(1, 30000) AS a UNWIND range(1, 30000) AS b WITH a, b WHERE (a * b) % 7 = 3 RETURN count(*) AS n';

export function runGraphStoreSpec(name: string, options: SpecOptions): void {
  describe(`GraphStore contract: ${name}`, () => {
    let spec: SpecStore;
    let store: GraphStore;
    beforeAll(async () => {
      spec = await options.makeStore();
      store = spec.store;
    });
    afterAll(async () => {
      await spec?.dispose();
    });

    it('answers a query with its columns and rows, nodes and relationships as tagged values', async () => {
      const result = await store.query(
        'MATCH (a:Country {uid: $from})-[r:SUPPLIES]->(b) RETURN a, r, b.name AS recipient',
        { from: 'iran' },
      );
      expect(result.columns).toEqual(['a', 'r', 'recipient']);
      expect(result.rows).toHaveLength(1);
      const [a, r, recipient] = result.rows[0] as [NodeValue, EdgeValue, string];
      expect(recipient).toBe('Russland');
      expect(a).toMatchObject({
        $type: 'node',
        labels: ['Country'],
        properties: { uid: 'iran', name: 'Iran' },
      });
      expect(r).toMatchObject({ $type: 'relationship', type: 'SUPPLIES', source: a.id });
      expect(r.properties.qualification).toBe('reported');
      expect(typeof a.id).toBe('string');
    });

    it('delivers every row of a result read in several slices, in order, with nulls as null', async () => {
      const result = await store.query(
        "UNWIND range(1, 4321) AS i RETURN i, CASE WHEN i % 3 = 0 THEN NULL ELSE 'x' END AS s, i * 0.5 AS half",
      );
      expect(result.rows).toHaveLength(4321);
      result.rows.forEach(([i, s, half], index) => {
        expect(i).toBe(index + 1);
        expect(s).toBe((index + 1) % 3 === 0 ? null : 'x');
        expect(half).toBe((index + 1) / 2);
      });
    });

    it('keeps integers beyond 2^53 exact, both as literals and as parameters', async () => {
      const [[literal, echoed, small]] = await rowsOf(
        store,
        'RETURN 9007199254740993 AS big, $p AS echoed, 42 AS small',
        {
          p: 9007199254740995n,
        },
      );
      expect(literal).toBe(9007199254740993n);
      expect(echoed).toBe(9007199254740995n);
      expect(small).toBe(42);
    });

    it('keeps a date property a date', async () => {
      const [[date]] = await rowsOf(
        store,
        "MATCH (a:Article {uid: 'article-2024-11-18-nordkorea-russland'}) RETURN a.date AS d",
      );
      expect(date).toEqual({ $type: 'date', value: '2024-11-18' });
    });

    it('returns durations and timestamps with their type', async () => {
      const cypher =
        options.dialect === 'ladybug'
          ? "RETURN interval('3 days 2 hours') AS i, timestamp('2024-11-18 16:39:00') AS t"
          : "RETURN duration('P3DT2H') AS i, datetime('2024-11-18T16:39:00Z') AS t";
      const [[interval, instant]] = await rowsOf(store, cypher);
      expect(interval).toEqual({ $type: 'duration', value: 'P3DT7200S' });
      expect(instant).toEqual({ $type: 'datetime', value: '2024-11-18T16:39:00.000Z' });
    });

    it('returns a path as its nodes and edges in walk order', async () => {
      const [[path]] = await rowsOf(store, "MATCH p = (a:Country {uid: 'iran'})-[:SUPPLIES]->(b) RETURN p");
      const walk = path as PathValue;
      expect(walk.$type).toBe('path');
      expect(walk.nodes.map((n) => n.properties.uid)).toEqual(['iran', 'russland']);
      expect(walk.edges[0]).toMatchObject({
        type: 'SUPPLIES',
        source: walk.nodes[0]!.id,
        target: walk.nodes[1]!.id,
      });
    });

    it('hands out a large result in batches through a cursor', async () => {
      const cursor = await store.open('UNWIND range(1, 2500) AS x RETURN x');
      const sizes: number[] = [];
      let last: Value = null;
      for (;;) {
        const batch = await cursor.next(1000);
        if (batch.length === 0) break;
        sizes.push(batch.length);
        last = batch[batch.length - 1]![0]!;
      }
      await cursor.close();
      expect(sizes).toEqual([1000, 1000, 500]);
      expect(last).toBe(2500);
    });

    it('cuts a result at maxRows and says it was truncated', async () => {
      const result = await store.query('UNWIND range(1, 50) AS x RETURN x', {}, { maxRows: 10 });
      expect(result.rows).toHaveLength(10);
      expect(result.truncated).toBe(true);
    });

    it('refuses a syntax error as InvalidQuery', async () => {
      expect(await errorCodeOf(() => store.query('RETURN 1 +'))).toBe('InvalidQuery');
      expect(await errorCodeOf(() => store.query('MATCH (n RETURN n'))).toBe('InvalidQuery');
    });

    it('cancels a query that runs past its time limit with Timeout', async () => {
      expect(await errorCodeOf(() => store.query(SLOW, {}, { timeoutMs: 300 }))).toBe('Timeout');
      // The store keeps serving afterwards.
      expect(await rowsOf(store, 'RETURN 1 AS one')).toEqual([[1]]);
    });

    it('refuses a write in a read-only request with ReadOnly and changes nothing', async () => {
      const code = await errorCodeOf(() =>
        store.query("MERGE (c:Country {uid: 'contract-probe-ro'}) RETURN c", {}, { readOnly: true }),
      );
      expect(code).toBe('ReadOnly');
      expect(
        await rowsOf(store, "MATCH (c:Country {uid: 'contract-probe-ro'}) RETURN count(c) AS n"),
      ).toEqual([[0]]);
    });

    it('answers an unknown node id with NotFound, and nodesById leaves it out', async () => {
      expect(await errorCodeOf(() => store.neighbors('no-such-node', { limit: 5 }))).toBe('NotFound');
      const [[iran]] = await rowsOf(store, "MATCH (n:Country {uid: 'iran'}) RETURN n");
      const id = (iran as NodeValue).id;
      const nodes = await store.nodesById(['no-such-node', id]);
      expect(nodes.map((n) => n.properties.uid)).toEqual(['iran']);
    });

    it('counts neighbours per type and direction and pages through them within the budget', async () => {
      const [[russia]] = await rowsOf(store, "MATCH (n:Country {uid: 'russland'}) RETURN n");
      const id = (russia as NodeValue).id;
      const first = await store.neighbors(id, { limit: 3 });
      expect(first.node.properties.uid).toBe('russland');
      expect(first.edges).toHaveLength(3);
      expect(first.total).toBe(first.counts.reduce((sum, c) => sum + c.count, 0));
      expect(first.total).toBeGreaterThan(3);
      for (const edge of first.edges) expect([edge.source, edge.target]).toContain(id);
      const second = await store.neighbors(id, { limit: 3, offset: 3 });
      const firstIds = new Set(first.edges.map((e) => e.id));
      expect(second.edges.some((e) => firstIds.has(e.id))).toBe(false);
      const supplies = await store.neighbors(id, { limit: 50, types: ['SUPPLIES'] });
      expect(supplies.edges.length).toBeGreaterThan(0);
      expect(supplies.edges.every((e) => e.type === 'SUPPLIES')).toBe(true);
      expect(supplies.total).toBe(supplies.edges.length);
    });

    it('pages through every relationship once, each page with the nodes at their far ends', async () => {
      const [[russia]] = await rowsOf(store, "MATCH (n:Country {uid: 'russland'}) RETURN n");
      const id = (russia as NodeValue).id;
      const [[expected]] = await rowsOf(
        store,
        "MATCH (n:Country {uid: 'russland'})-[r]-() RETURN count(DISTINCT r) AS n",
      );
      const seen: string[] = [];
      for (let offset = 0; offset < 1000; offset += 4) {
        const page = await store.neighbors(id, { limit: 4, offset });
        if (page.edges.length === 0) break;
        const farEnds = page.edges.map((edge) => (edge.source === id ? edge.target : edge.source));
        expect(page.nodes.map((node) => node.id).sort()).toEqual([...new Set(farEnds)].sort());
        for (const node of page.nodes) expect(typeof node.properties.uid).toBe('string');
        seen.push(...page.edges.map((edge) => edge.id));
      }
      expect(seen.length).toBe(Number(expected));
      expect(new Set(seen).size).toBe(seen.length);
    });

    it('lists relationships group by group, and a page along one type lists that type alone in the same order', async () => {
      // What the explorer's paging along types relies on (server/store/neighbourPlan.ts).
      const [[korea]] = await rowsOf(store, "MATCH (n:Country {uid: 'nordkorea'}) RETURN n");
      const id = (korea as NodeValue).id;
      const listing = async (types?: string[]) => {
        const edges: { id: string; type: string; direction: 'in' | 'out' }[] = [];
        for (let offset = 0; offset < 500; offset += 3) {
          const page = await store.neighbors(id, { limit: 3, offset, ...(types ? { types } : {}) });
          if (page.edges.length === 0) break;
          // A page holds each relationship once, so read the direction from its ends.
          for (const edge of page.edges)
            edges.push({ id: edge.id, type: edge.type, direction: edge.source === id ? 'out' : 'in' });
        }
        return edges;
      };
      const all = await listing();
      const { counts } = await store.neighbors(id, { limit: 1 });
      expect(counts.length).toBeGreaterThan(3);
      // Group by group, in the order of the counts.
      const groupOf = (e: { type: string; direction: string }) =>
        counts.findIndex((c) => c.type === e.type && c.direction === e.direction);
      const order = all.map(groupOf);
      expect(order).toEqual([...order].sort((a, b) => a - b));
      for (const type of new Set(counts.map((c) => c.type))) {
        const along = await listing([type]);
        expect(along.map((e) => e.id)).toEqual(all.filter((e) => e.type === type).map((e) => e.id));
      }
    });

    it('finds nodes by name and by alias, best match first', async () => {
      const [byAlias] = await store.search('DPRK', { limit: 5 });
      expect(byAlias).toMatchObject({ matched: 'DPRK', node: { properties: { uid: 'nordkorea' } } });
      const [byName] = await store.search('russland', { limit: 5 });
      expect(byName?.node.properties.uid).toBe('russland');
      expect(await store.search('   ', { limit: 5 })).toEqual([]);
    });

    it('describes the schema: labels with counts and properties, types with their connections', async () => {
      const schema = await store.schema();
      const [[countries]] = await rowsOf(store, 'MATCH (n:Country) RETURN count(n) AS n');
      const country = schema.labels.find((l) => l.label === 'Country');
      expect(country?.count).toBe(countries);
      expect(country?.properties.map((p) => p.key)).toEqual(
        expect.arrayContaining(['uid', 'name', 'aliases']),
      );
      expect(country?.properties.find((p) => p.key === 'name')?.type).toBe('STRING');
      const supplies = schema.relationshipTypes.find((t) => t.type === 'SUPPLIES');
      expect(supplies?.connections).toContainEqual({ from: 'Country', to: 'Country' });
      expect(supplies?.properties.map((p) => p.key)).toEqual(
        expect.arrayContaining(['sentence', 'qualification']),
      );
    });

    it('rolls back an explicit transaction so that nothing it wrote remains, and commits another', async () => {
      const rolledBack = await store.beginTransaction();
      await (await rolledBack.run("MERGE (c:Country {uid: 'contract-probe-tx'}) RETURN c")).close();
      await rolledBack.rollback();
      expect(
        await rowsOf(store, "MATCH (c:Country {uid: 'contract-probe-tx'}) RETURN count(c) AS n"),
      ).toEqual([[0]]);

      const committed = await store.beginTransaction();
      await (await committed.run("MERGE (c:Country {uid: 'contract-probe-tx'}) RETURN c")).close();
      await committed.commit();
      expect(
        await rowsOf(store, "MATCH (c:Country {uid: 'contract-probe-tx'}) RETURN count(c) AS n"),
      ).toEqual([[1]]);
      await store.query("MATCH (c:Country {uid: 'contract-probe-tx'}) DELETE c");
    });

    it('refuses a write inside a read-only transaction with ReadOnly', async () => {
      const transaction = await store.beginTransaction({ readOnly: true });
      const code = await errorCodeOf(async () => {
        const cursor = await transaction.run("MERGE (c:Country {uid: 'contract-probe-rotx'}) RETURN c");
        await cursor.next(10);
      });
      await transaction.rollback();
      expect(code).toBe('ReadOnly');
    });

    it('reports itself healthy', async () => {
      expect(await store.health()).toMatchObject({ ok: true, readOnly: false });
      expect(await store.isEmpty()).toBe(false);
    });

    if (options.makeReadOnlyStore) {
      it('refuses every write when the whole store is read-only (READ_ONLY)', async () => {
        const readOnly = await options.makeReadOnlyStore!();
        try {
          expect(readOnly.store.readOnly).toBe(true);
          expect(
            await errorCodeOf(() => readOnly.store.query("MERGE (c:Country {uid: 'contract-probe-ro2'})")),
          ).toBe('ReadOnly');
          expect(
            await errorCodeOf(() =>
              readOnly.store.runScript(["MERGE (c:Country {uid: 'contract-probe-ro2'})"]),
            ),
          ).toBe('ReadOnly');
          expect(
            await rowsOf(
              readOnly.store,
              "MATCH (c:Country {uid: 'contract-probe-ro2'}) RETURN count(c) AS n",
            ),
          ).toEqual([[0]]);
        } finally {
          await readOnly.dispose();
        }
      });
    }
  });
}
