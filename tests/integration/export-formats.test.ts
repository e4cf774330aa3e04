// Every export format, read back by tools no one here wrote (networkx, Python's csv and
// zipfile, a fresh embedded database), on the article graph plus a torture fixture.

import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { splitStatements } from '../../server/cypher/scan.ts';
import { importFile } from '../../server/import/importFile.ts';
import { parseJsonText } from '../../server/import/jsonText.ts';
import { startLagebild, type RunningLagebild } from '../_helpers/lagebild.ts';
import {
  WHOLE_GRAPH,
  addTorture,
  canonicalGraph,
  exportFile,
  freshStore,
  plain,
  python,
  type CanonicalEdge,
  type CanonicalNode,
} from '../_helpers/exportFixtures.ts';

let lb: RunningLagebild;
let tmp: string;
let expected: { nodes: CanonicalNode[]; edges: CanonicalEdge[] };

beforeAll(async () => {
  lb = await startLagebild();
  await addTorture(lb.store);
  expected = await canonicalGraph(lb.store);
  tmp = await mkdtemp(path.join(os.tmpdir(), 'lagebild-export-test-'));
});
afterAll(async () => {
  await lb.dispose();
  await rm(tmp, { recursive: true, force: true });
});

async function exportWhole(format: string): Promise<string> {
  const response = await exportFile(lb.url, { format, scope: WHOLE_GRAPH });
  expect(response.status).toBe(200);
  const file = path.join(tmp, `whole.${format}`);
  await writeFile(file, response.bytes);
  return file;
}

/** What an XML format's text cell holds for a value of this engine type, decoded as a reader would. */
function decodeText(type: string, value: unknown): unknown {
  if (type.endsWith('[]')) return plain(parseJsonText(String(value), 'list cell'));
  if (type === 'DATE') return { $type: 'date', value };
  return plain(typeof value === 'number' && Number.isInteger(value) ? value : value);
}

const NETWORKX_DUMP = `
import json, sys, networkx as nx
def dump(G):
    return {"nodes": [dict(d, __id=n) for n, d in G.nodes(data=True)],
            "edges": [dict(d, __source=u, __target=v) for u, v, d in G.edges(data=True)]}
`;

const READ_GRAPHML = `${NETWORKX_DUMP}
print(json.dumps(dump(nx.read_graphml(sys.argv[1], force_multigraph=True)), ensure_ascii=False))
`;

// networkx 2.8 knows GEXF 1.1 and 1.2; 1.3 differs in its namespace, so its reader is registered for it.
const READ_GEXF = `${NETWORKX_DUMP}
nx.readwrite.gexf.GEXF.versions["1.3"] = {"NS_GEXF": "http://gexf.net/1.3", "NS_VIZ": "http://gexf.net/1.3/viz",
    "NS_XSI": "http://www.w3.org/2001/XMLSchema-instance",
    "SCHEMALOCATION": "http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd", "VERSION": "1.3"}
print(json.dumps(dump(nx.read_gexf(sys.argv[1], version="1.3")), ensure_ascii=False))
`;

/** Compares what networkx read with the database, node by node and edge by edge. */
function expectSameAsDatabase(
  read: { nodes: any[]; edges: any[] },
  options: { typeKey: string; emptyStringMayBeAbsent?: boolean },
) {
  const absentAllowed = (value: unknown) => options.emptyStringMayBeAbsent && value === '';
  expect(read.nodes).toHaveLength(expected.nodes.length);
  expect(read.edges).toHaveLength(expected.edges.length);
  const byUid = new Map(read.nodes.map((n) => [n.__id as string, n]));
  for (const node of expected.nodes) {
    const got = byUid.get(node.uid);
    expect(got, `node ${node.uid}`).toBeDefined();
    expect(got.labels).toBe(node.label);
    for (const [key, [type, value]] of Object.entries(node.properties)) {
      if (got[key] === undefined && absentAllowed(value)) continue;
      expect(got[key], `${node.uid}.${key}`).toBeDefined();
      expect(decodeText(type, got[key]), `${node.uid}.${key}`).toEqual(value);
    }
  }
  const edgeKey = (type: string, source: string, target: string, note: unknown) =>
    JSON.stringify([type, source, target, note ?? null]);
  const readEdges = new Map<string, any[]>();
  for (const edge of read.edges) {
    const key = edgeKey(
      edge[options.typeKey],
      edge.__source,
      edge.__target,
      edge.note ?? (options.emptyStringMayBeAbsent ? '' : null),
    );
    readEdges.set(key, [...(readEdges.get(key) ?? []), edge]);
  }
  for (const edge of expected.edges) {
    const candidates = readEdges.get(
      edgeKey(
        edge.type,
        edge.source,
        edge.target,
        edge.properties.note?.[1] ?? (options.emptyStringMayBeAbsent ? '' : null),
      ),
    );
    expect(candidates?.length, `edge ${edge.type} ${edge.source}->${edge.target}`).toBeGreaterThan(0);
    const got = candidates!.shift();
    for (const [key, [type, value]] of Object.entries(edge.properties)) {
      if (got[key] === undefined && absentAllowed(value)) continue;
      expect(decodeText(type, got[key]), `${edge.type}.${key}`).toEqual(value);
    }
  }
}

describe('export formats read by other tools', () => {
  it('writes GraphML that networkx reads with the same nodes, edges, labels, types and values', async () => {
    const read = await python(READ_GRAPHML, [await exportWhole('graphml')]);
    // networkx (ElementTree) reads <data key="k"></data> as no value, so an empty string may be absent there.
    expectSameAsDatabase(read, { typeKey: 'label', emptyStringMayBeAbsent: true });
    const torture = read.nodes.find((n: any) => n.__id === 'tört-1 "ä"');
    expect(torture['ä<ß>&"\'']).toBe('seltsamer Name');
    expect(torture.big).toBe(9007199254740993n);
  });

  it('writes GEXF 1.3 that networkx reads with the same nodes, edges, labels, types and values', async () => {
    const read = await python(READ_GEXF, [await exportWhole('gexf')]);
    expectSameAsDatabase(read, { typeKey: 'label' });
    expect(read.nodes.find((n: any) => n.__id === 'nordkorea').label).toBe('Nordkorea');
  });

  it('writes a zip of neo4j-admin CSV files that Python reads with the right header shape and values', async () => {
    const read = await python(
      `
import csv, io, json, sys, zipfile
z = zipfile.ZipFile(sys.argv[1])
out = {"names": z.namelist()}
for name in ["nodes.csv", "relationships.csv"]:
    out[name] = list(csv.reader(io.TextIOWrapper(z.open(name), encoding="utf-8", newline="")))
print(json.dumps(out, ensure_ascii=False))
`,
      [await exportWhole('csv')],
    );
    expect(read.names).toEqual(['README.txt', 'nodes.csv', 'relationships.csv']);
    const [nodeHeader, ...nodeRows] = read['nodes.csv'] as string[][];
    const [edgeHeader, ...edgeRows] = read['relationships.csv'] as string[][];
    expect(nodeHeader!.slice(0, 2)).toEqual(['uid:ID', ':LABEL']);
    expect(edgeHeader!.slice(0, 3)).toEqual([':START_ID', ':END_ID', ':TYPE']);
    for (const column of [...nodeHeader!.slice(2), ...edgeHeader!.slice(3)])
      expect(column).toMatch(/^.+:(string|int|long|double|boolean|date|datetime)(\[\])?$/);
    expect(nodeHeader).toContain('aliases:string[]');
    expect(nodeHeader).toContain('big:long');
    expect(nodeHeader).toContain('ä<ß>&"\':string');
    expect(nodeRows).toHaveLength(expected.nodes.length);
    expect(edgeRows).toHaveLength(expected.edges.length);

    const cellOf = (value: unknown): string =>
      Array.isArray(value)
        ? value.map(cellOf).join(';')
        : typeof value === 'string' && /^-?\d+n$/.test(value)
          ? value.slice(0, -1)
          : value !== null && typeof value === 'object'
            ? (value as { value: string }).value
            : String(value);
    const columns = nodeHeader!.map((c) => c.slice(0, c.lastIndexOf(':')));
    const rows = new Map(nodeRows.map((row) => [row[0], row]));
    for (const node of expected.nodes) {
      const row = rows.get(node.uid)!;
      expect(row[1]).toBe(node.label);
      for (const [key, [, value]] of Object.entries(node.properties)) {
        if (key === 'uid') continue;
        expect(row[columns.indexOf(key)], `${node.uid}.${key}`).toBe(cellOf(value));
      }
    }
    const torture = edgeRows.find((row) => row[2] === 'TORTURE_LINK' && row[1] === 'tört-2')!;
    expect(torture[0]).toBe('tört-1 "ä"');
  });

  it('writes a Cypher script that, replayed into a fresh embedded database, gives the same graph', async () => {
    const { readFile } = await import('node:fs/promises');
    const script = await readFile(await exportWhole('cypher'), 'utf8');
    const fresh = await freshStore();
    try {
      await fresh.store.runScript(splitStatements(script));
      expect(await canonicalGraph(fresh.store)).toEqual(expected);
      // Running it a second time changes nothing (MERGE).
      await fresh.store.runScript(splitStatements(script));
      expect(await canonicalGraph(fresh.store)).toEqual(expected);
    } finally {
      await fresh.dispose();
    }
  });

  it.each(['lagebild-json', 'graphml'])(
    'imports its own %s into a fresh database and gives the same graph',
    async (format) => {
      const { readFile } = await import('node:fs/promises');
      const text = await readFile(await exportWhole(format), 'utf8');
      const fresh = await freshStore();
      try {
        const summary = await importFile(fresh.store, text);
        expect(summary).toMatchObject({ format, nodes: expected.nodes.length, edges: expected.edges.length });
        expect(await canonicalGraph(fresh.store)).toEqual(expected);
      } finally {
        await fresh.dispose();
      }
    },
  );

  it('writes Cytoscape.js JSON with every element and its data', async () => {
    const { readFile } = await import('node:fs/promises');
    const document = parseJsonText(
      await readFile(await exportWhole('cytoscape-json'), 'utf8'),
      'cyjs',
    ) as any;
    expect(document.elements.nodes).toHaveLength(expected.nodes.length);
    expect(document.elements.edges).toHaveLength(expected.edges.length);
    const torture = document.elements.nodes.find((n: any) => n.data.id === 'tört-1 "ä"').data;
    expect(torture).toMatchObject({
      labels: 'Torture',
      name: 'Ölförderung & <Söhne>',
      big: 9007199254740993n,
      day: '2024-11-18',
    });
    const ids = [...document.elements.nodes, ...document.elements.edges].map((e: any) => e.data.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('writes whole documents without edges and without nodes, in every text format', async () => {
    const countries = (await lb.store.query('MATCH (n:Country) RETURN count(n)', {}, { readOnly: true }))
      .rows[0]![0];
    const cases = [
      { cypher: 'MATCH (n:Country) RETURN n', nodes: Number(countries) },
      { cypher: "MATCH (n:Country) WHERE n.uid = 'niemand' RETURN n", nodes: 0 },
    ];
    for (const { cypher, nodes } of cases) {
      for (const format of ['graphml', 'gexf']) {
        const response = await exportFile(lb.url, { format, scope: { kind: 'query', cypher } });
        expect(response.status).toBe(200);
        const file = path.join(tmp, `empty-${nodes}.${format}`);
        await writeFile(file, response.bytes);
        // ElementTree refuses a document that is not well-formed; networkx then reads the graph.
        const wellFormed = 'import sys, xml.etree.ElementTree as ET\nET.parse(sys.argv[1])\n';
        const graph = await python(wellFormed + (format === 'graphml' ? READ_GRAPHML : READ_GEXF), [file]);
        const read = { nodes: graph.nodes.length, edges: graph.edges.length };
        expect(read, `${format}: ${cypher}`).toEqual({ nodes, edges: 0 });
      }
      for (const format of ['lagebild-json', 'cytoscape-json']) {
        const response = await exportFile(lb.url, { format, scope: { kind: 'query', cypher } });
        const document = parseJsonText(response.bytes.toString('utf8'), format) as any;
        const elements = format === 'lagebild-json' ? document : document.elements;
        expect([elements.nodes.length, elements.edges.length], `${format}: ${cypher}`).toEqual([nodes, 0]);
      }
    }
  });
});
