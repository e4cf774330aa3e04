// Draggable splitters between panes: dragging (or arrow keys) sets a CSS variable on the layout.

export interface SplitterOptions {
  handle: HTMLElement;
  /** The CSS custom property holding the pane size in px, e.g. --sidebar-width. */
  variable: string;
  axis: 'x' | 'y';
  /** +1 when dragging right/down grows the pane, -1 when it shrinks it. */
  direction: 1 | -1;
  min: number;
  max: number;
  onResize: () => void;
}

/** Makes `handle` resize a pane through a CSS variable on the document root. */
export function makeSplitter(options: SplitterOptions): void {
  const root = document.documentElement;
  const current = () => parseFloat(getComputedStyle(root).getPropertyValue(options.variable)) || options.min;
  const set = (size: number) => {
    root.style.setProperty(
      options.variable,
      `${Math.round(Math.min(options.max, Math.max(options.min, size)))}px`,
    );
    options.onResize();
  };
  options.handle.addEventListener('pointerdown', (down) => {
    down.preventDefault();
    const start = options.axis === 'x' ? down.clientX : down.clientY;
    const startSize = current();
    options.handle.setPointerCapture(down.pointerId);
    options.handle.classList.add('dragging');
    const move = (event: PointerEvent) => {
      const now = options.axis === 'x' ? event.clientX : event.clientY;
      set(startSize + options.direction * (now - start));
    };
    const up = () => {
      options.handle.classList.remove('dragging');
      options.handle.removeEventListener('pointermove', move);
      options.handle.removeEventListener('pointerup', up);
    };
    options.handle.addEventListener('pointermove', move);
    options.handle.addEventListener('pointerup', up);
  });
  options.handle.addEventListener('keydown', (event) => {
    const grow = options.axis === 'x' ? ['ArrowRight', 'ArrowLeft'] : ['ArrowDown', 'ArrowUp'];
    const step = grow.indexOf(event.key);
    if (step < 0) return;
    event.preventDefault();
    set(current() + (step === 0 ? 1 : -1) * options.direction * 20);
  });
}
