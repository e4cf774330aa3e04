// A client that disconnects in the middle of a download stops the export on the server
// (the real app, over HTTP), and the server keeps serving.

import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createApp } from '../../server/app.ts';
import { startLagebild, type RunningLagebild } from '../_helpers/lagebild.ts';

let lb: RunningLagebild;
let server: Server;
let url: string;
const entries: Record<string, unknown>[] = [];

beforeAll(async () => {
  lb = await startLagebild();
  await lb.store.runScript([
    'CREATE NODE TABLE Bulk(uid STRING PRIMARY KEY, text STRING)',
    "UNWIND range(1, 30000) AS i CREATE (:Bulk {uid: 'bulk-' + to_string(i), text: 'Eine ziemlich lange Zeile Text für den Export, Nummer ' + to_string(i)})",
  ]);
  // A second app on the same store, with a log we can read.
  const app = createApp({
    store: lb.store,
    savedQueries: [],
    version: 'test',
    maxRows: 1000,
    timeoutMs: 60_000,
    log: (entry) => entries.push(entry),
  });
  server = await new Promise((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise<void>((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
  await lb.dispose();
});

it('stops the export when the client goes away after the first bytes, and keeps serving', async () => {
  const controller = new AbortController();
  const response = await fetch(`${url}/api/export`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ format: 'graphml', scope: { kind: 'query', cypher: 'MATCH (n:Bulk) RETURN n' } }),
    signal: controller.signal,
  });
  expect(response.status).toBe(200);
  const reader = response.body!.getReader();
  const first = await reader.read();
  expect(first.value!.byteLength).toBeGreaterThan(0);
  controller.abort();

  const deadline = Date.now() + 10_000;
  while (!entries.some((e) => /export cancelled/.test(String(e.msg))) && Date.now() < deadline)
    await new Promise((resolve) => setTimeout(resolve, 50));
  expect(entries.map((e) => e.msg)).toContain('export cancelled: the client went away');
  expect(entries.map((e) => e.msg)).not.toContain('export finished');

  const health = await fetch(`${url}/api/health`);
  expect(health.status).toBe(200);
});
