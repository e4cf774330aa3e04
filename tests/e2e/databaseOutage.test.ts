// The database going away under a running explorer: Lagebild B runs on the Neo4j adapter against
// Lagebild A's Bolt endpoint; A stops, the explorer in headless Chromium says so in a banner and
// shows the 503 of a query; A comes back on the same port and the explorer recovers on its own.

import { rm } from 'node:fs/promises';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../server/app.ts';
import { startBoltServer, type RunningBoltServer } from '../../server/bolt/boltServer.ts';
import { openEmbeddedStore } from '../../server/store/openStore.ts';
import type { GraphStore } from '../../server/store/types.ts';
import { neo4jAdapter } from '../_helpers/bolt.ts';
import {
  buildClientForTests,
  launchChromium,
  openPage,
  screenshot,
  waitForCanvas,
} from '../_helpers/browser.ts';
import { CYPHER_DIR, makeDataDir } from '../_helpers/lagebild.ts';

/** Lagebild A: the embedded database on `dataDir`, served over Bolt (a free port, or `port`). */
async function startDatabase(
  dataDir: string,
  port = 0,
): Promise<{ store: GraphStore; bolt: RunningBoltServer }> {
  const { store } = await openEmbeddedStore(
    { DATA_DIR: dataDir, READ_ONLY: false, QUERY_TIMEOUT_MS: 30_000 },
    CYPHER_DIR,
  );
  const bolt = await startBoltServer({ store, host: '127.0.0.1', port, timeoutMs: 30_000, version: 'test' });
  return { store, bolt };
}

let dataDir: string;
let database: { store: GraphStore; bolt: RunningBoltServer } | undefined;
let boltPort: number;
let adapter: GraphStore;
let http: Server;
let url: string;
let browser: Browser;

beforeAll(async () => {
  const clientDir = await buildClientForTests();
  dataDir = await makeDataDir();
  database = await startDatabase(dataDir);
  boltPort = database.bolt.port;
  // Lagebild B: the explorer on the Neo4j adapter, pointed at A's Bolt endpoint.
  adapter = neo4jAdapter(`bolt://127.0.0.1:${boltPort}`);
  const app = createApp({
    store: adapter,
    savedQueries: [],
    version: 'test',
    maxRows: 1000,
    timeoutMs: 30_000,
    clientDir,
  });
  http = await new Promise((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  url = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => http?.close(resolve));
  await adapter?.close();
  if (database) {
    await database.bolt.close();
    await database.store.close();
  }
  await rm(dataDir, { recursive: true, force: true });
});

async function stopDatabase(): Promise<void> {
  await database!.bolt.close();
  await database!.store.close();
  database = undefined;
}

async function typeAndRun(page: Page, cypher: string): Promise<void> {
  await page.click('#editor .cm-content');
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Delete');
  await page.keyboard.insertText(cypher);
  await page.keyboard.press('Control+Enter');
}

const COUNTRIES = "MATCH (c:Country) WHERE c.uid IN ['iran', 'russland'] RETURN c";

describe('the explorer when the database goes away and comes back', () => {
  it('shows a banner and the 503 of a query while it is away, and recovers on its own without a reload', async () => {
    const { page } = await openPage(browser, { width: 1280, height: 800 });
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await page.goto(`${url}/?q=${encodeURIComponent(COUNTRIES)}`);
    await waitForCanvas(page, 's.summary.nodes === 2');
    // The schema panel has loaded too (it reads through the adapter as well).
    await page.locator('#schema-labels li').first().waitFor({ timeout: 30_000 });
    const labelChips = await page.locator('#schema-labels li').count();
    expect(labelChips).toBeGreaterThan(5);
    const banner = page.locator('#connection-banner');
    expect(await banner.isHidden()).toBe(true);
    // Proves later that the page was never reloaded.
    await page.evaluate(() => ((window as unknown as { sameDocument: boolean }).sameDocument = true));

    await stopDatabase();

    // Noticed by the regular health check, before anyone runs anything.
    await banner.waitFor({ state: 'visible', timeout: 30_000 });
    expect(await banner.getAttribute('data-state')).toBe('down');
    expect(await banner.textContent()).toMatch(
      /The database cannot be reached\..*Neo4j at bolt:\/\/127\.0\.0\.1:\d+/s,
    );
    await screenshot(page, 'outage-01-banner');

    // A query in the meantime shows the server's 503 message under the editor.
    await typeAndRun(page, "MATCH (c:Country {uid: 'iran'}) RETURN c");
    const error = page.locator('#query-error');
    await error.waitFor({ state: 'visible', timeout: 30_000 });
    expect(await error.textContent()).toMatch(/^Unavailable.*Neo4j at bolt:\/\/127\.0\.0\.1:\d+/s);
    expect(await banner.isVisible()).toBe(true);
    await screenshot(page, 'outage-02-query-503');

    // A comes back on the same port: the banner says so and goes, without a reload.
    database = await startDatabase(dataDir, boltPort);
    await page.waitForFunction(
      () => document.getElementById('connection-banner')?.dataset.state === 'recovered',
      undefined,
      { timeout: 30_000 },
    );
    expect(await banner.textContent()).toContain('Connected again.');
    expect(await error.isHidden()).toBe(true);
    await screenshot(page, 'outage-03-recovered');
    await banner.waitFor({ state: 'hidden', timeout: 15_000 });
    expect(await page.evaluate(() => (window as unknown as { sameDocument?: boolean }).sameDocument)).toBe(
      true,
    );

    // And a query works again.
    await typeAndRun(page, "MATCH (c:Country {uid: 'iran'}) RETURN c");
    const state = await waitForCanvas(
      page,
      (s) => s.nodes.some((n) => n.name === 'Iran') && s.summary.nodes === 1,
    );
    expect(state.nodes.map((n) => n.name)).toEqual(['Iran']);
    expect(await error.isHidden()).toBe(true);
    await screenshot(page, 'outage-04-query-again');
    expect(await page.locator('#schema-labels li').count()).toBe(labelChips);
    expect(pageErrors).toEqual([]);
    await page.context().close();
  }, 120_000);
});
