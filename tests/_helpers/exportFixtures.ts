// Shared pieces of the export/import tests: a torture fixture whose values break naive
// writers, a canonical form of a graph (sorted by uid) to compare databases with, and a way
// to ask real consumers (networkx, Python's csv and zipfile) what they read from a file.

import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { LadybugStore, type LadybugStoreOptions } from '../../server/store/ladybug/ladybugStore.ts';
import type { GraphStore, Value } from '../../server/store/types.ts';
import { parseJsonText } from '../../server/import/jsonText.ts';

/** A text with everything that breaks naive writers. */
export const NASTY_TEXT =
  'Grüße aus Köln, Straße; "doppelt" \'einfach\' „deutsch“ «guillemets» ‘curly’ `backtick` <tag attr="x"> & &amp; > ]]> \\ backslash\nzweite Zeile\r\nCRLF\ttab';

/** Statements that add the torture fixture to a database that already holds the article graph. */
export const TORTURE_STATEMENTS = [
  'CREATE NODE TABLE Torture(uid STRING PRIMARY KEY, name STRING, `text` STRING, `empty` STRING, `nothing` STRING, `list` STRING[], `emptyList` STRING[], `big` INT64, `negBig` INT64, `ratio` DOUBLE, `whole` DOUBLE, `flag` BOOLEAN, `day` DATE, `ints` INT64[], `has space` STRING, `1starts-with-digit` STRING, `ä<ß>&"\'` STRING)',
  'CREATE REL TABLE TORTURE_LINK(FROM Torture TO Torture, FROM Torture TO Country, `note` STRING, `weight` DOUBLE, `tags` STRING[], `big` INT64, `wei rd/näme` STRING)',
  `CREATE (t:Torture {uid: 'tört-1 "ä"', name: 'Ölförderung & <Söhne>'}) SET t.text = $text, t.empty = '', t.list = ['ä;ö', 'a,b', '"q"', '', 'zeile\nzwei'], t.emptyList = CAST([] AS STRING[]), t.big = 9007199254740993, t.negBig = -9223372036854775807, t.ratio = 3.14159, t.whole = 2.0, t.flag = false, t.day = date('2024-11-18'), t.ints = [1, -2, 3], t.\`has space\` = 'leer zeichen', t.\`1starts-with-digit\` = 'eins', t.\`ä<ß>&"'\` = 'seltsamer Name'`,
  "CREATE (t:Torture {uid: 'tört-2', name: 'Zwei', flag: true, whole: 0.5})",
  "MATCH (a:Torture {uid: 'tört-1 \"ä\"'}), (b:Torture {uid: 'tört-2'}) CREATE (a)-[:TORTURE_LINK {note: $text, weight: 1.0, tags: ['x;y', ''], big: 9223372036854775807, `wei rd/näme`: 'ja'}]->(b)",
  "MATCH (a:Torture {uid: 'tört-1 \"ä\"'}), (b:Torture {uid: 'tört-2'}) CREATE (a)-[:TORTURE_LINK {note: 'parallel', weight: 2.5}]->(b)",
  "MATCH (a:Torture {uid: 'tört-2'}), (b:Country {uid: 'nordkorea'}) CREATE (a)-[:TORTURE_LINK {note: ''}]->(b)",
];

export async function addTorture(store: GraphStore): Promise<void> {
  await store.runScript(TORTURE_STATEMENTS, { params: TORTURE_STATEMENTS.map(() => ({ text: NASTY_TEXT })) });
}

/** A fresh, empty embedded database (no article graph) in a temp directory. */
export async function freshStore(
  options: Partial<LadybugStoreOptions> = {},
): Promise<{ store: LadybugStore; dispose: () => Promise<void> }> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'lagebild-fresh-'));
  const store = await LadybugStore.open({
    path: path.join(dir, 'db.lbug'),
    readOnly: false,
    defaultTimeoutMs: 60_000,
    ...options,
  });
  return {
    store,
    dispose: async () => {
      await store.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

export interface CanonicalNode {
  label: string;
  uid: string;
  /** Property name -> [engine type, value]; nulls left out. */
  properties: Record<string, [string, unknown]>;
}

export interface CanonicalEdge {
  type: string;
  source: string;
  target: string;
  properties: Record<string, [string, unknown]>;
}

/** Bigints become "123n" so that deep equality and JSON both work. */
export const plain = (value: unknown): unknown =>
  JSON.parse(JSON.stringify(value, (_k, v: unknown) => (typeof v === 'bigint' ? `${v}n` : v)));

/**
 * The graph in a form two databases can be compared by: nodes sorted by label and uid, edges by
 * type, endpoints and properties; each property with its engine type, so 2.0 stays a DOUBLE.
 */
export async function canonicalGraph(
  store: GraphStore,
): Promise<{ nodes: CanonicalNode[]; edges: CanonicalEdge[] }> {
  const schema = await store.schema();
  const types = new Map<string, Map<string, string>>();
  for (const l of schema.labels) types.set(l.label, new Map(l.properties.map((p) => [p.key, p.type])));
  for (const t of schema.relationshipTypes)
    types.set(t.type, new Map(t.properties.map((p) => [p.key, p.type])));
  const typed = (table: string, properties: Record<string, Value>) =>
    Object.fromEntries(
      Object.entries(properties)
        .filter(([, v]) => v !== null)
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([k, v]) => [k, [types.get(table)?.get(k) ?? '?', plain(v)]]),
    ) as Record<string, [string, unknown]>;
  const nodeRows = (await store.query('MATCH (n) RETURN n', {}, { readOnly: true })).rows;
  const nodes = nodeRows.map(([n]) => {
    const node = n as { labels: string[]; properties: Record<string, Value> };
    return {
      label: node.labels[0]!,
      uid: String(node.properties.uid),
      properties: typed(node.labels[0]!, node.properties),
    };
  });
  nodes.sort((a, b) => (a.label + '\u0000' + a.uid).localeCompare(b.label + '\u0000' + b.uid));
  const edgeRows = (await store.query('MATCH (a)-[r]->(b) RETURN a.uid, r, b.uid', {}, { readOnly: true }))
    .rows;
  const edges = edgeRows.map(([s, r, t]) => {
    const edge = r as { type: string; properties: Record<string, Value> };
    return {
      type: edge.type,
      source: String(s),
      target: String(t),
      properties: typed(edge.type, edge.properties),
    };
  });
  const edgeKey = (e: CanonicalEdge) => JSON.stringify([e.type, e.source, e.target, e.properties]);
  edges.sort((a, b) => edgeKey(a).localeCompare(edgeKey(b)));
  return { nodes, edges };
}

const exec = promisify(execFile);

/** Runs Python (the Debian one, which has networkx) and parses what it prints as exact JSON. */
export async function python(script: string, args: string[]): Promise<any> {
  const { stdout } = await exec('/usr/bin/python3', ['-c', script, ...args], {
    maxBuffer: 256 * 1024 * 1024,
  });
  return parseJsonText(stdout, 'python output');
}

/** POSTs an export request and returns status, headers and the body bytes. */
export async function exportFile(
  url: string,
  body: unknown,
): Promise<{ status: number; headers: Headers; bytes: Buffer }> {
  const response = await fetch(`${url}/api/export`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return {
    status: response.status,
    headers: response.headers,
    bytes: Buffer.from(await response.arrayBuffer()),
  };
}

/** The whole graph as a query scope: every node, and every relationship with its endpoints. */
export const WHOLE_GRAPH = {
  kind: 'query',
  cypher: 'MATCH (n) OPTIONAL MATCH (n)-[r]->(m) RETURN n, r, m',
} as const;
