// The search box: suggestions from /api/search as you type (names, English names, aliases);
// choosing one hands its node to the app, which adds it to the canvas and centres it.

import { searchNodes } from '../api/client.ts';
import type { ApiNode, SearchHit } from '../api/types.ts';
import { nodeCaption } from '../app/format.ts';
import { el, replaceChildren } from '../ui/dom.ts';
import { shapeSwatch } from './legend.ts';

export class SearchBox {
  private hits: SearchHit[] = [];
  private active = -1;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private generation = 0;

  constructor(
    private readonly input: HTMLInputElement,
    private readonly list: HTMLUListElement,
    private readonly onChoose: (node: ApiNode) => void,
  ) {
    input.addEventListener('input', () => this.schedule());
    input.addEventListener('keydown', (event) => this.onKey(event));
    input.addEventListener('blur', () => setTimeout(() => this.close(), 150));
    input.addEventListener('focus', () => this.hits.length > 0 && this.open());
  }

  focus(): void {
    this.input.focus();
    this.input.select();
  }

  private schedule(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.lookup(), 120);
  }

  private async lookup(): Promise<void> {
    const text = this.input.value.trim();
    const generation = ++this.generation;
    if (!text) {
      this.hits = [];
      this.close();
      return;
    }
    try {
      const hits = await searchNodes(text, 10);
      if (generation !== this.generation) return;
      this.hits = hits;
      this.active = hits.length > 0 ? 0 : -1;
      this.render(text);
    } catch (error) {
      if (generation !== this.generation) return;
      this.hits = [];
      replaceChildren(this.list, [
        el('li', { class: 'muted', text: error instanceof Error ? error.message : String(error) }),
      ]);
      this.open();
    }
  }

  private render(text: string): void {
    if (this.hits.length === 0) {
      replaceChildren(this.list, [el('li', { class: 'muted', text: `Nothing matches “${text}”.` })]);
      this.open();
      return;
    }
    replaceChildren(
      this.list,
      this.hits.map((hit, i) => {
        const caption = nodeCaption(hit.node);
        const label = hit.node.labels[0] ?? '';
        return el(
          'li',
          {
            attrs: { role: 'option', 'aria-selected': String(i === this.active), id: `suggestion-${i}` },
            on: {
              mousedown: (event) => {
                event.preventDefault();
                this.choose(i);
              },
            },
          },
          [
            shapeSwatch(label),
            el('span', { class: 'suggestion-name', text: caption }),
            el('span', {
              class: 'suggestion-meta',
              text: hit.matched && hit.matched !== caption ? `${label} · matched “${hit.matched}”` : label,
            }),
          ],
        );
      }),
    );
    this.open();
  }

  private onKey(event: KeyboardEvent): void {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      if (this.hits.length === 0) return;
      event.preventDefault();
      this.active =
        (this.active + (event.key === 'ArrowDown' ? 1 : -1) + this.hits.length) % this.hits.length;
      this.list
        .querySelectorAll('li')
        .forEach((li, i) => li.setAttribute('aria-selected', String(i === this.active)));
    } else if (event.key === 'Enter') {
      event.preventDefault();
      if (this.active >= 0) this.choose(this.active);
    } else if (event.key === 'Escape') {
      this.close();
      this.input.blur();
    }
  }

  private choose(index: number): void {
    const hit = this.hits[index];
    if (!hit) return;
    this.close();
    this.input.value = nodeCaption(hit.node);
    this.onChoose(hit.node);
  }

  private open(): void {
    this.list.hidden = false;
    this.input.setAttribute('aria-expanded', 'true');
  }

  private close(): void {
    this.list.hidden = true;
    this.input.setAttribute('aria-expanded', 'false');
  }
}
