// The Table tab: one row per result row; nodes and relationships as compact chips, scalars as they are.

import type { ApiEdge, ApiNode, QueryResponse, Value } from '../api/types.ts';
import { formatValue, nodeCaption } from '../app/format.ts';
import { labelStyle } from '../graph/palette.ts';
import { el, replaceChildren } from '../ui/dom.ts';

function isTagged(value: Value, type: string): boolean {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    (value as { $type?: unknown }).$type === type
  );
}

function cell(value: Value, names: (id: string) => string | undefined): HTMLElement {
  if (value === null) return el('td', {}, [el('span', { class: 'value-null', text: 'null' })]);
  if (typeof value === 'number' || typeof value === 'bigint')
    return el('td', { class: 'num', text: String(value) });
  if (isTagged(value, 'node')) {
    const node = value as unknown as ApiNode;
    return el('td', {}, [
      el('span', { class: 'node-chip', title: `:${node.labels.join(':')} ${node.id}` }, [
        el('span', { class: 'dot', attrs: { style: `background:${labelStyle(node.labels[0]).color}` } }),
        nodeCaption(node),
      ]),
    ]);
  }
  if (isTagged(value, 'relationship')) {
    const edge = value as unknown as ApiEdge;
    return el('td', {}, [
      el('span', {
        class: 'edge-chip',
        text: `[:${edge.type}]`,
        title: `${names(edge.source) ?? edge.source} → ${names(edge.target) ?? edge.target}`,
      }),
    ]);
  }
  return el('td', { text: formatValue(value, names) });
}

/** Draws the rows of a result into `root`. */
export function renderResultTable(
  root: HTMLElement,
  result: QueryResponse,
  names: (id: string) => string | undefined,
): void {
  if (result.columns.length === 0) {
    replaceChildren(root, [el('p', { class: 'empty', text: 'The statement returned no columns.' })]);
    return;
  }
  const table = el('table', { class: 'result' }, [
    el('thead', {}, [
      el('tr', {}, [el('th', { text: '#' }), ...result.columns.map((c) => el('th', { text: c }))]),
    ]),
    el(
      'tbody',
      {},
      result.rows.map((row, i) =>
        el('tr', {}, [
          el('td', { class: 'num muted', text: String(i + 1) }),
          ...row.map((value) => cell(value, names)),
        ]),
      ),
    ),
  ]);
  replaceChildren(root, [
    table,
    result.rows.length === 0 ? el('p', { class: 'empty', text: 'No rows.' }) : null,
  ]);
}
