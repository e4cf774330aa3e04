// The Bolt endpoint under misbehaving and unusual clients, spoken to over a bare socket:
// garbage instead of a handshake, version choice, a client hanging up mid-result or with a
// transaction open, FAILURE then IGNORED until RESET, PULL in batches; plus passwords,
// READ_ONLY and transaction time limits. After each, the server must go on serving.

import neo4j from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmbeddedOverBolt, type EmbeddedOverBolt } from '../_helpers/bolt.ts';
import { WireClient } from '../_helpers/boltWire.ts';

const RUN = 0x10;
const PULL = 0x3f;
const BEGIN = 0x11;
const RESET = 0x0f;

let served: EmbeddedOverBolt;
beforeAll(async () => {
  served = await startEmbeddedOverBolt({ timeoutMs: 1500 });
});
afterAll(async () => {
  await served?.dispose();
});

/** A fresh driver query proves the server still serves. */
async function stillServes(port = served.bolt.port): Promise<void> {
  const driver = neo4j.driver(`bolt://127.0.0.1:${port}`, neo4j.auth.basic('neo4j', 'x'));
  try {
    const { records } = await driver.executeQuery("MATCH (n:Country {uid: 'iran'}) RETURN n.name AS name");
    expect(records[0]!.get('name')).toBe('Iran');
  } finally {
    await driver.close();
  }
}

describe('handshake', () => {
  it('closes a connection that sends garbage instead of a handshake and keeps serving the others', async () => {
    const garbage = await WireClient.connect(served.bolt.port);
    garbage.sendRaw(Buffer.from('GET / HTTP/1.1\r\nHost: localhost\r\n\r\n'));
    await garbage.waitClosed();
    const random = await WireClient.connect(served.bolt.port);
    random.sendRaw(Buffer.from([0x60, 0x60, 0xb0, 0x17, 0xde, 0xad, 0xbe, 0xef, 1, 2, 3]));
    random.sendRaw(Buffer.alloc(9, 0xff));
    const answer = await random.handshake([]).catch(() => Buffer.alloc(0));
    expect([...answer]).toEqual(answer.length ? [0, 0, 0, 0] : []);
    await random.waitClosed();
    await stillServes();
  });

  it('picks the highest Bolt 5 version within the client’s range and refuses Bolt 4 alone', async () => {
    const old = await WireClient.connect(served.bolt.port);
    expect([...(await old.handshake([[5, 2, 2]]))]).toEqual([0, 0, 2, 5]);
    old.destroy();
    const bolt4 = await WireClient.connect(served.bolt.port);
    expect([...(await bolt4.handshake([[4, 4, 2]]))]).toEqual([0, 0, 0, 0]);
    await bolt4.waitClosed();
  });

  it('accepts credentials inside HELLO on Bolt 5.0', async () => {
    const client = await WireClient.connect(served.bolt.port);
    expect([...(await client.handshake([[5, 0, 0]]))]).toEqual([0, 0, 0, 5]);
    client.send(0x01, [{ user_agent: 'wire/1', scheme: 'basic', principal: 'neo4j', credentials: 'x' }]);
    expect((await client.next()).name).toBe('SUCCESS');
    client.send(RUN, ['RETURN 1 AS one', {}, {}]);
    client.send(PULL, [{ n: -1 }]);
    expect((await client.next()).fields[0]).toMatchObject({ fields: ['one'] });
    expect((await client.untilSummary()).map((r) => r.name)).toEqual(['RECORD', 'SUCCESS']);
    client.destroy();
  });
});

describe('results and failures', () => {
  it('pulls n records at a time and says when more follow', async () => {
    const client = await WireClient.connect(served.bolt.port);
    await client.login();
    client.send(RUN, ['UNWIND range(1, 10) AS x RETURN x', {}, {}]);
    client.send(PULL, [{ n: 4 }]);
    await client.next();
    const first = await client.untilSummary();
    expect(first.filter((r) => r.name === 'RECORD').map((r) => (r.fields[0] as number[])[0])).toEqual([
      1, 2, 3, 4,
    ]);
    expect(first.at(-1)!.fields[0]).toEqual({ has_more: true });
    client.send(PULL, [{ n: 6 }]);
    const second = await client.untilSummary();
    expect(second.filter((r) => r.name === 'RECORD')).toHaveLength(6);
    expect(second.at(-1)!.fields[0]).toMatchObject({ type: 'r', db: 'neo4j' });
    expect(second.at(-1)!.fields[0]).not.toHaveProperty('has_more');
    client.destroy();
  });

  it('ignores requests after a FAILURE until RESET, then serves again', async () => {
    const client = await WireClient.connect(served.bolt.port);
    await client.login();
    client.send(RUN, ['RETURN 1 +', {}, {}]);
    client.send(PULL, [{ n: -1 }]);
    client.send(RUN, ['RETURN 2 AS two', {}, {}]);
    const failure = await client.next();
    expect(failure.name).toBe('FAILURE');
    expect(failure.fields[0]).toMatchObject({ code: 'Neo.ClientError.Statement.SyntaxError' });
    expect((await client.next()).name).toBe('IGNORED');
    expect((await client.next()).name).toBe('IGNORED');
    client.send(RESET, []);
    expect((await client.next()).name).toBe('SUCCESS');
    client.send(RUN, ['RETURN 2 AS two', {}, {}]);
    client.send(PULL, [{ n: -1 }]);
    await client.next();
    const rows = await client.untilSummary();
    expect(rows[0]!.fields[0]).toEqual([2]);
    client.destroy();
  });

  it('closes a connection that breaks the protocol with a malformed message', async () => {
    const client = await WireClient.connect(served.bolt.port);
    await client.login();
    client.sendRaw(Buffer.from([0x00, 0x02, 0xb1, 0xee, 0x00, 0x00]));
    const answer = await client.next();
    expect(answer.fields[0]).toMatchObject({ code: 'Neo.ClientError.Request.Invalid' });
    await client.waitClosed();
    await stillServes();
  });

  it('goes on serving after a client hangs up in the middle of a large result', async () => {
    const client = await WireClient.connect(served.bolt.port);
    await client.login();
    client.send(RUN, ['UNWIND range(1, 50000) AS x RETURN x, "padding padding padding" AS p', {}, {}]);
    client.send(PULL, [{ n: -1 }]);
    await client.next();
    await client.next();
    client.destroy();
    await stillServes();
  });

  it('rolls back and frees the write lock when a client hangs up with a transaction open', async () => {
    const client = await WireClient.connect(served.bolt.port);
    await client.login();
    client.send(BEGIN, [{}]);
    client.send(RUN, ["MERGE (c:Country {uid: 'wire-probe'}) RETURN c", {}, {}]);
    client.send(PULL, [{ n: -1 }]);
    expect((await client.next()).name).toBe('SUCCESS');
    await client.next();
    await client.untilSummary();
    client.destroy();
    const driver = neo4j.driver(served.url, neo4j.auth.basic('neo4j', 'x'));
    try {
      // A write needs the lock the vanished client held.
      await driver.executeQuery("MERGE (c:Country {uid: 'wire-probe-2'}) RETURN c");
      const { records } = await driver.executeQuery(
        "MATCH (c:Country) WHERE c.uid IN ['wire-probe', 'wire-probe-2'] RETURN c.uid AS uid",
      );
      expect(records.map((r) => r.get('uid'))).toEqual(['wire-probe-2']);
      await driver.executeQuery("MATCH (c:Country {uid: 'wire-probe-2'}) DELETE c");
    } finally {
      await driver.close();
    }
  });

  it('rolls back a transaction left open past the time limit, so that others can write', async () => {
    const client = await WireClient.connect(served.bolt.port);
    await client.login();
    client.send(BEGIN, [{}]);
    client.send(RUN, ["MERGE (c:Country {uid: 'idle-probe'}) RETURN c", {}, {}]);
    client.send(PULL, [{ n: -1 }]);
    await client.next();
    await client.next();
    await client.untilSummary();
    // The client now idles; the server's limit is 1.5 s.
    const driver = neo4j.driver(served.url, neo4j.auth.basic('neo4j', 'x'));
    try {
      await driver.executeQuery("MERGE (c:Country {uid: 'idle-probe-2'})");
      client.send(0x12, []);
      const commit = await client.next();
      expect(commit.fields[0]).toMatchObject({ code: 'Neo.ClientError.Transaction.TransactionTimedOut' });
      const { records } = await driver.executeQuery(
        "MATCH (c:Country) WHERE c.uid STARTS WITH 'idle-probe' RETURN c.uid AS uid",
      );
      expect(records.map((r) => r.get('uid'))).toEqual(['idle-probe-2']);
    } finally {
      await driver.close();
      client.destroy();
    }
  });
});

describe('configuration over Bolt', () => {
  it('requires BOLT_PASSWORD when one is set', async () => {
    const locked = await startEmbeddedOverBolt({ password: 'sesam' });
    try {
      const wrong = neo4j.driver(locked.url, neo4j.auth.basic('neo4j', 'falsch'));
      const error = await wrong.verifyConnectivity().then(
        () => undefined,
        (e: { code?: string }) => e,
      );
      await wrong.close();
      expect(error?.code).toBe('Neo.ClientError.Security.Unauthorized');
      const right = neo4j.driver(locked.url, neo4j.auth.basic('anyone', 'sesam'));
      const { records } = await right.executeQuery('RETURN 1 AS one');
      expect(records).toHaveLength(1);
      await right.close();
    } finally {
      await locked.dispose();
    }
  });

  it('refuses writes on a READ_ONLY store with ForbiddenOnReadOnlyDatabase and applies the time limit', async () => {
    const readOnly = await startEmbeddedOverBolt({ readOnly: true, timeoutMs: 300 });
    const driver = neo4j.driver(readOnly.url, neo4j.auth.basic('neo4j', 'x'));
    try {
      const write = await driver.executeQuery("MERGE (c:Country {uid: 'ro'})").then(
        () => undefined,
        (e: { code?: string }) => e,
      );
      expect(write?.code).toBe('Neo.ClientError.General.ForbiddenOnReadOnlyDatabase');
      const slow = await driver
        .executeQuery(
          'UNWIND range(1, 30000) AS a UNWIND range(1, 30000) AS b WITH a, b WHERE (a * b) % 7 = 3 RETURN count(*) AS n',
        )
        .then(
          () => undefined,
          (e: { code?: string }) => e,
        );
      expect(slow?.code).toBe('Neo.ClientError.Transaction.TransactionTimedOut');
      await stillServes(readOnly.bolt.port);
    } finally {
      await driver.close();
      await readOnly.dispose();
    }
  });
});
