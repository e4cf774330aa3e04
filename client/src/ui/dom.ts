// The one way the explorer builds DOM: elements with text set through textContent, so that
// nothing coming from the database is ever parsed as HTML.

type Child = Node | string | null | undefined | false;

export interface ElementOptions {
  class?: string;
  /** Text content; always text, never markup. */
  text?: string;
  title?: string;
  attrs?: Record<string, string>;
  dataset?: Record<string, string>;
  on?: { [K in keyof HTMLElementEventMap]?: (event: HTMLElementEventMap[K]) => void };
}

/** Creates an element; strings among `children` become text nodes. */
export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  options: ElementOptions = {},
  children: Child[] = [],
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  if (options.class) element.className = options.class;
  if (options.text !== undefined) element.textContent = options.text;
  if (options.title !== undefined) element.title = options.title;
  for (const [name, value] of Object.entries(options.attrs ?? {})) element.setAttribute(name, value);
  for (const [name, value] of Object.entries(options.dataset ?? {})) element.dataset[name] = value;
  for (const [type, handler] of Object.entries(options.on ?? {})) {
    element.addEventListener(type, handler as EventListener);
  }
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    element.append(typeof child === 'string' ? document.createTextNode(child) : child);
  }
  return element;
}

/** Replaces all children of `parent`. */
export function replaceChildren(parent: Element, children: Child[]): void {
  parent.replaceChildren(
    ...children.flatMap((child) =>
      child === null || child === undefined || child === false
        ? []
        : [typeof child === 'string' ? document.createTextNode(child) : child],
    ),
  );
}

/** The element with this id; throws when the page lacks it (a bug in index.html). */
export function byId<T extends HTMLElement = HTMLElement>(id: string): T {
  const element = document.getElementById(id);
  if (!element) throw new Error(`index.html has no element #${id}`);
  return element as T;
}
