// The explorer's export/import functions (client/src/export) against the real server:
// progress, the server's file name, its error messages, cancel, exact big integers, import.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ExportError,
  elementsRequest,
  fetchExport,
  importGraphFile,
  lagebildJsonToElements,
  neighbourhoodRequest,
  queryRequest,
} from '../../client/src/export/exportClient.ts';
import { parseJsonText } from '../../server/import/jsonText.ts';
import { startLagebild, type RunningLagebild } from '../_helpers/lagebild.ts';

let lb: RunningLagebild;
beforeAll(async () => {
  lb = await startLagebild();
});
afterAll(async () => {
  await lb.dispose();
});

describe('client export functions', () => {
  it('download a server-side export with progress and the file name the server chose', async () => {
    const progress: number[] = [];
    const { blob, fileName } = await fetchExport(neighbourhoodRequest('graphml', ['russland'], 2), {
      baseUrl: lb.url,
      onProgress: (p) => progress.push(p.receivedBytes),
    });
    expect(fileName).toMatch(/^lagebild-neighbourhood-russland-\d{4}-\d\d-\d\d-\d{4}\.graphml$/);
    expect(progress.at(-1)).toBe(blob.size);
    expect(await blob.text()).toContain('<node id="russland">');
  });

  it('reject with the server message when the request is wrong', async () => {
    const error = await fetchExport(
      queryRequest('graphml', 'MATCH (n:Country {uid: "x"}) SET n.name = "y" RETURN n'),
      {
        baseUrl: lb.url,
      },
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ExportError);
    expect((error as ExportError).status).toBe(403);
    expect((error as ExportError).message).toMatch(/may only read/);
  });

  it('can be cancelled', async () => {
    const controller = new AbortController();
    const running = fetchExport(queryRequest('cypher', 'MATCH (n)-[r]->(m) RETURN n, r, m'), {
      baseUrl: lb.url,
      signal: controller.signal,
    });
    controller.abort();
    await expect(running).rejects.toThrow(/abort/i);
  });

  it('send canvas elements with exact big integers and get them back exactly', async () => {
    const request = elementsRequest(
      'lagebild-json',
      {
        nodes: [
          {
            id: '1:1',
            labels: ['Zahl'],
            properties: { uid: 'gross', big: 9007199254740993n as unknown as number },
          },
        ],
        edges: [],
      },
      'canvas',
    );
    const { blob } = await fetchExport(request, { baseUrl: lb.url });
    const document = parseJsonText(await blob.text(), 'export') as any;
    expect(document.nodes[0].properties.big).toBe(9007199254740993n);
  });

  it('import a file into the database and report what it held', async () => {
    const { blob } = await fetchExport(neighbourhoodRequest('lagebild-json', ['iran'], 1), {
      baseUrl: lb.url,
    });
    const summary = await importGraphFile(blob, { baseUrl: lb.url });
    expect(summary.format).toBe('lagebild-json');
    expect(summary.nodes).toBeGreaterThan(1);
    const broken = await importGraphFile(new Blob(['<graphml><graph><node/></graph></graphml>']), {
      baseUrl: lb.url,
    }).catch((e: unknown) => e);
    expect((broken as ExportError).message).toMatch(/line 1: <node> needs an id/);
  });

  it('turn a Lagebild JSON export of the canvas back into canvas elements with positions and styles', async () => {
    const { body } = await (async () => {
      const response = await fetch(`${lb.url}/api/query`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ cypher: "MATCH (a:Country {uid: 'iran'})-[r:SUPPLIES]->(b) RETURN a, r, b" }),
      });
      return { body: (await response.json()) as any };
    })();
    const [a, r, b] = body.rows[0];
    const canvas = {
      nodes: [
        { ...a, position: { x: 1, y: 2 }, style: { 'background-color': '#123456' } },
        { ...b, position: { x: 3, y: 4 } },
      ],
      edges: [r],
    };
    const { blob } = await fetchExport(elementsRequest('lagebild-json', canvas, 'canvas'), {
      baseUrl: lb.url,
    });
    const elements = lagebildJsonToElements(parseJsonText(await blob.text(), 'file') as any);
    expect(elements.nodes).toEqual([
      {
        id: 'iran',
        labels: ['Country'],
        properties: a.properties,
        position: { x: 1, y: 2 },
        style: { 'background-color': '#123456' },
      },
      { id: 'russland', labels: ['Country'], properties: b.properties, position: { x: 3, y: 4 } },
    ]);
    expect(elements.edges).toEqual([
      { id: r.id, type: 'SUPPLIES', source: 'iran', target: 'russland', properties: r.properties },
    ]);
  });
});
