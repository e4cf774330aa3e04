// Headless Chromium (Debian's /usr/bin/chromium) driven by playwright-core, plus the explorer
// built once per test run and screenshots kept in test-output/screenshots/.

import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { buildClient } from '../../scripts/buildClient.ts';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../scripts/chromium.ts';

import { ROOT } from './lagebild.ts';

export const SCREENSHOT_DIR = path.join(ROOT, 'test-output', 'screenshots');

/**
 * Builds the explorer from the current sources into test-output/client-dist/<process id> and
 * returns that directory. One directory per test process: test files run two at a time, and a
 * build empties its directory first, so a shared one left another file's page without its script.
 */
export async function buildClientForTests(): Promise<string> {
  return buildClient({ outDir: path.join(ROOT, 'test-output', 'client-dist', String(process.pid)) });
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true });
}

/** A fresh page at the given window size and colour scheme. */
export async function openPage(
  browser: Browser,
  options: { width?: number; height?: number; colorScheme?: 'light' | 'dark' } = {},
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({
    viewport: { width: options.width ?? 1280, height: options.height ?? 800 },
    colorScheme: options.colorScheme ?? 'light',
  });
  const page = await context.newPage();
  return { context, page };
}

/** Saves a full-window screenshot as test-output/screenshots/<name>.png. */
export async function screenshot(page: Page, name: string): Promise<string> {
  await mkdir(SCREENSHOT_DIR, { recursive: true });
  const file = path.join(SCREENSHOT_DIR, `${name}.png`);
  await page.screenshot({ path: file });
  return file;
}

/** The canvas as the explorer reports it through `window.__lagebild` (canvas drawings are not in the DOM). */
export interface CanvasState {
  summary: { nodes: number; edges: number; visibleNodes: number; visibleEdges: number };
  nodes: { id: string; name: string; labels: string[]; visible: boolean; captionShown: boolean }[];
  edges: { id: string; type: string; source: string; target: string }[];
  busy: boolean;
  canUndo: boolean;
  canRedo: boolean;
}

/**
 * Waits until the explorer is idle and `predicate` holds for its canvas; `predicate` is a function,
 * or an expression over the state `s`. Polls from the test side, because the page's
 * Content-Security-Policy forbids evaluating strings in it.
 */
export async function waitForCanvas(
  page: Page,
  predicate: string | ((state: CanvasState) => boolean),
  timeoutMs = 30_000,
): Promise<CanvasState> {
  const holds =
    typeof predicate === 'string'
      ? (new Function('s', `return ${predicate};`) as (s: CanvasState) => boolean)
      : predicate;
  const deadline = Date.now() + timeoutMs;
  let failure = 'none';
  for (;;) {
    const state = await page
      .evaluate(() => (window as unknown as { __lagebild?: { state(): CanvasState } }).__lagebild?.state())
      .catch((error: unknown) => void (failure = String(error)));
    if (state && !state.busy && holds(state)) return state;
    if (Date.now() > deadline)
      throw new Error(
        `the canvas never reached: ${String(predicate)}; last summary ${JSON.stringify(state?.summary)}, busy ${state?.busy}; last evaluate error: ${failure}; status line: ${await page
          .locator('#result-status')
          .innerText()
          .catch(() => '?')}; error box: ${await page
          .locator('#query-error')
          .innerText()
          .catch(() => '?')}`,
      );
    await page.waitForTimeout(100);
  }
}
