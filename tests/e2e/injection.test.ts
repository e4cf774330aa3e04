// Script payloads in every place a database can hold text (label, relationship type, property
// name, property value) are shown as text in the explorer and run nothing.

import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildClientForTests,
  launchChromium,
  openPage,
  screenshot,
  waitForCanvas,
} from '../_helpers/browser.ts';
import { getJson, postJson, startLagebild, type RunningLagebild } from '../_helpers/lagebild.ts';

const LABEL = '<img src=x onerror=alert(1)>';
const TYPE = '<script>alert(3)</script>';
const KEY = '<svg onload=alert(2)>';
const NAME = '<b onmouseover=alert(4)>fett</b>';
const VALUE = '<iframe src=javascript:alert(5)>';
const SENTENCE = '<img src=y onerror=alert(6)>';
const q = (name: string) => `\`${name}\``;

let lb: RunningLagebild;
let browser: Browser;

beforeAll(async () => {
  const clientDir = await buildClientForTests();
  lb = await startLagebild({ clientDir });
  for (const cypher of [
    `CREATE NODE TABLE ${q(LABEL)}(uid STRING PRIMARY KEY, name STRING, ${q(KEY)} STRING)`,
    `CREATE REL TABLE ${q(TYPE)}(FROM ${q(LABEL)} TO Country, sentence STRING)`,
    `CREATE (:${q(LABEL)} {uid: 'x1', name: $name, ${q(KEY)}: $value})`,
    `MATCH (a:${q(LABEL)} {uid: 'x1'}), (b:Country {uid: 'iran'}) CREATE (a)-[:${q(TYPE)} {sentence: $sentence}]->(b)`,
  ]) {
    const { status, body } = await postJson(`${lb.url}/api/query`, {
      cypher,
      params: cypher.includes('$') ? { name: NAME, value: VALUE, sentence: SENTENCE } : {},
    });
    expect(status, JSON.stringify(body)).toBe(200);
  }
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await lb?.dispose();
});

describe('script payloads in labels, types, property names and values', () => {
  it('the API keeps them as data', async () => {
    const { body } = await getJson(`${lb.url}/api/schema`);
    expect(body.labels.map((l: { label: string }) => l.label)).toContain(LABEL);
    expect(body.relationshipTypes.map((t: { type: string }) => t.type)).toContain(TYPE);
  });

  it('the explorer shows them as text in canvas, inspector, table, legend and schema, and runs none', async () => {
    const { page, context } = await openPage(browser);
    let dialogs = 0;
    page.on('dialog', (dialog) => {
      dialogs += 1;
      void dialog.dismiss();
    });
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));
    try {
      const cypher = `MATCH (a)-[r]->(b) WHERE a.uid = 'x1' RETURN a, r, b`;
      await page.goto(`${lb.url}/?q=${encodeURIComponent(cypher)}`);
      const { nodes } = await waitForCanvas(page, (s) => s.summary.edges === 1);
      expect(nodes.map((n) => n.name)).toContain(NAME);

      const box = (await page.locator('#canvas').boundingBox())!;
      const id = nodes.find((n) => n.name === NAME)!.id;
      const at = await page.evaluate(
        (nodeId) =>
          (
            window as unknown as { __lagebild: { position(id: string): { x: number; y: number } } }
          ).__lagebild.position(nodeId),
        id,
      );
      await page.mouse.click(box.x + at.x, box.y + at.y);
      await expect.poll(() => page.locator('#inspector').textContent()).toContain(VALUE);
      const inspector = (await page.locator('#inspector').textContent()) ?? '';
      expect(inspector).toContain(KEY);
      expect(inspector).toContain(LABEL);

      await page.click('#tab-table');
      const table = (await page.locator('#table-pane').textContent()) ?? '';
      expect(table).toContain(NAME);
      expect(table).toContain(TYPE);
      await page.click('#tab-graph');
      await expect.poll(async () => (await page.locator('body').textContent()) ?? '').toContain(LABEL);
      await screenshot(page, 'injection-01-as-text');

      // None of the payloads became an element.
      expect(await page.locator('img, iframe, script:not([src]), svg[onload], b[onmouseover]').count()).toBe(
        0,
      );
      expect(dialogs).toBe(0);
      expect(pageErrors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
