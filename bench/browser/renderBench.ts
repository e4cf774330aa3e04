// Rendering benchmark in headless Chromium: Lagebild's own canvas (GraphView with the explorer's
// settings, level of detail and layout worker) against vis-network (the renderer behind
// neovis.js), same data, same window. Measures time to the first drawn frame, time to a settled
// layout, frames per second while the mouse drags the canvas, and the longest main-thread task.

import { mkdtemp, readFile, rm } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { build } from 'vite';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../scripts/chromium.ts';
import { dragAndCountFrames } from './dragFrames.ts';

const PAGE_ROOT = path.resolve(import.meta.dirname);

export interface RenderResult {
  renderer: string;
  elements: number;
  firstFrameMs: number | null;
  settledMs: number | null;
  fps: number | null;
  /** Frames per second after the drag's first frame. */
  steadyFps: number | null;
  longestFrameMs: number | null;
  longestTaskMs: number | null;
  /** The longest task while the pointer visits nodes one after another (Lagebild only). */
  longestHoverTaskMs?: number | null;
  settled?: boolean;
  note?: string;
}

/** Builds canvasPage.ts (with the client's modules) into a temporary directory. */
async function buildPage(): Promise<string> {
  const outDir = await mkdtemp(path.join(os.tmpdir(), 'lagebild-render-'));
  await build({
    root: PAGE_ROOT,
    configFile: false,
    logLevel: 'warn',
    build: {
      outDir,
      emptyOutDir: true,
      target: 'es2022',
      chunkSizeWarningLimit: 5000,
      rollupOptions: { input: path.join(PAGE_ROOT, 'canvas.html') },
    },
  });
  return outDir;
}

function serve(dir: string): Promise<http.Server> {
  const types: Record<string, string> = {
    '.html': 'text/html',
    '.js': 'text/javascript',
    '.css': 'text/css',
  };
  const server = http.createServer(async (req, res) => {
    const name = path.normalize(new URL(req.url ?? '/', 'http://x').pathname).replace(/^\/+/, '');
    const file = path.join(dir, name === '' ? 'canvas.html' : name);
    if (!file.startsWith(dir)) return void res.writeHead(404).end();
    try {
      const body = await readFile(file);
      res.writeHead(200, { 'content-type': types[path.extname(file)] ?? 'application/octet-stream' });
      res.end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

type BenchWindow = { bench: Record<string, (...args: unknown[]) => unknown> };

/**
 * Moves the pointer onto ten nodes in turn, as a user looking around does, and returns the
 * longest main-thread task meanwhile: a hover that restyles an element redraws the whole canvas.
 */
async function hoverNodes(page: Page): Promise<number> {
  // Let the redraw that ends the drag pass first (1.8 s at 50,000 elements in software).
  await page.waitForTimeout(3000);
  const targets = (await page.evaluate(() => (window as unknown as BenchWindow).bench.hoverTargets!(10))) as {
    x: number;
    y: number;
  }[];
  await page.evaluate(() => (window as unknown as BenchWindow).bench.takeLongestTask!());
  for (const { x, y } of targets) {
    await page.mouse.move(x, y);
    await page.waitForTimeout(150);
  }
  await page.waitForTimeout(300);
  return Math.round(
    (await page.evaluate(() => (window as unknown as BenchWindow).bench.takeLongestTask!())) as number,
  );
}

/** The renderers compared: their name in the table, the page's function and its options. */
const RENDERERS: Record<string, [string, string, Record<string, unknown>]> = {
  '2d': ['Lagebild canvas (2D)', 'lagebild', { renderer: 'canvas' }],
  webgl: ['Lagebild canvas (WebGL)', 'lagebild', { renderer: 'webgl' }],
  vis: ['vis-network, positions given', 'vis', { physics: false }],
  'vis-physics': ['vis-network, physics to settle', 'vis', { physics: true }],
};

/** The sizes and waits of `npm run bench` (and of this script), small for --smoke. */
export function renderBenchOptions(smoke: boolean) {
  return smoke
    ? { sizes: [1000], panSeconds: 1, settleTimeoutMs: 10_000, maxPhysics: 1000 }
    : { sizes: [1000, 5000, 10_000, 50_000], panSeconds: 3, settleTimeoutMs: 120_000, maxPhysics: 10_000 };
}

/** Runs every renderer at every size; vis-network with physics is skipped above `maxPhysics`. */
export async function runRenderBench(options: {
  sizes: number[];
  panSeconds: number;
  settleTimeoutMs: number;
  maxPhysics: number;
  /** Only these renderers (keys of RENDERERS); all of them when left out. */
  renderers?: readonly string[];
  /** Told the name of each case as it starts, and its time when it ends. */
  onCase?: (line: string) => void;
  /** A case without a result by then is recorded as failed; by default its settle time plus 3 minutes. */
  caseTimeoutMs?: number;
}): Promise<RenderResult[]> {
  // Drawing, settling (up to settleTimeoutMs), dragging and hovering, with room to spare.
  const caseTimeoutMs = options.caseTimeoutMs ?? options.settleTimeoutMs + 180_000;
  const dir = await buildPage();
  const server = await serve(dir);
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    // WebGL in software (SwiftShader), since the machine has no GPU.
    args: [...CHROMIUM_ARGS, '--enable-unsafe-swiftshader'],
  });
  const results: RenderResult[] = [];
  try {
    for (const elements of options.sizes) {
      const runs = Object.entries(RENDERERS)
        .filter(([key]) => options.renderers?.includes(key) ?? true)
        .filter(([key]) => key !== 'vis-physics' || elements <= options.maxPhysics)
        .map(([, run]) => run);
      for (const [renderer, fn, extra] of runs) {
        const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
        const started = performance.now();
        options.onCase?.(`${renderer}, ${elements.toLocaleString('en')} elements`);
        // A canvas that never finishes (a full run once sat for 90 minutes without saying where)
        // must not hold up the whole benchmark: it is recorded as failed and its page closed.
        let timer: NodeJS.Timeout | undefined;
        const timeout = new Promise<never>((_, reject) => {
          timer = setTimeout(
            () => reject(new Error(`no result within ${caseTimeoutMs / 1000} s`)),
            caseTimeoutMs,
          );
        });
        const measure = async (): Promise<RenderResult> => {
          await page.goto(url);
          await page.waitForFunction(() => 'bench' in window);
          const drawn = (await page.evaluate(
            ([name, n, opts]) =>
              (window as unknown as { bench: Record<string, (n: number, o: unknown) => unknown> }).bench[
                name
              ]!(n, opts),
            [fn, elements, { ...extra, settleTimeoutMs: options.settleTimeoutMs }] as const,
          )) as { firstFrameMs: number; settledMs: number; longestTaskMs: number; settled?: boolean };
          const pan = await dragAndCountFrames(page, { x: 5, y: 5 }, options.panSeconds);
          const longestHoverTaskMs = fn === 'lagebild' ? await hoverNodes(page) : undefined;
          return {
            renderer,
            elements,
            firstFrameMs: Math.round(drawn.firstFrameMs),
            settledMs: Math.round(drawn.settledMs),
            fps: Math.round(pan.fps * 10) / 10,
            steadyFps: Math.round(pan.steadyFps * 10) / 10,
            longestFrameMs: Math.round(pan.longestFrameMs),
            longestTaskMs: Math.round(drawn.longestTaskMs),
            ...(longestHoverTaskMs === undefined ? {} : { longestHoverTaskMs }),
            ...(drawn.settled === undefined ? {} : { settled: drawn.settled }),
          };
        };
        const measured = measure();
        // After a timeout the page is closed under it, and its rejection is the expected end.
        measured.catch(() => undefined);
        try {
          results.push(await Promise.race([measured, timeout]));
        } catch (error) {
          results.push({
            renderer,
            elements,
            firstFrameMs: null,
            settledMs: null,
            fps: null,
            steadyFps: null,
            longestFrameMs: null,
            longestTaskMs: null,
            note: String(error).slice(0, 200),
          });
        } finally {
          clearTimeout(timer);
          options.onCase?.(`  ${((performance.now() - started) / 1000).toFixed(1)} s`);
          await page.close();
        }
      }
    }
  } finally {
    await browser.close();
    server.close();
    await rm(dir, { recursive: true, force: true });
  }
  return results;
}

/** A Markdown table of the results. */
export function renderTable(results: RenderResult[]): string {
  const lines = [
    '| elements | renderer | first frame | settled layout | fps while dragging (after its first frame) | longest frame | longest task while drawing | longest task hovering nodes |',
    '|---:|---|---:|---:|---:|---:|---:|---:|',
  ];
  for (const r of results) {
    if (r.firstFrameMs === null) {
      lines.push(
        `| ${r.elements.toLocaleString('en')} | ${r.renderer} | failed: ${r.note ?? ''} | | | | | |`,
      );
      continue;
    }
    const settled = `${r.settledMs} ms${r.settled === false ? ' (not settled)' : ''}`;
    lines.push(
      `| ${r.elements.toLocaleString('en')} | ${r.renderer} | ${r.firstFrameMs} ms | ${settled} | ${r.fps} (${r.steadyFps}) | ${r.longestFrameMs} ms | ${r.longestTaskMs} ms | ${r.longestHoverTaskMs == null ? '' : `${r.longestHoverTaskMs} ms`} |`,
    );
  }
  return lines.join('\n');
}

if (process.argv[1] && path.resolve(process.argv[1]) === import.meta.filename) {
  const smoke = process.argv.includes('--smoke');
  const sizes = process.argv.find((a) => a.startsWith('--sizes='));
  const renderers = process.argv
    .find((a) => a.startsWith('--renderers='))
    ?.slice(12)
    .split(',');
  const unknown = renderers?.filter((key) => !(key in RENDERERS)) ?? [];
  if (unknown.length > 0) {
    console.error(
      `Unknown renderer ${unknown.join(', ')}: choose from ${Object.keys(RENDERERS).join(', ')}.`,
    );
    process.exit(2);
  }
  const results = await runRenderBench({
    ...renderBenchOptions(smoke),
    ...(!smoke && sizes ? { sizes: sizes.slice(8).split(',').map(Number) } : {}),
    ...(!smoke && renderers ? { renderers } : {}),
    onCase: (line) => console.error(line),
  });
  console.log(renderTable(results));
}
