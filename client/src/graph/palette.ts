// How each label looks: a colour and a shape, the same in the canvas, the legend and the schema view.

/** Shapes the canvas can draw and the legend can mirror. */
export type NodeShape =
  | 'ellipse'
  | 'round-rectangle'
  | 'round-diamond'
  | 'round-hexagon'
  | 'round-triangle'
  | 'round-pentagon'
  | 'round-octagon'
  | 'rhomboid'
  | 'star'
  | 'barrel'
  | 'vee'
  | 'round-tag';

export interface LabelStyle {
  color: string;
  shape: NodeShape;
}

/** Looks for the labels of the article graph, chosen so that related kinds share a hue family. */
const KNOWN: Record<string, LabelStyle> = {
  Country: { color: '#3b82f6', shape: 'ellipse' },
  Person: { color: '#f97316', shape: 'round-diamond' },
  Organization: { color: '#0ea5e9', shape: 'round-hexagon' },
  Alliance: { color: '#6366f1', shape: 'round-hexagon' },
  Group: { color: '#14b8a6', shape: 'round-rectangle' },
  Agreement: { color: '#a855f7', shape: 'round-tag' },
  Conflict: { color: '#ef4444', shape: 'star' },
  Weapon: { color: '#78716c', shape: 'vee' },
  Program: { color: '#eab308', shape: 'round-pentagon' },
  Debate: { color: '#ec4899', shape: 'round-octagon' },
  Motive: { color: '#84cc16', shape: 'barrel' },
  Claim: { color: '#d946ef', shape: 'rhomboid' },
  Article: { color: '#94a3b8', shape: 'round-rectangle' },
};

const FALLBACK_COLORS = [
  '#0891b2',
  '#c026d3',
  '#65a30d',
  '#dc2626',
  '#7c3aed',
  '#d97706',
  '#059669',
  '#db2777',
];
const FALLBACK_SHAPES: NodeShape[] = [
  'ellipse',
  'round-rectangle',
  'round-hexagon',
  'round-diamond',
  'round-triangle',
];

function hash(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h >>> 0;
}

/** The colour and shape of a label; unknown labels get a stable one from their name. */
export function labelStyle(label: string | undefined): LabelStyle {
  if (!label) return { color: '#64748b', shape: 'ellipse' };
  const known = KNOWN[label];
  if (known) return known;
  const h = hash(label);
  return {
    color: FALLBACK_COLORS[h % FALLBACK_COLORS.length]!,
    shape: FALLBACK_SHAPES[(h >>> 8) % FALLBACK_SHAPES.length]!,
  };
}

/** Relationship types drawn faintly and without a caption: provenance links that would bury the facts. */
export const QUIET_TYPES: readonly string[] = ['MENTIONS'];

/** SVG polygon points (in a 0..16 box) that approximate a shape, for the legend. */
export function shapePoints(shape: NodeShape): string | undefined {
  switch (shape) {
    case 'ellipse':
      return undefined;
    case 'round-rectangle':
    case 'barrel':
      return '1,3 15,3 15,13 1,13';
    case 'round-diamond':
      return '8,1 15,8 8,15 1,8';
    case 'round-hexagon':
      return '4,1.5 12,1.5 15.5,8 12,14.5 4,14.5 0.5,8';
    case 'round-triangle':
      return '8,1 15,15 1,15';
    case 'round-pentagon':
      return '8,1 15,6.5 12.5,15 3.5,15 1,6.5';
    case 'round-octagon':
      return '5,1 11,1 15,5 15,11 11,15 5,15 1,11 1,5';
    case 'rhomboid':
      // Leaning as cytoscape draws it: the top edge starts at the left, the bottom ends at the right.
      return '1,3 10.3,3 15,13 5.7,13';
    case 'star':
      return '8,0.5 10,6 15.5,6 11,9.5 13,15.5 8,12 3,15.5 5,9.5 0.5,6 6,6';
    case 'vee':
      return '1,2 8,7 15,2 8,15';
    case 'round-tag':
      return '1,3 11,3 15,8 11,13 1,13';
  }
}
