import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getJson, postJson, startLagebild, type RunningLagebild } from '../_helpers/lagebild.ts';

let lb: RunningLagebild;
beforeAll(async () => {
  lb = await startLagebild({ env: { QUERY_TIMEOUT_MS: '300', MAX_ROWS: '20' } });
});
afterAll(async () => {
  await lb.dispose();
});

const query = (cypher: string, params?: Record<string, unknown>) =>
  postJson(`${lb.url}/api/query`, params ? { cypher, params } : { cypher });

async function expectStillServing(): Promise<void> {
  const { status, body } = await getJson(`${lb.url}/api/health`);
  expect(status).toBe(200);
  expect(body.status).toBe('ok');
}

describe('POST /api/query', () => {
  it('returns columns, rows, the graph found in them and a summary', async () => {
    const { status, body } = await query(
      'MATCH (a:Country {uid: $from})-[r:SUPPLIES]->(b) RETURN a, r, b.name AS recipient',
      { from: 'iran' },
    );
    expect(status).toBe(200);
    expect(body.columns).toEqual(['a', 'r', 'recipient']);
    expect(body.rows).toHaveLength(1);
    expect(body.rows[0][0]).toMatchObject({
      $type: 'node',
      labels: ['Country'],
      properties: { name: 'Iran' },
    });
    expect(body.rows[0][2]).toBe('Russland');
    expect(body.graph.nodes.map((n: { properties: { name: string } }) => n.properties.name)).toEqual([
      'Iran',
    ]);
    expect(body.graph.edges[0]).toMatchObject({
      type: 'SUPPLIES',
      source: body.rows[0][0].id,
      properties: { item: 'Drohnen', qualification: 'reported' },
    });
    expect(body.summary).toMatchObject({ rowCount: 1, totalRows: 1, truncated: false, wrote: false });
    expect(typeof body.summary.elapsedMs).toBe('number');
  });

  it('says in the summary whether the statement writes', async () => {
    const merged = await query("MERGE (c:Country {uid: 'summary-wrote'}) RETURN c.uid");
    expect(merged.status).toBe(200);
    expect(merged.body.summary.wrote).toBe(true);
    const read = await query("MATCH (c:Country {uid: 'summary-wrote'}) RETURN c.uid");
    expect(read.body.summary.wrote).toBe(false);
    await query("MATCH (c:Country {uid: 'summary-wrote'}) DELETE c");
  });

  it('collects nodes and relationships from inside lists, maps and paths, each once', async () => {
    const { body } = await query(
      `MATCH p = (a:Person {uid: 'lawrow'})-[r:FOREIGN_MINISTER_OF]->(b)
       RETURN [b] AS targets, {minister: a, via: r} AS info, p`,
    );
    expect(body.graph.nodes).toHaveLength(2);
    expect(body.graph.edges).toHaveLength(1);
    expect(body.rows[0][2].$type).toBe('path');
    expect(body.rows[0][2].nodes.map((n: { properties: { name: string } }) => n.properties.name)).toEqual([
      'Lawrow',
      'Russland',
    ]);
  });

  it('understands type(r) and elementId(n) as Neo4j users write them', async () => {
    const { status, body } = await query(
      "MATCH (a:Country {uid: 'iran'})-[r]->(b:Country) RETURN type(r) AS t, elementId(a) AS id, a ORDER BY t",
    );
    expect(status).toBe(200);
    expect(body.rows.map((row: unknown[]) => row[0])).toEqual(['SUPPLIES']);
    expect(body.rows[0][1]).toBe(body.rows[0][2].id);
  });

  it('keeps dates typed and node ids opaque strings', async () => {
    const { body } = await query(
      "MATCH (a:Article {uid: 'article-2024-11-18-nordkorea-russland'}) RETURN a, a.date AS d",
    );
    expect(body.rows[0][1]).toEqual({ $type: 'date', value: '2024-11-18' });
    expect(body.rows[0][0].properties.date).toEqual({ $type: 'date', value: '2024-11-18' });
    expect(typeof body.rows[0][0].id).toBe('string');
  });

  it('cuts a result at MAX_ROWS and says how many there were', async () => {
    const { body } = await query('MATCH (n) RETURN n.uid');
    expect(body.rows).toHaveLength(20);
    expect(body.summary.truncated).toBe(true);
    expect(body.summary.totalRows).toBe(31);
  });

  it('returns integers beyond 2^53 exactly, as stored properties and as columns', async () => {
    await query('CREATE NODE TABLE IF NOT EXISTS Measure(uid STRING PRIMARY KEY, name STRING, amount INT64)');
    const created = await query("CREATE (:Measure {uid: 'm1', name: 'big', amount: 9007199254740993})");
    expect(created.status).toBe(200);
    const response = await fetch(`${lb.url}/api/query`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        cypher: "MATCH (m:Measure {uid: 'm1'}) RETURN m, m.amount AS amount, m.amount - 1 AS less",
      }),
    });
    const text = await response.text();
    expect(text).toContain('"amount":9007199254740993');
    expect(text).toContain(',9007199254740993,9007199254740992]');
  });

  it('keeps them exact and in order under ORDER BY, with and without LIMIT', async () => {
    await query('CREATE NODE TABLE IF NOT EXISTS Measure(uid STRING PRIMARY KEY, name STRING, amount INT64)');
    await query("MERGE (m:Measure {uid: 'm2'}) SET m.amount = 9007199254740995");
    await query("MERGE (m:Measure {uid: 'm3'}) SET m.amount = 7");
    for (const tail of ['ORDER BY m.amount DESC', 'ORDER BY amount DESC LIMIT 2']) {
      const response = await fetch(`${lb.url}/api/query`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          cypher: `MATCH (m:Measure) WHERE m.uid IN ['m2', 'm3'] RETURN m.amount AS amount ${tail}`,
        }),
      });
      expect(await response.text()).toContain('"rows":[[9007199254740995],[7]]');
    }
  });

  it('keeps them exact when a variable is named like the names generated for other columns', async () => {
    const response = await fetch(`${lb.url}/api/query`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ cypher: "MATCH (c1:Measure {uid: 'm1'}) RETURN c1, c1.amount + 2" }),
    });
    expect(await response.text()).toContain(',9007199254740995]');
  });
});

describe('errors', () => {
  it('answers a Cypher syntax error with 400 and the engine message', async () => {
    const { status, body } = await query('MATC (n) RETURN n');
    expect(status).toBe(400);
    expect(body.error.code).toBe('InvalidQuery');
    expect(body.error.message).toMatch(/Parser exception/);
    expect(body.error.message).not.toMatch(/at .*\.ts:\d+/);
    await expectStillServing();
  });

  it('answers a semantic error (unknown label) with 400', async () => {
    const { status, body } = await query('MATCH (n:Unbekannt) RETURN n');
    expect(status).toBe(400);
    expect(body.error.message).toMatch(/Unbekannt does not exist/);
  });

  it('says which label, type or property was probably meant, and which the graph has', async () => {
    const label = await query('MATCH (n:Countyr) RETURN n');
    expect(label.status).toBe(400);
    expect(label.body.error.message).toContain('Did you mean "Country"?');
    expect(label.body.error.message).toMatch(/Labels: .*Person.*\. Relationship types: .*SUPPLIES/);
    const type = await query('MATCH ()-[r:SUPPLY]->() RETURN r');
    expect(type.body.error.message).toContain('Did you mean "SUPPLIES"?');
    const property = await query('MATCH (n:Country) RETURN n.nmae');
    expect(property.status).toBe(400);
    expect(property.body.error.message).toContain('Did you mean "name"?');
    // Nothing near enough: the names, but no guess.
    const far = await query('MATCH (n:Raumschiff) RETURN n');
    expect(far.body.error.message).toContain('has no label or relationship type "Raumschiff"');
    expect(far.body.error.message).not.toContain('Did you mean');
  });

  it('answers malformed JSON with 400 that says so', async () => {
    const { status, body } = await postJson(`${lb.url}/api/query`, '{"cypher": "RETURN 1"');
    expect(status).toBe(400);
    expect(body.error.code).toBe('InvalidRequest');
    expect(body.error.message).toMatch(/Malformed JSON/);
    await expectStillServing();
  });

  it.each([
    [{ cypher: 5 }, 'cypher'],
    [{}, 'cypher'],
    [{ cypher: '' }, 'cypher'],
    [{ cypher: 'RETURN 1', params: [1] }, 'params'],
    [{ cypher: 'RETURN 1', extra: true }, 'unknown field'],
  ])('rejects the body %j with 400 naming %s', async (payload, named) => {
    const { status, body } = await postJson(`${lb.url}/api/query`, payload);
    expect(status).toBe(400);
    expect(body.error.message).toContain(named);
  });

  it('rejects a missing parameter with a message naming it', async () => {
    const { status, body } = await query('MATCH (n:Country {uid: $wer}) RETURN n');
    expect(status).toBe(400);
    expect(body.error.message).toMatch(/wer/);
  });

  it('cancels a query over the time limit and answers with a timeout', async () => {
    const { status, body } = await query(
      'UNWIND range(1, 30000) AS a UNWIND range(1, 30000) AS b WITH a, b WHERE (a * b) % 7 = 3 RETURN count(*) AS n',
    );
    expect(status).toBe(408);
    expect(body.error.code).toBe('Timeout');
    expect(body.error.message).toMatch(/300 ms/);
    await expectStillServing();
  });

  it('answers an unknown endpoint with a JSON 404', async () => {
    const { status, body } = await getJson(`${lb.url}/api/nirgendwo`);
    expect(status).toBe(404);
    expect(body.error.code).toBe('NotFound');
  });
});

describe('GET /api/search', () => {
  it.each([
    ['Lavrov', 'Lawrow'],
    ['sergej lawrow', 'Lawrow'],
    ['DPRK', 'Nordkorea'],
    ['north korea', 'Nordkorea'],
    ['RUSSLAND', 'Russland'],
    ['Russia', 'Russland'],
    ['nato', 'NATO'],
  ])('finds %s as %s, first', async (text, name) => {
    const { status, body } = await getJson(`${lb.url}/api/search?q=${encodeURIComponent(text)}`);
    expect(status).toBe(200);
    expect(body.hits[0].node.properties.name).toBe(name);
  });

  it('finds a node by its whole uid, first', async () => {
    const { body } = await getJson(`${lb.url}/api/search?q=westliche-militaerberater`);
    expect(body.hits[0].node.properties.uid).toBe('westliche-militaerberater');
    expect(body.hits[0].matched).toBe('westliche-militaerberater');
    // Not a part of one: that would need every uid in the index.
    expect((await getJson(`${lb.url}/api/search?q=militaerberater`)).body.hits).toEqual([]);
  });

  it('finds the nodes of each word when no name holds the whole text, those with more of them first', async () => {
    const search = async (limit: number) =>
      (await getJson(`${lb.url}/api/search?q=${encodeURIComponent('Nordkorea Russland')}&limit=${limit}`))
        .body.hits as { node: { properties: Record<string, unknown> } }[];
    const names = (await search(20)).map((h) => h.node.properties.name);
    expect(names).toContain('Nordkorea');
    expect(names).toContain('Russland');
    // A short page holds the nodes named by both words (the partnership, the security agreement).
    const both = await search(2);
    expect(both).toHaveLength(2);
    for (const hit of both) {
      const text = JSON.stringify(hit.node.properties).toLowerCase();
      expect(text).toContain('nordkorea');
      expect(text).toContain('russland');
    }
    expect(names.indexOf('Nordkorea')).toBeGreaterThan(1);
    // A word that names nothing finds nothing on its own.
    expect((await getJson(`${lb.url}/api/search?q=${encodeURIComponent('Xyzzy Quux')}`)).body.hits).toEqual(
      [],
    );
  });

  it('respects the limit and ranks exact names above partial ones', async () => {
    const { body } = await getJson(`${lb.url}/api/search?q=ukraine&limit=2`);
    expect(body.hits).toHaveLength(2);
    expect(body.hits[0].node.properties.name).toBe('Ukraine');
  });

  it('rejects a missing or empty q with 400', async () => {
    expect((await getJson(`${lb.url}/api/search`)).status).toBe(400);
    expect((await getJson(`${lb.url}/api/search?q=%20`)).status).toBe(400);
    expect((await getJson(`${lb.url}/api/search?q=x&limit=0`)).status).toBe(400);
  });
});

describe('GET /api/nodes/:id/neighbors', () => {
  async function idOf(uid: string): Promise<string> {
    const { body } = await query('MATCH (n {uid: $uid}) RETURN n', { uid });
    return body.rows[0][0].id;
  }

  it('returns the node, a budget of neighbours and counts per type and direction', async () => {
    const id = await idOf('nordkorea');
    const { status, body } = await getJson(`${lb.url}/api/nodes/${id}/neighbors?limit=5`);
    expect(status).toBe(200);
    expect(body.node.properties.name).toBe('Nordkorea');
    expect(body.edges).toHaveLength(5);
    const all = await query("MATCH (n {uid: 'nordkorea'})-[r]-() RETURN count(r)");
    expect(body.total).toBe(all.body.rows[0][0]);
    expect(body.counts.reduce((sum: number, c: { count: number }) => sum + c.count, 0)).toBe(body.total);
    expect(body.remaining).toBe(body.total - 5);
    expect(body.counts).toContainEqual({ type: 'HAS_MOTIVE', direction: 'out', count: 3 });
    expect(body.counts).toContainEqual({ type: 'MENTIONS', direction: 'in', count: 2 });
    for (const edge of body.edges) expect([edge.source, edge.target]).toContain(id);
  });

  it('pages through every edge exactly once', async () => {
    const id = await idOf('russland');
    const seen = new Set<string>();
    let total: number | undefined;
    for (let offset = 0; ; offset += 4) {
      const { body } = await getJson(`${lb.url}/api/nodes/${id}/neighbors?limit=4&offset=${offset}`);
      total = body.total;
      for (const edge of body.edges) seen.add(edge.id);
      if (body.remaining === 0) break;
    }
    expect(seen.size).toBe(total);
  });

  it('filters by relationship type', async () => {
    const id = await idOf('nordkorea');
    const { body } = await getJson(`${lb.url}/api/nodes/${id}/neighbors?types=HAS_MOTIVE,SUPPLIES`);
    expect(body.total).toBe(4);
    expect(new Set(body.edges.map((e: { type: string }) => e.type))).toEqual(
      new Set(['HAS_MOTIVE', 'SUPPLIES']),
    );
  });

  it('answers an unknown id or a non-id with 404 and a hint', async () => {
    const unknown = await getJson(`${lb.url}/api/nodes/999:999/neighbors`);
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.code).toBe('NotFound');
    const notAnId = await getJson(`${lb.url}/api/nodes/${encodeURIComponent("x' OR 1=1")}/neighbors`);
    expect(notAnId.status).toBe(404);
    expect(notAnId.body.error.message).toMatch(/not a node id/);
    const badLimit = await getJson(`${lb.url}/api/nodes/0:0/neighbors?limit=abc`);
    expect(badLimit.status).toBe(400);
    expect(badLimit.body.error.message).toMatch(/limit/);
  });
});

describe('GET /api/schema, /api/queries, /api/health', () => {
  it('lists labels and relationship types with counts, property keys and connections', async () => {
    const { body } = await getJson(`${lb.url}/api/schema`);
    const country = body.labels.find((l: { label: string }) => l.label === 'Country');
    expect(country.count).toBe(5);
    expect(country.properties.map((p: { key: string }) => p.key)).toEqual(
      expect.arrayContaining(['uid', 'name', 'name_en', 'aliases']),
    );
    const supplies = body.relationshipTypes.find((t: { type: string }) => t.type === 'SUPPLIES');
    expect(supplies.count).toBe(2);
    expect(supplies.connections).toEqual([{ from: 'Country', to: 'Country' }]);
    expect(supplies.properties.map((p: { key: string }) => p.key)).toEqual(
      expect.arrayContaining(['sentence', 'qualification', 'claimed_by', 'article', 'item']),
    );
  });

  it('lists at least eight saved queries with titles and descriptions', async () => {
    const { body } = await getJson(`${lb.url}/api/queries`);
    expect(body.queries.length).toBeGreaterThanOrEqual(8);
    for (const q of body.queries) {
      expect(q.title.length).toBeGreaterThan(5);
      expect(q.description.length).toBeGreaterThan(10);
      expect(q.cypher).not.toMatch(/^\s*\/\//);
    }
  });

  it('reports status, backend, read-only flag and version', async () => {
    const { body } = await getJson(`${lb.url}/api/health`);
    expect(body).toEqual({
      status: 'ok',
      backend: 'ladybug',
      readOnly: false,
      version: 'test',
      searchIndex: expect.stringMatching(/^(ready|building|stale)$/),
      hubCounts: expect.stringMatching(/^(ready|counting)$/),
    });
  });
});
