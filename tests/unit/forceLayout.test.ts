import { describe, expect, it } from 'vitest';
import { forceLayout, seedPositions } from '../../client/src/graph/forceLayout.ts';

/** A star: node 0 with `leaves` neighbours, and one lone node. */
function star(leaves: number): { count: number; edges: Uint32Array } {
  const edges: number[] = [];
  for (let i = 1; i <= leaves; i++) edges.push(0, i);
  return { count: leaves + 2, edges: Uint32Array.from(edges) };
}

const at = (p: Float64Array, i: number) => ({ x: p[2 * i]!, y: p[2 * i + 1]! });
const distance = (a: { x: number; y: number }, b: { x: number; y: number }) =>
  Math.hypot(a.x - b.x, a.y - b.y);

describe('seedPositions', () => {
  it('puts a hub’s leaves around it and other components apart', () => {
    const { count, edges } = star(30);
    const p = seedPositions(count, edges);
    const hub = at(p, 0);
    for (let leaf = 1; leaf <= 30; leaf++) expect(distance(at(p, leaf), hub)).toBeLessThan(120);
    expect(distance(at(p, count - 1), hub)).toBeGreaterThan(120);
    // No two nodes on the same spot.
    const spots = new Set(
      Array.from({ length: count }, (_, i) => `${at(p, i).x.toFixed(3)},${at(p, i).y.toFixed(3)}`),
    );
    expect(spots.size).toBe(count);
  });
});

describe('forceLayout', () => {
  it('spreads nodes that start on one spot and keeps fixed nodes where they are', () => {
    const { count, edges } = star(20);
    const positions = new Float64Array(2 * count).map((_, i) => (i % 2) * 0.01 + i * 0.001);
    const fixed = new Uint8Array(count);
    fixed[count - 1] = 1;
    positions[2 * (count - 1)] = 500;
    positions[2 * (count - 1) + 1] = -500;
    const p = forceLayout({ count, edges, positions: positions.slice(), fixed }, { ticks: 200, alpha: 1 });
    expect(at(p, count - 1)).toEqual({ x: 500, y: -500 });
    let closest = Infinity;
    for (let a = 1; a <= 20; a++)
      for (let b = a + 1; b <= 20; b++) closest = Math.min(closest, distance(at(p, a), at(p, b)));
    expect(closest).toBeGreaterThan(5);
    for (let leaf = 1; leaf <= 20; leaf++) expect(Number.isFinite(p[2 * leaf])).toBe(true);
  });

  it('stops at its time budget', () => {
    const count = 3000;
    const edges = Uint32Array.from(Array.from({ length: 2 * count }, (_, i) => (i * 7919) % count));
    const started = performance.now();
    forceLayout(
      { count, edges, positions: seedPositions(count, edges), fixed: new Uint8Array(count) },
      { ticks: 100_000, alpha: 1, budgetMs: 200 },
    );
    // Far below what 100,000 ticks would take; the margin allows for a busy machine.
    expect(performance.now() - started).toBeLessThan(5000);
  });
});
