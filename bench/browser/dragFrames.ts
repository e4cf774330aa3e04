// Drags a page's canvas with the real mouse and counts its animation frames meanwhile; shared by
// the canvas benchmark and the explorer benchmark. The counter is put into the page as a string
// (the explorer's Content-Security-Policy allows no other code in, but the driver may evaluate).

import type { Page } from 'playwright-core';

/** Frames per second while dragging, also after the drag's first frame (which can be slow: cytoscape draws the picture it then moves). */
export interface DragFrames {
  fps: number;
  steadyFps: number;
  longestFrameMs: number;
}

const START_COUNTING = `(() => {
  const counter = { start: performance.now(), times: [], on: true };
  window.__dragFrames = counter;
  const tick = (now) => {
    if (!counter.on) return;
    counter.times.push(now);
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
})()`;

const STOP_COUNTING = `(() => {
  const { start, times } = window.__dragFrames;
  window.__dragFrames.on = false;
  const end = performance.now();
  let longest = 0;
  times.forEach((time, i) => (longest = Math.max(longest, time - (i === 0 ? start : times[i - 1]))));
  const steadySince = times[1] ?? end;
  return {
    fps: times.length / ((end - start) / 1000),
    steadyFps: Math.max(0, times.length - 2) / Math.max((end - steadySince) / 1000, 0.001),
    longestFrameMs: longest,
  };
})()`;

/**
 * Presses the mouse at `from` (in the fitted view's empty margin: pressing on a node would drag
 * the node, not the canvas), drags for `seconds` and returns the frame rate meanwhile.
 */
export async function dragAndCountFrames(
  page: Page,
  from: { x: number; y: number },
  seconds: number,
): Promise<DragFrames> {
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.evaluate(START_COUNTING);
  const until = Date.now() + seconds * 1000;
  for (let step = 1; Date.now() < until; step++) {
    await page.mouse.move(from.x + (step % 300) * 2, from.y + (step % 200));
    await page.waitForTimeout(8);
  }
  const frames = (await page.evaluate(STOP_COUNTING)) as DragFrames;
  await page.mouse.up();
  return frames;
}
