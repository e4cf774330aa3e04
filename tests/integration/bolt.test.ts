// The Bolt endpoint driven by neo4j-driver 6 itself: URIs, sessions, transactions, batches,
// errors with Neo4j status codes, graph values with element ids, introspection procedures.

import neo4j, { type Driver, type Node, type Path, type Relationship } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmbeddedOverBolt, type EmbeddedOverBolt } from '../_helpers/bolt.ts';

let served: EmbeddedOverBolt;
let driver: Driver;

beforeAll(async () => {
  served = await startEmbeddedOverBolt({ timeoutMs: 30_000 });
  driver = neo4j.driver(served.url, neo4j.auth.basic('neo4j', 'any'));
});
afterAll(async () => {
  await driver?.close();
  await served?.dispose();
});

async function codeOf(run: () => Promise<unknown>): Promise<string> {
  try {
    await run();
  } catch (error) {
    return (error as { code?: string }).code ?? String(error);
  }
  return 'no error';
}

const SLOW =
  'UNWIND range(1, 30000) AS a UNWIND range(1, 30000) AS b WITH a, b WHERE (a * b) % 7 = 3 RETURN count(*) AS n';

describe('connecting', () => {
  it('accepts bolt:// and neo4j:// URIs and negotiates Bolt 5.8 through the manifest handshake', async () => {
    for (const scheme of ['bolt', 'neo4j']) {
      const client = neo4j.driver(
        `${scheme}://127.0.0.1:${served.bolt.port}`,
        neo4j.auth.basic('neo4j', 'x'),
      );
      try {
        const info = await client.getServerInfo();
        expect(info.protocolVersion).toMatchObject({ major: 5, minor: 8 });
        expect(info.agent).toMatch(/^Neo4j\/5\./);
        const { records } = await client.executeQuery(
          "MATCH (n:Country {uid: 'iran'}) RETURN n.name AS name",
        );
        expect(records.map((r) => r.get('name'))).toEqual(['Iran']);
      } finally {
        await client.close();
      }
    }
  });

  it('answers ROUTE with itself as router, reader and writer', async () => {
    const client = neo4j.driver(`neo4j://127.0.0.1:${served.bolt.port}`, neo4j.auth.basic('neo4j', 'x'));
    try {
      const session = client.session({ defaultAccessMode: neo4j.session.READ });
      const result = await session.run('RETURN 1 AS one');
      expect(result.summary.server.address).toBe(`127.0.0.1:${served.bolt.port}`);
      await session.close();
      const write = await client.executeQuery('RETURN 2 AS two', {}, { routing: neo4j.routing.WRITE });
      expect(write.records[0]!.get('two')).toEqual(neo4j.int(2));
    } finally {
      await client.close();
    }
  });
});

describe('queries and values', () => {
  it('returns nodes, relationships and paths as Bolt structures with element ids', async () => {
    const { records } = await driver.executeQuery(
      "MATCH p = (a:Country {uid: 'iran'})-[r:SUPPLIES]->(b) RETURN a, r, p, elementId(a) AS aid, type(r) AS t, labels(a) AS l",
    );
    const a = records[0]!.get('a') as Node;
    const r = records[0]!.get('r') as Relationship;
    const p = records[0]!.get('p') as Path;
    expect(a.labels).toEqual(['Country']);
    expect(a.properties.name).toBe('Iran');
    expect(a.elementId).toBe(records[0]!.get('aid'));
    expect(r.type).toBe('SUPPLIES');
    expect(records[0]!.get('t')).toBe('SUPPLIES');
    expect(records[0]!.get('l')).toEqual(['Country']);
    expect(r.startNodeElementId).toBe(a.elementId);
    expect(p.start.elementId).toBe(a.elementId);
    expect(p.segments[0]!.relationship.elementId).toBe(r.elementId);
    expect(p.end.properties.uid).toBe('russland');
  });

  it('sends dates, durations and integers beyond 2^53 as their Bolt types', async () => {
    const { records } = await driver.executeQuery(
      "MATCH (a:Article {uid: 'article-2024-11-18-nordkorea-russland'}) RETURN a.date AS d, interval('3 days 2 hours') AS i, 9007199254740993 AS big",
    );
    const row = records[0]!;
    expect(neo4j.isDate(row.get('d'))).toBe(true);
    expect(row.get('d').toString()).toBe('2024-11-18');
    expect(neo4j.isDuration(row.get('i'))).toBe(true);
    expect(row.get('i').days.toNumber()).toBe(3);
    expect(row.get('i').seconds.toNumber()).toBe(7200);
    expect(row.get('big').toString()).toBe('9007199254740993');
  });

  it('names unaliased columns by their text, as Neo4j does', async () => {
    const { keys, records } = await driver.executeQuery(
      "MATCH (a:Country {uid: 'iran'})-[r]->(b) RETURN count(*), collect(b.uid), type(r) ORDER BY type(r)",
    );
    expect(keys).toEqual(['count(*)', 'collect(b.uid)', 'type(r)']);
    expect(records[0]!.get('count(*)').toNumber()).toBeGreaterThan(0);
  });

  it('pulls a result in batches of fetchSize', async () => {
    const session = driver.session({ fetchSize: 7 });
    try {
      const seen: number[] = [];
      for await (const record of session.run('UNWIND range(1, 50) AS x RETURN x'))
        seen.push(record.get('x').toNumber());
      expect(seen).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
    } finally {
      await session.close();
    }
  });

  it('serves many sessions at once', async () => {
    const { records } = await driver.executeQuery('MATCH (n) RETURN n.uid AS uid, n.name AS name');
    const expected = new Map(records.map((r) => [r.get('uid') as string, r.get('name') as string]));
    const uids = [...expected.keys()];
    const answers = await Promise.all(
      Array.from({ length: 24 }, async (_, i) => {
        const uid = uids[i % uids.length]!;
        const session = driver.session({ fetchSize: 5 });
        try {
          const tx = await session.beginTransaction();
          const result = await tx.run('MATCH (n) WHERE n.uid = $uid RETURN n.name AS name, $i AS i', {
            uid,
            i: neo4j.int(i),
          });
          await tx.commit();
          return {
            uid,
            i,
            name: result.records[0]!.get('name'),
            echoed: result.records[0]!.get('i').toNumber(),
          };
        } finally {
          await session.close();
        }
      }),
    );
    for (const answer of answers) {
      expect(answer.name).toBe(expected.get(answer.uid));
      expect(answer.echoed).toBe(answer.i);
    }
  });

  it('refuses another database and parameters the engine cannot take, with Neo4j codes', async () => {
    expect(await codeOf(() => driver.executeQuery('RETURN 1', {}, { database: 'news' }))).toBe(
      'Neo.ClientError.Database.DatabaseNotFound',
    );
    expect(await codeOf(() => driver.executeQuery('RETURN 1', {}, { impersonatedUser: 'alice' }))).toBe(
      'Neo.ClientError.Security.Forbidden',
    );
    const session = driver.session();
    try {
      const date = new neo4j.types.Date(2024, 11, 18);
      expect(await codeOf(() => session.run('RETURN $d AS d', { d: date }))).toBe(
        'Neo.ClientError.Statement.TypeError',
      );
      const { records } = await session.run('RETURN date($d) AS d', { d: date.toString() });
      expect(records[0]!.get('d').toString()).toBe('2024-11-18');
    } finally {
      await session.close();
    }
  });
});

describe('transactions', () => {
  it('leaves nothing behind after a rolled back transaction, and keeps a committed one', async () => {
    const session = driver.session();
    try {
      const tx = await session.beginTransaction();
      await tx.run("MERGE (c:Country {uid: 'bolt-probe'}) SET c.name = 'Probe'");
      const inside = await tx.run("MATCH (c:Country {uid: 'bolt-probe'}) RETURN count(c) AS n");
      expect(inside.records[0]!.get('n').toNumber()).toBe(1);
      await tx.rollback();
      const after = await session.run("MATCH (c:Country {uid: 'bolt-probe'}) RETURN count(c) AS n");
      expect(after.records[0]!.get('n').toNumber()).toBe(0);

      await session.executeWrite((work) =>
        work.run("MERGE (c:Country {uid: 'bolt-probe'}) SET c.name = 'Probe'"),
      );
      const kept = await session.run("MATCH (c:Country {uid: 'bolt-probe'}) RETURN c.name AS name");
      expect(kept.records.map((r) => r.get('name'))).toEqual(['Probe']);
      await session.run("MATCH (c:Country {uid: 'bolt-probe'}) DELETE c");
    } finally {
      await session.close();
    }
  });

  it('answers a broken query with a Neo4j status code and then serves a good one on the same connection', async () => {
    const single = neo4j.driver(served.url, neo4j.auth.basic('neo4j', 'x'), { maxConnectionPoolSize: 1 });
    try {
      const session = single.session();
      expect(await codeOf(() => session.run('RETURN 1 +'))).toBe('Neo.ClientError.Statement.SyntaxError');
      expect(await codeOf(() => session.run('MATCH (n:NoSuchLabel) RETURN n'))).toBe(
        'Neo.ClientError.Statement.SyntaxError',
      );
      const good = await session.run('RETURN 41 + 1 AS answer');
      expect(good.records[0]!.get('answer').toNumber()).toBe(42);
      const tx = await session.beginTransaction();
      expect(await codeOf(() => tx.run('RETURN nope('))).toBe('Neo.ClientError.Statement.SyntaxError');
      await tx.close();
      expect((await session.run('RETURN 1 AS one')).records).toHaveLength(1);
      await session.close();
    } finally {
      await single.close();
    }
  });

  it('refuses a write in a READ session with Neo.ClientError.Statement.AccessMode', async () => {
    const session = driver.session({ defaultAccessMode: neo4j.session.READ });
    try {
      expect(await codeOf(() => session.run("MERGE (c:Country {uid: 'bolt-ro'})"))).toBe(
        'Neo.ClientError.Statement.AccessMode',
      );
      expect(
        await codeOf(() => session.executeRead((tx) => tx.run("MERGE (c:Country {uid: 'bolt-ro'})"))),
      ).toBe('Neo.ClientError.Statement.AccessMode');
    } finally {
      await session.close();
    }
    const { records } = await driver.executeQuery("MATCH (c:Country {uid: 'bolt-ro'}) RETURN count(c) AS n");
    expect(records[0]!.get('n').toNumber()).toBe(0);
  });

  it('cancels a query past the client’s transaction timeout with TransactionTimedOut', async () => {
    const session = driver.session();
    try {
      expect(await codeOf(() => session.run(SLOW, {}, { timeout: 300 }))).toBe(
        'Neo.ClientError.Transaction.TransactionTimedOut',
      );
      expect((await session.run('RETURN 1 AS one')).records).toHaveLength(1);
    } finally {
      await session.close();
    }
  });
});

describe('introspection procedures that tools call on connect', () => {
  it('answers db.labels(), db.relationshipTypes(), db.propertyKeys() and dbms.components()', async () => {
    const labels = await driver.executeQuery('CALL db.labels() YIELD label RETURN label');
    expect(labels.records.map((r) => r.get('label'))).toEqual(
      expect.arrayContaining(['Country', 'Person', 'Article']),
    );
    const types = await driver.executeQuery('CALL db.relationshipTypes()');
    expect(types.records.map((r) => r.get('relationshipType'))).toContain('SUPPLIES');
    const keys = await driver.executeQuery('CALL db.propertyKeys() YIELD propertyKey AS key');
    expect(keys.records.map((r) => r.get('key'))).toEqual(
      expect.arrayContaining(['uid', 'name', 'sentence']),
    );
    const ping = await driver.executeQuery('CALL db.ping()');
    expect(ping.records[0]!.get('success')).toBe(true);
    const components = await driver.executeQuery('CALL dbms.components() YIELD name, versions, edition');
    expect(components.records[0]!.get('name')).toBe('Neo4j Kernel');
  });

  it('answers db.schema.visualization() with one node per label and the relationships between them', async () => {
    const { records } = await driver.executeQuery('CALL db.schema.visualization()');
    const nodes = records[0]!.get('nodes') as Node[];
    const relationships = records[0]!.get('relationships') as Relationship[];
    const labelOf = new Map(nodes.map((n) => [n.elementId, n.labels[0]]));
    expect([...labelOf.values()]).toContain('Country');
    const supplies = relationships.filter((r) => r.type === 'SUPPLIES');
    expect(
      supplies.map((r) => [labelOf.get(r.startNodeElementId), labelOf.get(r.endNodeElementId)]),
    ).toContainEqual(['Country', 'Country']);
  });
});
