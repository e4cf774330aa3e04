// A query over the time limit is cancelled without holding up other requests, and SIGTERM lets
// requests in flight finish, takes no new ones and closes the database cleanly.

import { rm } from 'node:fs/promises';
import { afterAll, describe, expect, it } from 'vitest';
import { makeDataDir, startLagebild } from '../_helpers/lagebild.ts';
import { startServerProcess, type ServerProcess } from '../_helpers/serverProcess.ts';

/** A cross product of the article graph's nodes, `ways` times, that matches nothing: slow by design. */
const crossProduct = (ways: number) => {
  const names = Array.from({ length: ways }, (_, i) => `n${i}`);
  return `MATCH ${names.map((n) => `(${n})`).join(', ')} WHERE ${names.map((n) => `${n}.uid`).join(' + ')} = 'none' RETURN count(*) AS c`;
};

async function post(url: string, cypher: string, params: Record<string, unknown> = {}) {
  const response = await fetch(`${url}/api/query`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ cypher, params }),
  });
  return { status: response.status, body: (await response.json()) as any };
}

describe('the query time limit', () => {
  it('cancels a query over the limit with a Timeout, while other requests keep being answered', async () => {
    const lb = await startLagebild({ env: { QUERY_TIMEOUT_MS: '1000' } });
    try {
      let longDone = false;
      const long = post(lb.url, crossProduct(6)).finally(() => (longDone = true));
      // Short requests issued while the long one runs must all be answered before it ends.
      const answeredWhileRunning: boolean[] = [];
      for (let i = 0; i < 5; i++) {
        const health = await fetch(`${lb.url}/api/health`);
        const search = await fetch(`${lb.url}/api/search?q=iran`);
        const small = await post(lb.url, 'MATCH (n:Country) RETURN count(n)');
        expect([health.status, search.status, small.status]).toEqual([200, 200, 200]);
        answeredWhileRunning.push(!longDone);
      }
      const { status, body } = await long;
      expect({ status, code: body.error?.code }, JSON.stringify(body).slice(0, 300)).toEqual({
        status: 408,
        code: 'Timeout',
      });
      expect(body.error.message).toContain('1000 ms');
      expect(answeredWhileRunning).toEqual([true, true, true, true, true]);
      expect((await post(lb.url, 'RETURN 1 AS one')).body.rows).toEqual([[1]]);
    } finally {
      await lb.dispose();
    }
  });
});

describe('SIGTERM', () => {
  let dataDir: string | undefined;
  let server: ServerProcess | undefined;
  afterAll(async () => {
    server?.child.kill('SIGKILL');
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  it('finishes the request in flight, refuses new connections and closes the database cleanly', async () => {
    dataDir = await makeDataDir();
    server = await startServerProcess({ DATA_DIR: dataDir });
    const url = server.url;
    const written = await post(url, "CREATE (n:Country {uid: 'before-sigterm', name: 'x'}) RETURN n.uid");
    expect(written.status).toBe(200);

    const inFlight = post(url, `${crossProduct(4).replace(' WHERE', ', (x:Country) WHERE')}`);
    await new Promise((resolve) => setTimeout(resolve, 300));
    server.child.kill('SIGTERM');
    await new Promise((resolve) => setTimeout(resolve, 100));
    await expect(fetch(`${url}/api/health`, { headers: { connection: 'close' } })).rejects.toThrow();

    const answer = await inFlight;
    expect(answer.status).toBe(200);
    expect(answer.body.rows).toEqual([[0]]);
    const exit = await server.exited;
    expect(exit.code).toBe(0);
    expect(server.output()).toContain('SIGTERM: finishing requests in flight');

    server = await startServerProcess({ DATA_DIR: dataDir });
    const after = await post(server.url, "MATCH (n:Country {uid: 'before-sigterm'}) RETURN n.name");
    expect(after.body.rows).toEqual([['x']]);
    server.child.kill('SIGTERM');
    expect((await server.exited).code).toBe(0);
  });
});
