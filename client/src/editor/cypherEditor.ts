// The Cypher editor: CodeMirror 6 with Cypher highlighting, Ctrl/Cmd+Enter to run, history on
// Up (first line) / Down (last line) or Ctrl+Up / Ctrl+Down, and schema-based autocompletion.

import {
  autocompletion,
  closeBrackets,
  closeBracketsKeymap,
  closeCompletion,
  completionKeymap,
} from '@codemirror/autocomplete';
import { defaultKeymap, history, historyKeymap } from '@codemirror/commands';
import { HighlightStyle, StreamLanguage, bracketMatching, syntaxHighlighting } from '@codemirror/language';
import { cypher } from '@codemirror/legacy-modes/mode/cypher';
import { EditorState, Prec } from '@codemirror/state';
import { EditorView, keymap, placeholder } from '@codemirror/view';
import { tags } from '@lezer/highlight';
import { cypherCompletions, type SchemaNames } from './completion.ts';

/** Colours from CSS variables, so the light and dark themes both apply. */
const highlight = HighlightStyle.define([
  { tag: tags.keyword, color: 'var(--cm-keyword)', fontWeight: '600' },
  { tag: [tags.string, tags.special(tags.string)], color: 'var(--cm-string)' },
  { tag: tags.number, color: 'var(--cm-number)' },
  { tag: [tags.variableName, tags.definition(tags.variableName)], color: 'var(--cm-variable)' },
  { tag: [tags.typeName, tags.atom], color: 'var(--cm-number)' },
  { tag: tags.comment, color: 'var(--cm-comment)', fontStyle: 'italic' },
]);

const theme = EditorView.theme({
  '&': { fontSize: '13.5px', backgroundColor: 'var(--bg)', color: 'var(--text)' },
  '.cm-content': { fontFamily: 'ui-monospace, SFMono-Regular, Menlo, monospace', caretColor: 'var(--text)' },
  '.cm-scroller': { overflow: 'auto' },
  '&.cm-focused': { outline: 'none' },
  '.cm-cursor': { borderLeftColor: 'var(--text)' },
  '&.cm-focused .cm-selectionBackground, .cm-selectionBackground, ::selection': {
    backgroundColor: 'color-mix(in srgb, var(--accent) 30%, transparent) !important',
  },
  '.cm-tooltip': {
    backgroundColor: 'var(--bg-raised)',
    border: '1px solid var(--border)',
    color: 'var(--text)',
  },
  '.cm-tooltip-autocomplete > ul > li[aria-selected]': {
    backgroundColor: 'var(--accent)',
    color: 'var(--accent-text)',
  },
});

export interface CypherEditorOptions {
  parent: HTMLElement;
  /** Called with the editor's text on Ctrl/Cmd+Enter. */
  onRun: (cypher: string) => void;
  /** Gives the previous (-1) or next (+1) history entry, or undefined at the end. */
  onHistory: (step: -1 | 1) => string | undefined;
  names: () => SchemaNames;
}

/** A CodeMirror editor set up for Cypher. */
export class CypherEditor {
  private readonly view: EditorView;

  constructor(options: CypherEditorOptions) {
    const recall = (step: -1 | 1) => (view: EditorView) => {
      const text = options.onHistory(step);
      if (text === undefined) return false;
      view.dispatch({
        changes: { from: 0, to: view.state.doc.length, insert: text },
        selection: { anchor: text.length },
      });
      return true;
    };
    const atFirstLine = (view: EditorView) =>
      view.state.doc.lineAt(view.state.selection.main.head).number === 1;
    const atLastLine = (view: EditorView) =>
      view.state.doc.lineAt(view.state.selection.main.head).number === view.state.doc.lines;
    const run = (view: EditorView) => {
      closeCompletion(view);
      options.onRun(view.state.doc.toString());
      return true;
    };
    this.view = new EditorView({
      parent: options.parent,
      state: EditorState.create({
        doc: '',
        extensions: [
          Prec.highest(
            keymap.of([
              { key: 'Mod-Enter', run },
              { key: 'Shift-Enter', run },
              { key: 'Mod-ArrowUp', run: recall(-1) },
              { key: 'Mod-ArrowDown', run: recall(1) },
            ]),
          ),
          history(),
          closeBrackets(),
          bracketMatching(),
          autocompletion({
            override: [cypherCompletions(options.names)],
            activateOnTyping: true,
            icons: false,
          }),
          // Up/Down walk the history only at the first/last line and when no completion list is open.
          keymap.of([
            ...completionKeymap,
            { key: 'ArrowUp', run: (view) => (atFirstLine(view) ? recall(-1)(view) : false) },
            { key: 'ArrowDown', run: (view) => (atLastLine(view) ? recall(1)(view) : false) },
            ...closeBracketsKeymap,
            ...historyKeymap,
            ...defaultKeymap,
          ]),
          StreamLanguage.define(cypher),
          syntaxHighlighting(highlight),
          EditorView.lineWrapping,
          placeholder('MATCH (n) RETURN n LIMIT 25   — Ctrl+Enter runs'),
          theme,
          EditorView.contentAttributes.of({ 'aria-label': 'Cypher query' }),
        ],
      }),
    });
  }

  get text(): string {
    return this.view.state.doc.toString();
  }

  set text(value: string) {
    this.view.dispatch({ changes: { from: 0, to: this.view.state.doc.length, insert: value } });
  }

  focus(): void {
    this.view.focus();
  }

  /** True when keyboard focus is inside the editor. */
  get hasFocus(): boolean {
    return this.view.hasFocus;
  }
}
