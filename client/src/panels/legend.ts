// The legend of what is on the canvas: each label with its colour and shape, each relationship
// type, their counts, and a checkbox that shows or hides them.

import { QUIET_TYPES, labelStyle, shapePoints } from '../graph/palette.ts';
import { el, replaceChildren } from '../ui/dom.ts';

const SVG = 'http://www.w3.org/2000/svg';

/** A 14px picture of a label's shape in its colour. */
export function shapeSwatch(label: string): SVGSVGElement {
  const { color, shape } = labelStyle(label);
  const svg = document.createElementNS(SVG, 'svg');
  svg.setAttribute('viewBox', '0 0 16 16');
  svg.setAttribute('width', '14');
  svg.setAttribute('height', '14');
  svg.setAttribute('class', 'swatch');
  svg.setAttribute('aria-hidden', 'true');
  const points = shapePoints(shape);
  const figure = document.createElementNS(SVG, points ? 'polygon' : 'circle');
  if (points) figure.setAttribute('points', points);
  else {
    figure.setAttribute('cx', '8');
    figure.setAttribute('cy', '8');
    figure.setAttribute('r', '7');
  }
  figure.setAttribute('fill', color);
  svg.append(figure);
  return svg;
}

export interface LegendState {
  labels: Map<string, number>;
  types: Map<string, number>;
  hiddenLabels: Set<string>;
  hiddenTypes: Set<string>;
}

/** Draws the legend; `onToggle` is called with the new hidden sets. */
export function renderLegend(
  labelsRoot: HTMLElement,
  typesRoot: HTMLElement,
  state: LegendState,
  onToggle: (hidden: { hiddenLabels: Set<string>; hiddenTypes: Set<string> }) => void,
): void {
  const toggle = (set: Set<string>, name: string, visible: boolean) => {
    if (visible) set.delete(name);
    else set.add(name);
    onToggle({ hiddenLabels: new Set(state.hiddenLabels), hiddenTypes: new Set(state.hiddenTypes) });
  };
  const row = (name: string, count: number, swatch: Element, set: Set<string>, nameClass: string) =>
    el('li', {}, [
      el('label', {}, [
        el('input', {
          attrs: {
            type: 'checkbox',
            'aria-label': `Show ${name}`,
            ...(set.has(name) ? {} : { checked: '' }),
          },
          on: { change: (event) => toggle(set, name, (event.target as HTMLInputElement).checked) },
        }),
        swatch,
        el('span', { class: nameClass, text: name }),
        el('span', { class: 'count', text: String(count) }),
      ]),
    ]);
  const sorted = (map: Map<string, number>) =>
    [...map].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  replaceChildren(
    labelsRoot,
    sorted(state.labels).map(([label, count]) =>
      row(label, count, shapeSwatch(label), state.hiddenLabels, 'label-name'),
    ),
  );
  replaceChildren(
    typesRoot,
    sorted(state.types).map(([type, count]) =>
      row(
        type,
        count,
        el('span', { class: `edge-swatch${QUIET_TYPES.includes(type) ? ' quiet' : ''}` }),
        state.hiddenTypes,
        'type-name',
      ),
    ),
  );
  if (state.labels.size === 0)
    replaceChildren(labelsRoot, [el('li', { class: 'muted', text: 'The canvas is empty.' })]);
}
