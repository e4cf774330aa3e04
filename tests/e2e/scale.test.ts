// The explorer on a graph too big to draw at once, in a real headless Chromium against the real
// server: a generated graph bulk-imported into a temp database, a query whose result is over the
// display cap, drawing it in steps, undo, the large-graph level of detail and the layout worker.

import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { readArticleModel } from '../../scripts/generator/articleModel.ts';
import { generateGraph } from '../../scripts/generator/syntheticGraph.ts';
import { DEFAULT_SETTINGS } from '../../client/src/graph/settings.ts';
import { labelStyle } from '../../client/src/graph/palette.ts';
import { LARGE_GRAPH_CAPTION_MIN_PX } from '../../client/src/graph/style.ts';
import { runImport } from '../../server/cli/import.ts';
import { buildClientForTests, launchChromium, openPage, screenshot } from '../_helpers/browser.ts';
import { CYPHER_DIR, postJson, startLagebild, type RunningLagebild } from '../_helpers/lagebild.ts';

type Point = { x: number; y: number };

/** A result with a few thousand nodes and relationships from the generated graph. */
const BIG_QUERY = 'MATCH (a:Person)-[r]->(b) RETURN a, r, b';

interface Summary {
  nodes: number;
  edges: number;
  visibleNodes: number;
  visibleEdges: number;
  layerLines: number;
  layerBodies: number;
  busy: boolean;
  large: boolean;
  webgl: boolean;
  forceLayouts: { worker: number; page: number };
}

let dir: string;
let lb: RunningLagebild;
let browser: Browser;
/** What the API returns for BIG_QUERY: the distinct nodes and relationships the canvas should end with. */
let expected: { nodes: number; edges: number };

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'lagebild-scale-'));
  const nodes: string[] = [];
  const relationships: string[] = [];
  generateGraph(
    readArticleModel(CYPHER_DIR),
    { nodes: 10_000, relationships: 30_000, seed: 5 },
    { nodes: { write: (t) => nodes.push(t) }, relationships: { write: (t) => relationships.push(t) } },
  );
  await writeFile(path.join(dir, 'nodes.csv'), nodes.join(''));
  await writeFile(path.join(dir, 'relationships.csv'), relationships.join(''));
  await runImport({
    nodesFile: path.join(dir, 'nodes.csv'),
    relationshipsFile: path.join(dir, 'relationships.csv'),
    dataDir: path.join(dir, 'data'),
  });
  const clientDir = await buildClientForTests();
  lb = await startLagebild({ dataDir: path.join(dir, 'data'), clientDir });
  browser = await launchChromium();
  const { body } = await postJson(`${lb.url}/api/query`, { cypher: BIG_QUERY });
  const result = body as { graph: { nodes: unknown[]; edges: unknown[] } };
  expected = { nodes: result.graph.nodes.length, edges: result.graph.edges.length };
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await lb?.stop();
  await rm(dir, { recursive: true, force: true });
});

/** Each test's page; closed after it, since a big canvas and its layout worker keep a CPU busy. */
const contexts: BrowserContext[] = [];
afterEach(async () => {
  await Promise.all(contexts.splice(0).map((context) => context.close()));
});

async function open(pathAndQuery: string): Promise<Page & { errors: string[] }> {
  const { context, page } = await openPage(browser, { width: 1280, height: 800 });
  contexts.push(context);
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('crash', () => errors.push('the page crashed'));
  page.on('console', (message) => {
    if (message.type() === 'error' && /Content Security Policy|worker/i.test(message.text()))
      errors.push(message.text());
  });
  await page.goto(`${lb.url}${pathAndQuery}`);
  return Object.assign(page, { errors });
}

/** Polls the explorer's cheap summary until it is idle and `holds` is true. */
async function waitForSummary(
  page: Page & { errors?: string[] },
  holds: (s: Summary) => boolean,
  timeoutMs = 60_000,
): Promise<Summary> {
  const deadline = Date.now() + timeoutMs;
  let failure = '';
  for (;;) {
    const summary = (await page
      .evaluate(() => (window as unknown as { __lagebild?: { summary(): Summary } }).__lagebild?.summary())
      .catch((error: unknown) => void (failure = String(error)))) as Summary | undefined;
    if (summary && !summary.busy && holds(summary)) return summary;
    if (Date.now() > deadline)
      throw new Error(
        `the canvas never got there; last: ${JSON.stringify(summary)}; page errors: ${JSON.stringify(page.errors ?? [])}; last evaluate error: ${failure || 'none'}`,
      );
    await page.waitForTimeout(100);
  }
}

/** The big query's page after Draw all, once every node is on the canvas. */
async function openAllDrawn() {
  const page = await open(`/?q=${encodeURIComponent(BIG_QUERY)}`);
  await waitForSummary(page, (s) => s.nodes === 1000);
  await page.getByRole('button', { name: 'Draw all' }).click();
  return { page, summary: await waitForSummary(page, (s) => s.nodes === expected.nodes) };
}

/** Where the nodes are drawn, in pixels from the canvas's top left corner. */
function renderedPositions(page: Page, ids: string[]): Promise<{ x: number; y: number }[]> {
  return page.evaluate(
    (sample) =>
      sample.map((id) =>
        (
          window as unknown as { __lagebild: { position(id: string): { x: number; y: number } } }
        ).__lagebild.position(id),
      ),
    ids,
  );
}

const statusText = (page: Page) => page.locator('#result-status').innerText();

/**
 * Pairs of node captions in view that the canvas draws and that overlap. The canvas draws a
 * caption when its size at the zoom of the texture level (the power of two at or above the zoom)
 * reaches min-zoomed-font-size, unless the caption is hidden (label-hidden).
 */
/** Pixels painted on cytoscape's own canvases, not on the element layer under them. */
function pixelsPaintedByCytoscape(page: Page): Promise<number> {
  return page.evaluate(() => {
    let count = 0;
    for (const layer of document.querySelectorAll<HTMLCanvasElement>('#canvas canvas')) {
      if (layer.classList.contains('graph-element-layer')) continue;
      const { data } = layer.getContext('2d')!.getImageData(0, 0, layer.width, layer.height);
      for (let i = 3; i < data.length; i += 4) if (data[i]! > 0) count++;
    }
    return count;
  });
}

async function overlappingDrawnCaptions(
  page: Page,
): Promise<{ zoom: number; drawn: number; overlaps: number }> {
  const { zoom, ratio, boxes, width, height } = await page.evaluate(() => {
    const lagebild = (
      window as unknown as {
        __lagebild: {
          viewport(): { zoom: number };
          captionBoxes(): { id: string; corners: [number, number][] }[];
          state(): { nodes: { id: string }[] };
        };
      }
    ).__lagebild;
    const nodeIds = new Set(lagebild.state().nodes.map((n) => n.id));
    const canvas = document.querySelector('#canvas')!.getBoundingClientRect();
    return {
      zoom: lagebild.viewport().zoom,
      ratio: window.devicePixelRatio,
      boxes: lagebild.captionBoxes().filter((box) => nodeIds.has(box.id)),
      width: canvas.width,
      height: canvas.height,
    };
  });
  const textureScale = 2 ** Math.ceil(Math.log2(zoom * ratio));
  if (DEFAULT_SETTINGS.nodeFontSize * textureScale < LARGE_GRAPH_CAPTION_MIN_PX)
    return { zoom, drawn: 0, overlaps: 0 };
  const rects = boxes
    .map(({ corners }) => ({
      x1: Math.min(...corners.map((c) => c[0])),
      x2: Math.max(...corners.map((c) => c[0])),
      y1: Math.min(...corners.map((c) => c[1])),
      y2: Math.max(...corners.map((c) => c[1])),
    }))
    .filter((r) => r.x2 > 0 && r.y2 > 0 && r.x1 < width && r.y1 < height);
  let overlaps = 0;
  for (let i = 0; i < rects.length; i++)
    for (let j = i + 1; j < rects.length; j++) {
      const [a, b] = [rects[i]!, rects[j]!];
      if (a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2) overlaps++;
    }
  return { zoom, drawn: rects.length, overlaps };
}

describe('the explorer on a result over the display cap', () => {
  it('draws the first 1,000 nodes, says "showing N of M", and draws more in undoable steps', async () => {
    expect(expected.nodes).toBeGreaterThan(2000);
    const page = await open(`/?q=${encodeURIComponent(BIG_QUERY)}`);
    const first = await waitForSummary(page, (s) => s.nodes > 0);
    expect(first.nodes).toBe(1000);
    expect(first.edges).toBeLessThanOrEqual(5000);
    const total = expected.nodes.toLocaleString('en');
    expect(await statusText(page)).toContain(`showing 1,000 of ${total} nodes`);
    await screenshot(page, '30-scale-first-step');

    await page.getByRole('button', { name: 'Draw 1,000 more' }).click();
    const second = await waitForSummary(page, (s) => s.nodes > 1000);
    expect(second.nodes).toBe(2000);
    expect(await statusText(page)).toContain(`showing 2,000 of ${total} nodes`);

    await page.locator('[data-action="undo"]').click();
    const undone = await waitForSummary(page, (s) => s.nodes === 1000);
    expect(undone.edges).toBe(first.edges);
    expect(await statusText(page)).toContain(`showing 1,000 of ${total} nodes`);

    await page.getByRole('button', { name: 'Draw all' }).click();
    const all = await waitForSummary(page, (s) => s.nodes === expected.nodes);
    expect(all.edges).toBe(expected.edges);
    expect(await statusText(page)).not.toContain('showing');
    await expect(page.getByRole('button', { name: 'Draw all' }).count()).resolves.toBe(0);
    expect(page.errors).toEqual([]);
  }, 120_000);

  it('drops "showing N of M" and its buttons when the next query returns no nodes', async () => {
    const page = await open(`/?q=${encodeURIComponent(BIG_QUERY)}`);
    await waitForSummary(page, (s) => s.nodes === 1000);
    expect(await statusText(page)).toContain('showing 1,000 of');
    await page.click('#editor .cm-content');
    await page.keyboard.press('Control+A');
    await page.keyboard.press('Delete');
    await page.keyboard.insertText('MATCH (n:Country) RETURN n.name LIMIT 5');
    await page.keyboard.press('Control+Enter');
    await expect.poll(() => statusText(page)).toContain('0 nodes, 0 relationships in the result');
    expect(await statusText(page)).not.toContain('showing');
    await expect(page.getByRole('button', { name: 'Draw all' }).count()).resolves.toBe(0);
    // The canvas still shows the earlier drawing.
    expect((await waitForSummary(page, () => true)).nodes).toBe(1000);
    expect(page.errors).toEqual([]);
  }, 120_000);

  it('drops "showing N of M" and its buttons when the next query fails, and says the canvas is the one before', async () => {
    const page = await open(`/?q=${encodeURIComponent(BIG_QUERY)}`);
    await waitForSummary(page, (s) => s.nodes === 1000);
    await page.click('#editor .cm-content');
    await page.keyboard.press('Control+A');
    await page.keyboard.press('Delete');
    await page.keyboard.insertText('MATCH (n:Claim RETURN n');
    await page.keyboard.press('Control+Enter');
    await expect.poll(() => page.locator('#query-error').isVisible()).toBe(true);
    expect(await statusText(page)).toContain(
      'The query failed; the canvas still shows the result before it.',
    );
    expect(await statusText(page)).not.toContain('showing');
    await expect(page.getByRole('button', { name: 'Draw all' }).count()).resolves.toBe(0);
    expect((await waitForSummary(page, () => true)).nodes).toBe(1000);
    await screenshot(page, '30b-scale-failed-query');
  }, 120_000);

  it('keeps the row limit and the Draw buttons within reach when both are on the status line', async () => {
    // Four copies of every node: more rows than the server's 10,000, and the first copy holds
    // every node, over 2,000, so both Draw buttons show.
    const cypher = 'UNWIND range(1, 4) AS copy MATCH (n) RETURN n';
    const page = await open(`/?q=${encodeURIComponent(cypher)}`);
    await waitForSummary(page, (s) => s.nodes === 1000);
    await screenshot(page, '30d-scale-row-limit');
    expect(await statusText(page)).toMatch(/first 10,000 of [\d,]+ rows/);
    const pane = (await page.locator('#graph-pane').boundingBox())!;
    const drawMore = page.getByRole('button', { name: 'Draw all' });
    const button = (await drawMore.boundingBox())!;
    expect(button.x + button.width).toBeLessThanOrEqual(pane.x + pane.width);
    await drawMore.click();
    await waitForSummary(page, (s) => s.nodes > 1000);
  }, 120_000);

  it('shows a big result in the table a page of rows at a time, each element with its properties', async () => {
    const page = await open(`/?q=${encodeURIComponent(BIG_QUERY)}`);
    await waitForSummary(page, (s) => s.nodes === 1000);
    const { body } = await postJson(`${lb.url}/api/query`, { cypher: BIG_QUERY });
    expect(body.rows.length).toBeGreaterThan(1000);
    await page.click('#tab-table');
    const rows = page.locator('#table-pane tbody tr');
    await expect.poll(() => rows.count()).toBe(500);
    expect(await page.locator('#table-pane .table-note').textContent()).toContain(
      `500 of ${body.rows.length.toLocaleString('en')} rows shown.`,
    );
    // The first row's node is there with its uid beside its chip.
    const [a] = body.rows[0] as [{ properties: { uid: string } }];
    expect(await rows.first().textContent()).toContain(`uid: ${a.properties.uid}`);
    await page.getByRole('button', { name: 'Show 500 more rows' }).click();
    await expect.poll(() => rows.count()).toBe(1000);
    expect(await rows.nth(999).locator('td').first().textContent()).toBe('1000');
    await screenshot(page, '30c-scale-table');
    expect(page.errors).toEqual([]);
  }, 120_000);

  it('draws a large canvas with less detail and lays it out in the Web Worker, spread over the canvas', async () => {
    const { page, summary } = await openAllDrawn();
    expect(summary.large).toBe(true);
    // No GPU here: the 2D canvas, not software WebGL.
    expect(summary.webgl).toBe(false);
    expect(summary.forceLayouts.worker).toBeGreaterThanOrEqual(2);
    expect(summary.forceLayouts.page).toBe(0);
    // The layout fills the canvas instead of piling nodes on one spot: a sample of every node
    // drawn lands in many 40-pixel cells. (Hubs keep their leaves close, and a busy machine gives
    // the time-budgeted layout fewer steps, so this asks only for a spread: piled up, they would
    // fill one or two cells.)
    const ids = await page.evaluate(() =>
      (window as unknown as { __lagebild: { state(): { nodes: { id: string }[] } } }).__lagebild
        .state()
        .nodes.filter((_, i) => i % 8 === 0)
        .map((n) => n.id),
    );
    const points = await renderedPositions(page, ids);
    const cells = new Set(points.map((p) => `${Math.floor(p.x / 40)},${Math.floor(p.y / 40)}`));
    expect(cells.size).toBeGreaterThan(20);
    const box = (await page.locator('#canvas').boundingBox())!;
    const inside = points.filter((p) => p.x >= 0 && p.y >= 0 && p.x <= box.width && p.y <= box.height);
    expect(inside.length).toBeGreaterThan(points.length * 0.95);
    // No carpet of captions, zoomed out or in: the captions drawn never overlap (the viewport is
    // decluttered 200 ms after it comes to rest).
    const zoomedIn: { zoom: number; drawn: number; overlaps: number }[] = [];
    for (let step = 0; step < 11; step++) {
      await page.waitForTimeout(600);
      zoomedIn.push(await overlappingDrawnCaptions(page));
      await page.getByRole('button', { name: 'Zoom in' }).click();
    }
    expect(
      zoomedIn.map((z) => z.overlaps),
      JSON.stringify(zoomedIn),
    ).toEqual(zoomedIn.map(() => 0));
    expect(
      zoomedIn.some((z) => z.drawn > 10),
      JSON.stringify(zoomedIn),
    ).toBe(true);
    await screenshot(page, '31-scale-all-drawn');
    // Zoomed out again, the nodes give up the captions they got: the element layer draws them
    // all, cytoscape none (it would draw every node that has one, caption shown or not).
    await page.getByRole('button', { name: 'Fit' }).click();
    await expect.poll(() => pixelsPaintedByCytoscape(page), { timeout: 10_000 }).toBe(0);
    expect((await waitForSummary(page, () => true)).layerBodies).toBe(summary.visibleNodes);
    expect(page.errors).toEqual([]);
  }, 120_000);

  it('names the node under the pointer of a large canvas in a box over it', async () => {
    const { page } = await openAllDrawn();
    const nodes = await page.evaluate(
      () =>
        (
          window as unknown as { __lagebild: { state(): { nodes: { id: string; name: string }[] } } }
        ).__lagebild.state().nodes,
    );
    const points = await renderedPositions(
      page,
      nodes.map((n) => n.id),
    );
    const canvas = (await page.locator('#canvas').boundingBox())!;
    const tip = page.locator('#canvas [role="tooltip"]');
    const hoverText = () =>
      page.evaluate(() =>
        (window as unknown as { __lagebild: { hoverText(): string | undefined } }).__lagebild.hoverText(),
      );
    const index = points.findIndex(
      (p) => p.x > 20 && p.y > 20 && p.x < canvas.width - 20 && p.y < canvas.height - 20,
    );
    const point = points[index]!;
    await page.mouse.move(canvas.x + point.x, canvas.y + point.y);
    await expect.poll(() => tip.isVisible()).toBe(true);
    // Another node may lie on top of this one: the box names a node drawn under the pointer.
    const near = nodes
      .filter((_, i) => Math.hypot(points[i]!.x - point.x, points[i]!.y - point.y) < 4)
      .map((n) => n.name);
    expect(near).toContain(await tip.textContent());
    expect(await hoverText()).toBe(await tip.textContent());
    await screenshot(page, '32-scale-hover-tip');
    // Off the node the box goes away.
    await page.mouse.move(canvas.x + 2, canvas.y + 2);
    await expect.poll(() => tip.isVisible()).toBe(false);
    expect(await hoverText()).toBeUndefined();
    // Nor does it stay when the pointer jumps off the canvas, or drags the node away.
    await page.mouse.move(canvas.x + point.x, canvas.y + point.y);
    await expect.poll(() => tip.isVisible()).toBe(true);
    await page.mouse.move(canvas.x + canvas.width + 150, canvas.y + canvas.height / 2);
    await expect.poll(() => tip.isVisible()).toBe(false);
    await page.mouse.move(canvas.x + point.x, canvas.y + point.y);
    await expect.poll(() => tip.isVisible()).toBe(true);
    await page.mouse.down();
    await page.mouse.move(canvas.x + point.x + 30, canvas.y + point.y + 20, { steps: 4 });
    await expect.poll(() => tip.isVisible()).toBe(false);
    await page.mouse.up();
    expect(page.errors).toEqual([]);
  }, 120_000);

  it('finds a node of a large canvas where it was dragged to, also after it was selected', async () => {
    const { page } = await openAllDrawn();
    const nodes = await page.evaluate(
      () =>
        (
          window as unknown as { __lagebild: { state(): { nodes: { id: string; name: string }[] } } }
        ).__lagebild.state().nodes,
    );
    const canvas = (await page.locator('#canvas').boundingBox())!;
    const hoverText = () =>
      page.evaluate(() =>
        (window as unknown as { __lagebild: { hoverText(): string | undefined } }).__lagebild.hoverText(),
      );
    const points = await renderedPositions(
      page,
      nodes.map((n) => n.id),
    );
    const clearance = (p: Point, skip: number) =>
      Math.min(...points.map((q, i) => (i === skip ? Infinity : Math.hypot(q.x - p.x, q.y - p.y))));
    const inside = (p: Point) => p.x > 40 && p.y > 40 && p.x < canvas.width - 40 && p.y < canvas.height - 40;
    // The node farthest from any other, and the freest place to drag it to.
    let index = -1;
    for (let i = 0, best = 0; i < points.length; i++) {
      const free = inside(points[i]!) ? clearance(points[i]!, i) : 0;
      if (free > best) [index, best] = [i, free];
    }
    expect(clearance(points[index]!, index)).toBeGreaterThan(12);
    const from = points[index]!;
    const spots: Point[] = [];
    for (let x = 60; x < canvas.width - 60; x += 20)
      for (let y = 60; y < canvas.height - 60; y += 20) spots.push({ x, y });
    const to = spots
      .filter((p) => Math.hypot(p.x - from.x, p.y - from.y) > 80)
      .sort((a, b) => clearance(b, index) - clearance(a, index))[0]!;
    expect(clearance(to, index)).toBeGreaterThan(12);

    const name = nodes[index]!.name;
    await page.mouse.move(canvas.x + from.x, canvas.y + from.y);
    await expect.poll(hoverText).toBe(name);
    await page.mouse.down();
    for (let step = 1; step <= 10; step++)
      await page.mouse.move(
        canvas.x + from.x + ((to.x - from.x) * step) / 10,
        canvas.y + from.y + ((to.y - from.y) * step) / 10,
      );
    await page.mouse.up();
    const [moved] = await renderedPositions(page, [nodes[index]!.id]);
    expect(Math.hypot(moved!.x - to.x, moved!.y - to.y)).toBeLessThan(3);

    // Where it was, it is no more; where it is now, it is found, before and after a click selects it.
    await page.mouse.move(canvas.x + from.x, canvas.y + from.y);
    await expect.poll(hoverText).not.toBe(name);
    await page.mouse.move(canvas.x + to.x, canvas.y + to.y);
    await expect.poll(hoverText).toBe(name);
    await page.mouse.click(canvas.x + to.x, canvas.y + to.y);
    await expect.poll(() => page.locator('#inspector h2').textContent()).toBe(name);
    await page.mouse.move(canvas.x + 2, canvas.y + 2);
    await expect.poll(hoverText).toBeUndefined();
    await page.mouse.move(canvas.x + to.x, canvas.y + to.y);
    await expect.poll(hoverText).toBe(name);
    expect(page.errors).toEqual([]);
  }, 120_000);

  it('expands a node of a large canvas within the budget, placing only the new neighbours', async () => {
    const { page } = await openAllDrawn();
    // The node with the most relationships in the database: a hub (drawn, since the query's
    // first rows are full of hubs; otherwise any drawn node will do).
    const { body } = await postJson(`${lb.url}/api/query`, {
      cypher: 'MATCH (n)-[r]-() WITH n, count(r) AS degree ORDER BY degree DESC LIMIT 1 RETURN n',
    });
    const hub = (body as { graph: { nodes: { id: string }[] } }).graph.nodes[0]!.id;
    const ids = await page.evaluate(() =>
      (window as unknown as { __lagebild: { state(): { nodes: { id: string }[] } } }).__lagebild
        .state()
        .nodes.map((n) => n.id),
    );
    const before = await renderedPositions(page, ids.slice(0, 200));
    const target = ids.includes(hub) ? hub : ids[0]!;
    await page.evaluate(
      (id) =>
        (window as unknown as { __lagebild: { expand(id: string): Promise<void> } }).__lagebild.expand(id),
      target,
    );
    const after = await waitForSummary(page, (s) => s.nodes >= expected.nodes);
    expect(after.nodes - expected.nodes).toBeLessThanOrEqual(25);
    const moved = await renderedPositions(page, ids.slice(0, 200));
    // The nodes that were already drawn stay where they were (the user's mental map is kept).
    moved.forEach((p, i) => {
      expect(Math.abs(p.x - before[i]!.x)).toBeLessThan(0.5);
      expect(Math.abs(p.y - before[i]!.y)).toBeLessThan(0.5);
    });
    // ...and the new ones lie apart from each other, none on top of another.
    const known = new Set(ids);
    const fresh = (
      await page.evaluate(() =>
        (window as unknown as { __lagebild: { state(): { nodes: { id: string }[] } } }).__lagebild
          .state()
          .nodes.map((n) => n.id),
      )
    ).filter((id) => !known.has(id));
    expect(fresh.length).toBeGreaterThan(1);
    const points = await renderedPositions(page, fresh);
    const size = await page.evaluate(
      (id) =>
        (window as unknown as { __lagebild: { size(id: string): { w: number } } }).__lagebild.size(id).w,
      fresh[0]!,
    );
    let nearest = Infinity;
    for (let i = 0; i < points.length; i++)
      for (let j = i + 1; j < points.length; j++)
        nearest = Math.min(nearest, Math.hypot(points[i]!.x - points[j]!.x, points[i]!.y - points[j]!.y));
    // About three node sizes apart (one, with the spiral this replaced).
    expect(nearest).toBeGreaterThan(1.5 * size);
    await page.evaluate(
      (id) => (window as unknown as { __lagebild: { focus(id: string): void } }).__lagebild.focus(id),
      target,
    );
    await page.waitForTimeout(800);
    await screenshot(page, '34-scale-expanded');
    expect(page.errors).toEqual([]);
  }, 120_000);

  it('draws the relationships of a large canvas on a layer under the nodes, which still hover, select and export', async () => {
    const { page, summary } = await openAllDrawn();
    expect(summary.webgl).toBe(false);
    expect(summary.layerLines).toBe(summary.visibleEdges);
    expect(summary.layerBodies).toBe(summary.visibleNodes);
    expect(summary.visibleEdges).toBeGreaterThan(1000);
    // The layer holds the lines and the node bodies: many of its pixels are painted, some in the
    // colour of the result's Person nodes (cytoscape draws no node at this zoom, none has a caption).
    const painted = (colour?: [number, number, number]) =>
      page.evaluate((colour) => {
        const layer = document.querySelector<HTMLCanvasElement>('#canvas .graph-element-layer')!;
        const { data } = layer.getContext('2d')!.getImageData(0, 0, layer.width, layer.height);
        let count = 0;
        for (let i = 0; i < data.length; i += 4) {
          if (!colour) {
            if (data[i + 3]! > 0) count++;
            continue;
          }
          // A body is opaque: its pixels keep their colour (lines are translucent).
          const [r, g, b] = colour;
          const distance = Math.abs(data[i]! - r) + Math.abs(data[i + 1]! - g) + Math.abs(data[i + 2]! - b);
          if (data[i + 3]! > 250 && distance < 12) count++;
        }
        return count;
      }, colour);
    expect(await painted()).toBeGreaterThan(5000);
    const personColour = blend(labelStyle('Person').color, '#000000', 1);
    expect(await painted(personColour)).toBeGreaterThan(500);

    const lagebild = () =>
      page.evaluate(() => {
        const api = (
          window as unknown as {
            __lagebild: {
              state(): { edges: { id: string; source: string; target: string }[] };
              selection(): { nodeIds: string[]; edgeIds: string[] };
            };
          }
        ).__lagebild;
        return { edges: api.state().edges, selection: api.selection() };
      });
    const { edges } = await lagebild();
    const nodeIds = [...new Set(edges.flatMap((e) => [e.source, e.target]))];
    const canvas = (await page.locator('#canvas').boundingBox())!;
    // A relationship whose middle lies far from every node and inside the canvas: a click there
    // can only hit a relationship (cytoscape keeps every one, transparent). The fitted view is
    // dense, so zoom in until there is one.
    const findLonely = async () => {
      const points = new Map(
        (await renderedPositions(page, nodeIds)).map((point, i) => [nodeIds[i]!, point] as const),
      );
      const allPoints = [...points.values()];
      const lines = edges.map((edge) => ({
        edge,
        from: points.get(edge.source)!,
        to: points.get(edge.target)!,
      }));
      const lonely = lines
        .map(({ edge, from, to }) => ({ edge, middle: { x: (from.x + to.x) / 2, y: (from.y + to.y) / 2 } }))
        .find(
          ({ middle }) =>
            middle.x > 20 &&
            middle.y > 20 &&
            middle.x < canvas.width - 20 &&
            middle.y < canvas.height - 20 &&
            allPoints.every((p) => Math.hypot(p.x - middle.x, p.y - middle.y) > 20),
        );
      return lonely && { ...lonely, lines };
    };
    let lonely = await findLonely();
    for (let step = 0; !lonely && step < 6; step++) {
      await page.getByRole('button', { name: 'Zoom in' }).click();
      await page.waitForTimeout(400);
      lonely = await findLonely();
    }
    expect(lonely, 'a relationship with its middle away from the nodes').toBeDefined();
    const { middle, lines } = lonely!;
    await page.mouse.click(canvas.x + middle.x, canvas.y + middle.y);
    await expect.poll(async () => (await lagebild()).selection.edgeIds.length).toBe(1);
    // Relationships cross and overlap: the one selected passes under the pointer.
    const [clicked] = (await lagebild()).selection.edgeIds;
    const line = lines.find((l) => l.edge.id === clicked)!;
    expect(distanceToSegment(middle, line.from, line.to)).toBeLessThan(4);
    // Cytoscape draws the selected one itself, above the layer (drawLists.ts leaves only the
    // transparent ones out of its drawing lists): its own canvases are painted where it passes.
    await expect
      .poll(() =>
        page.evaluate(
          ({ x, y }) => {
            const layers = [...document.querySelectorAll<HTMLCanvasElement>('#canvas canvas')].filter(
              (layer) => !layer.classList.contains('graph-element-layer'),
            );
            let count = 0;
            for (const layer of layers) {
              const scale = layer.width / layer.clientWidth;
              const { data } = layer
                .getContext('2d')!
                .getImageData(Math.round((x - 4) * scale), Math.round((y - 4) * scale), 9 * scale, 9 * scale);
              for (let i = 3; i < data.length; i += 4) if (data[i]! > 0) count++;
            }
            return count;
          },
          nearestOnSegment(middle, line.from, line.to),
        ),
      )
      .toBeGreaterThan(0);
    await screenshot(page, '33-scale-edge-selected');

    // Hiding a node takes its relationships off the layer.
    const hub = nodeIds
      .map((id) => ({ id, degree: edges.filter((e) => e.source === id || e.target === id).length }))
      .sort((a, b) => b.degree - a.degree)[0]!;
    await page.evaluate(
      (id) => (window as unknown as { __lagebild: { select(ids: string[]): void } }).__lagebild.select([id]),
      hub.id,
    );
    await page.locator('#canvas').focus();
    await page.keyboard.press('h');
    const hidden = await waitForSummary(page, (s) => s.visibleNodes === summary.visibleNodes - 1);
    expect(hidden.visibleEdges).toBeLessThanOrEqual(summary.visibleEdges - hub.degree);
    await expect
      .poll(async () => (await waitForSummary(page, () => true)).layerLines)
      .toBe(hidden.visibleEdges);
    expect((await waitForSummary(page, () => true)).layerBodies).toBe(hidden.visibleNodes);

    // The PNG export draws the layer's elements too: many of its pixels have the colour of a line
    // over the background (plain or quiet), which no node has, and many that of a Person node.
    if (!(await page.locator('#export-menu').isVisible())) await page.click('#export-button');
    await page.selectOption('#export-format', 'png');
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#export-start')]);
    const file = path.join(dir, 'canvas.png');
    await download.saveAs(file);
    const { theme } = DEFAULT_SETTINGS;
    const pngPixels = (colours: [number, number, number][]) =>
      page.evaluate(
        async ({ base64, colours }) => {
          const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
          const bitmap = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
          const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
          const context = canvas.getContext('2d')!;
          context.drawImage(bitmap, 0, 0);
          const { data } = context.getImageData(0, 0, bitmap.width, bitmap.height);
          let count = 0;
          for (let i = 0; i < data.length; i += 4)
            if (
              colours.some(
                ([r, g, b]) =>
                  Math.abs(data[i]! - r) + Math.abs(data[i + 1]! - g) + Math.abs(data[i + 2]! - b) < 12,
              )
            )
              count++;
          return count;
        },
        { base64, colours },
      );
    const base64 = (await readFile(file)).toString('base64');
    expect(
      await pngPixels([
        blend(theme.edge, theme.background, 0.7),
        blend(theme.quietEdge, theme.background, 0.4),
      ]),
    ).toBeGreaterThan(5000);
    expect(await pngPixels([personColour])).toBeGreaterThan(2000);

    // A selected relationship is drawn by cytoscape, over the layer: so are its end nodes, which
    // would otherwise lie under it (and only there, not on the layer too).
    await page.getByRole('button', { name: 'Fit' }).click();
    await expect.poll(() => pixelsPaintedByCytoscape(page), { timeout: 10_000 }).toBe(0);
    const shown = await waitForSummary(page, () => true);
    expect(shown.layerBodies).toBe(shown.visibleNodes);
    const selectable = edges.find(
      (e) => e.source !== e.target && e.source !== hub.id && e.target !== hub.id,
    )!;
    const select = (ids: string[]) =>
      page.evaluate(
        (ids) =>
          (window as unknown as { __lagebild: { select(ids: string[]): void } }).__lagebild.select(ids),
        ids,
      );
    await select([selectable.id]);
    await expect
      .poll(async () => (await waitForSummary(page, () => true)).layerBodies)
      .toBe(shown.visibleNodes - 2);
    await select([]);
    await expect
      .poll(async () => (await waitForSummary(page, () => true)).layerBodies)
      .toBe(shown.visibleNodes);
    expect(page.errors).toEqual([]);
  }, 120_000);
});

/** How far a point lies from the segment between two others. */
function distanceToSegment(point: Point, from: Point, to: Point): number {
  const nearest = nearestOnSegment(point, from, to);
  return Math.hypot(point.x - nearest.x, point.y - nearest.y);
}

/** The point of the segment from-to nearest to `point`. */
function nearestOnSegment(point: Point, from: Point, to: Point): Point {
  const [dx, dy] = [to.x - from.x, to.y - from.y];
  const along = Math.max(
    0,
    Math.min(1, ((point.x - from.x) * dx + (point.y - from.y) * dy) / (dx * dx + dy * dy || 1)),
  );
  return { x: from.x + along * dx, y: from.y + along * dy };
}

/** A colour drawn at an opacity over a background, as [r, g, b]. */
function blend(colour: string, background: string, opacity: number): [number, number, number] {
  const rgb = (hex: string) => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
  const [top, bottom] = [rgb(colour), rgb(background)];
  return [0, 1, 2].map((i) => Math.round(opacity * top[i]! + (1 - opacity) * bottom[i]!)) as [
    number,
    number,
    number,
  ];
}
