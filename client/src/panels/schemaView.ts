// The schema as a small graph (labels with counts, relationship types between them) plus a
// list of label chips; clicking a label shows some of its nodes.

import type { ApiEdge, ApiNode, SchemaResponse } from '../api/types.ts';
import { GraphView } from '../graph/view.ts';
import type { ThemeColors } from '../graph/settings.ts';
import { el, replaceChildren } from '../ui/dom.ts';
import { shapeSwatch } from './legend.ts';

/** One node per label and one edge per pair of labels, captioned with the types between them. */
export function schemaGraph(schema: SchemaResponse): { nodes: ApiNode[]; edges: ApiEdge[] } {
  const nodes: ApiNode[] = schema.labels.map((l) => ({
    id: `label:${l.label}`,
    labels: [l.label],
    properties: { name: `${l.label} (${l.count})`, label: l.label, count: l.count },
  }));
  const pairs = new Map<string, { from: string; to: string; types: string[] }>();
  for (const type of schema.relationshipTypes) {
    for (const { from, to } of type.connections) {
      const key = `${from}->${to}`;
      const pair = pairs.get(key) ?? { from, to, types: [] };
      pair.types.push(type.type);
      pairs.set(key, pair);
    }
  }
  const edges: ApiEdge[] = [...pairs.values()].map((pair, i) => ({
    id: `schema-edge:${i}`,
    type: pair.types.length <= 2 ? pair.types.join(', ') : `${pair.types.length} types`,
    source: `label:${pair.from}`,
    target: `label:${pair.to}`,
    properties: { types: pair.types },
  }));
  return { nodes, edges };
}

export class SchemaView {
  private view: GraphView | undefined;

  constructor(
    private readonly graphRoot: HTMLElement,
    private readonly listRoot: HTMLElement,
    private readonly onLabel: (label: string) => void,
  ) {}

  /** Draws the schema; call again when it changed. */
  async show(schema: SchemaResponse, theme: Partial<ThemeColors>): Promise<void> {
    replaceChildren(
      this.listRoot,
      schema.labels.map((l) =>
        el('li', {}, [
          el(
            'button',
            {
              class: 'chip',
              title: `Show some ${l.label} nodes`,
              on: { click: () => this.onLabel(l.label) },
            },
            [shapeSwatch(l.label), `${l.label} ${l.count}`],
          ),
        ]),
      ),
    );
    if (!this.view) {
      this.view = new GraphView(this.graphRoot, { nodeFontSize: 9, edgeFontSize: 6, animateUpTo: 0, theme });
      this.view.events.on('clickNode', ({ id }) => this.onLabel(id.replace(/^label:/, '')));
    }
    await this.view.setGraph(schemaGraph(schema));
  }

  setTheme(theme: Partial<ThemeColors>): void {
    this.view?.setTheme(theme);
  }

  resize(): void {
    this.view?.resize();
  }
}
