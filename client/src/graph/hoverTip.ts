// The caption of the element under the pointer on a big canvas, as a small box of text over the
// canvas. Restyling the hovered element instead would make cytoscape redraw every element, in
// software 150 ms at 10,000 elements and 700 ms at 50,000, each time the pointer crosses a node.

import type { ThemeColors } from './settings.ts';

/** Pixels between the pointer and the box. */
const OFFSET_PX = 12;

export class HoverTip {
  private readonly box: HTMLDivElement;

  constructor(container: HTMLElement, theme: ThemeColors) {
    this.box = document.createElement('div');
    this.box.className = 'graph-hover-tip';
    this.box.setAttribute('role', 'tooltip');
    this.box.hidden = true;
    Object.assign(this.box.style, {
      position: 'absolute',
      zIndex: '5',
      pointerEvents: 'none',
      maxWidth: '240px',
      padding: '2px 6px',
      borderRadius: '3px',
      font: '12px system-ui, sans-serif',
      whiteSpace: 'pre-line',
      overflowWrap: 'anywhere',
    } satisfies Partial<CSSStyleDeclaration>);
    this.setTheme(theme);
    container.append(this.box);
  }

  /** Shows `text` next to the point (x, y), in pixels from the container's top left corner. */
  show(text: string, x: number, y: number): void {
    if (!text) return this.hide();
    this.box.textContent = text;
    this.box.style.left = `${Math.round(x + OFFSET_PX)}px`;
    this.box.style.top = `${Math.round(y + OFFSET_PX)}px`;
    this.box.hidden = false;
  }

  hide(): void {
    this.box.hidden = true;
  }

  get text(): string | undefined {
    return this.box.hidden ? undefined : (this.box.textContent ?? undefined);
  }

  setTheme(theme: ThemeColors): void {
    this.box.style.color = theme.text;
    this.box.style.background = theme.background;
    this.box.style.border = `1px solid ${theme.edge}`;
  }

  destroy(): void {
    this.box.remove();
  }
}
