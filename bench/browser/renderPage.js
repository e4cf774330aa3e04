// In-page part of the rendering benchmark: builds a deterministic graph of N elements,
// draws it with cytoscape or vis-network, and measures time to first frame and panning fps.
/* global cytoscape, vis, window, document, requestAnimationFrame, performance, setTimeout, clearTimeout */

function makeGraph(elements, seed) {
  let state = seed >>> 0;
  const random = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const nodeCount = Math.round(elements / 3);
  const edgeCount = elements - nodeCount;
  const side = Math.sqrt(nodeCount) * 60;
  const nodes = [];
  for (let i = 0; i < nodeCount; i++)
    nodes.push({ id: 'n' + i, label: 'Knoten ' + i, x: random() * side, y: random() * side });
  const edges = [];
  for (let i = 0; i < edgeCount; i++) {
    // Power-law ends: a few hubs, many leaves, like the generated knowledge graph.
    const a = Math.floor(nodeCount * random() ** 3);
    const b = Math.floor(nodeCount * random());
    edges.push({ id: 'e' + i, source: 'n' + a, target: 'n' + b, label: 'REL' });
  }
  return { nodes, edges };
}

const frame = () => new Promise((resolve) => requestAnimationFrame(() => resolve(performance.now())));

async function panFps(panBy, seconds) {
  await frame();
  const start = performance.now();
  let frames = 0;
  let longest = 0;
  let last = start;
  while (performance.now() - start < seconds * 1000) {
    panBy(4, 2);
    const now = await frame();
    longest = Math.max(longest, now - last);
    last = now;
    frames++;
  }
  return { fps: frames / ((performance.now() - start) / 1000), longestFrameMs: longest };
}

function webglAvailable() {
  const canvas = document.createElement('canvas');
  return !!(canvas.getContext('webgl2') || canvas.getContext('webgl'));
}

/** Cytoscape the way Lagebild draws a big graph: positions given, WebGL, labels only when zoomed in. */
window.runCytoscape = async (elements, options) => {
  const graph = makeGraph(elements, 1);
  const started = performance.now();
  const cy = cytoscape({
    container: document.getElementById('graph'),
    elements: {
      nodes: graph.nodes.map((n) => ({ data: { id: n.id, label: n.label }, position: { x: n.x, y: n.y } })),
      edges: graph.edges.map((e) => ({ data: { id: e.id, source: e.source, target: e.target } })),
    },
    layout: { name: 'preset' },
    renderer: { name: 'canvas', webgl: options.webgl },
    hideEdgesOnViewport: elements > 5000,
    textureOnViewport: false,
    pixelRatio: 1,
    style: [
      {
        selector: 'node',
        style: {
          width: 12,
          height: 12,
          'background-color': '#4f9dde',
          label: 'data(label)',
          color: '#ddd',
          'font-size': 10,
          'min-zoomed-font-size': 9,
        },
      },
      { selector: 'edge', style: { width: 1, 'line-color': '#667', 'curve-style': 'haystack' } },
    ],
  });
  await frame();
  await frame();
  const firstFrameMs = performance.now() - started;
  const pan = await panFps((x, y) => cy.panBy({ x, y }), options.panSeconds);
  cy.destroy();
  return { firstFrameMs, ...pan, webgl: options.webgl && webglAvailable() };
};

/** vis-network: with its default physics (time to a settled view) or with positions given. */
window.runVis = async (elements, options) => {
  const graph = makeGraph(elements, 1);
  const started = performance.now();
  const nodes = graph.nodes.map((n) =>
    options.physics ? { id: n.id, label: n.label } : { id: n.id, label: n.label, x: n.x, y: n.y },
  );
  const edges = graph.edges.map((e) => ({ id: e.id, from: e.source, to: e.target }));
  const network = new vis.Network(
    document.getElementById('graph'),
    { nodes, edges },
    { physics: options.physics ? {} : false, nodes: { shape: 'dot', size: 6 }, edges: { smooth: false } },
  );
  let settled = !options.physics;
  if (options.physics) {
    settled = await new Promise((resolve) => {
      const timer = setTimeout(() => resolve(false), options.settleTimeoutMs);
      network.once('stabilized', () => {
        clearTimeout(timer);
        resolve(true);
      });
    });
  }
  await frame();
  await frame();
  const firstFrameMs = performance.now() - started;
  network.setOptions({ physics: false });
  const pan = await panFps((x, y) => {
    const p = network.getViewPosition();
    network.moveTo({ position: { x: p.x - x, y: p.y - y }, animation: false });
  }, options.panSeconds);
  network.destroy();
  return { firstFrameMs, settled, ...pan };
};
