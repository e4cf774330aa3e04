// A checksum of the whole graph computed through the HTTP API: every node's uid, labels and
// properties and every relationship's ends, type and properties, sorted and hashed. Two equal
// checksums mean nothing was added, removed or changed.

import { createHash } from 'node:crypto';

/** Canonical JSON: object keys sorted, so equal values give equal text. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object')
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  return JSON.stringify(value);
}

async function rows(url: string, cypher: string, headers: Record<string, string>): Promise<unknown[][]> {
  const response = await fetch(`${url}/api/query`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ cypher }),
  });
  const body = (await response.json()) as { rows?: unknown[][]; error?: unknown };
  if (response.status !== 200 || !body.rows)
    throw new Error(`checksum query failed: ${response.status} ${JSON.stringify(body)}`);
  return body.rows;
}

/** Hashes the graph behind `url`; returns the hash and the counts it covered. */
export async function graphChecksum(
  url: string,
  headers: Record<string, string> = {},
): Promise<{ hash: string; nodes: number; edges: number }> {
  const nodes = await rows(url, 'MATCH (n) RETURN n.uid, labels(n), n', headers);
  const edges = await rows(url, 'MATCH (a)-[r]->(b) RETURN a.uid, label(r), b.uid, r', headers);
  // Ids are positions in the engine's storage, not content: leave them out of the hash.
  const nodeText = nodes
    .map(([uid, labels, node]) => canonical([uid, labels, (node as { properties: unknown }).properties]))
    .sort();
  const edgeText = edges
    .map(([from, type, to, edge]) =>
      canonical([from, type, to, (edge as { properties: unknown }).properties]),
    )
    .sort();
  const hash = createHash('sha256')
    .update(nodeText.join('\n'))
    .update('\n--\n')
    .update(edgeText.join('\n'))
    .digest('hex');
  return { hash, nodes: nodes.length, edges: edges.length };
}
