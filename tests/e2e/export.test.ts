// The Export menu and drag-and-drop import in a real headless Chromium against the real server:
// files are saved through the browser's download, then read by tools no one here wrote
// (networkx for GraphML, Chromium's XML parser for SVG, the PNG header).

import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Download, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyFile } from 'node:fs/promises';
import {
  buildClientForTests,
  launchChromium,
  openPage,
  screenshot,
  SCREENSHOT_DIR,
  waitForCanvas,
} from '../_helpers/browser.ts';
import { python } from '../_helpers/exportFixtures.ts';
import { getJson, postJson, startLagebild, type RunningLagebild } from '../_helpers/lagebild.ts';

let lb: RunningLagebild;
let browser: Browser;
let downloads: string;

beforeAll(async () => {
  const clientDir = await buildClientForTests();
  lb = await startLagebild({ clientDir });
  browser = await launchChromium();
  downloads = await mkdtemp(path.join(os.tmpdir(), 'lagebild-downloads-'));
});

afterAll(async () => {
  await browser?.close();
  await lb?.dispose();
  if (downloads) await rm(downloads, { recursive: true, force: true });
});

/** Page errors and what a Content-Security-Policy blocked, collected while the page is open. */
const pageErrors = new WeakMap<Page, string[]>();

async function open(options: { colorScheme?: 'light' | 'dark' } = {}): Promise<Page> {
  const { page } = await openPage(browser, { width: 1280, height: 800, ...options });
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error' && /Content Security Policy/.test(message.text()))
      errors.push(message.text());
  });
  pageErrors.set(page, errors);
  await page.goto(lb.url);
  return page;
}

async function typeAndRun(page: Page, cypher: string): Promise<void> {
  await page.click('#editor .cm-content');
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Delete');
  await page.keyboard.insertText(cypher);
  await page.keyboard.press('Control+Enter');
}

/** Opens the menu, picks format and scope, presses Export and returns the saved download. */
async function exportVia(
  page: Page,
  format: string,
  scope: 'canvas' | 'selection' | 'query' | 'neighbourhood' | 'labels' = 'canvas',
): Promise<{ download: Download; file: string }> {
  if (!(await page.locator('#export-menu').isVisible())) await page.click('#export-button');
  await page.selectOption('#export-format', format);
  if (format !== 'png' && format !== 'svg') await page.check(`input[name="export-scope"][value="${scope}"]`);
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#export-start')]);
  const file = path.join(downloads, download.suggestedFilename());
  await download.saveAs(file);
  return { download, file };
}

/** Points scaled into the unit box of their bounding box (the picture without zoom and pan). */
function normalise(points: { x: number; y: number }[]): { x: number; y: number }[] {
  const xs = points.map((p) => p.x);
  const ys = points.map((p) => p.y);
  const [x0, y0] = [Math.min(...xs), Math.min(...ys)];
  const scale = Math.max(Math.max(...xs) - x0, Math.max(...ys) - y0) || 1;
  return points.map((p) => ({ x: (p.x - x0) / scale, y: (p.y - y0) / scale }));
}

const FILE_NAME = /^lagebild-[a-z0-9-]+-\d{4}-\d{2}-\d{2}-\d{4}\./;

describe('export and import in the explorer', () => {
  it('exports the canvas as GraphML that networkx reads with every node on the canvas', async () => {
    const page = await open();
    const state = await waitForCanvas(page, 's.summary.nodes > 0');
    expect(state.summary.visibleNodes).toBe(31);
    await page.click('#export-button');
    await page.selectOption('#export-format', 'graphml');
    await screenshot(page, '20-export-menu');
    const { download, file } = await exportVia(page, 'graphml');
    expect(download.suggestedFilename()).toMatch(FILE_NAME);
    expect(download.suggestedFilename()).toMatch(/canvas.*\.graphml$/);
    const graph = await python(
      `import json, sys, networkx as nx
G = nx.read_graphml(sys.argv[1], force_multigraph=True)
print(json.dumps({"nodes": G.number_of_nodes(), "edges": G.number_of_edges(),
  "names": sorted(d.get("name", "") for _, d in G.nodes(data=True))}))`,
      [file],
    );
    expect(graph.nodes).toBe(31);
    expect(graph.edges).toBe(state.summary.visibleEdges);
    expect(graph.names).toEqual(state.nodes.map((n) => n.name).sort());
    await expect.poll(() => page.textContent('#export-status')).toContain(download.suggestedFilename());
    await screenshot(page, '20-export-saved');
    expect(pageErrors.get(page)).toEqual([]);
    await page.context().close();
  });

  it('exports a PNG picture of the canvas at a useful size', async () => {
    const page = await open();
    await waitForCanvas(page, 's.summary.nodes > 0');
    const { download, file } = await exportVia(page, 'png');
    expect(download.suggestedFilename()).toMatch(/^lagebild-canvas-.*\.png$/);
    const bytes = await readFile(file);
    expect(bytes.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    const width = bytes.readUInt32BE(16);
    const height = bytes.readUInt32BE(20);
    expect(width).toBeGreaterThan(600);
    expect(height).toBeGreaterThan(300);
    expect(bytes.length).toBeGreaterThan(30_000);
    await copyFile(file, path.join(SCREENSHOT_DIR, '21-exported-canvas.png'));
    expect(pageErrors.get(page)).toEqual([]);
    await page.context().close();
  });

  it('exports an SVG whose captions hold node names with markup characters as text', async () => {
    const name = '<b>Ärger & "Zank"</b> \'ß\'';
    const imported = await fetch(`${lb.url}/api/import`, {
      method: 'POST',
      body: JSON.stringify({
        format: 'lagebild-graph',
        version: 1,
        nodes: [
          { key: 'svg-test-node', labels: ['Person'], properties: { uid: 'svg-test-node', name } },
          { key: 'svg-friend', labels: ['Country'], properties: { uid: 'svg-friend', name: 'Nachbarland' } },
        ],
        edges: [
          { key: 'svg-e', type: 'SUPPORTS', source: 'svg-test-node', target: 'svg-friend', properties: {} },
        ],
      }),
    });
    expect(imported.status).toBe(200);
    const page = await open();
    await waitForCanvas(page, 's.summary.nodes > 0');
    await typeAndRun(page, "MATCH (a {uid: 'svg-test-node'})-[r]->(b) RETURN a, r, b");
    await waitForCanvas(page, 's.summary.nodes === 2');
    const { file } = await exportVia(page, 'svg');
    const text = await readFile(file, 'utf8');
    for (const escaped of ['&lt;b&gt;Ärger', '&amp;', '&quot;Zank&quot;&lt;/b&gt;', '&apos;ß&apos;'])
      expect(text).toContain(escaped);
    expect(text).not.toContain('<b>');
    const parsed = await page.evaluate((svg) => {
      const doc = new DOMParser().parseFromString(svg, 'image/svg+xml');
      return {
        error: doc.querySelector('parsererror')?.textContent ?? null,
        // A caption wraps into lines (tspans) at spaces, as on the canvas.
        captions: [...doc.querySelectorAll('.node-caption')].map((t) =>
          [...t.querySelectorAll('tspan')].map((line) => line.textContent).join(' '),
        ),
        edges: [...doc.querySelectorAll('.edge-caption')].map((t) => t.textContent),
      };
    }, text);
    expect(parsed.error).toBeNull();
    expect(parsed.captions.sort()).toEqual([name, 'Nachbarland'].sort());
    expect(parsed.edges).toEqual(['SUPPORTS']);

    // The whole article graph as SVG, drawn by the browser as a viewer would.
    await typeAndRun(page, 'MATCH (a)-[r]->(b) RETURN a, r, b');
    await waitForCanvas(page, 's.summary.nodes > 30');
    const whole = await exportVia(page, 'svg');
    const viewer = await page.context().newPage();
    await viewer.goto(`file://${whole.file}`);
    expect(await viewer.locator('text.node-caption').allTextContents()).toContain('Nordkorea');
    await screenshot(viewer, '21-exported-canvas-svg');
    expect(pageErrors.get(page)).toEqual([]);
    await page.context().close();
  });

  it('cancels a server-side export on a slow connection and saves nothing', async () => {
    const page = await open();
    await waitForCanvas(page, 's.summary.nodes > 0');
    let downloaded = false;
    page.on('download', () => (downloaded = true));
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: 200,
      downloadThroughput: 2_000,
      uploadThroughput: 1_000_000,
    });
    await page.click('#export-button');
    await page.selectOption('#export-format', 'gexf');
    await page.check('input[name="export-scope"][value="query"]');
    await page.click('#export-start');
    await expect
      .poll(() => page.textContent('#export-progress-text'), { timeout: 20_000 })
      .toMatch(/received/);
    expect(await page.locator('#export-progress').isVisible()).toBe(true);
    await screenshot(page, '21-export-progress');
    await page.click('#export-cancel');
    await expect.poll(() => page.textContent('#export-status')).toBe('Cancelled; nothing was saved.');
    expect(await page.locator('#export-progress').isVisible()).toBe(false);
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: 0,
      downloadThroughput: -1,
      uploadThroughput: -1,
    });
    await page.waitForTimeout(500);
    expect(downloaded).toBe(false);
    expect((await getJson(`${lb.url}/api/health`)).status).toBe(200);

    // Again at full speed: the whole result of the last query, read by networkx.
    const { file } = await exportVia(page, 'gexf', 'query');
    const expected = await postJson(`${lb.url}/api/query`, { cypher: 'MATCH (a)-[r]->(b) RETURN a, r, b' });
    const graph = await python(
      `import json, sys, networkx as nx
nx.readwrite.gexf.GEXF.versions["1.3"] = {"NS_GEXF": "http://gexf.net/1.3", "NS_VIZ": "http://gexf.net/1.3/viz",
  "NS_XSI": "http://www.w3.org/2001/XMLSchema-instance",
  "SCHEMALOCATION": "http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd", "VERSION": "1.3"}
G = nx.read_gexf(sys.argv[1], version="1.3")
print(json.dumps({"nodes": G.number_of_nodes(), "edges": G.number_of_edges()}))`,
      [file],
    );
    expect(graph).toEqual({
      nodes: expected.body.graph.nodes.length,
      edges: expected.body.graph.edges.length,
    });
    expect(pageErrors.get(page)).toEqual([]);
    await page.context().close();
  });

  it('exports the neighbourhood of the selection to a depth along chosen types', async () => {
    const page = await open();
    const state = await waitForCanvas(page, 's.summary.nodes > 0');
    const nordkorea = state.nodes.find((n) => n.name === 'Nordkorea')!;
    await page.evaluate(
      (id) => (window as unknown as { __lagebild: { select(ids: string[]): void } }).__lagebild.select([id]),
      nordkorea.id,
    );
    await page.click('#export-button');
    await page.selectOption('#export-format', 'cytoscape-json');
    await page.check('input[name="export-scope"][value="neighbourhood"]');
    await page.fill('#export-depth', '1');
    await page.fill('#export-types', 'SUPPLIES');
    await screenshot(page, '22-export-neighbourhood');
    const { download, file } = await exportVia(page, 'cytoscape-json', 'neighbourhood');
    expect(download.suggestedFilename()).toMatch(/\.cyjs$/);
    const document = JSON.parse(await readFile(file, 'utf8')) as {
      elements: {
        nodes: { data: { id: string } }[];
        edges: { data: { interaction: string; source: string } }[];
      };
    };
    const expected = await postJson(`${lb.url}/api/query`, {
      cypher: "MATCH (a {uid: 'nordkorea'})-[r:SUPPLIES]-(b) RETURN a, r, b",
    });
    expect(document.elements.edges.length).toBe(expected.body.graph.edges.length);
    expect(document.elements.edges.every((e) => e.data.interaction === 'SUPPLIES')).toBe(true);
    expect(document.elements.nodes.map((n) => n.data.id)).toContain('nordkorea');
    expect(pageErrors.get(page)).toEqual([]);
    await page.context().close();
  });

  it('exports every node of a label and the relationships among them as GraphML that networkx reads', async () => {
    const page = await open();
    await waitForCanvas(page, 's.summary.nodes > 0');
    await page.click('#export-button');
    await page.selectOption('#export-format', 'graphml');
    await page.check('input[name="export-scope"][value="labels"]');
    expect(await page.locator('#export-labels').isVisible()).toBe(true);
    expect(await page.locator('#export-depth').isVisible()).toBe(false);
    // The known names are offered, each further name after the ones already typed.
    await page.fill('#export-labels', 'Country, P');
    const offered = await page
      .locator('#export-labels-names option')
      .evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value));
    expect(offered).toContain('Country, Person');
    expect(offered).not.toContain('Country, Country');
    await page.fill('#export-labels', 'Country');
    await screenshot(page, '24-export-labels');
    const { download, file } = await exportVia(page, 'graphml', 'labels');
    expect(download.suggestedFilename()).toMatch(FILE_NAME);
    expect(download.suggestedFilename()).toMatch(/^lagebild-labels-country-.*\.graphml$/);
    const graph = await python(
      `import json, sys, networkx as nx
G = nx.read_graphml(sys.argv[1], force_multigraph=True)
print(json.dumps({"nodes": sorted(G.nodes()), "labels": sorted({d["labels"] for _, d in G.nodes(data=True)}),
  "edges": sorted([u, d["label"], v] for u, v, d in G.edges(data=True))}))`,
      [file],
    );
    const nodes = await postJson(`${lb.url}/api/query`, { cypher: 'MATCH (n:Country) RETURN n.uid' });
    const edges = await postJson(`${lb.url}/api/query`, {
      cypher: 'MATCH (a:Country)-[r]->(b:Country) RETURN a.uid, type(r), b.uid',
    });
    const byText = (a: string[], b: string[]) => a.join('\u0000').localeCompare(b.join('\u0000'));
    expect(graph.labels).toEqual(['Country']);
    expect(graph.nodes).toEqual((nodes.body.rows as string[][]).map(([uid]) => uid).sort());
    expect(graph.edges.length).toBeGreaterThan(0);
    expect([...graph.edges].sort(byText)).toEqual([...(edges.body.rows as string[][])].sort(byText));
    await expect.poll(() => page.textContent('#export-status')).toContain(download.suggestedFilename());
    expect(pageErrors.get(page)).toEqual([]);
    await page.context().close();
  });

  it('shows the server’s message for an unknown label and saves no file', async () => {
    const page = await open();
    await waitForCanvas(page, 's.summary.nodes > 0');
    let downloaded = false;
    page.on('download', () => (downloaded = true));
    await page.click('#export-button');
    await page.selectOption('#export-format', 'graphml');
    await page.check('input[name="export-scope"][value="labels"]');
    await page.fill('#export-labels', 'Country Land');
    await page.click('#export-start');
    await expect.poll(() => page.textContent('#export-status')).toContain('No label "Land" in this database');
    expect(await page.textContent('#export-status')).toMatch(/Known labels: .*Country/);
    expect(await page.getAttribute('#export-status', 'class')).toContain('error');
    await screenshot(page, '24-export-labels-unknown');
    await page.fill('#export-labels', '');
    await page.fill('#export-label-types', 'LIEFERT');
    await page.click('#export-start');
    await expect
      .poll(() => page.textContent('#export-status'))
      .toContain('No relationship type "LIEFERT" in this database');
    await page.waitForTimeout(300);
    expect(downloaded).toBe(false);
    expect(pageErrors.get(page)).toEqual([]);
    await page.context().close();
  });

  it('says what is missing instead of exporting an empty selection (dark theme)', async () => {
    const page = await open({ colorScheme: 'dark' });
    await waitForCanvas(page, 's.summary.nodes > 0');
    await page.click('#export-button');
    await page.check('input[name="export-scope"][value="selection"]');
    await page.click('#export-start');
    await expect.poll(() => page.textContent('#export-status')).toContain('Nothing is selected');
    await page.check('input[name="export-scope"][value="query"]');
    await screenshot(page, '22-export-menu-dark');
    await page.mouse.click(300, 700);
    await expect.poll(() => page.locator('#export-menu').isVisible()).toBe(false);
    expect(pageErrors.get(page)).toEqual([]);
    await page.context().close();
  });

  it('imports a dropped Lagebild JSON file and shows it where it was saved', async () => {
    const page = await open();
    await waitForCanvas(page, 's.summary.nodes > 0');
    const file = JSON.stringify({
      format: 'lagebild-graph',
      version: 1,
      nodes: [
        {
          key: 'drop-a',
          labels: ['Person'],
          properties: { uid: 'drop-a', name: 'Abgelegt A' },
          position: { x: 0, y: 0 },
        },
        {
          key: 'drop-b',
          labels: ['Person'],
          properties: { uid: 'drop-b', name: 'Abgelegt B' },
          position: { x: 600, y: 0 },
        },
        {
          key: 'drop-c',
          labels: ['Person'],
          properties: { uid: 'drop-c', name: 'Abgelegt C' },
          position: { x: 0, y: 300 },
        },
      ],
      edges: [
        { key: 'drop-ab', type: 'SUPPORTS', source: 'drop-a', target: 'drop-b', properties: {} },
        { key: 'drop-ac', type: 'SUPPORTS', source: 'drop-a', target: 'drop-c', properties: {} },
      ],
    });
    const dataTransfer = await page.evaluateHandle((text) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([text], 'abgelegt.lagebild.json', { type: 'application/json' }));
      return transfer;
    }, file);
    await page.dispatchEvent('#graph-pane', 'dragover', { dataTransfer });
    await screenshot(page, '23-drop-overlay');
    await page.dispatchEvent('#graph-pane', 'drop', { dataTransfer });
    await expect
      .poll(() => page.textContent('#import-status'), { timeout: 20_000 })
      .toContain('Imported abgelegt.lagebild.json: 3 nodes and 2 relationships');
    const state = await waitForCanvas(page, 's.summary.nodes === 3');
    expect(state.nodes.map((n) => n.name).sort()).toEqual(['Abgelegt A', 'Abgelegt B', 'Abgelegt C']);
    expect(state.edges).toHaveLength(2);
    expect(await page.textContent('#result-status')).toContain(
      'abgelegt.lagebild.json: 3 nodes, 2 relationships, as saved',
    );
    const at = (name: string) =>
      page.evaluate(
        (id) =>
          (
            window as unknown as { __lagebild: { position(id: string): { x: number; y: number } } }
          ).__lagebild.position(id),
        state.nodes.find((n) => n.name === name)!.id,
      );
    const [a, b, c] = [await at('Abgelegt A'), await at('Abgelegt B'), await at('Abgelegt C')];
    expect(Math.abs(a.y - b.y)).toBeLessThan(1);
    expect(Math.abs(a.x - c.x)).toBeLessThan(1);
    expect((b.x - a.x) / (c.y - a.y)).toBeCloseTo(2, 2);
    await screenshot(page, '23-dropped-file-opened');

    await typeAndRun(page, "MATCH (p:Person) WHERE p.uid STARTS WITH 'drop-' RETURN p");
    const queried = await waitForCanvas(page, 's.summary.nodes === 3 && s.summary.edges === 0');
    expect(queried.nodes.map((n) => n.name).sort()).toEqual(['Abgelegt A', 'Abgelegt B', 'Abgelegt C']);
    expect(pageErrors.get(page)).toEqual([]);
    await page.context().close();
  });

  it('opens its own Lagebild JSON export, dropped back on the canvas, with the same picture', async () => {
    const page = await open();
    const before = await waitForCanvas(page, 's.summary.nodes > 0');
    const positions = (p: Page, ids: string[]) =>
      p.evaluate(
        (list) =>
          list.map((id) =>
            (
              window as unknown as { __lagebild: { position(id: string): { x: number; y: number } } }
            ).__lagebild.position(id),
          ),
        ids,
      );
    const ids = before.nodes.map((n) => n.id);
    // Drag Nordkorea somewhere no layout would put it, so only saved positions can reproduce the picture.
    const nordkorea = before.nodes.find((n) => n.name === 'Nordkorea')!;
    const [start] = await positions(page, [nordkorea.id]);
    const canvasBox = (await page.locator('#canvas').boundingBox())!;
    await page.mouse.move(canvasBox.x + start!.x, canvasBox.y + start!.y);
    await page.mouse.down();
    await page.mouse.move(canvasBox.x + start!.x + 90, canvasBox.y + start!.y - 140, { steps: 8 });
    await page.mouse.up();
    const [moved] = await positions(page, [nordkorea.id]);
    expect(moved!.x - start!.x).toBeGreaterThan(60);
    const shapeBefore = normalise(await positions(page, ids));
    const { file } = await exportVia(page, 'lagebild-json', 'canvas');
    const text = await readFile(file, 'utf8');
    await page.click('#export-button');

    // Move the canvas away from the saved picture first: a different query, then drop the file.
    await typeAndRun(page, 'MATCH (p:Person) RETURN p');
    await waitForCanvas(page, `s.summary.nodes !== ${before.summary.nodes}`);
    const dataTransfer = await page.evaluateHandle((content) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([content], 'zurueck.lagebild.json', { type: 'application/json' }));
      return transfer;
    }, text);
    await page.dispatchEvent('#graph-pane', 'drop', { dataTransfer });
    const after = await waitForCanvas(page, `s.summary.nodes === ${before.summary.nodes}`);
    expect(after.nodes.map((n) => n.name).sort()).toEqual(before.nodes.map((n) => n.name).sort());
    expect(after.summary.edges).toBe(before.summary.edges);
    const shapeAfter = normalise(await positions(page, ids));
    shapeAfter.forEach((point, i) => {
      expect(point.x).toBeCloseTo(shapeBefore[i]!.x, 2);
      expect(point.y).toBeCloseTo(shapeBefore[i]!.y, 2);
    });
    await screenshot(page, '23-own-export-reopened');
    expect(pageErrors.get(page)).toEqual([]);
    await page.context().close();
  });

  it('shows the server’s message saying where a dropped file is wrong, and changes nothing', async () => {
    const page = await open();
    await waitForCanvas(page, 's.summary.nodes > 0');
    const before = await postJson(`${lb.url}/api/query`, { cypher: 'MATCH (n) RETURN count(n) AS c' });
    const graphml = `<?xml version="1.0"?>\n<graphml xmlns="http://graphml.graphdrawing.org/xmlns">\n<graph edgedefault="directed">\n<node id="x"><data key="k0">open\n</graph></graphml>\n`;
    const dataTransfer = await page.evaluateHandle((text) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([text], 'kaputt.graphml', { type: 'application/xml' }));
      return transfer;
    }, graphml);
    await page.dispatchEvent('#graph-pane', 'drop', { dataTransfer });
    await expect
      .poll(() => page.textContent('#import-status'), { timeout: 20_000 })
      .toMatch(/kaputt\.graphml was not imported: .*line \d+/);
    expect(await page.getAttribute('#import-status', 'data-kind')).toBe('error');
    await screenshot(page, '23-drop-error');
    const after = await postJson(`${lb.url}/api/query`, { cypher: 'MATCH (n) RETURN count(n) AS c' });
    expect(after.body.rows).toEqual(before.body.rows);
    expect(pageErrors.get(page)).toEqual([]);
    await page.context().close();
  });
});
