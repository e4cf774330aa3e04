// The page theme: CSS variables switch with prefers-color-scheme; the canvas gets the same colours.

import type { ThemeColors } from '../graph/settings.ts';

/** The canvas colours of the current theme, read from the CSS variables. */
export function canvasTheme(): ThemeColors {
  const style = getComputedStyle(document.documentElement);
  const v = (name: string) => style.getPropertyValue(name).trim();
  return {
    background: v('--bg'),
    text: v('--text'),
    textOutline: v('--bg'),
    edge: v('--edge'),
    quietEdge: v('--edge-quiet'),
    selection: v('--selection'),
  };
}

/** Calls `onChange` with the new canvas colours when the system switches between light and dark. */
export function watchTheme(onChange: (theme: ThemeColors) => void): void {
  matchMedia('(prefers-color-scheme: dark)').addEventListener('change', () => onChange(canvasTheme()));
}
