// A table the engine creates but cannot describe afterwards must not take the schema down.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getJson, postJson, startLagebild, type RunningLagebild } from '../_helpers/lagebild.ts';

let lb: RunningLagebild;
beforeAll(async () => {
  lb = await startLagebild();
});
afterAll(async () => {
  await lb.dispose();
});

describe('schema with a table name the engine cannot read back', () => {
  it('still lists every other label and says which table it could not read', async () => {
    // The engine accepts a dot in a table name, then reads it as "database.table".
    await postJson(`${lb.url}/api/query`, { cypher: 'CREATE NODE TABLE `a.b`(uid STRING PRIMARY KEY)' });
    const { status, body } = await getJson(`${lb.url}/api/schema`);
    expect(status).toBe(200);
    expect(body.labels.map((l: { label: string }) => l.label)).toContain('Country');
    expect(body.unreadable).toEqual(['a.b']);
    const search = await getJson(`${lb.url}/api/search?q=Lavrov`);
    expect(search.body.hits[0].node.properties.name).toBe('Lawrow');
  });
});
