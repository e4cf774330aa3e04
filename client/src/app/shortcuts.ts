// Global keyboard shortcuts (listed in panels/help.ts); single keys only act when no text field has focus.

export interface ShortcutActions {
  run(): void;
  undo(): void;
  redo(): void;
  hide(): void;
  showHidden(): void;
  expand(): void;
  loadMore(): void;
  pin(): void;
  keepOnly(): void;
  fit(): void;
  zoom(factor: number): void;
  relayout(): void;
  focusSearch(): void;
  toggleHelp(): void;
  escape(): void;
}

function typingInto(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return (
    target.isContentEditable ||
    ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName) ||
    Boolean(target.closest('.cm-editor'))
  );
}

/** Listens on the document for the explorer's shortcuts. */
export function installShortcuts(actions: ShortcutActions): void {
  document.addEventListener('keydown', (event) => {
    // Handled already, e.g. Ctrl+Enter by the editor's own keymap: acting again would run twice.
    if (event.defaultPrevented) return;
    const mod = event.ctrlKey || event.metaKey;
    const typing = typingInto(event.target);
    if (mod && event.key === 'Enter') {
      event.preventDefault();
      actions.run();
      return;
    }
    if (event.key === 'Escape') {
      actions.escape();
      return;
    }
    if (typing) return;
    if (mod && (event.key === 'z' || event.key === 'Z')) {
      event.preventDefault();
      if (event.shiftKey) actions.redo();
      else actions.undo();
      return;
    }
    if (mod && (event.key === 'y' || event.key === 'Y')) {
      event.preventDefault();
      actions.redo();
      return;
    }
    if (mod || event.altKey) return;
    const single: Record<string, () => void> = {
      h: actions.hide,
      H: actions.showHidden,
      e: actions.expand,
      m: actions.loadMore,
      p: actions.pin,
      k: actions.keepOnly,
      f: actions.fit,
      l: actions.relayout,
      '+': () => actions.zoom(1.25),
      '=': () => actions.zoom(1.25),
      '-': () => actions.zoom(0.8),
      '/': actions.focusSearch,
      '?': actions.toggleHelp,
    };
    const action = single[event.key];
    if (action) {
      event.preventDefault();
      action();
    }
  });
}
