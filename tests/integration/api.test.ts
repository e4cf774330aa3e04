import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postJson, startLagebild, type RunningLagebild } from '../_helpers/lagebild.ts';

let lb: RunningLagebild;
beforeAll(async () => {
  lb = await startLagebild();
});
afterAll(async () => {
  await lb.dispose();
});

describe('POST /api/query', () => {
  it('returns columns, rows, the graph found in them and a summary', async () => {
    const { status, body } = await postJson(`${lb.url}/api/query`, {
      cypher: 'MATCH (a:Country {uid: $from})-[r:SUPPLIES]->(b) RETURN a, r, b.name AS recipient',
      params: { from: 'iran' },
    });
    expect(status).toBe(200);
    expect(body.columns).toEqual(['a', 'r', 'recipient']);
    expect(body.rows).toHaveLength(1);
    expect(body.rows[0][2]).toBe('Russland');
    expect(body.graph.nodes.map((n: any) => n.properties.name)).toEqual(['Iran']);
    expect(body.graph.edges[0]).toMatchObject({
      type: 'SUPPLIES',
      properties: { item: 'Drohnen', qualification: 'reported' },
    });
    expect(body.summary).toMatchObject({ rowCount: 1, truncated: false });
  });
});
