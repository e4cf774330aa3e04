// In-page part of the rendering benchmark: builds a deterministic graph of N elements and draws it
// with Lagebild's GraphView (the explorer's canvas, its settings and its layout worker) or with
// vis-network (the renderer behind neovis.js). The benchmark drags it with the real mouse
// (dragFrames.ts).

import * as visNetwork from 'vis-network/standalone';
import type { ApiEdge, ApiNode, GraphData } from '../../client/src/api/types.ts';
import { GraphView } from '../../client/src/graph/view.ts';

/** A knowledge-graph-like graph: one third nodes, two thirds relationships, power-law ends. */
function makeGraph(elements: number, seed: number): GraphData {
  let state = seed >>> 0;
  const random = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const labels = ['Country', 'Person', 'Organization', 'Weapon', 'Claim', 'Group'];
  const nodeCount = Math.round(elements / 3);
  const nodes: ApiNode[] = [];
  for (let i = 0; i < nodeCount; i++)
    nodes.push({
      $type: 'node',
      id: `n${i}`,
      labels: [labels[i % labels.length]!],
      properties: { uid: `n${i}`, name: `Knoten ${i}` },
    } as ApiNode);
  const edges: ApiEdge[] = [];
  for (let i = nodeCount; i < elements; i++) {
    const a = Math.floor(nodeCount * random() ** 3);
    const b = Math.floor(nodeCount * random());
    edges.push({
      $type: 'relationship',
      id: `e${i}`,
      type: 'SUPPLIES',
      source: `n${a}`,
      target: `n${b}`,
      properties: {},
    } as ApiEdge);
  }
  return { nodes, edges };
}

/** The part of vis-network used here (its declarations do not type the standalone build's exports). */
interface VisNetwork {
  once(event: 'stabilized', handler: () => void): void;
  setOptions(options: object): void;
}
const { Network } = visNetwork as unknown as {
  Network: new (
    container: HTMLElement,
    data: { nodes: object[]; edges: object[] },
    options: object,
  ) => VisNetwork;
};

const frame = () => new Promise<number>((resolve) => requestAnimationFrame(() => resolve(performance.now())));

/** Long tasks (over 50 ms) on the main thread since the page loaded, and the longest one. */
const longTasks: number[] = [];
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) longTasks.push(entry.duration);
}).observe({ type: 'longtask', buffered: true });

/** The longest of those since the last call (0 when none was over 50 ms), and starts anew. */
function takeLongestTask(): number {
  const longest = Math.max(0, ...longTasks);
  longTasks.length = 0;
  return longest;
}

/** The Lagebild canvas of the last run, for the hover step. */
let current: { view: GraphView; graph: GraphData } | undefined;

const api = {
  /** Lagebild's canvas: time to the first drawn frame, and until the worker's layout is applied. */
  async lagebild(elements: number, options: { renderer: 'canvas' | 'webgl' }) {
    const graph = makeGraph(elements, 1);
    const view = new GraphView(document.getElementById('graph')!, { renderer: options.renderer });
    current = { view, graph };
    // In the explorer the canvas exists before any data arrives: let it settle in its page first
    // (cytoscape measures its container again 100 ms after its first resize notification).
    await frame();
    await new Promise((resolve) => setTimeout(resolve, 200));
    takeLongestTask();
    const started = performance.now();
    const settled = view.setGraph(graph);
    await frame();
    await frame();
    const firstFrameMs = performance.now() - started;
    await settled;
    await frame();
    const settledMs = performance.now() - started;
    return {
      firstFrameMs,
      settledMs,
      largeGraph: view.largeGraph,
      webgl: view.webgl,
      longestTaskMs: takeLongestTask(),
    };
  },

  /** Where `count` nodes spread over the last Lagebild graph are drawn, those inside the window. */
  hoverTargets(count: number): { x: number; y: number }[] {
    if (!current) return [];
    const { view, graph } = current;
    const step = Math.max(1, Math.floor(graph.nodes.length / count));
    const points: { x: number; y: number }[] = [];
    for (let i = 0; i < graph.nodes.length && points.length < count; i += step) {
      const point = view.renderedPosition(graph.nodes[i]!.id);
      if (point && point.x > 0 && point.y > 0 && point.x < innerWidth && point.y < innerHeight)
        points.push(point);
    }
    return points;
  },

  /** The longest main-thread task since the last call (0 when none was over 50 ms). */
  takeLongestTask,

  /** vis-network with its default physics (time to a settled view) or with positions given. */
  async vis(elements: number, options: { physics: boolean; settleTimeoutMs: number }) {
    const graph = makeGraph(elements, 1);
    const side = Math.sqrt(graph.nodes.length) * 60;
    let seed = 7;
    const random = () => ((seed = (seed * 16807) % 2147483647) - 1) / 2147483646;
    takeLongestTask();
    const started = performance.now();
    const nodes = graph.nodes.map((n) => ({
      id: n.id,
      label: String(n.properties.name),
      ...(options.physics ? {} : { x: random() * side, y: random() * side }),
    }));
    const edges = graph.edges.map((e) => ({ id: e.id, from: e.source, to: e.target }));
    const network = new Network(
      document.getElementById('graph')!,
      { nodes, edges },
      { physics: options.physics ? {} : false, nodes: { shape: 'dot', size: 6 }, edges: { smooth: false } },
    );
    await frame();
    await frame();
    const firstFrameMs = performance.now() - started;
    let settled = !options.physics;
    if (options.physics) {
      settled = await new Promise<boolean>((resolve) => {
        const timer = setTimeout(() => resolve(false), options.settleTimeoutMs);
        network.once('stabilized', () => {
          clearTimeout(timer);
          resolve(true);
        });
      });
    }
    await frame();
    const settledMs = performance.now() - started;
    network.setOptions({ physics: false });
    return { firstFrameMs, settledMs, settled, longestTaskMs: takeLongestTask() };
  },
};

(window as unknown as { bench: typeof api }).bench = api;
