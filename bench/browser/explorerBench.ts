// The explorer itself in headless Chromium against a running Lagebild on the big graph: time to
// the first view, drawing a result of about 10,000 elements in steps, frames per second while the
// mouse drags that canvas, and the main thread's longest task while a hub node is expanded.

import { chromium, type Page } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../scripts/chromium.ts';
import { dragAndCountFrames } from './dragFrames.ts';

export interface ExplorerBenchResult {
  /** Page load until the first graph is drawn and laid out. */
  firstViewMs: number;
  firstViewNodes: number;
  /** The big query: nodes and relationships in its result. */
  bigResult: { nodes: number; edges: number };
  /** From "Run" until the first step (the display cap) is drawn and laid out. */
  firstStepMs: number;
  /** From "Draw all" until every element is on the canvas, and until its layout is applied. */
  drawAllMs: number;
  drawAllSettledMs: number;
  dragFps: number;
  /** After the drag's first frame. */
  dragSteadyFps: number;
  longestFrameMs: number;
  /** Expanding the hub alone on the canvas, and again as part of the big canvas. */
  hubExpand: { hub: string; ms: number; longestTaskMs: number; tasksOver100Ms: number }[];
}

interface Summary {
  nodes: number;
  edges: number;
  busy: boolean;
}

const summary = (page: Page) =>
  page.evaluate('window.__lagebild && window.__lagebild.summary()') as Promise<Summary | undefined>;

async function waitFor(page: Page, holds: (s: Summary) => boolean, idle = true, timeoutMs = 180_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const s = await summary(page);
    if (s && (!idle || !s.busy) && holds(s)) return s;
    if (Date.now() > deadline) throw new Error(`the explorer never got there; last ${JSON.stringify(s)}`);
    await page.waitForTimeout(25);
  }
}

/** Collects the main thread's long tasks (over 50 ms) from now on. */
async function watchLongTasks(page: Page): Promise<void> {
  await page.evaluate(`(() => {
    window.__longTasks = [];
    if (window.__longTaskObserver) return;
    window.__longTaskObserver = new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) window.__longTasks.push(entry.duration);
    });
    window.__longTaskObserver.observe({ type: 'longtask' });
  })()`);
}

const longTasks = (page: Page) => page.evaluate('window.__longTasks') as Promise<number[]>;

/** Expands a node as a double-click does; done once the canvas holds more elements and is idle. */
async function expandHub(page: Page, hubId: string, hub: string) {
  const before = (await summary(page))!;
  await watchLongTasks(page);
  const started = Date.now();
  await page.evaluate(`window.__lagebild.expand(${JSON.stringify(hubId)})`);
  await waitFor(page, (s) => s.nodes + s.edges > before.nodes + before.edges);
  const ms = Date.now() - started;
  const tasks = await longTasks(page);
  return {
    hub,
    ms,
    longestTaskMs: Math.round(Math.max(0, ...tasks)),
    tasksOver100Ms: tasks.filter((t) => t > 100).length,
  };
}

export async function runExplorerBench(
  url: string,
  options: { hubUid: string; bigQuery: string; dragSeconds: number },
): Promise<ExplorerBenchResult> {
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    const loadStarted = Date.now();
    await page.goto(url);
    const first = await waitFor(page, (s) => s.nodes > 0);
    const firstViewMs = Date.now() - loadStarted;

    // The hub alone, then expanded: the inspector's counts come first, then a page of 25.
    await page.goto(
      `${url}/?q=${encodeURIComponent('MATCH (n {uid: $uid}) RETURN n')}&params=${encodeURIComponent(JSON.stringify({ uid: options.hubUid }))}`,
    );
    await waitFor(page, (s) => s.nodes === 1);
    const hubId = (await page.evaluate('window.__lagebild.state().nodes[0].id')) as string;
    const alone = await expandHub(page, hubId, `${options.hubUid} alone`);

    // A result of about 10,000 elements, drawn in steps.
    const runStarted = Date.now();
    await page.goto(`${url}/?q=${encodeURIComponent(options.bigQuery)}`);
    await waitFor(page, (s) => s.nodes > 0);
    const firstStepMs = Date.now() - runStarted;
    const bigResult = (await page.evaluate(`(() => {
      const text = document.getElementById('result-status').textContent;
      const m = /(\\d[\\d,]*) nodes, (\\d[\\d,]*) relationships in the result/.exec(text);
      return { nodes: Number(m[1].replaceAll(',', '')), edges: Number(m[2].replaceAll(',', '')) };
    })()`)) as { nodes: number; edges: number };
    const drawStarted = Date.now();
    await page.click('[data-action="draw-all"]');
    await waitFor(page, (s) => s.nodes === bigResult.nodes, false);
    const drawAllMs = Date.now() - drawStarted;
    await waitFor(page, (s) => s.nodes === bigResult.nodes);
    const drawAllSettledMs = Date.now() - drawStarted;

    const box = (await page.locator('#canvas').boundingBox())!;
    const frames = await dragAndCountFrames(page, { x: box.x + 5, y: box.y + 5 }, options.dragSeconds);

    const hubOnCanvas = (await page.evaluate(
      `(window.__lagebild.state().nodes.find((n) => n.id === ${JSON.stringify(hubId)}) || {}).id`,
    )) as string | undefined;
    const onBigCanvas = await expandHub(
      page,
      hubOnCanvas ?? hubId,
      `${options.hubUid} on the ${(bigResult.nodes + bigResult.edges).toLocaleString('en')}-element canvas`,
    );
    return {
      firstViewMs,
      firstViewNodes: first.nodes,
      bigResult,
      firstStepMs,
      drawAllMs,
      drawAllSettledMs,
      dragFps: Math.round(frames.fps * 10) / 10,
      dragSteadyFps: Math.round(frames.steadyFps * 10) / 10,
      longestFrameMs: Math.round(frames.longestFrameMs),
      hubExpand: [alone, onBigCanvas],
    };
  } finally {
    await browser.close();
  }
}

/** Markdown lines for the results. */
export function explorerTable(r: ExplorerBenchResult): string {
  return [
    '| explorer step (1280x800) | result |',
    '|---|---:|',
    `| first view (page load to drawn and laid out) | ${r.firstViewMs} ms, ${r.firstViewNodes} nodes |`,
    `| query of ${r.bigResult.nodes.toLocaleString('en')} nodes / ${r.bigResult.edges.toLocaleString('en')} relationships: first step drawn | ${r.firstStepMs} ms |`,
    `| Draw all: every element on the canvas / layout applied | ${r.drawAllMs} ms / ${r.drawAllSettledMs} ms |`,
    `| dragging that canvas | ${r.dragFps} fps (${r.dragSteadyFps} after its first frame), longest frame ${r.longestFrameMs} ms |`,
    ...r.hubExpand.map(
      (h) =>
        `| expand hub ${h.hub} | ${h.ms} ms, longest task ${h.longestTaskMs} ms, ${h.tasksOver100Ms} tasks over 100 ms |`,
    ),
  ].join('\n');
}
