// POST /api/import: files the exporter wrote are merged in one transaction; a broken file gets
// a 400 that says where it is wrong and leaves the database exactly as it was.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLagebild, type RunningLagebild } from '../_helpers/lagebild.ts';
import { WHOLE_GRAPH, addTorture, canonicalGraph, exportFile } from '../_helpers/exportFixtures.ts';

let source: RunningLagebild;
let target: RunningLagebild;
beforeAll(async () => {
  [source, target] = await Promise.all([startLagebild(), startLagebild()]);
  await addTorture(source.store);
});
afterAll(async () => {
  await Promise.all([source.dispose(), target.dispose()]);
});

async function postFile(
  url: string,
  text: string | Buffer,
  query = '',
): Promise<{ status: number; body: any }> {
  const response = await fetch(`${url}/api/import${query}`, {
    method: 'POST',
    headers: { 'content-type': 'application/octet-stream' },
    body: typeof text === 'string' ? text : new Uint8Array(text),
  });
  return { status: response.status, body: await response.json() };
}

/** Runs `attempt` and checks that the target database did not change at all. */
async function expectUnchanged(attempt: () => Promise<void>): Promise<void> {
  const before = await canonicalGraph(target.store);
  const tablesBefore = (await target.store.schema()).labels.map((l) => l.label);
  await attempt();
  expect(await canonicalGraph(target.store)).toEqual(before);
  expect((await target.store.schema()).labels.map((l) => l.label)).toEqual(tablesBefore);
}

describe('POST /api/import', () => {
  it.each(['graphml', 'lagebild-json', 'cypher'])(
    'merges a %s export into a database that already holds part of it, giving the same graph as the source',
    async (format) => {
      const fresh = await startLagebild();
      try {
        expect(await canonicalGraph(fresh.store)).not.toEqual(await canonicalGraph(source.store));
        const exported = await exportFile(source.url, { format, scope: WHOLE_GRAPH });
        const { status, body } = await postFile(fresh.url, exported.bytes);
        expect(status).toBe(200);
        expect(body.format).toBe(format);
        expect(await canonicalGraph(fresh.store)).toEqual(await canonicalGraph(source.store));
      } finally {
        await fresh.dispose();
      }
    },
  );

  it('says on which line a GraphML file is not well-formed, and changes nothing', async () => {
    await expectUnchanged(async () => {
      const graphml = `<?xml version="1.0"?>\n<graphml xmlns="http://graphml.graphdrawing.org/xmlns">\n<graph edgedefault="directed">\n<node id="neu"></node>\n<node id="kaputt"><data key="x">a & b</data></node>\n</graph></graphml>`;
      const { status, body } = await postFile(target.url, graphml);
      expect(status).toBe(400);
      expect(body.error.message).toMatch(/^Invalid GraphML: line 5/);
    });
  });

  it('refuses a GraphML edge to a node the file does not declare, naming the line', async () => {
    await expectUnchanged(async () => {
      const graphml = `<graphml xmlns="http://graphml.graphdrawing.org/xmlns"><graph edgedefault="directed">\n<node id="a"/>\n<edge source="a" target="nirgends"/>\n</graph></graphml>`;
      const { status, body } = await postFile(target.url, graphml);
      expect(status).toBe(400);
      expect(body.error.message).toBe(
        'Invalid GraphML: line 3: the edge refers to the node "nirgends", which the file does not declare.',
      );
    });
  });

  it('says at which line and column a Lagebild JSON file stops being JSON', async () => {
    await expectUnchanged(async () => {
      const { status, body } = await postFile(
        target.url,
        '{"format": "lagebild-graph",\n  "version": 1,\n  "nodes": [}',
      );
      expect(status).toBe(400);
      expect(body.error.message).toMatch(/line 3, column 13/);
    });
  });

  it('gives the path of a Lagebild JSON element that does not fit the schema', async () => {
    await expectUnchanged(async () => {
      const document = {
        format: 'lagebild-graph',
        version: 1,
        nodes: [
          { key: 'neu-1', labels: ['Country'], properties: { uid: 'neu-1' } },
          { key: 'neu-2', labels: [], properties: {} },
        ],
        edges: [],
      };
      const { status, body } = await postFile(target.url, JSON.stringify(document));
      expect(status).toBe(400);
      expect(body.error.details[0].path).toEqual(['nodes', 1, 'labels']);
      expect(body.error.message).toMatch(/nodes\.1\.labels: a node needs at least one label/);
    });
  });

  it('refuses a Cypher script that does more than declare tables and MERGE, naming the line', async () => {
    await expectUnchanged(async () => {
      const script = "MERGE (n:Country {uid: 'neu'});\n// harmless comment\nMATCH (n) DETACH DELETE n;\n";
      const { status, body } = await postFile(target.url, script, '?format=cypher');
      expect(status).toBe(400);
      expect(body.error.message).toMatch(/^Invalid Cypher script: line 3: DETACH is not allowed/);
    });
  });

  it('rolls back tables, columns and data when a late statement fails: all or nothing', async () => {
    await expectUnchanged(async () => {
      const script = [
        'CREATE NODE TABLE IF NOT EXISTS `Neu`(uid STRING PRIMARY KEY, n INT64);',
        'ALTER TABLE `Country` ADD IF NOT EXISTS `neue_spalte` STRING;',
        "UNWIND [{k: 'neu-1', p0: 1}] AS row MERGE (n:`Neu` {uid: row.k}) SET n.`n` = row.p0;",
        "MERGE (n:`Country` {uid: 'nordkorea'}) SET n.`neue_spalte` = 'geändert';",
        "UNWIND [{k: 'neu-2', p0: 'kein int'}] AS row MERGE (n:`Neu` {uid: row.k}) SET n.`n` = row.p0;",
      ].join('\n');
      const { status, body } = await postFile(target.url, script);
      expect(status).toBe(400);
      expect(body.error.message).toMatch(
        /^The import was refused and nothing was changed \(all or nothing\): line 5:/,
      );
    });
    const columns = (await target.store.schema()).labels.find((l) => l.label === 'Country')!.properties;
    expect(columns.map((c) => c.key)).not.toContain('neue_spalte');
  });

  it('refuses an empty body and an unknown format parameter', async () => {
    expect((await postFile(target.url, '')).status).toBe(400);
    const { status, body } = await postFile(target.url, '{}', '?format=pdf');
    expect(status).toBe(400);
    expect(body.error.message).toMatch(/format: must be one of lagebild-json, graphml, cypher/);
  });

  it('answers 413 with a clear message for a file over the limit', async () => {
    const { status, body } = await postFile(target.url, Buffer.alloc(51 * 1024 * 1024, 32));
    expect(status).toBe(413);
    expect(body.error).toMatchObject({
      code: 'PayloadTooLarge',
      message: expect.stringMatching(/larger than 50mb/),
    });
  });
});

describe('POST /api/import on a read-only server', () => {
  it('is refused with 403 and changes nothing', async () => {
    const readOnly = await startLagebild({ env: { READ_ONLY: 'true' } });
    try {
      const before = await canonicalGraph(readOnly.store);
      const exported = await exportFile(source.url, { format: 'graphml', scope: WHOLE_GRAPH });
      const { status, body } = await postFile(readOnly.url, exported.bytes);
      expect(status).toBe(403);
      expect(body.error.code).toBe('ReadOnly');
      expect(await canonicalGraph(readOnly.store)).toEqual(before);
    } finally {
      await readOnly.dispose();
    }
  });
});
