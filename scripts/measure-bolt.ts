// Measures the Bolt endpoint with neo4j-driver 6 against the same store read directly: a 100,000-row
// result streamed, and small queries one after another and from 16 sessions at once.
// Usage: npx tsx scripts/measure-bolt.ts
import neo4j from 'neo4j-driver';
import { neo4jAdapter, startEmbeddedOverBolt } from '../tests/_helpers/bolt.ts';

const ROWS = 100_000;
const CYPHER = `UNWIND range(1, ${ROWS}) AS i RETURN i, 'Knoten ' + to_string(i) AS name, i * 2 AS twice`;
const SMALL = "MATCH (n:Country {uid: 'iran'})-[r]->(m) RETURN n.name, type(r), m.name";
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const time = async (run: () => Promise<unknown>) => {
  const started = performance.now();
  await run();
  return performance.now() - started;
};

const served = await startEmbeddedOverBolt();
const driver = neo4j.driver(served.url, neo4j.auth.basic('neo4j', 'x'));
const adapter = neo4jAdapter(served.url);
try {
  const direct: number[] = [];
  const overBolt: number[] = [];
  const viaAdapter: number[] = [];
  for (let i = 0; i < 5; i++) {
    direct.push(await time(() => served.store.query(CYPHER)));
    overBolt.push(
      await time(async () => {
        const session = driver.session({ fetchSize: 1000 });
        let count = 0;
        for await (const _ of session.run(CYPHER)) count++;
        await session.close();
        if (count !== ROWS) throw new Error(`read ${count} rows`);
      }),
    );
    viaAdapter.push(await time(() => adapter.query(CYPHER)));
  }
  const sequential = await time(async () => {
    for (let i = 0; i < 500; i++) await driver.executeQuery(SMALL);
  });
  const parallel = await time(() =>
    Promise.all(
      Array.from({ length: 16 }, async () => {
        for (let i = 0; i < 50; i++) await driver.executeQuery(SMALL);
      }),
    ),
  );
  console.log(
    JSON.stringify(
      {
        rows: ROWS,
        directStoreMs: Math.round(median(direct)),
        boltDriverStreamMs: Math.round(median(overBolt)),
        neo4jAdapterOverBoltMs: Math.round(median(viaAdapter)),
        smallQueriesSequentialPerSecond: Math.round(500 / (sequential / 1000)),
        smallQueries16SessionsPerSecond: Math.round(800 / (parallel / 1000)),
      },
      null,
      2,
    ),
  );
} finally {
  await adapter.close();
  await driver.close();
  await served.dispose();
}
