// The store reuses prepared statements per connection; a schema change must not leave a stale one
// behind: the same text after ALTER/CREATE TABLE answers with the new schema.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postJson, startLagebild, type RunningLagebild } from '../_helpers/lagebild.ts';

let lb: RunningLagebild;
beforeAll(async () => {
  lb = await startLagebild();
});
afterAll(() => lb.dispose());

const query = (cypher: string) => postJson(`${lb.url}/api/query`, { cypher });

describe('prepared statements reused across requests', () => {
  it('answers a repeated statement with the columns a schema change added', async () => {
    const text = "MATCH (n:Country {uid: 'iran'}) RETURN n";
    for (let i = 0; i < 8; i++) expect((await query(text)).status).toBe(200);
    expect((await query('ALTER TABLE Country ADD checked_by STRING')).status).toBe(200);
    expect((await query("MATCH (n:Country {uid: 'iran'}) SET n.checked_by = 'desk'")).status).toBe(200);
    for (let i = 0; i < 8; i++) {
      const { status, body } = await query(text);
      expect(status).toBe(200);
      expect(body.rows[0][0].properties.checked_by).toBe('desk');
    }
  });

  it('answers a repeated statement about a table that was dropped with a clear error, then again after it returns', async () => {
    expect((await query('CREATE NODE TABLE Scratch(uid STRING PRIMARY KEY, v INT64)')).status).toBe(200);
    const text = 'MATCH (s:Scratch) RETURN count(s) AS c';
    for (let i = 0; i < 8; i++) expect((await query(text)).body.rows).toEqual([[0]]);
    expect((await query('DROP TABLE Scratch')).status).toBe(200);
    const gone = await query(text);
    expect(gone.status).toBe(400);
    expect(gone.body.error.message).toContain('Scratch');
    expect((await query('CREATE NODE TABLE Scratch(uid STRING PRIMARY KEY, v INT64)')).status).toBe(200);
    expect((await query("CREATE (:Scratch {uid: 'a', v: 1})")).status).toBe(200);
    for (let i = 0; i < 8; i++) expect((await query(text)).body.rows).toEqual([[1]]);
  });
});
