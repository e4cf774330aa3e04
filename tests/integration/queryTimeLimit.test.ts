// The query time limit covers the wait for a connection: with every connection busy with slow
// queries, a further query is answered with Timeout by its limit instead of waiting for them all
// and then running its own full limit (seen as minutes under a few heavy queries).

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postJson, startLagebild, type RunningLagebild } from '../_helpers/lagebild.ts';

const SLOW =
  'UNWIND range(1, 30000) AS a UNWIND range(1, 30000) AS b WITH a, b WHERE (a * b) % 7 = 3 RETURN count(*) AS n';

let lb: RunningLagebild;
beforeAll(async () => {
  lb = await startLagebild({ env: { QUERY_TIMEOUT_MS: '1500' } });
});
afterAll(() => lb.dispose());

describe('the query time limit', () => {
  it('includes waiting for a connection, and says so when that is what ran out', async () => {
    // Twice as many slow queries as the store has connections (4).
    const answers = await Promise.all(
      Array.from({ length: 8 }, () => postJson(`${lb.url}/api/query`, { cypher: SLOW })),
    );
    for (const { status, body } of answers) {
      expect(status).toBe(408);
      expect(body.error.code).toBe('Timeout');
    }
    const messages = answers.map(({ body }) => String(body.error.message));
    const waited = messages.filter((m) => m.startsWith('No connection to the database became free'));
    expect(waited.length).toBeGreaterThan(0);
    expect(waited[0]).toContain('time limit of 1500 ms');
    expect(messages.some((m) => m.startsWith('The query ran longer than the time limit'))).toBe(true);
    for (const message of messages) expect(message).toContain('time limit of 1500 ms');

    // Afterwards the store serves at once.
    const { status, body } = await postJson(`${lb.url}/api/query`, { cypher: 'RETURN 1 AS one' });
    expect(status).toBe(200);
    expect(body.rows).toEqual([[1]]);
  });

  it('names the limit the user set when a query that waited then runs out', async () => {
    const busy = Array.from({ length: 4 }, () => postJson(`${lb.url}/api/query`, { cypher: SLOW }));
    await new Promise((resolve) => setTimeout(resolve, 700));
    // This one waits about 800 ms for a connection, then runs out of what is left of its limit.
    const late = await postJson(`${lb.url}/api/query`, { cypher: SLOW });
    await Promise.all(busy);
    expect(late.status).toBe(408);
    expect(String(late.body.error.message)).toContain('time limit of 1500 ms');
  });
});
