// Rendering benchmark in headless Chromium: time to the first drawn (or settled) frame and
// frames per second while panning, cytoscape (WebGL, positions given, labels only when zoomed
// in) against vis-network (the renderer behind neovis.js), same data, same window.
// This is a minimal page under bench/browser/, not the explorer itself (see docs/benchmarks.md).

import { readFile } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../scripts/chromium.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const FILES: Record<string, string> = {
  '/': path.join(ROOT, 'bench/browser/page.html'),
  '/renderPage.js': path.join(ROOT, 'bench/browser/renderPage.js'),
  '/lib/cytoscape.min.js': path.join(ROOT, 'node_modules/cytoscape/dist/cytoscape.min.js'),
  '/lib/vis-network.min.js': path.join(ROOT, 'node_modules/vis-network/standalone/umd/vis-network.min.js'),
};

export interface RenderResult {
  renderer: string;
  elements: number;
  firstFrameMs: number | null;
  fps: number | null;
  longestFrameMs: number | null;
  settled?: boolean;
  webgl?: boolean;
  note?: string;
}

function serve(): Promise<http.Server> {
  const server = http.createServer(async (req, res) => {
    const file = FILES[new URL(req.url ?? '/', 'http://x').pathname];
    if (!file) return void res.writeHead(404).end();
    res.writeHead(200, { 'content-type': file.endsWith('.html') ? 'text/html' : 'text/javascript' });
    res.end(await readFile(file));
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

/** Runs every renderer at every size; vis-network with physics is skipped above `maxPhysics`. */
export async function runRenderBench(options: {
  sizes: number[];
  panSeconds: number;
  settleTimeoutMs: number;
  maxPhysics: number;
}): Promise<RenderResult[]> {
  const server = await serve();
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    // WebGL in software (SwiftShader), since the machine has no GPU.
    args: [...CHROMIUM_ARGS, '--enable-unsafe-swiftshader'],
  });
  const results: RenderResult[] = [];
  try {
    for (const elements of options.sizes) {
      const runs: [string, string, Record<string, unknown>][] = [
        ['cytoscape WebGL (Lagebild settings)', 'runCytoscape', { webgl: true }],
        ['cytoscape canvas', 'runCytoscape', { webgl: false }],
        ['vis-network, positions given', 'runVis', { physics: false }],
      ];
      if (elements <= options.maxPhysics)
        runs.push(['vis-network, physics to settle', 'runVis', { physics: true }]);
      for (const [renderer, fn, extra] of runs) {
        const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
        try {
          await page.goto(url);
          const result = (await page.evaluate(
            ([name, n, opts]) =>
              (window as unknown as Record<string, (n: number, o: unknown) => unknown>)[name]!(n, opts),
            [
              fn,
              elements,
              { ...extra, panSeconds: options.panSeconds, settleTimeoutMs: options.settleTimeoutMs },
            ] as const,
          )) as Omit<RenderResult, 'renderer' | 'elements'>;
          results.push({
            renderer,
            elements,
            ...result,
            firstFrameMs: Math.round(result.firstFrameMs!),
            fps: Math.round(result.fps! * 10) / 10,
            longestFrameMs: Math.round(result.longestFrameMs!),
          });
        } catch (error) {
          results.push({
            renderer,
            elements,
            firstFrameMs: null,
            fps: null,
            longestFrameMs: null,
            note: String(error).slice(0, 200),
          });
        } finally {
          await page.close();
        }
      }
    }
  } finally {
    await browser.close();
    server.close();
  }
  return results;
}

/** A Markdown table of the results. */
export function renderTable(results: RenderResult[]): string {
  const lines = [
    '| elements | renderer | first frame (settled) | fps while panning | longest frame |',
    '|---:|---|---:|---:|---:|',
  ];
  for (const r of results) {
    const first =
      r.firstFrameMs === null
        ? 'failed'
        : `${r.firstFrameMs} ms${r.settled === false ? ' (not settled)' : ''}`;
    lines.push(
      `| ${r.elements.toLocaleString('en')} | ${r.renderer}${r.webgl === false && r.renderer.includes('WebGL') ? ' (no WebGL available)' : ''} | ${first} | ${r.fps ?? ''} | ${r.longestFrameMs ?? ''} ms |`,
    );
  }
  return lines.join('\n');
}

if (process.argv[1] && path.resolve(process.argv[1]) === import.meta.filename) {
  const smoke = process.argv.includes('--smoke');
  const results = await runRenderBench(
    smoke
      ? { sizes: [1000], panSeconds: 1, settleTimeoutMs: 10_000, maxPhysics: 1000 }
      : { sizes: [1000, 5000, 10_000, 50_000], panSeconds: 3, settleTimeoutMs: 120_000, maxPhysics: 10_000 },
  );
  console.log(renderTable(results));
}
