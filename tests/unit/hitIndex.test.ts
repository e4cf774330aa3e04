// The big canvas's hit grid (client/src/graph/hitIndex.ts) with stand-ins for cytoscape's
// elements and renderer: the grid's job is to hand cytoscape's own hit test every element near
// the pointer, so the stand-in renderer's test returns the candidates it is handed.

import { afterEach, describe, expect, it, vi } from 'vitest';
import { HitIndex, type HitCore } from '../../client/src/graph/hitIndex.ts';

/** A small seeded generator (a linear congruential one): the same positions on every run. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 4294967296;
  };
}

interface FakeElement {
  id: string;
  isNode(): boolean;
  position(): { x: number; y: number };
  outerWidth(): number;
  outerHeight(): number;
  source(): FakeElement;
  target(): FakeElement;
  connectedEdges(): FakeElement[];
  pstyle(name: 'label'): { strValue: string };
  caption?: string;
}

function graph(nodeCount: number, random: () => number, spread = 4000) {
  const nodes: FakeElement[] = [];
  const edges: FakeElement[] = [];
  const node = (id: string, x: number, y: number): FakeElement => {
    const at = { x, y };
    const element: FakeElement = {
      id,
      isNode: () => true,
      position: () => at,
      outerWidth: () => 18,
      outerHeight: () => 18,
      source: () => element,
      target: () => element,
      connectedEdges: () => edges.filter((e) => e.source() === element || e.target() === element),
      pstyle: () => ({ strValue: element.caption ?? '' }),
    };
    nodes.push(element);
    return element;
  };
  const edge = (from: FakeElement, to: FakeElement): FakeElement => {
    const element: FakeElement = {
      id: `${from.id}-${to.id}`,
      isNode: () => false,
      position: () => ({ x: 0, y: 0 }),
      outerWidth: () => 1,
      outerHeight: () => 1,
      source: () => from,
      target: () => to,
      connectedEdges: () => [],
      pstyle: () => ({ strValue: element.caption ?? '' }),
    };
    edges.push(element);
    return element;
  };
  for (let i = 0; i < nodeCount; i++) node(`n${i}`, random() * spread, random() * spread * 0.6);
  for (let i = 0; i < nodeCount; i++) edge(nodes[i]!, nodes[Math.floor(random() * nodeCount)]!);
  return { nodes, edges, node, edge };
}

/** A HitIndex over the elements, and its hit test: the candidates it hands cytoscape's test. */
function hitIndexOver(elements: () => FakeElement[]) {
  const handlers = new Map<string, ((event: { target: FakeElement }) => void)[]>();
  const order = () => Object.assign(elements(), { interactive: elements() });
  const renderer = {
    findNearestElements(this: { getCachedZSortedEles(): FakeElement[] }) {
      return this.getCachedZSortedEles();
    },
    getCachedZSortedEles: order,
  };
  const core = {
    zoom: () => 1,
    on(events: string, handler: (event: { target: FakeElement }) => void) {
      for (const name of events.split(' ')) handlers.set(name, [...(handlers.get(name) ?? []), handler]);
    },
    renderer: () => renderer,
  };
  const index = new HitIndex(core as unknown as HitCore);
  index.setEnabled(true);
  return {
    near: (x: number, y: number, isTouch = false) =>
      (renderer.findNearestElements as (x: number, y: number, i: boolean, t: boolean) => FakeElement[])(
        x,
        y,
        true,
        isTouch,
      ),
    moved: (target: FakeElement) => handlers.get('position')?.forEach((handler) => handler({ target })),
  };
}

describe('the hit grid of a big canvas', () => {
  it('hands over every relationship that passes near the pointer, anywhere along its line', () => {
    const random = seededRandom(7);
    const { nodes, edges } = graph(400, random);
    const { near } = hitIndexOver(() => [...edges, ...nodes]);
    let checked = 0;
    for (const edge of edges) {
      const [from, to] = [edge.source().position(), edge.target().position()];
      for (const t of [0.1, 0.37, 0.5, 0.81]) {
        const point = { x: from.x + t * (to.x - from.x), y: from.y + t * (to.y - from.y) };
        expect(near(point.x, point.y), `${edge.id} at ${t}`).toContain(edge);
        checked++;
      }
    }
    expect(checked).toBe(1600);
  });

  it('hands over few elements far from the pointer, in drawing order', () => {
    const random = seededRandom(11);
    const { nodes, edges } = graph(400, random);
    const all = [...edges, ...nodes];
    const { near } = hitIndexOver(() => all);
    const found = near(2000, 1200);
    expect(found.length).toBeLessThan(all.length / 4);
    const positions = found.map((element) => all.indexOf(element));
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
  });

  it('hands over only the elements within reach, and those with a caption near', () => {
    const { nodes, edges, node, edge } = graph(0, seededRandom(1));
    const hub = node('hub', 0, 0);
    for (let i = 0; i < 500; i++) {
      const angle = (2 * Math.PI * i) / 500;
      edge(hub, node(`leaf ${i}`, 2000 * Math.cos(angle), 2000 * Math.sin(angle)));
    }
    const { near } = hitIndexOver(() => [...edges, ...nodes]);
    const point = { x: 150, y: 75 };
    const distance = (e: FakeElement) => {
      const to = e.target().position();
      const length = Math.hypot(to.x, to.y);
      return Math.abs(point.x * to.y - point.y * to.x) / length;
    };
    const onThisSide = (e: FakeElement) => e.target().position().x > 0;
    // Cytoscape's thresholds: 8 px from a line for a mouse, 24 px for a finger (zoom 1, width 1):
    // every line it would hit is handed over, and none much farther (up to the widest line's half).
    for (const [isTouch, reach] of [
      [false, 8.5],
      [true, 24.5],
    ] as const) {
      const found = near(point.x, point.y, isTouch);
      expect(found.filter((e) => e.isNode())).toEqual([]);
      const handed = found.filter((e) => !e.isNode());
      const hits = edges.filter((e) => distance(e) <= reach && onThisSide(e));
      expect(hits.length).toBeGreaterThan(isTouch ? 15 : 5);
      expect(handed).toEqual(expect.arrayContaining(hits));
      expect(handed.every((e) => distance(e) <= reach + 2)).toBe(true);
    }
    const handed = near(point.x, point.y);
    // A selected relationship has a caption, which may lie beyond its line's reach; so may a
    // node's once zoomed in.
    const selected = edges.find((e) => distance(e) > 40 && distance(e) < 55 && onThisSide(e))!;
    expect(handed).not.toContain(selected);
    selected.caption = 'SUPPLIES';
    expect(near(point.x, point.y)).toContain(selected);
  });

  it('hands over a node at the edge of a border it got after the grid was built', () => {
    const { nodes, edges, node } = graph(0, seededRandom(2));
    const badged = node('badged', 500, 500);
    node('other', 2000, 1200);
    const { near } = hitIndexOver(() => [...edges, ...nodes]);
    expect(near(500, 500)).toContain(badged);
    // A badge's border of 3 and a selection's of 4: outer width 22; cytoscape hits a node within
    // half of that plus 2 px for a mouse (zoom 1).
    badged.outerWidth = badged.outerHeight = () => 22;
    expect(near(512.5, 500)).toContain(badged);
    expect(near(514.5, 500)).not.toContain(badged);
  });

  it('finds a long relationship in the middle, far from its ends and from every node', () => {
    const { nodes, edges, node, edge } = graph(0, seededRandom(1));
    const left = node('left', 0, 0);
    const right = node('right', 10_000, 3_000);
    node('corner', 10_000, 0);
    node('other corner', 0, 3_000);
    const long = edge(left, right);
    const { near } = hitIndexOver(() => [...edges, ...nodes]);
    expect(near(5_000, 1_500).map((e) => e.id)).toEqual([long.id]);
    expect(near(5_000, 500).map((e) => e.id)).toEqual([]);
  });

  it('files a dragged node and its relationships where they are now, also off the grid', () => {
    const random = seededRandom(3);
    const { nodes, edges } = graph(200, random);
    const { near, moved } = hitIndexOver(() => [...edges, ...nodes]);
    const dragged = nodes[5]!;
    expect(near(dragged.position().x, dragged.position().y)).toContain(dragged);
    // Inside the grid's extent (the nodes' when it was built), then far outside it.
    for (const to of [
      { x: 1234, y: 987 },
      { x: -3000, y: 9000 },
    ]) {
      Object.assign(dragged.position(), to);
      moved(dragged);
      expect(near(to.x, to.y)).toContain(dragged);
      expect(dragged.connectedEdges().length).toBeGreaterThan(0);
      for (const edge of dragged.connectedEdges()) {
        const other = edge.source() === dragged ? edge.target() : edge.source();
        const middle = { x: (other.position().x + to.x) / 2, y: (other.position().y + to.y) / 2 };
        expect(near(middle.x, middle.y), `${edge.id} to ${to.x}, ${to.y}`).toContain(edge);
      }
    }
  });

  describe('built ahead', () => {
    afterEach(() => {
      vi.useRealTimers();
    });

    // A node moved without telling the grid (no 'position' event) shows which grid answers: one
    // built before the move still finds the node where it was, one built on the query does not.
    // (With a caption, so that it is handed over wherever its body is.)
    const movedSilently = (node: FakeElement) => {
      node.caption = node.id;
      const was = { ...node.position() };
      Object.assign(node.position(), { x: was.x + 3000, y: was.y + 3000 });
      return was;
    };

    it('once the canvas has been still for a while, in slices, before the first pointer move', () => {
      vi.useFakeTimers();
      const { nodes, edges } = graph(6000, seededRandom(5));
      const { near } = hitIndexOver(() => [...edges, ...nodes]);
      vi.advanceTimersByTime(2000);
      const was = movedSilently(nodes[0]!);
      expect(near(was.x, was.y)).toContain(nodes[0]);
    });

    it('not while the elements keep moving, and anew after they stop', () => {
      vi.useFakeTimers();
      const { nodes, edges } = graph(600, seededRandom(6));
      const { near, moved } = hitIndexOver(() => [...edges, ...nodes]);
      // A layout: every node moves on every tick, more than are filed again one by one.
      for (let tick = 0; tick < 10; tick++) {
        for (const node of nodes) {
          Object.assign(node.position(), { x: node.position().x + 10, y: node.position().y });
          moved(node);
        }
        vi.advanceTimersByTime(100);
      }
      const beforeRest = movedSilently(nodes[1]!);
      vi.advanceTimersByTime(0);
      expect(near(beforeRest.x, beforeRest.y)).not.toContain(nodes[1]);
      for (const node of nodes) moved(node);
      vi.advanceTimersByTime(2000);
      const afterRest = movedSilently(nodes[2]!);
      expect(near(afterRest.x, afterRest.y)).toContain(nodes[2]);
    });

    it('finished by a pointer move that comes while it is half built', () => {
      vi.useFakeTimers();
      const { nodes, edges } = graph(6000, seededRandom(8));
      // Nodes first in the drawing order: the first slice of 5,000 files only nodes.
      const { near } = hitIndexOver(() => [...nodes, ...edges]);
      vi.advanceTimersByTime(300);
      // A node filed by that slice and moved since without telling the grid is found where it
      // was: the grid built ahead answers, not one built anew on the query.
      const was = movedSilently(nodes[10]!);
      expect(near(was.x, was.y)).toContain(nodes[10]);
      // The relationships, last in the order and not filed by then, are filed by the query.
      for (const edge of edges.slice(-20)) {
        const [from, to] = [edge.source().position(), edge.target().position()];
        expect(near((from.x + to.x) / 2, (from.y + to.y) / 2)).toContain(edge);
      }
    });
  });
});
