// The result area: Graph, Table and JSON tabs and the line that says what the result holds
// ("showing N of M" when the server cut it).

import { stringifyExactJson } from '../api/exactJson.ts';
import type { QueryResponse } from '../api/types.ts';
import { formatCount } from '../app/format.ts';
import { byId, el, replaceChildren } from '../ui/dom.ts';
import { renderResultTable } from './resultTable.ts';

function plural(count: number, noun: string): string {
  return `${formatCount(count)} ${noun}${count === 1 ? '' : 's'}`;
}

export type ResultTab = 'graph' | 'table' | 'json';

/** Nodes and relationships. */
interface Counts {
  nodes: number;
  edges: number;
}

export class ResultPanel {
  private readonly tabs = new Map<ResultTab, { button: HTMLElement; pane: HTMLElement }>();
  private readonly status = byId('result-status');
  private current: ResultTab = 'graph';

  constructor(private readonly onTabChange: (tab: ResultTab) => void) {
    for (const tab of ['graph', 'table', 'json'] as const) {
      const button = byId(`tab-${tab}`);
      const pane = byId(button.dataset.pane!);
      this.tabs.set(tab, { button, pane });
      button.addEventListener('click', () => this.show(tab));
    }
  }

  get tab(): ResultTab {
    return this.current;
  }

  show(tab: ResultTab): void {
    this.current = tab;
    for (const [name, { button, pane }] of this.tabs) {
      button.setAttribute('aria-selected', String(name === tab));
      pane.hidden = name !== tab;
    }
    this.onTabChange(tab);
  }

  /** Says in the status line what the canvas shows when it did not come from a query (e.g. an opened file). */
  setNote(text: string): void {
    replaceChildren(this.status, [text]);
  }

  private readonly drawingStatus = el('span', { class: 'drawing-status' });

  /** Fills the Table and JSON tabs and the status line. */
  setResult(result: QueryResponse, names: (id: string) => string | undefined): void {
    renderResultTable(this.tabs.get('table')!.pane, result, names);
    byId('json-output').textContent = stringifyExactJson({
      columns: result.columns,
      rows: result.rows,
      summary: result.summary,
    });
    const { rowCount, totalRows, truncated, elapsedMs } = result.summary;
    // The server's cut is said in full and kept; the rest of the summary gives way (cut short,
    // whole in its tooltip) before it and the Draw buttons do, so that the line stays one line.
    const cut = truncated
      ? el('span', {
          class: 'truncated row-limit',
          text: `first ${formatCount(rowCount)} of ${formatCount(totalRows)} rows`,
          title: `The server sends at most ${formatCount(rowCount)} rows of a result (MAX_ROWS). Add SKIP and LIMIT to page through the rest, or export the query: an export takes every row.`,
        })
      : null;
    const summary = el('span', { class: 'result-summary' }, [
      truncated ? '' : plural(rowCount, 'row'),
      // Left out while "showing N of M nodes" says as much, so that the line fits beside the tabs.
      el('span', {
        class: 'result-counts',
        text: ` · ${plural(result.graph.nodes.length, 'node')}, ${plural(result.graph.edges.length, 'relationship')} in the result`,
      }),
      ` · ${elapsedMs < 10 ? elapsedMs : formatCount(Math.round(elapsedMs))} ms`,
      result.summary.wrote
        ? el('span', {
            class: 'wrote',
            text: ' · a write: Undo changes the canvas, not the database',
          })
        : '',
    ]);
    summary.title = summary.textContent ?? '';
    replaceChildren(this.status, [cut, summary, this.drawingStatus]);
  }

  /**
   * After a query that failed: the status line no longer speaks of the result before it (the
   * canvas keeps that result, and says so); its Draw buttons go with setDrawing(undefined).
   */
  setFailed(): void {
    replaceChildren(this.status, [
      el('span', {
        class: 'result-summary',
        text: 'The query failed; the canvas still shows the result before it.',
      }),
      this.drawingStatus,
    ]);
  }

  /**
   * "showing 1,000 of 3,312 nodes" with buttons that draw the next step or all the rest, while the
   * canvas holds only part of the result; nothing once it holds all of it.
   */
  setDrawing(
    drawing: { drawn: Counts; total: Counts; step: Counts } | undefined,
    drawMore: (options: { all?: boolean }) => void,
  ): void {
    this.status.classList.toggle('drawing', drawing !== undefined);
    if (!drawing) {
      replaceChildren(this.drawingStatus, []);
      return;
    }
    const { drawn, total, step } = drawing;
    const count = formatCount;
    const shown =
      drawn.nodes < total.nodes
        ? `showing ${count(drawn.nodes)} of ${count(total.nodes)} nodes`
        : `showing ${count(drawn.edges)} of ${count(total.edges)} relationships`;
    const next =
      drawn.nodes < total.nodes
        ? `Draw ${count(Math.min(step.nodes, total.nodes - drawn.nodes))} more`
        : `Draw ${count(Math.min(step.edges, total.edges - drawn.edges))} more relationships`;
    const lastStep = total.nodes - drawn.nodes <= step.nodes && total.edges - drawn.edges <= step.edges;
    replaceChildren(this.drawingStatus, [
      el('span', {
        class: 'truncated',
        text: ` · ${shown} `,
        attrs: { 'data-testid': 'drawing-count' },
      }),
      el('button', {
        class: 'draw-more',
        text: next,
        attrs: { type: 'button', 'data-action': 'draw-more' },
        on: { click: () => drawMore({}) },
      }),
      lastStep
        ? null
        : el('button', {
            class: 'draw-more',
            text: 'Draw all',
            title: `All ${count(total.nodes)} nodes and ${count(total.edges)} relationships`,
            attrs: { type: 'button', 'data-action': 'draw-all' },
            on: { click: () => drawMore({ all: true }) },
          }),
    ]);
  }
}
