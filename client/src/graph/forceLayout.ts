// A force-directed layout for large graphs (d3-force: many-body repulsion with Barnes-Hut, springs
// on relationships), as plain arrays so it can run in a Web Worker and in a unit test alike.

import {
  forceCenter,
  forceLink,
  forceManyBody,
  forceSimulation,
  forceX,
  forceY,
  type SimulationNodeDatum,
} from 'd3-force';

/** What the layout needs: node count, relationships as index pairs, where nodes start, which stay put. */
export interface ForceLayoutInput {
  count: number;
  /** Pairs of node indices, [source0, target0, source1, target1, ...]. */
  edges: Uint32Array;
  /** Start positions (x0, y0, x1, y1, ...); fixed nodes keep theirs. */
  positions: Float64Array;
  /** 1 for a node that must not move (pinned by the user, or already placed). */
  fixed: Uint8Array;
}

export interface ForceLayoutOptions {
  /** Simulation steps; each costs about O(n log n + m). The layout cools down over them. */
  ticks: number;
  /** How much the layout may still move things: 1 for a fresh layout, lower to refine. */
  alpha: number;
  /** Stop after this long even if not all ticks ran (a big graph then gets a rougher layout). */
  budgetMs?: number;
}

/** Where each node is placed: x0, y0, x1, y1, ... */
export type Positions = Float64Array;

interface LayoutNode extends SimulationNodeDatum {
  index: number;
}

/** Runs the simulation synchronously to the end and returns every node's position. */
export function forceLayout(input: ForceLayoutInput, options: ForceLayoutOptions): Positions {
  const nodes: LayoutNode[] = [];
  for (let i = 0; i < input.count; i++) {
    const x = input.positions[2 * i]!;
    const y = input.positions[2 * i + 1]!;
    nodes.push(input.fixed[i] ? { index: i, x, y, fx: x, fy: y } : { index: i, x, y });
  }
  const degree = new Uint32Array(input.count);
  const links: { source: number; target: number }[] = [];
  for (let e = 0; e + 1 < input.edges.length; e += 2) {
    const source = input.edges[e]!;
    const target = input.edges[e + 1]!;
    if (source === target || source >= input.count || target >= input.count) continue;
    links.push({ source, target });
    degree[source]!++;
    degree[target]!++;
  }
  const simulation = forceSimulation(nodes)
    .alpha(options.alpha)
    // Cool down to d3's minimum alpha in exactly `ticks` steps (d3's default takes 300).
    .alphaDecay(1 - Math.pow(0.001 / options.alpha, 1 / Math.max(options.ticks, 1)))
    // Hubs push harder, so their many leaves get room instead of piling up on the hub.
    .force(
      'charge',
      forceManyBody<LayoutNode>()
        .strength((node) => -30 - 4 * Math.sqrt(degree[node.index]!))
        .theta(0.9)
        .distanceMax(2000),
    )
    .force(
      'link',
      forceLink<LayoutNode, { source: number; target: number }>(links)
        .id((node) => node.index)
        .distance(40)
        .iterations(1),
    )
    .stop();
  if (!input.fixed.some((f) => f === 1)) {
    // A weak pull to the middle keeps small components near the big one instead of drifting off
    // (which would make fitting the view shrink everything).
    simulation
      .force('center', forceCenter(0, 0))
      .force('x', forceX<LayoutNode>(0).strength(0.05))
      .force('y', forceY<LayoutNode>(0).strength(0.05));
  }
  const deadline = performance.now() + (options.budgetMs ?? Number.POSITIVE_INFINITY);
  for (let tick = 0; tick < options.ticks && performance.now() < deadline; tick++) simulation.tick();
  const out = new Float64Array(2 * input.count);
  for (const node of nodes) {
    out[2 * node.index] = node.x ?? 0;
    out[2 * node.index + 1] = node.y ?? 0;
  }
  return out;
}

/**
 * Start positions that already show the graph's shape, in O(n + m): the most connected node not
 * yet placed starts a component (components on a wide spiral), and a breadth-first walk puts each
 * node on a small sunflower around the neighbour that reached it first, so a hub's leaves surround
 * it. Cheap enough to draw at once while the force layout refines it.
 */
export function seedPositions(count: number, edges: Uint32Array): Positions {
  const degree = new Uint32Array(count);
  for (let e = 0; e + 1 < edges.length; e += 2) {
    if (edges[e]! < count && edges[e + 1]! < count) {
      degree[edges[e]!]!++;
      degree[edges[e + 1]!]!++;
    }
  }
  // Neighbours of node i: neighbours[offsets[i] .. offsets[i + 1]).
  const offsets = new Uint32Array(count + 1);
  for (let i = 0; i < count; i++) offsets[i + 1] = offsets[i]! + degree[i]!;
  const fill = offsets.slice(0, count);
  const neighbours = new Uint32Array(offsets[count]!);
  for (let e = 0; e + 1 < edges.length; e += 2) {
    const a = edges[e]!;
    const b = edges[e + 1]!;
    if (a >= count || b >= count) continue;
    neighbours[fill[a]!++] = b;
    neighbours[fill[b]!++] = a;
  }
  const order = Array.from({ length: count }, (_, i) => i).sort((a, b) => degree[b]! - degree[a]!);
  const out = new Float64Array(2 * count);
  const placed = new Uint8Array(count);
  const children = new Uint32Array(count);
  const queue = new Uint32Array(count);
  const golden = Math.PI * (3 - Math.sqrt(5));
  let roots = 0;
  for (const root of order) {
    if (placed[root]) continue;
    const radius = 160 * Math.sqrt(roots);
    out[2 * root] = radius * Math.cos(roots * golden);
    out[2 * root + 1] = radius * Math.sin(roots * golden);
    roots++;
    placed[root] = 1;
    let head = 0;
    let tail = 0;
    queue[tail++] = root;
    while (head < tail) {
      const parent = queue[head++]!;
      for (let k = offsets[parent]!; k < offsets[parent + 1]!; k++) {
        const child = neighbours[k]!;
        if (placed[child]) continue;
        placed[child] = 1;
        const rank = children[parent]!++;
        const distance = 30 + 14 * Math.sqrt(rank);
        out[2 * child] = out[2 * parent]! + distance * Math.cos(rank * golden);
        out[2 * child + 1] = out[2 * parent + 1]! + distance * Math.sin(rank * golden);
        queue[tail++] = child;
      }
    }
  }
  return out;
}
