// kill -9 of a real Lagebild process in the middle of a burst of acknowledged write statements,
// twenty times on the same database: after each restart the database opens, every acknowledged
// write is there in full, and no write is there in part.

import { rm } from 'node:fs/promises';
import { afterAll, describe, expect, it } from 'vitest';
import { makeDataDir } from '../_helpers/lagebild.ts';
import { startServerProcess, type ServerProcess } from '../_helpers/serverProcess.ts';

const CYCLES = 20;
const CLIENTS = 6;
/** Nodes (each with one relationship) that one write statement creates; all or none must survive. */
const NODES_PER_WRITE = 5;

const WRITE = `MATCH (target:Country {uid: 'iran'})
UNWIND range(1, ${NODES_PER_WRITE}) AS i
CREATE (n:Country {uid: $batch + '-' + string(i), name: $batch})-[:SUPPORTS {sentence: $batch}]->(target)`;

const COUNT = `MATCH (n:Country) WHERE n.name STARTS WITH 'kill-'
OPTIONAL MATCH (n)-[r:SUPPORTS]->(:Country {uid: 'iran'})
WITH n, count(r) AS edges
RETURN n.name AS batch, count(n) AS nodes, sum(edges) AS edges`;

let dataDir: string | undefined;
let server: ServerProcess | undefined;
afterAll(async () => {
  server?.child.kill('SIGKILL');
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

async function post(url: string, cypher: string, params: Record<string, unknown> = {}) {
  const response = await fetch(`${url}/api/query`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', connection: 'close' },
    body: JSON.stringify({ cypher, params }),
  });
  return { status: response.status, body: (await response.json()) as any };
}

/** Writes batches until the server dies; returns the batches the server acknowledged. */
async function writeUntilKilled(url: string, cycle: number, client: number): Promise<string[]> {
  const acknowledged: string[] = [];
  for (let seq = 0; ; seq++) {
    const batch = `kill-${cycle}-${client}-${seq}`;
    try {
      const { status, body } = await post(url, WRITE, { batch });
      if (status !== 200) throw new Error(`write ${batch} answered ${status}: ${JSON.stringify(body)}`);
      acknowledged.push(batch);
    } catch (error) {
      if (error instanceof Error && /answered/.test(error.message)) throw error;
      return acknowledged; // the connection failed: the server is gone
    }
  }
}

describe('kill -9 during a burst of writes', () => {
  it(`keeps every acknowledged write whole and none in part, over ${CYCLES} kills`, async () => {
    dataDir = await makeDataDir();
    const acknowledged = new Set<string>();
    for (let cycle = 0; cycle < CYCLES; cycle++) {
      server = await startServerProcess({ DATA_DIR: dataDir });
      const clients = Array.from({ length: CLIENTS }, (_, c) => writeUntilKilled(server!.url, cycle, c));
      await new Promise((resolve) => setTimeout(resolve, 150 + Math.random() * 400));
      server.child.kill('SIGKILL');
      const exit = await server.exited;
      expect(exit.signal).toBe('SIGKILL');
      for (const batches of await Promise.all(clients)) for (const b of batches) acknowledged.add(b);
    }

    server = await startServerProcess({ DATA_DIR: dataDir });
    const { status, body } = await post(server.url, COUNT);
    expect(status).toBe(200);
    const found = new Map<string, { nodes: number; edges: number }>(
      body.rows.map(([batch, nodes, edges]: [string, number, number]) => [batch, { nodes, edges }]),
    );
    const lost = [...acknowledged].filter((batch) => !found.has(batch));
    const partial = [...found].filter(
      ([, count]) => count.nodes !== NODES_PER_WRITE || count.edges !== NODES_PER_WRITE,
    );
    console.info(`kill -9 x${CYCLES}: ${acknowledged.size} acknowledged writes, ${found.size} found whole`);
    expect(acknowledged.size).toBeGreaterThan(CYCLES * 5);
    expect({ lost, partial: partial.slice(0, 5) }).toEqual({ lost: [], partial: [] });
    server.child.kill('SIGTERM');
    expect((await server.exited).code).toBe(0);
  }, 300_000);
});
