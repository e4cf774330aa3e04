// With AUTH_TOKEN set, the explorer asks for the token once, then works as usual.

import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildClientForTests,
  launchChromium,
  openPage,
  screenshot,
  waitForCanvas,
} from '../_helpers/browser.ts';
import { startLagebild, type RunningLagebild } from '../_helpers/lagebild.ts';

const TOKEN = 'lagebild-test-token-0123456789';

let lb: RunningLagebild;
let browser: Browser;

beforeAll(async () => {
  const clientDir = await buildClientForTests();
  lb = await startLagebild({ clientDir, env: { AUTH_TOKEN: TOKEN } });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await lb?.dispose();
});

describe('the explorer behind AUTH_TOKEN', () => {
  it('asks for the token once, then draws the article graph', async () => {
    const { page, context } = await openPage(browser);
    try {
      await page.goto(lb.url);
      const input = page.locator('#token-input');
      await input.waitFor({ state: 'visible', timeout: 30_000 });
      await screenshot(page, 'auth-01-token-asked');
      await input.fill(TOKEN);
      await page.locator('#token-submit').click();
      await waitForCanvas(page, (s) => s.summary.nodes === 31);
      expect(await page.locator('#token-overlay').isHidden()).toBe(true);
      await screenshot(page, 'auth-02-after-token');

      // Reloading the tab (the same browser session) does not ask again.
      await page.reload();
      await waitForCanvas(page, (s) => s.summary.nodes === 31);
      expect(await page.locator('#token-input').count()).toBe(0);
    } finally {
      await context.close();
    }
  });
});
