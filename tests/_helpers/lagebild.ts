// Starts a real Lagebild for a test: a fresh embedded database in a temp directory, loaded
// with the article graph, behind the real express app on a free port.

import { mkdtemp, rm } from 'node:fs/promises';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { createApp } from '../../server/app.ts';
import { loadConfig, type Config } from '../../server/config.ts';
import { answerClientErrors } from '../../server/http/clientErrors.ts';
import { securityOptionsFrom } from '../../server/http/security.ts';
import { loadSavedQueries, type SavedQuery } from '../../server/savedQueries.ts';
import { openEmbeddedStore } from '../../server/store/openStore.ts';
import type { GraphStore } from '../../server/store/types.ts';

export const ROOT = path.resolve(import.meta.dirname, '../..');
export const CYPHER_DIR = path.join(ROOT, 'cypher');

export interface RunningLagebild {
  url: string;
  store: GraphStore;
  config: Config;
  dataDir: string;
  savedQueries: SavedQuery[];
  /** Stops the server and closes the database; keeps the data directory. */
  stop(): Promise<void>;
  /** Stops and deletes the data directory. */
  dispose(): Promise<void>;
}

export async function makeDataDir(): Promise<string> {
  return mkdtemp(path.join(os.tmpdir(), 'lagebild-test-'));
}

/** Starts Lagebild on `dataDir` (a new temp directory when absent) with extra config values. */
export async function startLagebild(
  options: {
    dataDir?: string;
    env?: Record<string, string>;
    clientDir?: string;
    /** Receives the app's structured log lines (audit log, errors). */
    log?: (entry: Record<string, unknown>) => void;
  } = {},
): Promise<RunningLagebild> {
  const dataDir = options.dataDir ?? (await makeDataDir());
  const config = loadConfig({ ...options.env, DATA_DIR: dataDir, PORT: '0' });
  const { store } = await openEmbeddedStore(config, CYPHER_DIR);
  const savedQueries = await loadSavedQueries(path.join(CYPHER_DIR, 'queries'));
  const app = createApp({
    store,
    savedQueries,
    version: 'test',
    maxRows: config.MAX_ROWS,
    timeoutMs: config.QUERY_TIMEOUT_MS,
    security: securityOptionsFrom(config),
    ...(options.log ? { log: options.log } : {}),
    ...(options.clientDir ? { clientDir: options.clientDir } : {}),
  });
  const server: Server = await new Promise((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
    answerClientErrors(s);
  });
  const { port } = server.address() as AddressInfo;
  const stop = async () => {
    await new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
    await store.close();
  };
  return {
    url: `http://127.0.0.1:${port}`,
    store,
    config,
    dataDir,
    savedQueries,
    stop,
    dispose: async () => {
      await stop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** POSTs JSON and returns status and parsed body. */
export async function postJson(url: string, body: unknown): Promise<{ status: number; body: any }> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: response.status, body: await response.json() };
}

export async function getJson(url: string): Promise<{ status: number; body: any }> {
  const response = await fetch(url);
  return { status: response.status, body: await response.json() };
}
