// The explorer in a real headless Chromium against the real server and database: first view,
// editor, errors, expansion with undo, inspector, search, links and safe rendering.

import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildClientForTests,
  launchChromium,
  openPage,
  screenshot,
  waitForCanvas,
  type CanvasState,
} from '../_helpers/browser.ts';
import { getJson, postJson, startLagebild, type RunningLagebild } from '../_helpers/lagebild.ts';

let lb: RunningLagebild;
let browser: Browser;
let clientDir: string;

beforeAll(async () => {
  clientDir = await buildClientForTests();
  lb = await startLagebild({ clientDir });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await lb?.dispose();
});

/** The canvas as the explorer reports it (elements drawn on a <canvas> are not in the DOM). */
function canvasState(page: Page): Promise<CanvasState> {
  return page.evaluate(() =>
    (window as unknown as { __lagebild: { state(): CanvasState } }).__lagebild.state(),
  );
}

async function open(path = '/'): Promise<Page> {
  const { page } = await openPage(browser, { width: 1280, height: 800 });
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  // The Content-Security-Policy reports what it blocks on the console.
  page.on('console', (message) => {
    if (message.type() === 'error' && /Content Security Policy/.test(message.text()))
      errors.push(message.text());
  });
  await page.goto(`${lb.url}${path}`);
  (page as Page & { errors?: string[] }).errors = errors;
  return page;
}

type Point = [number, number];

/** Separating-axis test: do two convex polygons share any area? */
function polygonsOverlap(a: Point[], b: Point[]): boolean {
  for (const polygon of [a, b]) {
    for (let i = 0; i < polygon.length; i++) {
      const [x1, y1] = polygon[i]!;
      const [x2, y2] = polygon[(i + 1) % polygon.length]!;
      const [ax, ay] = [y1 - y2, x2 - x1];
      const pa = a.map(([x, y]) => x * ax + y * ay);
      const pb = b.map(([x, y]) => x * ax + y * ay);
      if (Math.max(...pa) <= Math.min(...pb) || Math.max(...pb) <= Math.min(...pa)) return false;
    }
  }
  return true;
}

/** Pairs of visible captions (node names, relationship types) that overlap on screen. */
async function overlappingCaptions(page: Page): Promise<string[]> {
  const boxes = await page.evaluate(() =>
    (
      window as unknown as { __lagebild: { captionBoxes(): { id: string; corners: Point[] }[] } }
    ).__lagebild.captionBoxes(),
  );
  expect(boxes.length).toBeGreaterThan(20);
  return boxes.flatMap((a, i) =>
    boxes
      .slice(i + 1)
      .filter((b) => polygonsOverlap(a.corners, b.corners))
      .map((b) => `${a.id}/${b.id}`),
  );
}

/** Runs each statement through the API, in turn, each expected to succeed. */
async function runAll(statements: string[]): Promise<void> {
  for (const cypher of statements) {
    const { status, body } = await postJson(`${lb.url}/api/query`, { cypher });
    expect(status, JSON.stringify(body)).toBe(200);
  }
}

/** Where a node is drawn, in pixels from the canvas's top left corner. */
function renderedPosition(page: Page, id: string): Promise<{ x: number; y: number }> {
  return page.evaluate(
    (node) =>
      (
        window as unknown as { __lagebild: { position(id: string): { x: number; y: number } } }
      ).__lagebild.position(node),
    id,
  );
}

/** Replaces the editor's text by typing, as a user would, and runs it with Ctrl+Enter. */
async function typeAndRun(page: Page, cypher: string): Promise<void> {
  await page.click('#editor .cm-content');
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Delete');
  await page.keyboard.insertText(cypher);
  await page.keyboard.press('Control+Enter');
}

/** Names of the nodes a query returns, straight from the API (the expected canvas). */
async function namesFromApi(cypher: string): Promise<string[]> {
  const { body } = await postJson(`${lb.url}/api/query`, { cypher });
  return (body.graph.nodes as { properties: { name: string } }[]).map((n) => n.properties.name).sort();
}

describe('the explorer in a browser', () => {
  it('shows the whole article graph first, with the five actors, a legend and no overlapping captions', async () => {
    const page = await open();
    const state = await waitForCanvas(page, 's.summary.nodes > 0');
    const names = state.nodes.map((n) => n.name);
    for (const actor of ['Nordkorea', 'Russland', 'Iran', 'NATO', 'Lawrow']) {
      expect(names).toContain(actor);
      expect(state.nodes.find((n) => n.name === actor)!.captionShown, `${actor}'s caption is shown`).toBe(
        true,
      );
    }
    const whole = await postJson(`${lb.url}/api/query`, { cypher: 'MATCH (a)-[r]->(b) RETURN a, r, b' });
    expect(state.summary.edges).toBe(whole.body.graph.edges.length);

    await expect.poll(() => page.textContent('#article-title')).toContain('Nordkoreanische Unterstützung');
    expect(await page.textContent('#article-date')).toContain('2024');
    expect(await page.locator('#legend-labels').textContent()).toContain('Country');

    const overlapping = await overlappingCaptions(page);
    expect(overlapping).toEqual([]);
    await screenshot(page, '01-first-view');
    expect((page as Page & { errors?: string[] }).errors).toEqual([]);
    await page.context().close();
  });

  it('is readable in the dark theme at 1920x1080 without overlapping captions', async () => {
    const { page } = await openPage(browser, { width: 1920, height: 1080, colorScheme: 'dark' });
    await page.goto(lb.url);
    const state = await waitForCanvas(page, 's.summary.nodes > 0');
    expect(state.summary.visibleNodes).toBe(state.summary.nodes);
    const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(background).not.toBe('rgb(255, 255, 255)');
    const overlapping = await overlappingCaptions(page);
    expect(overlapping).toEqual([]);
    await screenshot(page, '01-first-view-dark-1920');
    await page.context().close();
  });

  it('runs a saved query from the side panel when it is clicked', async () => {
    const page = await open();
    await waitForCanvas(page, 's.summary.nodes > 0');
    const saved = lb.savedQueries.find((q) => q.id === '01-wer-beliefert-russland')!;
    const expected = await namesFromApi(saved.cypher);
    await page.click('[data-query-id="01-wer-beliefert-russland"]');
    const state = await waitForCanvas(page, `s.summary.nodes === ${expected.length}`);
    expect(state.nodes.map((n) => n.name).sort()).toEqual(expected);
    expect(new URL(page.url()).searchParams.get('q')).toBe(saved.cypher);
    await screenshot(page, '02-saved-query');
    await page.context().close();
  });

  it('draws the result of a query typed into the editor and keeps it in the address', async () => {
    const page = await open();
    await waitForCanvas(page, 's.summary.nodes > 0');
    await page.click('#editor .cm-content');
    await page.keyboard.press('Control+A');
    await page.keyboard.type('MATCH (c:Cou');
    const completion = page.locator('.cm-tooltip-autocomplete');
    await expect.poll(() => completion.textContent()).toContain('Country');
    await screenshot(page, '02-completion');
    const cypher = "MATCH (c:Country)-[r:SUPPLIES]->(x:Country {uid: 'russland'}) RETURN c, r, x";
    await typeAndRun(page, cypher);
    const expected = await namesFromApi(cypher);
    expect(expected.length).toBeGreaterThan(1);
    const state = await waitForCanvas(page, `s.summary.nodes === ${expected.length}`);
    expect(state.nodes.map((n) => n.name).sort()).toEqual(expected);
    expect(state.edges.every((e) => e.type === 'SUPPLIES')).toBe(true);
    expect(new URL(page.url()).searchParams.get('q')).toBe(cypher);
    await page.click('#tab-table');
    expect(await page.locator('#table-pane table').textContent()).toContain('[:SUPPLIES]');
    await screenshot(page, '02-query-table');
    await page.click('#tab-graph');
    await screenshot(page, '02-query-graph');
    await page.context().close();
  });

  it('sends a query typed into the editor once per Ctrl+Enter, so a write happens once', async () => {
    const page = await open();
    await waitForCanvas(page, 's.summary.nodes > 0');
    const sent: string[] = [];
    page.on('request', (request) => {
      if (request.url().endsWith('/api/query')) sent.push(request.postData() ?? '');
    });
    await typeAndRun(page, "CREATE (n:Country {uid: 'ctrl-enter-once', name: 'Once'}) RETURN n");
    await waitForCanvas(page, "s.nodes.some((n) => n.name === 'Once')");
    const { body } = await postJson(`${lb.url}/api/query`, {
      cypher: "MATCH (n:Country {uid: 'ctrl-enter-once'}) RETURN count(n)",
    });
    expect(body.rows).toEqual([[1]]);
    expect(sent.filter((data) => data.includes('ctrl-enter-once'))).toHaveLength(1);
    expect(await page.textContent('#result-status')).toContain(
      'a write: Undo changes the canvas, not the database',
    );
    await expect.poll(() => page.locator('#query-error').isVisible()).toBe(false);
    await postJson(`${lb.url}/api/query`, { cypher: "MATCH (n:Country {uid: 'ctrl-enter-once'}) DELETE n" });
    await page.context().close();
  });

  it('walks the query history with Ctrl+Up, opens the shortcut help and resizes panes with the splitters', async () => {
    const page = await open();
    await waitForCanvas(page, 's.summary.nodes > 0');
    await typeAndRun(page, 'MATCH (p:Person) RETURN p');
    await waitForCanvas(page, 's.nodes.every((n) => n.labels.includes("Person"))');
    await typeAndRun(page, 'MATCH (w:Weapon) RETURN w');
    await waitForCanvas(page, 's.nodes.every((n) => n.labels.includes("Weapon"))');
    await page.keyboard.press('Control+ArrowUp');
    await page.keyboard.press('Control+ArrowUp');
    expect(await page.locator('#editor .cm-content').textContent()).toBe('MATCH (p:Person) RETURN p');
    await page.click('#history-button');
    expect(await page.locator('#history-list').textContent()).toContain('MATCH (w:Weapon) RETURN w');

    await page.click('#canvas');
    await page.keyboard.press('?');
    await expect.poll(() => page.locator('#help-overlay').isVisible()).toBe(true);
    expect(await page.locator('#help-overlay').textContent()).toContain('Undo the last canvas step');
    await screenshot(page, '02-help');
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('#help-overlay').isVisible()).toBe(false);

    const before = (await page.locator('#sidebar').boundingBox())!.width;
    const handle = (await page.locator('#split-sidebar').boundingBox())!;
    await page.mouse.move(handle.x + 2, handle.y + 200);
    await page.mouse.down();
    await page.mouse.move(handle.x + 102, handle.y + 200, { steps: 5 });
    await page.mouse.up();
    const after = (await page.locator('#sidebar').boundingBox())!.width;
    expect(Math.round(after - before)).toBe(100);
    await page.context().close();
  });

  it('shows integers beyond 2^53 exactly in the table and the JSON view', async () => {
    const page = await open();
    await waitForCanvas(page, 's.summary.nodes > 0');
    await typeAndRun(page, 'RETURN 9007199254740993 AS big, -9223372036854775807 AS small');
    const table = page.locator('#table-pane table');
    await table.waitFor();
    expect(await table.textContent()).toContain('9007199254740993');
    expect(await table.textContent()).toContain('-9223372036854775807');
    await page.click('#tab-json');
    const json = await page.textContent('#json-output');
    expect(json).toContain('9007199254740993');
    expect(json).not.toContain('9007199254740992');
    await screenshot(page, '02-big-integers-json');
    const state = await canvasState(page);
    expect(state.summary.nodes).toBeGreaterThan(0);
    await page.context().close();
  });

  it('shows the engine error of a bad query under the editor and keeps the canvas', async () => {
    const page = await open();
    const before = await waitForCanvas(page, 's.summary.nodes > 0');
    await typeAndRun(page, 'MATCH (a RETURN a');
    const error = page.locator('#query-error');
    await error.waitFor({ state: 'visible' });
    expect(await error.textContent()).toMatch(/InvalidQuery.*Parser exception/s);
    const after = await canvasState(page);
    expect(after.summary).toEqual(before.summary);
    await screenshot(page, '03-bad-query');
    await page.context().close();
  });

  it('cancels a slow query with the Cancel button and keeps the canvas and the editor usable', async () => {
    const page = await open();
    const before = await waitForCanvas(page, 's.summary.nodes > 0');
    const cancel = page.locator('#cancel-button');
    expect(await cancel.isVisible()).toBe(false);
    await typeAndRun(
      page,
      'UNWIND range(1, 30000) AS a UNWIND range(1, 30000) AS b WITH a, b WHERE (a * b) % 7 = 3 RETURN count(*) AS n',
    );
    await cancel.waitFor({ state: 'visible' });
    await cancel.click();
    await expect.poll(() => page.textContent('#run-status')).toContain('Cancelled');
    expect(await cancel.isVisible()).toBe(false);
    expect(await page.locator('#query-error').isVisible()).toBe(false);
    expect(await page.locator('#connection-banner').isVisible()).toBe(false);
    expect((await canvasState(page)).summary).toEqual(before.summary);
    await screenshot(page, '03-cancelled');

    // The next query runs and is drawn as usual.
    await typeAndRun(page, "MATCH (c:Country {uid: 'iran'}) RETURN c");
    const state = await waitForCanvas(page, 's.summary.nodes === 1');
    expect(state.nodes.map((n) => n.name)).toEqual(['Iran']);
    await page.context().close();
  });

  it('expands a node on double-click within the budget and undo takes the expansion back', async () => {
    const page = await open(`/?q=${encodeURIComponent("MATCH (p:Person {uid: 'lawrow'}) RETURN p")}`);
    const start = await waitForCanvas(page, 's.summary.nodes === 1');
    const lawrow = start.nodes[0]!;
    const { body: around } = await getJson(
      `${lb.url}/api/nodes/${encodeURIComponent(lawrow.id)}/neighbors?limit=25`,
    );

    const box = (await page.locator('#canvas').boundingBox())!;
    // Zoomed in by the user: the expansion does not fit the graph again, but moves the view as
    // little as it takes to show the new neighbours.
    await page.mouse.move(box.x + 5, box.y + 5);
    await page.keyboard.press('+');
    await page.keyboard.press('+');
    await page.keyboard.press('+');
    const viewport = () =>
      page.evaluate(() =>
        (
          window as unknown as { __lagebild: { viewport(): { zoom: number; pan: { x: number; y: number } } } }
        ).__lagebild.viewport(),
      );
    const zoomedIn = await viewport();
    const at = await renderedPosition(page, lawrow.id);
    await page.mouse.dblclick(box.x + at.x, box.y + at.y);
    const expanded = await waitForCanvas(page, 's.summary.nodes > 1');
    await page.waitForTimeout(500);
    const moved = await viewport();
    expect(moved.zoom).toBeLessThanOrEqual(zoomedIn.zoom);
    const positions = await Promise.all(expanded.nodes.map((n) => renderedPosition(page, n.id)));
    for (const p of positions) {
      expect(p.x).toBeGreaterThan(0);
      expect(p.y).toBeGreaterThan(0);
      expect(p.x).toBeLessThan(box.width);
      expect(p.y).toBeLessThan(box.height);
    }
    // ...and the node that was there stays where it was in the drawing; only the new ones are placed.
    const after = positions[expanded.nodes.findIndex((n) => n.id === lawrow.id)]!;
    const modelBefore = {
      x: (at.x - zoomedIn.pan.x) / zoomedIn.zoom,
      y: (at.y - zoomedIn.pan.y) / zoomedIn.zoom,
    };
    const modelAfter = { x: (after.x - moved.pan.x) / moved.zoom, y: (after.y - moved.pan.y) / moved.zoom };
    expect(Math.hypot(modelAfter.x - modelBefore.x, modelAfter.y - modelBefore.y)).toBeLessThan(1);
    expect(expanded.summary.nodes).toBe(1 + around.nodes.length);
    expect(expanded.summary.edges).toBe(around.edges.length);
    expect(await page.locator('#inspector h2').textContent()).toBe('Lawrow');
    await screenshot(page, '04-expanded');

    await page.keyboard.press('Control+z');
    const undone = await waitForCanvas(page, 's.summary.nodes === 1');
    expect(undone.nodes.map((n) => n.id)).toEqual([lawrow.id]);
    expect(undone.canRedo).toBe(true);
    // The node stays selected, as it was before the expansion, and the inspector says so.
    const selected = await page.evaluate(() =>
      (window as unknown as { __lagebild: { selection(): { nodeIds: string[] } } }).__lagebild.selection(),
    );
    expect(selected).toEqual({ nodeIds: [lawrow.id], edgeIds: [] });
    expect(await page.locator('#inspector h2').textContent()).toBe('Lawrow');
    await screenshot(page, '04-undone');

    await page.keyboard.press('Control+Shift+Z');
    const redone = await waitForCanvas(page, 's.summary.nodes > 1');
    expect(redone.summary).toEqual(expanded.summary);
    await page.context().close();
  });

  it('box-selects, hides, keeps only the selection and filters by type, and undo restores each step', async () => {
    const page = await open();
    const whole = await waitForCanvas(page, 's.summary.nodes > 0');
    const canvas = (await page.locator('#canvas').boundingBox())!;

    // Shift+drag over the whole canvas selects every node.
    await page.keyboard.down('Shift');
    await page.mouse.move(canvas.x + 2, canvas.y + 2);
    await page.mouse.down();
    await page.mouse.move(canvas.x + canvas.width / 2, canvas.y + canvas.height / 2, { steps: 5 });
    await page.mouse.move(canvas.x + canvas.width - 2, canvas.y + canvas.height - 2, { steps: 5 });
    await page.mouse.up();
    await page.keyboard.up('Shift');
    await expect
      .poll(() => page.locator('#inspector').textContent())
      .toContain(`${whole.summary.nodes} nodes`);

    // Hide two nodes with H, then undo.
    const [first, second] = whole.nodes.filter((n) => ['Iran', 'Lawrow'].includes(n.name));
    const select = (ids: string[]) =>
      page.evaluate(
        (ids) =>
          (window as unknown as { __lagebild: { select(ids: string[]): void } }).__lagebild.select(ids),
        ids,
      );
    await select([first!.id, second!.id]);
    await page.keyboard.press('h');
    const hidden = await waitForCanvas(page, `s.summary.visibleNodes === ${whole.summary.nodes - 2}`);
    expect(
      hidden.nodes
        .filter((n) => !n.visible)
        .map((n) => n.name)
        .sort(),
    ).toEqual(['Iran', 'Lawrow']);
    await page.keyboard.press('Control+z');
    await waitForCanvas(page, `s.summary.visibleNodes === ${whole.summary.nodes}`);

    // Keep only the two nodes (and what joins them), then undo.
    await select([first!.id, second!.id]);
    await page.keyboard.press('k');
    const kept = await waitForCanvas(page, 's.summary.nodes === 2');
    expect(kept.nodes.map((n) => n.name).sort()).toEqual(['Iran', 'Lawrow']);
    await page.keyboard.press('Control+z');
    await waitForCanvas(page, `s.summary.nodes === ${whole.summary.nodes}`);

    // Untick MENTIONS in the legend: those relationships disappear, nothing else.
    const mentions = whole.edges.filter((e) => e.type === 'MENTIONS').length;
    expect(mentions).toBeGreaterThan(0);
    await page.click('#legend-types-summary');
    await page.getByRole('checkbox', { name: 'Show MENTIONS' }).uncheck();
    const filtered = await waitForCanvas(
      page,
      `s.summary.visibleEdges === ${whole.summary.edges - mentions}`,
    );
    expect(filtered.summary.visibleNodes).toBe(whole.summary.nodes);
    await screenshot(page, '04-filtered-mentions');

    // Tick it again: all of them are back, counted, and nothing went wrong on the page.
    await page.getByRole('checkbox', { name: 'Show MENTIONS' }).check();
    await waitForCanvas(page, `s.summary.visibleEdges === ${whole.summary.edges}`);
    expect((page as Page & { errors?: string[] }).errors).toEqual([]);

    // Untick a label: its nodes go, and so do the relationships drawn to them.
    const people = new Set(whole.nodes.filter((n) => n.labels.includes('Person')).map((n) => n.id));
    const touching = whole.edges.filter((e) => people.has(e.source) || people.has(e.target)).length;
    expect(touching).toBeGreaterThan(0);
    await page.getByRole('checkbox', { name: 'Show Person' }).uncheck();
    await waitForCanvas(
      page,
      `s.summary.visibleNodes === ${whole.summary.nodes - people.size} && s.summary.visibleEdges === ${whole.summary.edges - touching}`,
    );
    expect((page as Page & { errors?: string[] }).errors).toEqual([]);
    await page.context().close();
  });

  it('expands a hub node within the budget of 25, says what remains by type, and loads the rest on request', async () => {
    // The article graph has no node with more than 25 relationships, so the test makes one.
    await runAll([
      "CREATE (:Country {uid: 'hub', name: 'Knotenland'})",
      "UNWIND range(1, 40) AS i CREATE (:`Group` {uid: concat('hub-group-', CAST(i AS STRING)), name: concat('Gruppe ', CAST(i AS STRING))})",
      "MATCH (h:Country {uid: 'hub'}), (g:`Group`) WHERE g.uid STARTS WITH 'hub-group-' CREATE (g)-[:OPERATES_IN {qualification: 'stated'}]->(h)",
    ]);
    const page = await open(`/?q=${encodeURIComponent("MATCH (h:Country {uid: 'hub'}) RETURN h")}`);
    const start = await waitForCanvas(page, 's.summary.nodes === 1');
    const hub = start.nodes[0]!;
    const { body: all } = await getJson(
      `${lb.url}/api/nodes/${encodeURIComponent(hub.id)}/neighbors?limit=1000`,
    );
    expect(all.total).toBe(40);

    await page.mouse.click(10, 10);
    await page.evaluate(
      (id) => (window as unknown as { __lagebild: { select(ids: string[]): void } }).__lagebild.select([id]),
      hub.id,
    );
    await page.keyboard.press('e');
    const firstPage = await waitForCanvas(page, 's.summary.edges > 0');
    expect(firstPage.summary.edges).toBe(25);
    const more = page.locator('#inspector button', { hasText: `Load ${all.total - 25} more` });
    await more.waitFor();
    expect(await page.locator('#inspector').textContent()).toContain(
      'Not loaded yet: 15 relationships (OPERATES_IN 15)',
    );
    const badge = (state: { nodes: { id: string; badge?: string }[] }) =>
      state.nodes.find((n) => n.id === hub.id)?.badge;
    expect(badge(firstPage)).toBe('+15 more: OPERATES_IN 15');
    await screenshot(page, '05-hub-first-page');

    await more.click();
    const everything = await waitForCanvas(page, `s.summary.edges === ${all.total}`);
    expect(everything.summary.nodes).toBe(1 + all.nodes.length);
    expect(await page.locator('#inspector button', { hasText: /Load [\d,]+ more/ }).count()).toBe(0);
    await expect.poll(async () => badge(await canvasState(page))).toBeUndefined();
    // Undo puts the badge back with the 15 not loaded; redo takes it away again.
    await page.keyboard.press('Control+z');
    await expect.poll(async () => badge(await canvasState(page))).toBe('+15 more: OPERATES_IN 15');
    await page.keyboard.press('Control+Shift+Z');
    await waitForCanvas(page, `s.summary.edges === ${all.total}`);
    expect(badge(await canvasState(page))).toBeUndefined();
    await screenshot(page, '05-hub-all');
    await page.context().close();
  });

  it('names the types a badge has not loaded while they are two, and only their count when more', async () => {
    const types = ['SUPPLIES', 'SUPPORTS', 'SENDS_TROOPS_TO', 'WAGES_WAR_AGAINST'];
    await runAll([
      "CREATE (:Country {uid: 'many-types', name: 'Vielland'})",
      ...types.map(
        (type) =>
          `UNWIND range(1, 20) AS i CREATE (:Country {uid: concat('many-types-${type}-', CAST(i AS STRING)), name: concat('${type} ', CAST(i AS STRING))})`,
      ),
      ...types.map(
        (type) =>
          `MATCH (h:Country {uid: 'many-types'}), (c:Country) WHERE c.uid STARTS WITH 'many-types-${type}-' CREATE (c)-[:${type} {qualification: 'stated'}]->(h)`,
      ),
    ]);
    const page = await open(`/?q=${encodeURIComponent("MATCH (h:Country {uid: 'many-types'}) RETURN h")}`);
    const start = await waitForCanvas(page, 's.summary.nodes === 1');
    const hub = start.nodes[0]!;
    await page.evaluate(
      (id) =>
        (window as unknown as { __lagebild: { expand(id: string): Promise<void> } }).__lagebild.expand(id),
      hub.id,
    );
    const expanded = await waitForCanvas(page, 's.summary.edges === 25');
    const badge = (expanded.nodes as { id: string; badge?: string }[]).find((n) => n.id === hub.id)?.badge;
    // 80 relationships of four types, 25 loaded: 55 remain, of at least three types.
    expect(badge).toBe('+55 more');
    await page.context().close();
  });

  it("draws a node's many self-loops around it, each one loop's size, not nested ever wider", async () => {
    await runAll([
      "CREATE (:Country {uid: 'self-loops', name: 'Selbstland'})",
      "MATCH (c:Country {uid: 'self-loops'}) UNWIND range(1, 12) AS i CREATE (c)-[:SUPPORTS {qualification: 'stated'}]->(c)",
    ]);
    const page = await open(
      `/?q=${encodeURIComponent("MATCH (c:Country {uid: 'self-loops'})-[r]->(c) RETURN c, r")}`,
    );
    const state = await waitForCanvas(page, 's.summary.edges === 12');
    const sizes = await page.evaluate(
      (ids) =>
        ids.map((id) =>
          (
            window as unknown as { __lagebild: { size(id: string): { w: number; h: number } } }
          ).__lagebild.size(id),
        ),
      state.edges.map((e) => e.id),
    );
    const extent = sizes.map((size) => Math.max(size.w, size.h));
    // Nested (cytoscape's default), the twelfth loop reached nearly four times as far as the first.
    expect(Math.max(...extent)).toBeLessThan(1.5 * Math.min(...extent));
    await screenshot(page, '05-self-loops');
    // Found by search and added to another canvas, it comes with its loops.
    const other = await open(`/?q=${encodeURIComponent('MATCH (c:Country) RETURN c LIMIT 3')}`);
    await waitForCanvas(other, 's.summary.nodes > 0');
    await other.click('#search');
    await other.keyboard.type('Selbstland');
    await expect
      .poll(() => other.locator('#search-suggestions li').first().textContent())
      .toContain('Selbstland');
    await other.keyboard.press('Enter');
    const added = await waitForCanvas(other, 's.nodes.some((n) => n.name === "Selbstland")');
    const self = added.nodes.find((n) => n.name === 'Selbstland')!.id;
    expect(added.edges.filter((e) => e.source === self && e.target === self)).toHaveLength(12);
    await other.context().close();
    await runAll(["MATCH (c:Country {uid: 'self-loops'}) DETACH DELETE c"]);
    await page.context().close();
  });

  it('expands a node along one relationship type from its degree table, page by page', async () => {
    await runAll([
      "CREATE (:Country {uid: 'hub-two', name: 'Zweiland'})",
      "UNWIND range(1, 30) AS i CREATE (:`Group` {uid: concat('hub2-group-', CAST(i AS STRING)), name: concat('Verband ', CAST(i AS STRING))})",
      "UNWIND range(1, 30) AS i CREATE (:Country {uid: concat('hub2-land-', CAST(i AS STRING)), name: concat('Lieferland ', CAST(i AS STRING))})",
      "MATCH (h:Country {uid: 'hub-two'}), (g:`Group`) WHERE g.uid STARTS WITH 'hub2-group-' CREATE (g)-[:OPERATES_IN {qualification: 'stated'}]->(h)",
      "MATCH (h:Country {uid: 'hub-two'}), (c:Country) WHERE c.uid STARTS WITH 'hub2-land-' CREATE (c)-[:SUPPLIES {qualification: 'stated'}]->(h)",
    ]);
    const page = await open(`/?q=${encodeURIComponent("MATCH (h:Country {uid: 'hub-two'}) RETURN h")}`);
    const start = await waitForCanvas(page, 's.summary.nodes === 1');
    const hub = start.nodes[0]!;
    const box = (await page.locator('#canvas').boundingBox())!;
    const at = await renderedPosition(page, hub.id);
    await page.mouse.click(box.x + at.x, box.y + at.y);
    const supplies = page.locator('#inspector .degree-row', { hasText: 'SUPPLIES' });
    await supplies.waitFor();
    const edgeTypes = async () =>
      (
        await page.evaluate(() =>
          (
            window as unknown as { __lagebild: { state(): { edges: { type: string }[] } } }
          ).__lagebild.state(),
        )
      ).edges.map((e) => e.type);

    await supplies.click();
    await waitForCanvas(page, 's.summary.edges === 25');
    expect(new Set(await edgeTypes())).toEqual(new Set(['SUPPLIES']));
    await expect
      .poll(() => page.locator('#inspector').textContent())
      .toContain('Not loaded yet: 35 relationships of 2 types (OPERATES_IN 30, SUPPLIES 5)');
    await page.waitForTimeout(400);
    await screenshot(page, '05-expand-along-type');

    await page.locator('#inspector .degree-row', { hasText: 'SUPPLIES' }).click();
    await waitForCanvas(page, 's.summary.edges === 30');
    expect(new Set(await edgeTypes())).toEqual(new Set(['SUPPLIES']));
    // 30 OPERATES_IN neighbours remain: the button names the next page, its title the rest.
    const nextPage = page.locator('#inspector button', { hasText: 'Load 25 more' });
    await nextPage.waitFor();
    expect(await nextPage.getAttribute('title')).toBe('Load the next 25 of 30 neighbours not loaded yet');

    // The other type, and then the rest by the general pager.
    await page.locator('#inspector .degree-row', { hasText: 'OPERATES_IN' }).click();
    await waitForCanvas(page, 's.summary.edges === 55');
    await page.locator('#inspector button', { hasText: 'Load 5 more' }).click();
    await waitForCanvas(page, 's.summary.edges === 60');
    expect(await page.locator('#inspector button', { hasText: /Load [\d,]+ more/ }).count()).toBe(0);
    expect((page as Page & { errors?: string[] }).errors).toEqual([]);
    await page.context().close();
  });

  it('shows the German source sentence of the Iran→Russland SUPPLIES relationship in the inspector', async () => {
    const cypher =
      "MATCH (i:Country {uid: 'iran'})-[r:SUPPLIES]->(ru:Country {uid: 'russland'}) RETURN i, r, ru";
    const page = await open(`/?q=${encodeURIComponent(cypher)}`);
    const state = await waitForCanvas(page, 's.summary.edges === 1');
    const edge = state.edges[0]!;
    const box = (await page.locator('#canvas').boundingBox())!;
    const at = await renderedPosition(page, edge.id);
    await page.mouse.click(box.x + at.x, box.y + at.y);
    const quote = page.locator('#inspector blockquote');
    await quote.waitFor();
    expect(await quote.textContent()).toBe(
      'Meldungen zufolge liefert auch der Iran Drohnen an Russland, was dieses Muster deutlich unterstreicht.',
    );
    expect(await page.locator('#inspector .qualification').textContent()).toBe('reported');
    // One heading names the relationship; its ends are buttons that centre on them.
    expect(await page.locator('#inspector h2').textContent()).toBe('Iran —SUPPLIES→ Russland');
    expect(await page.locator('#inspector').textContent()).not.toContain('Iran → Russland');
    await screenshot(page, '05-inspector-sentence');
    await page.locator('#inspector h2 button', { hasText: 'Russland' }).click();
    const russland = state.nodes.find((n) => n.name === 'Russland')!;
    await expect
      .poll(() =>
        page.evaluate(
          () =>
            (
              window as unknown as { __lagebild: { selection(): { nodeIds: string[] } } }
            ).__lagebild.selection().nodeIds,
        ),
      )
      .toEqual([russland.id]);

    await page.getByText('Show the article node').click();
    const withArticle = await waitForCanvas(page, 's.nodes.some((n) => n.labels.includes("Article"))');
    expect(withArticle.nodes.find((n) => n.labels.includes('Article'))!.name).toContain(
      'Nordkoreanische Unterstützung',
    );
    await page.context().close();
  });

  it('finds Lawrow when searching for "Lavrov" and adds him to the canvas', async () => {
    const page = await open(`/?q=${encodeURIComponent('MATCH (c:Country) RETURN c')}`);
    await waitForCanvas(page, 's.summary.nodes > 0');
    await page.click('#search');
    await page.keyboard.type('Lavrov');
    const suggestion = page.locator('#search-suggestions li').first();
    await expect.poll(() => suggestion.textContent()).toContain('Lawrow');
    await screenshot(page, '06-search-suggestions');
    await page.keyboard.press('Enter');
    const state = await waitForCanvas(page, 's.nodes.some((n) => n.name === "Lawrow")');
    expect(state.nodes.find((n) => n.name === 'Lawrow')!.visible).toBe(true);
    expect(await page.locator('#inspector h2').textContent()).toBe('Lawrow');
    await screenshot(page, '06-search-added');
    await page.context().close();
  });

  it('reproduces a view from its link, and back goes to the previous query', async () => {
    const page = await open();
    const firstViewEdges = (await waitForCanvas(page, 's.summary.nodes > 0')).summary.edges;
    const first = 'MATCH (n:Country {uid: $uid})-[r]-(m) RETURN n, r, m';
    await page.click('#params-button');
    await page.fill('#params', '{"uid": "iran"}');
    await typeAndRun(page, first);
    const iranView = await waitForCanvas(
      page,
      's.nodes.some((n) => n.name === "Iran") && s.summary.nodes < 31',
    );
    const link = page.url();
    expect(new URL(link).searchParams.get('params')).toBe('{"uid": "iran"}');

    const second = await open(new URL(link).pathname + new URL(link).search);
    const reproduced = await waitForCanvas(second, `s.summary.nodes === ${iranView.summary.nodes}`);
    expect(reproduced.nodes.map((n) => n.id).sort()).toEqual(iranView.nodes.map((n) => n.id).sort());
    expect(reproduced.edges.map((e) => e.id).sort()).toEqual(iranView.edges.map((e) => e.id).sort());
    await screenshot(second, '07-link-reproduced');
    // The layout is seeded from the elements, so the same link draws the same picture.
    const third = await open(new URL(link).pathname + new URL(link).search);
    await waitForCanvas(third, `s.summary.nodes === ${iranView.summary.nodes}`);
    const positions = (p: Page) =>
      p.evaluate(
        (ids) => {
          const hook = (
            window as unknown as { __lagebild: { position(id: string): { x: number; y: number } } }
          ).__lagebild;
          return ids.map((id) => hook.position(id)).map(({ x, y }) => [Math.round(x), Math.round(y)]);
        },
        reproduced.nodes.map((n) => n.id),
      );
    expect(await positions(third)).toEqual(await positions(second));
    await third.context().close();
    await second.context().close();

    await typeAndRun(page, 'MATCH (p:Person) RETURN p');
    await waitForCanvas(page, 's.nodes.every((n) => n.labels.includes("Person"))');
    await page.goBack();
    const back = await waitForCanvas(page, 's.nodes.some((n) => n.name === "Iran") && s.summary.nodes < 31');
    expect(back.nodes.map((n) => n.id).sort()).toEqual(iranView.nodes.map((n) => n.id).sort());
    await page.goBack();
    const firstView = await waitForCanvas(
      page,
      's.summary.nodes > 0 && s.nodes.some((n) => n.name === "Lawrow")',
    );
    expect(firstView.summary.edges).toBe(firstViewEdges);
    await page.context().close();
  });

  it('shows a node named <img src=x onerror=alert(1)> as text everywhere and runs no script', async () => {
    const name = '<img src=x onerror=alert(1)>';
    const page = await open();
    let dialogs = 0;
    page.on('dialog', (dialog) => {
      dialogs += 1;
      void dialog.dismiss();
    });
    await waitForCanvas(page, 's.summary.nodes > 0');
    await typeAndRun(page, `CREATE (:Person {uid: 'xss', name: '${name}'})`);
    await expect
      .poll(async () => (await getJson(`${lb.url}/api/search?q=onerror`)).body.hits.length)
      .toBeGreaterThan(0);
    await typeAndRun(page, "MATCH (p:Person {uid: 'xss'}) RETURN p, p.name AS name");
    const state = await waitForCanvas(page, 's.summary.nodes === 1');
    expect(state.nodes[0]!.name).toBe(name);

    await page.click('#tab-table');
    expect(await page.locator('#table-pane').textContent()).toContain(name);
    await page.click('#tab-graph');
    const box = (await page.locator('#canvas').boundingBox())!;
    const at = await renderedPosition(page, state.nodes[0]!.id);
    await page.mouse.click(box.x + at.x, box.y + at.y);
    await expect.poll(() => page.locator('#inspector h2').textContent()).toBe(name);
    await page.click('#search');
    await page.keyboard.type('onerror');
    await expect.poll(() => page.locator('#search-suggestions').textContent()).toContain(name);
    await screenshot(page, '08-xss-as-text');

    expect(await page.locator('img').count()).toBe(0);
    expect(await page.locator('#legend-labels').textContent()).toContain('Person');
    expect(dialogs).toBe(0);
    await page.context().close();
  });
});

describe('the explorer on a server that cuts long results', () => {
  it('says "first N of M rows" when the result was truncated, and why in its tooltip', async () => {
    const small = await startLagebild({ clientDir, env: { MAX_ROWS: '5' } });
    try {
      const { page } = await openPage(browser, { width: 1280, height: 800 });
      await page.goto(small.url);
      const state = await waitForCanvas(page, 's.summary.nodes > 0');
      const { body } = await postJson(`${small.url}/api/query`, {
        cypher: 'MATCH (a)-[r]->(b) RETURN a, r, b',
      });
      expect(body.summary.truncated).toBe(true);
      expect(state.summary.edges).toBe(5);
      expect(await page.textContent('#result-status')).toContain(`first 5 of ${body.summary.totalRows} rows`);
      expect(await page.getAttribute('#result-status .row-limit', 'title')).toContain('MAX_ROWS');
      await screenshot(page, '09-truncated');
      await page.context().close();
    } finally {
      await small.dispose();
    }
  });
});
