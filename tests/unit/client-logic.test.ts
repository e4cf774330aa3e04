// The explorer's DOM-free logic: caption decluttering, undo/redo, exact JSON printing, links, value text.

import { describe, expect, it } from 'vitest';
import { stringifyExactJson } from '../../client/src/api/exactJson.ts';
import { formatValue, nodeCaption } from '../../client/src/app/format.ts';
import { UndoStack } from '../../client/src/app/undoStack.ts';
import { readUrlQuery, urlSearchFor } from '../../client/src/app/urlState.ts';
import { labelsToHide, rotatedBox, type LabelBox } from '../../client/src/graph/declutter.ts';
import { DEFAULT_SETTINGS, resolveSettings, validateSettings } from '../../client/src/graph/settings.ts';

const box = (
  id: string,
  x: number,
  y: number,
  priority: number,
  extra: Partial<LabelBox> = {},
): LabelBox => ({
  id,
  owner: id,
  x1: x,
  y1: y,
  x2: x + 50,
  y2: y + 10,
  priority,
  ...extra,
});

describe('labelsToHide', () => {
  it('hides the lower-priority caption of two that overlap and keeps captions that do not', () => {
    const hidden = labelsToHide([box('a', 0, 0, 5), box('b', 20, 5, 9), box('c', 200, 200, 1)]);
    expect([...hidden]).toEqual(['a']);
  });

  it('lets a caption overlap only the bodies it is told to ignore', () => {
    const body = box('body:n', 0, 0, 0, { owner: 'body:n' });
    expect([...labelsToHide([box('n', 10, 0, 1, { ignore: ['body:n'] })], [body])]).toEqual([]);
    expect([...labelsToHide([box('m', 10, 0, 1)], [body])]).toEqual(['m']);
  });
});

describe('UndoStack', () => {
  it('undoes and redoes steps in order, and a new step forgets what could be redone', () => {
    const stack = new UndoStack<number>();
    stack.record(1);
    stack.record(2);
    expect(stack.undo(3)).toBe(2);
    expect(stack.undo(2)).toBe(1);
    expect(stack.undo(1)).toBeUndefined();
    expect(stack.redo(1)).toBe(2);
    stack.record(2);
    expect(stack.canRedo).toBe(false);
    expect(stack.canUndo).toBe(true);
  });
});

describe('stringifyExactJson', () => {
  it('writes bigints as their exact digits, pretty or compact', () => {
    const value = { big: 9007199254740993n, list: [1, 'x'] };
    expect(stringifyExactJson(value, '')).toBe('{"big":9007199254740993,"list":[1,"x"]}');
    expect(stringifyExactJson(value)).toContain('"big": 9007199254740993');
  });
});

describe('URL state', () => {
  it('round-trips a query and its parameters through the address', () => {
    const state = { cypher: 'MATCH (n {uid: $uid}) RETURN n', params: '{"uid": "iran"}' };
    expect(readUrlQuery(urlSearchFor(state))).toEqual(state);
    expect(urlSearchFor({ cypher: 'RETURN 1', params: '{}' })).toBe('?q=RETURN+1');
    expect(readUrlQuery('?x=1')).toBeUndefined();
  });
});

describe('formatValue', () => {
  it('writes nodes, relationships and dates compactly and keeps markup as plain text', () => {
    const node = { $type: 'node' as const, id: '1:0', labels: ['Person'], properties: { name: '<b>x</b>' } };
    expect(formatValue(node)).toBe('(:Person <b>x</b>)');
    expect(nodeCaption({ id: '2:0', labels: ['Thing'], properties: {} })).toBe('Thing 2:0');
    const edge = {
      $type: 'relationship' as const,
      id: '9:0',
      type: 'SUPPLIES',
      source: 'a',
      target: 'b',
      properties: {},
    };
    expect(formatValue(edge, (id) => id.toUpperCase())).toBe('(A)-[:SUPPLIES]->(B)');
    expect(formatValue({ $type: 'date', value: '2024-11-18' })).toBe('2024-11-18');
    const place = (id: string, name: string) => ({ id, labels: ['Country'], properties: { name } });
    const path = {
      $type: 'path',
      nodes: [place('1', 'Iran'), place('2', 'Russland'), place('3', 'Ukraine')],
      edges: [
        { id: 'e1', type: 'SEEKS_SUPPORT_FROM', source: '2', target: '1', properties: {} },
        { id: 'e2', type: 'WAGES_WAR_AGAINST', source: '2', target: '3', properties: {} },
      ],
    } as unknown as Parameters<typeof formatValue>[0];
    // Walked from Iran, against the first relationship's direction.
    expect(formatValue(path)).toBe(
      '(Iran)<-[:SEEKS_SUPPORT_FROM]-(Russland)-[:WAGES_WAR_AGAINST]->(Ukraine)',
    );
    expect(formatValue([1, null, 12345678901234567890n])).toBe('[1, null, 12345678901234567890]');
  });
});

describe('graph view settings', () => {
  it('fill in defaults and refuse an unknown layout with a message naming the valid ones', () => {
    expect(resolveSettings({ nodeFontSize: 14 }).theme).toEqual(DEFAULT_SETTINGS.theme);
    expect(() => validateSettings(resolveSettings({ layout: 'spiral' as never }))).toThrow(
      /fcose, concentric/,
    );
    expect(() => validateSettings(resolveSettings({ minZoom: 5, maxZoom: 1 }))).toThrow(/minZoom/);
  });
});

describe('rotated caption boxes', () => {
  it('do not collide when only their bounding boxes would', () => {
    const diagonal = (id: string, x: number, y: number): LabelBox => ({
      id,
      owner: id,
      priority: id === 'a' ? 2 : 1,
      ...rotatedBox({ x, y }, 100, 10, Math.PI / 4),
    });
    // Two parallel diagonal captions side by side: bounding boxes overlap, the captions do not.
    expect([...labelsToHide([diagonal('a', 0, 0), diagonal('b', 20, -20)])]).toEqual([]);
    expect([...labelsToHide([diagonal('a', 0, 0), diagonal('b', 3, 3)])]).toEqual(['b']);
  });
});
