// The inspector: every property of the selected node or relationship as text; for a relationship
// the German source sentence, how the article qualifies it and a link to the article node;
// for a node its degree by relationship type.

import type { ApiEdge, ApiNode, NeighborCount, Value } from '../api/types.ts';
import { EXPANSION_BUDGET } from '../app/explorer.ts';
import { formatCount, formatValue, nodeCaption } from '../app/format.ts';
import { labelStyle } from '../graph/palette.ts';
import { el, replaceChildren } from '../ui/dom.ts';

/** What the inspector's buttons do. */
export interface InspectorActions {
  expand(id: string): void;
  loadMore(id: string): void;
  /** Loads the next neighbours along one relationship type. */
  expandType(id: string, type: string): void;
  togglePin(id: string): void;
  hide(ids: string[]): void;
  keepOnly(ids: string[]): void;
  focus(id: string): void;
  showArticle(uid: string): void;
  /** The caption of a node on the canvas, if it is there. */
  nodeName(id: string): string | undefined;
}

/** What the canvas knows about a node beyond its properties. */
export interface NodeContext {
  pinned: boolean;
  /** Neighbours not loaded yet, after an expansion, and how many the next page loads. */
  remaining?: { total: number; nextPage: number; byType: { type: string; count: number }[] };
}

/** How the article qualifies a statement, in words. */
const QUALIFICATIONS: Record<string, string> = {
  stated: 'the article states it as fact',
  reported: 'the article cites reports, e.g. "Meldungen zufolge"',
  alleged: 'the article calls it alleged, not confirmed',
  claimed: 'someone the article quotes claims it',
  possible: 'the article names it as a possibility',
};

/** Provenance properties shown above the property table rather than inside it. */
const PROVENANCE_KEYS = new Set(['sentence', 'qualification', 'claimed_by', 'article']);

function propertyTable(properties: Record<string, Value>, skip: Set<string> = new Set()): HTMLElement {
  const keys = Object.keys(properties).filter((key) => !skip.has(key));
  if (keys.length === 0) return el('p', { class: 'muted', text: 'No further properties.' });
  return el(
    'table',
    { class: 'props' },
    keys.map((key) =>
      el('tr', {}, [el('th', { text: key }), el('td', { text: formatValue(properties[key]) })]),
    ),
  );
}

function labelChips(labels: string[]): HTMLElement {
  return el(
    'div',
    { class: 'chip-list' },
    labels.map((label) =>
      el('span', { class: 'chip' }, [
        el('span', { class: 'dot', attrs: { style: `background:${labelStyle(label).color}` } }),
        label,
      ]),
    ),
  );
}

export class Inspector {
  constructor(
    private readonly root: HTMLElement,
    private readonly actions: InspectorActions,
  ) {
    this.clear();
  }

  clear(): void {
    replaceChildren(this.root, [
      el('h3', { text: 'Inspector' }),
      el('p', {
        class: 'muted',
        text: 'Click a node or relationship to see everything about it. Double-click a node to expand it.',
      }),
    ]);
  }

  /** Several elements are selected: say how many and offer the actions that apply to all. */
  showSelection(nodeIds: string[], edgeIds: string[]): void {
    replaceChildren(this.root, [
      el('h3', { text: 'Selection' }),
      el('p', { text: `${nodeIds.length} nodes and ${edgeIds.length} relationships selected.` }),
      el('div', { class: 'actions' }, [
        el('button', { text: 'Hide', on: { click: () => this.actions.hide([...nodeIds, ...edgeIds]) } }),
        el('button', {
          text: 'Keep only these',
          title: 'Remove everything else (K)',
          on: { click: () => this.actions.keepOnly([...nodeIds, ...edgeIds]) },
        }),
      ]),
      el('p', { class: 'muted', text: 'Shift+click adds or removes one element; Shift+drag draws a box.' }),
    ]);
  }

  /** Shows a node; `degree` arrives later from the neighbours endpoint. */
  showNode(node: ApiNode, context: NodeContext, degree: Promise<NeighborCount[]>): void {
    const degreeList = el('ul', { class: 'degree' }, [el('li', { class: 'muted', text: 'Counting…' })]);
    const remaining = context.remaining;
    replaceChildren(this.root, [
      labelChips(node.labels),
      el('h2', { text: nodeCaption(node) }),
      el('div', { class: 'actions' }, [
        el('button', {
          text: 'Expand',
          title: 'Load neighbours (double-click)',
          on: { click: () => this.actions.expand(node.id) },
        }),
        remaining && remaining.total > 0
          ? el('button', {
              // The next page, not the total: a hub's button must not read "Load 430,564 more".
              text: `Load ${formatCount(remaining.nextPage)} more`,
              title: `Load the next ${formatCount(remaining.nextPage)} of ${formatCount(remaining.total)} neighbours not loaded yet`,
              on: { click: () => this.actions.loadMore(node.id) },
            })
          : null,
        el('button', {
          text: context.pinned ? 'Unpin' : 'Pin',
          on: { click: () => this.actions.togglePin(node.id) },
        }),
        el('button', { text: 'Hide', on: { click: () => this.actions.hide([node.id]) } }),
        el('button', { text: 'Centre', on: { click: () => this.actions.focus(node.id) } }),
      ]),
      remaining && remaining.total > 0 ? notLoaded(remaining.byType) : null,
      el('h3', { text: 'Properties' }),
      propertyTable(node.properties),
      el('h3', { text: 'Degree by relationship type' }),
      el('p', { class: 'hint', text: 'Click a type to expand along it.' }),
      degreeList,
      el('p', { class: 'muted', text: `id ${node.id}` }),
    ]);
    degree.then(
      (counts) => {
        if (counts.length === 0) {
          replaceChildren(degreeList, [el('li', { class: 'muted', text: 'No relationships.' })]);
          return;
        }
        const total = counts.reduce((sum, c) => sum + c.count, 0);
        replaceChildren(degreeList, [
          ...counts.map((c) =>
            el('li', {}, [
              el(
                'button',
                {
                  class: 'degree-row',
                  title: `Expand along ${c.type}: the next ${EXPANSION_BUDGET} neighbours, either direction`,
                  on: { click: () => this.actions.expandType(node.id, c.type) },
                },
                [
                  el('span', { class: 'muted', text: c.direction === 'out' ? '→' : '←' }),
                  el('code', { text: c.type }),
                  el('span', { class: 'count', text: formatCount(c.count) }),
                ],
              ),
            ]),
          ),
          el('li', {}, [
            el('strong', { text: 'Total' }),
            el('span', { class: 'count', text: formatCount(total) }),
          ]),
        ]);
      },
      (error: unknown) =>
        replaceChildren(degreeList, [
          el('li', { class: 'error', text: error instanceof Error ? error.message : String(error) }),
        ]),
    );
  }

  /** Shows a relationship with its source sentence and qualification. */
  showEdge(edge: ApiEdge): void {
    const p = edge.properties;
    const from = this.actions.nodeName(edge.source) ?? edge.source;
    const to = this.actions.nodeName(edge.target) ?? edge.target;
    const qualification = typeof p.qualification === 'string' ? p.qualification : undefined;
    const claimedBy =
      p.claimed_by === null || p.claimed_by === undefined ? undefined : formatValue(p.claimed_by);
    const article = typeof p.article === 'string' ? p.article : undefined;
    replaceChildren(this.root, [
      el('div', { class: 'chip-list' }, [el('span', { class: 'chip' }, [el('code', { text: edge.type })])]),
      // One line, its ends buttons that centre them (a second line "from → to" said it again).
      el('h2', {}, [
        el('button', {
          class: 'link-button heading-link',
          text: from,
          title: 'Centre on it',
          on: { click: () => this.actions.focus(edge.source) },
        }),
        el('span', { class: 'muted', text: ` —${edge.type}→ ` }),
        el('button', {
          class: 'link-button heading-link',
          text: to,
          title: 'Centre on it',
          on: { click: () => this.actions.focus(edge.target) },
        }),
      ]),
      typeof p.sentence === 'string'
        ? el('div', {}, [
            el('h3', { text: 'Source sentence' }),
            el('blockquote', { attrs: { lang: 'de' }, text: p.sentence }),
          ])
        : null,
      qualification
        ? el('div', {}, [
            el('h3', { text: 'How the article qualifies it' }),
            el('span', { class: `qualification ${qualification}`, text: qualification }),
            el('span', {
              class: 'muted',
              text: ` ${QUALIFICATIONS[qualification] ?? ''}${claimedBy ? ` — claimed by ${claimedBy}` : ''}`,
            }),
          ])
        : null,
      article
        ? el('p', {}, [
            el('button', {
              class: 'link-button',
              text: 'Show the article node',
              title: `Add the Article ${article} to the canvas and centre it`,
              on: { click: () => this.actions.showArticle(article) },
            }),
          ])
        : null,
      el('h3', { text: 'Properties' }),
      propertyTable(p, PROVENANCE_KEYS),
      article || claimedBy ? el('h3', { text: 'Provenance' }) : null,
      article || claimedBy
        ? propertyTable(
            Object.fromEntries(
              Object.entries(p).filter(([key]) => PROVENANCE_KEYS.has(key) && key !== 'sentence'),
            ),
          )
        : null,
      el('p', { class: 'muted', text: `id ${edge.id}` }),
    ]);
  }
}

/**
 * "Not loaded yet: 430,564 relationships of 20 types (...)", the biggest three named; every type and its
 * count (both directions together) in the tooltip. The degree list below splits them by direction.
 */
function notLoaded(byType: { type: string; count: number }[]): HTMLElement {
  const total = byType.reduce((sum, r) => sum + r.count, 0);
  const sorted = [...byType].sort((a, b) => b.count - a.count);
  const named = sorted.slice(0, 3).map((r) => `${r.type} ${formatCount(r.count)}`);
  const types = byType.length === 1 ? '' : ` of ${formatCount(byType.length)} types`;
  return el('p', {
    class: 'muted not-loaded',
    text: `Not loaded yet: ${formatCount(total)} ${total === 1 ? 'relationship' : 'relationships'}${types} (${named.join(', ')}${byType.length > 3 ? ', …' : ''})`,
    title: sorted.map((r) => `${r.type} ${formatCount(r.count)}`).join('\n'),
  });
}
