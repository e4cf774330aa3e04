// The Neo4j adapter when Neo4j is not there or refuses the credentials: clear messages from
// verify() and /api/health, and recovery without a restart once the server answers.

import net from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import { createApp } from '../../server/app.ts';
import { startBoltServer } from '../../server/bolt/boltServer.ts';
import { neo4jAdapter, startEmbeddedOverBolt } from '../_helpers/bolt.ts';

/** A port nothing listens on (taken, then released). */
async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

const cleanups: (() => Promise<unknown>)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

describe('the Neo4j adapter at start-up', () => {
  it('says Neo4j cannot be reached, in verify() and in /api/health, then recovers once it answers', async () => {
    const port = await closedPort();
    const store = neo4jAdapter(`bolt://127.0.0.1:${port}`);
    cleanups.push(() => store.close());
    await expect(store.verify()).rejects.toThrow(
      new RegExp(`Neo4j at bolt://127.0.0.1:${port} cannot be reached \\(.*ECONNREFUSED`),
    );

    const app = createApp({ store, savedQueries: [], version: 'test', maxRows: 10, timeoutMs: 5000 });
    const http = await new Promise<import('node:http').Server>((resolve) => {
      const s = app.listen(0, '127.0.0.1', () => resolve(s));
    });
    cleanups.push(() => new Promise((resolve) => http.close(resolve)));
    const url = `http://127.0.0.1:${(http.address() as AddressInfo).port}/api/health`;
    const down = await fetch(url);
    expect(down.status).toBe(503);
    expect(((await down.json()) as { message: string }).message).toMatch(/cannot be reached/);

    // Neo4j (here: our Bolt endpoint) appears on that port; the waiting adapter connects.
    const served = await startEmbeddedOverBolt();
    cleanups.push(() => served.dispose());
    const onThatPort = await startBoltServer({
      store: served.store,
      host: '127.0.0.1',
      port,
      timeoutMs: 5000,
      version: 'test',
    });
    cleanups.push(() => onThatPort.close());
    const retries: string[] = [];
    await store.waitUntilReachable({ onRetry: (message) => retries.push(message) });
    const up = await fetch(url);
    expect(up.status).toBe(200);
    expect(await up.json()).toMatchObject({ status: 'ok', backend: 'neo4j' });
  });

  it('says the credentials are wrong when Neo4j refuses them', async () => {
    const served = await startEmbeddedOverBolt({ password: 'sesam' });
    cleanups.push(() => served.dispose());
    const store = neo4jAdapter(served.url, { password: 'falsch' });
    cleanups.push(() => store.close());
    await expect(store.verify()).rejects.toThrow(
      /refused the credentials of user "neo4j": check NEO4J_USER and NEO4J_PASSWORD/,
    );
    expect(await store.health()).toMatchObject({
      ok: false,
      message: expect.stringMatching(/refused the credentials/),
    });
    const right = neo4jAdapter(served.url, { password: 'sesam' });
    cleanups.push(() => right.close());
    await right.verify();
    expect(await right.health()).toMatchObject({ ok: true });
  });
});
