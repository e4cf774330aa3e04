// The Table tab: one row per result row; nodes and relationships as compact chips followed by
// their properties, scalars as they are. Rows are drawn in pages: 10,000 rows of chips took about
// a second to build, on every query, also while the Graph tab was shown.

import type { ApiEdge, ApiNode, QueryResponse, Value } from '../api/types.ts';
import { formatCount, formatValue, nodeCaption } from '../app/format.ts';
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
      propertiesText(node.properties, names),
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
      propertiesText(edge.properties, names),
    ]);
  }
  const text = formatValue(value, names);
  // A sentence gets room to be read: otherwise the columns of chips beside it squeezed it to a
  // few words a line.
  return el('td', { text, ...(text.length > LONG_TEXT ? { class: 'long-text' } : {}) });
}

/** Characters from which a cell's text counts as long (an article sentence). */
const LONG_TEXT = 60;

/** "uid: nordkorea, name: Nordkorea, …" on one line after a chip, all of it in the tooltip. */
function propertiesText(properties: Record<string, Value>, names: (id: string) => string | undefined) {
  const text = Object.entries(properties)
    .map(([key, value]) => `${key}: ${formatValue(value, names)}`)
    .join(', ');
  return text ? el('span', { class: 'chip-properties', text, title: text }) : null;
}

/** Rows drawn at first, and with each "Show more rows". */
const TABLE_PAGE_ROWS = 500;

/** Draws the rows of a result into `root`, a page at a time. */
export function renderResultTable(
  root: HTMLElement,
  result: QueryResponse,
  names: (id: string) => string | undefined,
): void {
  if (result.columns.length === 0) {
    replaceChildren(root, [el('p', { class: 'empty', text: 'The statement returned no columns.' })]);
    return;
  }
  const body = el('tbody');
  const table = el('table', { class: 'result' }, [
    el('thead', {}, [
      el('tr', {}, [
        el('th', { class: 'row-number', text: '#' }),
        ...result.columns.map((c) => el('th', { text: c })),
      ]),
    ]),
    body,
  ]);
  const { rows } = result;
  const { truncated, totalRows } = result.summary;
  const more = el('button', { class: 'show-more-rows', attrs: { type: 'button' } });
  const note = el('p', { class: 'table-note' });
  let drawn = 0;
  const drawPage = () => {
    const end = Math.min(rows.length, drawn + TABLE_PAGE_ROWS);
    const page = document.createDocumentFragment();
    for (let i = drawn; i < end; i++)
      page.append(
        el('tr', {}, [
          el('td', { class: 'num muted', text: String(i + 1) }),
          ...rows[i]!.map((value) => cell(value, names)),
        ]),
      );
    body.append(page);
    drawn = end;
    more.hidden = drawn >= rows.length;
    more.textContent = `Show ${formatCount(Math.min(TABLE_PAGE_ROWS, rows.length - drawn))} more rows`;
    const cut = truncated
      ? ` The server sent the first ${formatCount(rows.length)} of ${formatCount(totalRows)} rows (MAX_ROWS); export the query for all of them.`
      : '';
    note.textContent = `${formatCount(drawn)} of ${formatCount(rows.length)} rows shown.${cut}`;
    note.hidden = drawn >= rows.length && !truncated;
  };
  more.addEventListener('click', drawPage);
  drawPage();
  replaceChildren(root, [
    table,
    rows.length === 0 ? el('p', { class: 'empty', text: 'No rows.' }) : null,
    note,
    more,
  ]);
}
