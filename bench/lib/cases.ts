// The measured cases: each runs the same work through Lagebild's HTTP API and through the
// raw engine in the same run, and returns both, so every figure stands beside its reference.

import { readSchema } from '../../server/store/ladybug/schema.ts';
import { requestOk } from './httpClient.ts';
import type { RawEngine } from './rawEngine.ts';
import { latency, sample } from './stats.ts';
import type { BenchNode, Workload } from './workload.ts';

export interface CaseResult {
  name: string;
  /** What the figure means, e.g. "ms per request". */
  unit: 'ms' | 'rows/s';
  lagebild: { p50: number; p99?: number; runs: number };
  reference: { name: string; p50: number; p99?: number; runs: number };
  /** Lagebild / reference for latencies; reference / Lagebild for throughput (lower is better). */
  ratio: number;
  extra?: Record<string, unknown>;
}

const round2 = (v: number) => Math.round(v * 100) / 100;

function latencyCase(name: string, api: number[], refName: string, ref: number[]): CaseResult {
  const a = latency(api);
  const r = latency(ref);
  return { name, unit: 'ms', lagebild: a, reference: { name: refName, ...r }, ratio: round2(a.p50 / r.p50) };
}

/**
 * One expand as plain Cypher: the node, its counts per type and direction, then one statement per
 * group returning each relationship with the node at its far end. The embedded adapter ran exactly
 * these until the sixth session; it now keeps big nodes' counts and reads a group's relationships
 * alone, then their far ends by uid from its in-memory index (server/store/ladybug/neighbors.ts),
 * which the raw engine does not have.
 */
async function rawExpand(raw: RawEngine, node: BenchNode, limit: number) {
  const [table] = node.id.split(':');
  const [{ name }] = (await raw.rows(`CALL show_tables() WITH id, name WHERE id = ${table} RETURN name`)) as [
    { name: string },
  ];
  const match = `MATCH (n:\`${name}\`)`;
  // The adapter names the node by its uid (known from its in-memory index), as a parameter.
  const self = { self: node.uid };
  return async () => {
    await raw.rows(`${match} WHERE n.uid = $self RETURN n`, self);
    const out = await raw.rows(
      `${match}-[r]->() WHERE n.uid = $self RETURN label(r) AS type, count(*) AS c`,
      self,
    );
    const into = await raw.rows(
      `${match}<-[r]-() WHERE n.uid = $self RETURN label(r) AS type, count(*) AS c`,
      self,
    );
    const groups = [
      ...out.map((row) => ({ type: String(row.type), count: Number(row.c), arrow: ['-', '->'] })),
      ...into.map((row) => ({ type: String(row.type), count: Number(row.c), arrow: ['<-', '-'] })),
    ].sort((a, b) => b.count - a.count || a.type.localeCompare(b.type));
    let budget = limit;
    for (const group of groups) {
      if (budget <= 0) break;
      const rows = await raw.rows(
        `${match}${group.arrow[0]}[r:\`${group.type}\`]${group.arrow[1]}(m) WHERE n.uid = $self RETURN r, m SKIP $skip LIMIT $limit`,
        { ...self, skip: 0, limit: budget },
      );
      budget -= rows.length;
    }
  };
}

/** 1-hop expand with a budget of 100, over the given nodes in turn. */
export async function expandCase(
  url: string,
  raw: RawEngine,
  name: string,
  nodes: BenchNode[],
  runs: number,
): Promise<CaseResult> {
  const expand = (node: BenchNode) => requestOk(url, `/api/nodes/${node.id}/neighbors?limit=100`);
  // The server keeps the counts of big nodes until the next write (and counts hubs of 10,000
  // relationships or more ahead, before this case runs), so the first expansion of each
  // node (this benchmark expands none of them before) is the one that counts them: timed apart.
  const firstExpansionMs: number[] = [];
  for (const node of nodes) {
    const started = performance.now();
    await expand(node);
    firstExpansionMs.push(Math.round((performance.now() - started) * 10) / 10);
  }
  const api = await sample(runs, (i) => expand(nodes[i % nodes.length]!));
  const rawRuns = await Promise.all(nodes.map((node) => rawExpand(raw, node, 100)));
  const ref = await sample(runs, (i) => rawRuns[i % rawRuns.length]!());
  const result = latencyCase(name, api, '@ladybugdb/core, one statement per group', ref);
  result.extra = { degrees: nodes.map((n) => n.degree), firstExpansionMs };
  return result;
}

/** Search by name as a person types, against the engine scanning for the same text. */
export async function searchCase(url: string, raw: RawEngine, terms: string[], runs: number) {
  const api = await sample(runs, (i) =>
    requestOk(url, `/api/search?q=${encodeURIComponent(terms[i % terms.length]!)}&limit=20`),
  );
  // The scan takes up to a second per call on a big graph; fewer runs keep the benchmark short.
  const ref = await sample(Math.min(runs, 30), (i) =>
    raw.rows(
      `MATCH (n) WHERE lower(n.name) CONTAINS $q OR lower(n.name_en) CONTAINS $q
         OR lower(list_to_string('|', n.aliases)) CONTAINS $q RETURN n LIMIT 500`,
      { q: terms[i % terms.length]!.toLowerCase() },
    ),
  );
  return latencyCase('search by name (as typed)', api, '@ladybugdb/core CONTAINS scan', ref);
}

/** A large result: rows/s through the API as JSON, the raw engine (sync), and async getAll(). */
export async function largeResultCase(
  url: string,
  raw: RawEngine,
  workload: Workload,
  options: { rows: number; runs: number; returnNodes: boolean },
): Promise<CaseResult[]> {
  const rows = Math.min(options.rows, workload.bigLabelCount);
  const cypher = options.returnNodes
    ? `MATCH (n:\`${workload.bigLabel}\`) RETURN n LIMIT ${rows}`
    : `MATCH (n:\`${workload.bigLabel}\`) RETURN n.uid AS uid, n.name AS name, n.name_en AS name_en LIMIT ${rows}`;
  let bytes = 0;
  const api = await sample(
    options.runs,
    async () => {
      const response = await requestOk(url, '/api/query', { cypher });
      bytes = response.bytes;
    },
    1,
  );
  const sync = await sample(options.runs, () => raw.rows(cypher), 1);
  const naive = await sample(options.runs, () => raw.rowsWithGetAll(cypher), 1);
  const perSecond = (samples: number[]) => Math.round(rows / (latency(samples).p50 / 1000));
  const what = options.returnNodes ? 'nodes' : 'scalar columns';
  const throughput = (name: string, refName: string, ref: number[]): CaseResult => ({
    name,
    unit: 'rows/s',
    lagebild: { p50: perSecond(api), runs: api.length },
    reference: { name: refName, p50: perSecond(ref), runs: ref.length },
    ratio: round2(perSecond(ref) / perSecond(api)),
    extra: { rows, jsonBytes: bytes, apiMs: latency(api).p50, refMs: latency(ref).p50 },
  });
  return [
    throughput(
      `${rows.toLocaleString('en')}-row query as JSON (${what})`,
      '@ladybugdb/core getNextSync',
      sync,
    ),
    throughput(`${rows.toLocaleString('en')}-row query as JSON (${what})`, 'naive async getAll()', naive),
  ];
}

/** GET /api/schema against reading the same catalog and counts from the engine. */
export async function schemaCase(url: string, raw: RawEngine, runs: number): Promise<CaseResult> {
  const api = await sample(runs, () => requestOk(url, '/api/schema'));
  const read = async (cypher: string) => (await raw.rows(cypher)).map((row) => Object.values(row) as never[]);
  const ref = await sample(Math.max(3, Math.floor(runs / 10)), () => readSchema(read), 1);
  return latencyCase('schema call', api, '@ladybugdb/core catalog + counts', ref);
}
