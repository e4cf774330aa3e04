// The canvas stylesheet as plain data, built from the view settings (theme, font sizes).

import type { LineLook } from './elementLayer.ts';
import type { GraphViewSettings, ThemeColors } from './settings.ts';

/** One stylesheet rule: a selector and its properties (cytoscape's JSON stylesheet format). */
export interface StyleRule {
  selector: string;
  style: Record<string, string | number>;
}

/**
 * The rules for nodes, edges, selection, pins, hidden captions and quiet relationship types; with
 * `large`, a level of detail for big graphs instead, whose relationships and node bodies are
 * transparent with `onLayer` (the view draws them itself, elementLayer.ts).
 */
export function buildStyle(
  settings: GraphViewSettings,
  options: { large?: boolean; onLayer?: boolean } = {},
): StyleRule[] {
  return options.large ? largeGraphStyle(settings, options.onLayer ?? false) : detailedStyle(settings);
}

/** How a big canvas draws its relationships: plain ones, and the quiet types (MENTIONS) fainter. */
export function largeEdgeLooks(theme: ThemeColors): { plain: LineLook; quiet: LineLook } {
  return {
    plain: { color: theme.edge, opacity: 0.7, width: 1 },
    quiet: { color: theme.quietEdge, opacity: 0.4, width: 1 },
  };
}

/** The width and height of a node on a big canvas, in the graph's units. */
export const LARGE_GRAPH_NODE_SIZE = 18;

/**
 * The class that makes a big canvas's elements visible to cytoscape again while they are on the
 * element layer, for a picture that cytoscape draws (the PNG export).
 */
export const PICTURED = 'pictured';

/** On a big canvas, node captions are drawn only from this size on screen (in pixels). */
export const LARGE_GRAPH_CAPTION_MIN_PX = 9;

/**
 * Levels of detail for a big canvas: straight edges without arrows or captions (cheap to draw),
 * node captions only once zoomed in far enough to read them; the selection keeps its caption, and
 * the element under the pointer is named in a box over the canvas (hoverTip.ts), not restyled.
 * A stylesheet of its own, not overrides on the detailed one: cytoscape applies every property of
 * every matching rule to every element (style was about a third of the first frame of 10,000
 * elements in a CPU profile).
 *
 * A node has a caption only once it has been in view at a zoom where captions are drawn (the
 * view gives it the class `captioned`), or while selected: cytoscape measures every caption it
 * has for the bounding boxes of the first frame, captions drawn or not. Without them the first
 * frame of 10,000 elements took about 300 ms less (1.41 → 1.09 s; docs/benchmarks.md, "Tenth
 * session").
 */
function largeGraphStyle(settings: GraphViewSettings, onLayer: boolean): StyleRule[] {
  const { theme } = settings;
  const edgeCaption = { ...edgeCaptionLook(settings), 'min-zoomed-font-size': 0 };
  const { plain, quiet } = largeEdgeLooks(theme);
  // On the layer, elements stay interactive: opacity 0 keeps them under the pointer, unlike
  // `visibility` or `display`. Cytoscape still draws the nodes that the layer cannot: with a
  // caption, a badge or a pin (their borders), or selected (its rule below).
  const opacities: StyleRule[] = onLayer
    ? [
        // While the viewport moves, cytoscape may move a picture of its own canvas and fill
        // what lies outside it, which would cover the layer.
        { selector: 'core', style: { 'outside-texture-bg-opacity': 0 } },
        { selector: 'edge, node', style: { opacity: 0 } },
        {
          selector: NODES_DRAWN_BY_CYTOSCAPE.map((name) => `node.${name}`).join(', '),
          style: { opacity: 1 },
        },
        { selector: `node.${PICTURED}`, style: { opacity: 1 } },
        { selector: `edge.${PICTURED}`, style: { opacity: plain.opacity } },
        { selector: `edge.quiet.${PICTURED}`, style: { opacity: quiet.opacity } },
      ]
    : [
        { selector: 'edge', style: { opacity: plain.opacity } },
        { selector: 'edge.quiet', style: { opacity: quiet.opacity } },
      ];
  return [
    {
      selector: 'node',
      style: { ...nodeBody(), width: LARGE_GRAPH_NODE_SIZE, height: LARGE_GRAPH_NODE_SIZE },
    },
    {
      selector: `node.${CAPTIONED}, node:selected`,
      style: { ...nodeCaptionLook(settings), 'min-zoomed-font-size': LARGE_GRAPH_CAPTION_MIN_PX },
    },
    {
      selector: 'edge',
      style: {
        'curve-style': 'haystack',
        'haystack-radius': 0,
        width: plain.width,
        'line-color': plain.color,
      },
    },
    { selector: 'edge.quiet', style: { 'line-color': quiet.color } },
    ...opacities,
    ...stateRules(settings),
    {
      selector: 'node:selected',
      style: {
        'border-width': 4,
        'border-color': theme.selection,
        'text-opacity': 1,
        'min-zoomed-font-size': 0,
        'z-index': 10,
        opacity: 1,
      },
    },
    {
      selector: 'edge:selected',
      style: { ...edgeCaption, width: 3, 'line-color': theme.selection, opacity: 1, 'z-index': 10 },
    },
  ];
}

/** The class of a node on a big canvas that has a caption (see largeGraphStyle). */
export const CAPTIONED = 'captioned';

/** The class of a node at an end of a selected relationship (see NODES_DRAWN_BY_CYTOSCAPE). */
export const SELECTION_END = 'selection-end';

/**
 * With the elements on the layer, cytoscape still draws the nodes of these classes (and selected
 * ones): a caption, a badge or a pin's border is drawn with the node, and a selected relationship,
 * drawn by cytoscape, would otherwise lie over its end nodes.
 */
export const NODES_DRAWN_BY_CYTOSCAPE: readonly string[] = [CAPTIONED, 'has-more', 'pinned', SELECTION_END];

/** A node's colour and shape, at every level of detail. */
function nodeBody(): StyleRule['style'] {
  return { 'background-color': 'data(color)', shape: 'data(shape)' };
}

/** A node's caption: its name under it, with an outline that keeps it legible over lines. */
function nodeCaptionLook({ theme, nodeFontSize }: GraphViewSettings): StyleRule['style'] {
  return {
    label: 'data(display)',
    'font-family': 'system-ui, sans-serif',
    'font-size': nodeFontSize,
    color: theme.text,
    'text-valign': 'bottom',
    'text-halign': 'center',
    'text-margin-y': 3,
    'text-wrap': 'wrap',
    'text-max-width': '120px',
    'text-outline-color': theme.textOutline,
    'text-outline-width': 2,
  };
}

/** A relationship's caption: its type along the line. */
function edgeCaptionLook({ theme, edgeFontSize }: GraphViewSettings): StyleRule['style'] {
  return {
    label: 'data(type)',
    'font-family': 'system-ui, sans-serif',
    'font-size': edgeFontSize,
    color: theme.text,
    'text-rotation': 'autorotate',
    'text-outline-color': theme.background,
    'text-outline-width': 2,
  };
}

/** Hidden captions, hidden elements, expandable and pinned nodes: the same at every level of detail. */
function stateRules({ theme }: GraphViewSettings): StyleRule[] {
  return [
    { selector: '.label-hidden', style: { 'text-opacity': 0 } },
    { selector: '.user-hidden, .filtered', style: { display: 'none' } },
    {
      selector: 'node.has-more',
      style: { 'border-width': 3, 'border-style': 'double', 'border-color': theme.text },
    },
    {
      selector: 'node.pinned',
      style: { 'border-width': 3, 'border-style': 'dashed', 'border-color': theme.text },
    },
  ];
}

function detailedStyle(settings: GraphViewSettings): StyleRule[] {
  const { theme } = settings;
  return [
    {
      selector: 'node',
      style: {
        ...nodeBody(),
        ...nodeCaptionLook(settings),
        width: 26,
        height: 26,
        'text-outline-opacity': 0.9,
        'border-width': 1.5,
        'border-color': theme.textOutline,
        'min-zoomed-font-size': 5,
      },
    },
    { selector: 'node[label = "Article"]', style: { width: 34, height: 22 } },
    {
      selector: 'edge',
      style: {
        'curve-style': 'bezier',
        'target-arrow-shape': 'triangle',
        'arrow-scale': 0.8,
        width: 1.4,
        'line-color': theme.edge,
        'target-arrow-color': theme.edge,
        ...edgeCaptionLook(settings),
        'min-zoomed-font-size': 5,
      },
    },
    // Each of a node's loops turned its own way (view.ts, loopDirection).
    { selector: 'edge:loop[loopDirection]', style: { 'loop-direction': 'data(loopDirection)' } },
    {
      selector: 'edge.quiet',
      style: {
        label: '',
        'line-style': 'dashed',
        'line-dash-pattern': [4, 4] as unknown as string,
        'line-color': theme.quietEdge,
        'target-arrow-color': theme.quietEdge,
        width: 0.8,
      },
    },
    ...stateRules(settings),
    {
      selector: 'node:selected',
      style: { 'border-width': 4, 'border-color': theme.selection, 'text-opacity': 1, 'z-index': 10 },
    },
    {
      selector: 'edge:selected',
      style: {
        width: 3,
        'line-color': theme.selection,
        'target-arrow-color': theme.selection,
        'text-opacity': 1,
        label: 'data(type)',
        'z-index': 10,
      },
    },
    { selector: '.hover', style: { 'text-opacity': 1, 'z-index': 20 } },
    { selector: 'edge.hover', style: { label: 'data(type)' } },
  ];
}
