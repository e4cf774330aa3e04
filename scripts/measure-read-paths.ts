// Measures how fast a 100,000-row result is read: the engine's async getAll(), synchronous
// iteration, and Lagebild's API (rows as JSON). Usage: npx tsx scripts/measure-read-paths.ts
import lbug from '@ladybugdb/core';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { postJson, startLagebild } from '../tests/_helpers/lagebild.ts';

const ROWS = 100_000;
const CYPHER = `UNWIND range(1, ${ROWS}) AS i RETURN i, 'Knoten ' + to_string(i) AS name, i * 2 AS twice`;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

const dir = await mkdtemp(path.join(os.tmpdir(), 'lagebild-measure-'));
const db = new lbug.Database(path.join(dir, 'db'));
const connection = new lbug.Connection(db);
const runs = 5;
const asyncTimes: number[] = [];
const syncTimes: number[] = [];
for (let i = 0; i < runs; i++) {
  let t = performance.now();
  const a = (await connection.query(CYPHER)) as lbug.QueryResult;
  await a.getAll();
  asyncTimes.push(performance.now() - t);
  t = performance.now();
  const b = (await connection.query(CYPHER)) as lbug.QueryResult;
  let n = 0;
  while (b.hasNext()) {
    b.getNextSync();
    n++;
  }
  syncTimes.push(performance.now() - t);
  if (n !== ROWS) throw new Error(`read ${n} rows`);
}
await db.close();

const lb = await startLagebild({ env: { MAX_ROWS: String(ROWS) } });
const apiTimes: number[] = [];
for (let i = 0; i < runs; i++) {
  const t = performance.now();
  const { body } = await postJson(`${lb.url}/api/query`, { cypher: CYPHER });
  apiTimes.push(performance.now() - t);
  if (body.rows.length !== ROWS) throw new Error(`API gave ${body.rows.length} rows`);
}
await lb.dispose();
await rm(dir, { recursive: true, force: true });

const line = (label: string, times: number[]) =>
  console.log(
    `${label.padEnd(34)} median ${median(times).toFixed(0).padStart(6)} ms  ${Math.round(ROWS / (median(times) / 1000)).toLocaleString('en')} rows/s`,
  );
console.log(`${ROWS.toLocaleString('en')} rows, ${runs} runs each, query + read:`);
line('engine, async getAll()', asyncTimes);
line('engine, synchronous iteration', syncTimes);
line('Lagebild POST /api/query (JSON)', apiTimes);
