// An SVG picture of the canvas written from plain data (node positions, sizes, colours, shapes,
// captions; edge end points and types), so the graph view can offer SVG without a plug-in.
// Every text from the data is escaped; nothing from the data becomes markup or an attribute name.

/** A node as drawn: centre, size, colour, cytoscape shape name and caption. */
export interface PictureNode {
  x: number;
  y: number;
  width: number;
  height: number;
  color: string;
  shape: string;
  /** Caption lines as the canvas wraps them (empty when the caption is hidden). */
  captionLines: string[];
  selected: boolean;
}

type Point = { x: number; y: number };

/**
 * A relationship as drawn: from where it leaves the source's border to where it meets the
 * target's, through the canvas's bezier control points (parallel edges bend apart), with its
 * caption at `mid` (empty for quiet ones).
 */
export interface PictureEdge {
  start: Point;
  end: Point;
  controls: Point[];
  mid: Point;
  caption: string;
  quiet: boolean;
}

export interface PictureColors {
  background: string;
  text: string;
  textOutline: string;
  edge: string;
  quietEdge: string;
  selection: string;
}

export interface Picture {
  nodes: PictureNode[];
  edges: PictureEdge[];
  colors: PictureColors;
  nodeFontSize: number;
  edgeFontSize: number;
  /** A title for the SVG document (shown by viewers as its name). */
  title: string;
}

/** Escapes text for XML content and double-quoted attributes; drops characters XML cannot carry. */
export function escapeXml(text: string): string {
  return text
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '\ufffd')
    .replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/** A colour as it may stand in an attribute: hex, rgb()/hsl() or a name; anything else becomes grey. */
function safeColor(color: string): string {
  return /^(#[0-9a-fA-F]{3,8}|(rgb|hsl)a?\([\d.,%\s/]+\)|[a-zA-Z]+)$/.test(color) ? color : '#888888';
}

function n(value: number): string {
  return Number.isFinite(value) ? String(Math.round(value * 100) / 100) : '0';
}

/** Outline corners of cytoscape's polygon shapes in a unit box from -1 to 1. */
const UNIT_POLYGONS: Record<string, number[]> = {
  diamond: [0, -1, 1, 0, 0, 1, -1, 0],
  hexagon: [-1, 0, -0.5, -1, 0.5, -1, 1, 0, 0.5, 1, -0.5, 1],
  triangle: [-1, 1, 0, -1, 1, 1],
  vee: [-1, -1, 0, -0.333, 1, -1, 0, 1],
  rhomboid: [-1, -1, 0.333, -1, 1, 1, -0.333, 1],
  tag: [-1, -1, 0.333, -1, 1, 0, 0.333, 1, -1, 1],
};

/** Corners of a regular polygon (or a star) in the unit box, first corner on top. */
function regularPolygon(corners: number, options: { star?: boolean; rotate?: number } = {}): number[] {
  const points: number[] = [];
  const count = options.star ? corners * 2 : corners;
  for (let i = 0; i < count; i++) {
    const angle = -Math.PI / 2 + (options.rotate ?? 0) + (2 * Math.PI * i) / count;
    const scale = options.star && i % 2 === 1 ? 0.45 : 1;
    points.push(scale * Math.cos(angle), scale * Math.sin(angle));
  }
  return points;
}
UNIT_POLYGONS.pentagon = regularPolygon(5);
UNIT_POLYGONS.octagon = regularPolygon(8, { rotate: Math.PI / 8 });
UNIT_POLYGONS.star = regularPolygon(5, { star: true });

function nodeShape(node: PictureNode, fill: string, stroke: string, strokeWidth: number): string {
  const round = node.shape.startsWith('round-');
  const paint = `fill="${fill}" stroke="${stroke}" stroke-width="${n(strokeWidth)}"${round ? ' stroke-linejoin="round"' : ''}`;
  const shape = node.shape.replace(/^round-/, '');
  const unit = UNIT_POLYGONS[shape];
  if (unit) {
    const points: string[] = [];
    for (let i = 0; i < unit.length; i += 2)
      points.push(
        `${n(node.x + (unit[i]! * node.width) / 2)},${n(node.y + (unit[i + 1]! * node.height) / 2)}`,
      );
    return `<polygon points="${points.join(' ')}" ${paint}/>`;
  }
  if (shape === 'rectangle' || shape === 'barrel' || shape === 'square')
    return `<rect x="${n(node.x - node.width / 2)}" y="${n(node.y - node.height / 2)}" width="${n(node.width)}" height="${n(node.height)}" rx="${round || shape === 'barrel' ? 4 : 0}" ${paint}/>`;
  return `<ellipse cx="${n(node.x)}" cy="${n(node.y)}" rx="${n(node.width / 2)}" ry="${n(node.height / 2)}" ${paint}/>`;
}

/** Caption lines under a node (captions may hold a second line, e.g. "+7 more"). */
function nodeCaption(node: PictureNode, picture: Picture): string {
  const lines = node.captionLines;
  if (lines.length === 0) return '';
  const size = picture.nodeFontSize;
  const top = node.y + node.height / 2 + 3 + size;
  const tspans = lines
    .map((line, i) => `<tspan x="${n(node.x)}" y="${n(top + i * size * 1.2)}">${escapeXml(line)}</tspan>`)
    .join('');
  return `<text class="node-caption" text-anchor="middle">${tspans}</text>`;
}

/** The edge's path: straight, or quadratic curves through the control points as the canvas draws them. */
function edgePath(edge: PictureEdge): string {
  const { start, end, controls } = edge;
  if (controls.length === 0) return `M ${n(start.x)} ${n(start.y)} L ${n(end.x)} ${n(end.y)}`;
  let path = `M ${n(start.x)} ${n(start.y)}`;
  controls.forEach((control, i) => {
    const next = controls[i + 1];
    const to = next ? { x: (control.x + next.x) / 2, y: (control.y + next.y) / 2 } : end;
    path += ` Q ${n(control.x)} ${n(control.y)} ${n(to.x)} ${n(to.y)}`;
  });
  return path;
}

function edgeElement(edge: PictureEdge, picture: Picture): string {
  const { colors } = picture;
  const color = safeColor(edge.quiet ? colors.quietEdge : colors.edge);
  const line = `<path d="${edgePath(edge)}" fill="none" stroke="${color}" stroke-width="${edge.quiet ? 0.8 : 1.4}"${edge.quiet ? ' stroke-dasharray="4 4"' : ''} marker-end="url(#${edge.quiet ? 'arrow-quiet' : 'arrow'})"/>`;
  if (!edge.caption) return line;
  const last = edge.controls[edge.controls.length - 1] ?? edge.start;
  const first = edge.controls[0] ?? edge.end;
  let angle =
    (Math.atan2(edge.end.y - last.y + first.y - edge.start.y, edge.end.x - last.x + first.x - edge.start.x) *
      180) /
    Math.PI;
  if (angle > 90) angle -= 180;
  if (angle < -90) angle += 180;
  const caption = `<text class="edge-caption" text-anchor="middle" dominant-baseline="middle" transform="translate(${n(edge.mid.x)} ${n(edge.mid.y)}) rotate(${n(angle)})">${escapeXml(edge.caption)}</text>`;
  return line + caption;
}

/** The whole picture as one SVG document (text), framed around the elements with a margin. */
export function svgPicture(picture: Picture): string {
  const { colors } = picture;
  const margin = 40;
  const xs = picture.nodes.flatMap((node) => [node.x - node.width / 2 - 60, node.x + node.width / 2 + 60]);
  const ys = picture.nodes.flatMap((node) => [
    node.y - node.height / 2,
    node.y + node.height / 2 + 6 + picture.nodeFontSize * 1.2 * node.captionLines.length,
  ]);
  const x1 = (xs.length ? Math.min(...xs) : 0) - margin;
  const y1 = (ys.length ? Math.min(...ys) : 0) - margin;
  const width = (xs.length ? Math.max(...xs) : 100) + margin - x1;
  const height = (ys.length ? Math.max(...ys) : 100) + margin - y1;
  const textColor = safeColor(colors.text);
  const outline = safeColor(colors.textOutline);
  const background = safeColor(colors.background);
  const arrow = (id: string, color: string) =>
    `<marker id="${id}" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M 0 0 L 10 5 L 0 10 z" fill="${safeColor(color)}"/></marker>`;
  return [
    `<?xml version="1.0" encoding="UTF-8"?>`,
    `<svg xmlns="http://www.w3.org/2000/svg" width="${n(width)}" height="${n(height)}" viewBox="${n(x1)} ${n(y1)} ${n(width)} ${n(height)}">`,
    `<title>${escapeXml(picture.title)}</title>`,
    `<defs>${arrow('arrow', colors.edge)}${arrow('arrow-quiet', colors.quietEdge)}</defs>`,
    `<style>text{font-family:system-ui,sans-serif;fill:${textColor};paint-order:stroke;stroke:${outline};stroke-width:2px;stroke-linejoin:round}.node-caption{font-size:${n(picture.nodeFontSize)}px}.edge-caption{font-size:${n(picture.edgeFontSize)}px;stroke:${background}}</style>`,
    `<rect x="${n(x1)}" y="${n(y1)}" width="${n(width)}" height="${n(height)}" fill="${background}"/>`,
    `<g class="edges">${picture.edges.map((edge) => edgeElement(edge, picture)).join('')}</g>`,
    `<g class="nodes">${picture.nodes
      .map((node) =>
        nodeShape(
          node,
          safeColor(node.color),
          node.selected ? safeColor(colors.selection) : outline,
          node.selected ? 4 : 1.5,
        ),
      )
      .join('')}</g>`,
    `<g class="captions">${picture.nodes.map((node) => nodeCaption(node, picture)).join('')}</g>`,
    `</svg>`,
    '',
  ].join('\n');
}
