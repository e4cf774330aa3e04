import { describe, expect, it } from 'vitest';
import type { ApiEdge, ApiNode, GraphData } from '../../client/src/api/types.ts';
import { DrawPlan, type DrawProgress } from '../../client/src/app/drawPlan.ts';

const node = (id: string): ApiNode =>
  ({ $type: 'node', id, labels: ['Country'], properties: { name: id } }) as ApiNode;
const edge = (id: string, source: string, target: string): ApiEdge =>
  ({ $type: 'relationship', id, type: 'SUPPLIES', source, target, properties: {} }) as ApiEdge;

/** A chain n0 - n1 - ... - n(count-1), plus a relationship to a node that is not in the result. */
function chain(count: number): GraphData {
  const nodes = Array.from({ length: count }, (_, i) => node(`n${i}`));
  const edges = nodes.slice(1).map((n, i) => edge(`e${i}`, `n${i}`, n.id));
  edges.push(edge('dangling', 'n0', 'elsewhere'));
  return { nodes, edges };
}

/** Runs the plan to the end in steps and returns every step's graph. */
function allSteps(plan: DrawPlan, step: { nodes: number; edges: number }): GraphData[] {
  const steps: GraphData[] = [];
  let progress: DrawProgress = { nodes: 0, edges: 0 };
  while (!plan.done(progress)) {
    const next = plan.next(progress, step);
    steps.push(next.graph);
    progress = next.progress;
  }
  return steps;
}

describe('DrawPlan', () => {
  it('draws the first nodes in result order with the relationships among them only', () => {
    const plan = new DrawPlan(chain(10));
    const first = plan.next({ nodes: 0, edges: 0 }, { nodes: 4, edges: 100 });
    expect(first.graph.nodes.map((n) => n.id)).toEqual(['n0', 'n1', 'n2', 'n3']);
    expect(first.graph.edges.map((e) => e.id)).toEqual(['e0', 'e1', 'e2']);
    expect(first.progress).toEqual({ nodes: 4, edges: 3 });
  });

  it('adds in each step the relationships that its nodes complete, and each element exactly once', () => {
    const plan = new DrawPlan(chain(10));
    const steps = allSteps(plan, { nodes: 3, edges: 100 });
    expect(steps.map((s) => s.nodes.length)).toEqual([3, 3, 3, 1]);
    const drawn = new Set<string>();
    for (const step of steps) {
      for (const n of step.nodes) drawn.add(n.id);
      // A relationship never comes before both its ends are drawn.
      for (const e of step.edges) expect(drawn.has(e.source) && drawn.has(e.target)).toBe(true);
    }
    const edges = steps.flatMap((s) => s.edges.map((e) => e.id));
    expect(new Set(edges).size).toBe(edges.length);
    expect(edges).toHaveLength(9);
    expect(edges).not.toContain('dangling');
    expect(plan.totalEdges).toBe(9);
  });

  it('caps the relationships of a step, and draws the waiting ones before more nodes', () => {
    // Two nodes with 12 parallel relationships: a tiny hub pair.
    const graph: GraphData = {
      nodes: [node('a'), node('b'), node('c')],
      edges: [...Array.from({ length: 12 }, (_, i) => edge(`ab${i}`, 'a', 'b')), edge('bc', 'b', 'c')],
    };
    const plan = new DrawPlan(graph);
    const steps = allSteps(plan, { nodes: 2, edges: 5 });
    expect(steps.map((s) => [s.nodes.length, s.edges.length])).toEqual([
      [2, 5],
      [0, 5],
      [1, 3],
    ]);
  });

  it('draws everything in one step when the step is unbounded', () => {
    const plan = new DrawPlan(chain(50));
    const steps = allSteps(plan, { nodes: Infinity, edges: Infinity });
    expect(steps).toHaveLength(1);
    expect(steps[0]!.nodes).toHaveLength(50);
    expect(steps[0]!.edges).toHaveLength(49);
  });
});
