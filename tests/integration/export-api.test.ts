// POST /api/export over HTTP: the scopes (canvas elements, selection, query, neighbourhood),
// headers, clear 4xx errors before the first byte, and an export that stops when its reader goes away.

import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { prepareExport } from '../../server/export/runExport.ts';
import { exportRequestSchema } from '../../server/export/request.schema.ts';
import { parseJsonText } from '../../server/import/jsonText.ts';
import { postJson, startLagebild, type RunningLagebild } from '../_helpers/lagebild.ts';
import { exportFile } from '../_helpers/exportFixtures.ts';

let lb: RunningLagebild;
beforeAll(async () => {
  lb = await startLagebild();
});
afterAll(async () => {
  await lb.dispose();
});

const lagebildJson = async (scope: unknown) => {
  const response = await exportFile(lb.url, { format: 'lagebild-json', scope });
  expect(response.status).toBe(200);
  return parseJsonText(response.bytes.toString('utf8'), 'export') as any;
};

const uids = async (cypher: string) =>
  (await lb.store.query(cypher, {}, { readOnly: true })).rows.map((row) => String(row[0])).sort();

describe('POST /api/export scopes', () => {
  it('exports the neighbourhood of a node to depth 1: the node, its neighbours and the edges between them', async () => {
    const document = await lagebildJson({ kind: 'neighbourhood', nodes: ['nordkorea'], depth: 1 });
    const expected = await uids("MATCH (n:Country {uid: 'nordkorea'})-[]-(m) RETURN DISTINCT m.uid");
    expect(document.nodes.map((n: any) => n.key).sort()).toEqual(
      [...new Set([...expected, 'nordkorea'])].sort(),
    );
    const [[edgeCount]] = (
      await lb.store.query(
        "MATCH (n:Country {uid: 'nordkorea'})-[r]-(m) RETURN count(DISTINCT id(r))",
        {},
        { readOnly: true },
      )
    ).rows as [[number]];
    expect(document.edges).toHaveLength(Number(edgeCount));
    for (const edge of document.edges)
      expect(edge.source === 'nordkorea' || edge.target === 'nordkorea').toBe(true);
  });

  it('follows only the chosen relationship types, to the chosen depth', async () => {
    const document = await lagebildJson({
      kind: 'neighbourhood',
      nodes: ['nordkorea'],
      depth: 2,
      types: ['SUPPORTS'],
    });
    const expected = await uids(
      "MATCH (n:Country {uid: 'nordkorea'})-[:SUPPORTS*1..2]-(m) RETURN DISTINCT m.uid",
    );
    expect(document.nodes.map((n: any) => n.key).sort()).toEqual(
      [...new Set([...expected, 'nordkorea'])].sort(),
    );
    expect(new Set(document.edges.map((e: any) => e.type))).toEqual(new Set(['SUPPORTS']));
  });

  it('accepts start nodes by id as well as by uid', async () => {
    const { body } = await postJson(`${lb.url}/api/query`, {
      cypher: "MATCH (n:Country {uid: 'iran'}) RETURN n",
    });
    const document = await lagebildJson({ kind: 'neighbourhood', nodes: [body.rows[0][0].id], depth: 0 });
    expect(document.nodes.map((n: any) => n.key)).toEqual(['iran']);
  });

  it('exports a query result with the endpoints of every returned relationship, even when the query returns only relationships', async () => {
    const document = await lagebildJson({ kind: 'query', cypher: 'MATCH ()-[r:SUPPLIES]->() RETURN r' });
    const expected = await uids('MATCH (a)-[:SUPPLIES]->(b) UNWIND [a.uid, b.uid] AS u RETURN DISTINCT u');
    expect(document.nodes.map((n: any) => n.key).sort()).toEqual(expected);
    expect(document.edges.length).toBeGreaterThan(0);
  });

  it('exports canvas elements with their positions and styles, and names the file after the selection', async () => {
    const { body } = await postJson(`${lb.url}/api/query`, {
      cypher: "MATCH (a:Country {uid: 'iran'})-[r:SUPPLIES]->(b) RETURN a, r, b",
    });
    const [a, r, b] = body.rows[0];
    const scope = {
      kind: 'elements',
      what: 'selection',
      nodes: [
        { ...a, position: { x: 10.5, y: -20 }, style: { 'background-color': '#c0392b' } },
        { ...b, position: { x: 200, y: 40 } },
      ],
      edges: [r],
    };
    const response = await exportFile(lb.url, { format: 'gexf', scope });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-disposition')).toMatch(
      /^attachment; filename="lagebild-selection-\d{4}-\d\d-\d\d-\d{4}\.gexf"$/,
    );
    expect(response.bytes.toString()).toContain('<viz:position x="10.5" y="-20" z="0"/>');
    const document = await lagebildJson(scope);
    expect(document.nodes[0]).toMatchObject({
      key: 'iran',
      position: { x: 10.5, y: -20 },
      style: { 'background-color': '#c0392b' },
    });
    expect(document.edges).toEqual([
      expect.objectContaining({ type: 'SUPPLIES', source: 'iran', target: 'russland' }),
    ]);
  });

  it.each([
    ['lagebild-json', 'application/json; charset=utf-8', '.lagebild.json'],
    ['cytoscape-json', 'application/json; charset=utf-8', '.cyjs'],
    ['graphml', 'application/graphml+xml; charset=utf-8', '.graphml'],
    ['gexf', 'application/gexf+xml; charset=utf-8', '.gexf'],
    ['csv', 'application/zip', '.csv.zip'],
    ['cypher', 'application/x-cypher-query; charset=utf-8', '.cypher'],
  ])(
    'sends %s with its content type and a file name that says what and when',
    async (format, type, extension) => {
      const response = await exportFile(lb.url, {
        format,
        scope: { kind: 'query', cypher: 'MATCH (n:Person) RETURN n' },
      });
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe(type);
      expect(response.headers.get('content-disposition')).toBe(
        `attachment; filename="lagebild-query-${new Date().toISOString().slice(0, 10)}-${response.headers.get('content-disposition')!.match(/-(\d{4})\./)![1]}${extension}"`,
      );
    },
  );
});

describe('POST /api/export errors', () => {
  it.each([
    [
      { format: 'pdf', scope: { kind: 'query', cypher: 'RETURN 1' } },
      400,
      /format: must be one of lagebild-json/,
    ],
    [{ format: 'graphml', scope: { kind: 'everything' } }, 400, /scope/],
    [
      { format: 'graphml', scope: { kind: 'neighbourhood', nodes: [], depth: 1 } },
      400,
      /name at least one start node/,
    ],
    [
      { format: 'graphml', scope: { kind: 'neighbourhood', nodes: ['x'], depth: 99 } },
      400,
      /depth: must be at most 10/,
    ],
    [{ format: 'graphml', scope: { kind: 'query', cypher: 'MATCH (n RETURN n' } }, 400, /./],
    [
      { format: 'graphml', scope: { kind: 'query', cypher: "CREATE (:Country {uid: 'x'})" } },
      403,
      /may only read/,
    ],
    [{ format: 'graphml', scope: { kind: 'neighbourhood', nodes: ['no-such-node'] } }, 404, /"no-such-node"/],
  ])('refuses %j with a clear error before sending a file', async (body, status, message) => {
    const response = await postJson(`${lb.url}/api/export`, body);
    expect(response.status).toBe(status);
    expect(response.body.error.message).toMatch(message);
  });

  it('changes nothing when an export query tries to write', async () => {
    await postJson(`${lb.url}/api/export`, {
      format: 'cypher',
      scope: { kind: 'query', cypher: "MERGE (n:Country {uid: 'atlantis'}) RETURN n" },
    });
    expect(await uids("MATCH (n:Country {uid: 'atlantis'}) RETURN n.uid")).toEqual([]);
  });
});

describe('an export whose reader goes away', () => {
  it('stops instead of running to the end, and the server keeps serving', async () => {
    await lb.store.runScript([
      'CREATE NODE TABLE Bulk(uid STRING PRIMARY KEY, text STRING)',
      "UNWIND range(1, 20000) AS i CREATE (:Bulk {uid: 'bulk-' + to_string(i), text: 'Eine ziemlich lange Zeile Text für den Export ' + to_string(i)})",
    ]);
    const request = exportRequestSchema.parse({
      format: 'graphml',
      scope: { kind: 'query', cypher: 'MATCH (n:Bulk) RETURN n' },
    });
    const job = await prepareExport(lb.store, request);
    const out = new PassThrough(); // never read: the writer soon waits for it to drain
    const abort = new AbortController();
    const running = job.run(out, { signal: abort.signal });
    await new Promise((resolve) => setTimeout(resolve, 200));
    abort.abort();
    out.destroy();
    await expect(running).rejects.toThrow();
    expect(out.readableLength).toBeLessThan(1024 * 1024);
    const health = await fetch(`${lb.url}/api/health`);
    expect(health.status).toBe(200);
  });
});
