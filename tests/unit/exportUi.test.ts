// The explorer's export helpers without a browser: the SVG writer (read back by Python's XML
// parser), the words the menu and the drop import show, and recognising a Lagebild JSON file.

import { describe, expect, it } from 'vitest';
import { escapeXml, svgPicture, type Picture } from '../../client/src/graph/svgPicture.ts';
import { asLagebildJson, describeImport } from '../../client/src/panels/dropImport.ts';
import { formatBytes, parseTypeList, suggestionsFor } from '../../client/src/panels/exportMenu.ts';
import { python } from '../_helpers/exportFixtures.ts';

const NASTY = 'Kim & <Jong-un> "Führer" \'ß\' ]]> \u0001 \ud800';

function picture(overrides: Partial<Picture> = {}): Picture {
  return {
    title: `Bild von ${NASTY}`,
    nodeFontSize: 10,
    edgeFontSize: 8,
    colors: {
      background: '#ffffff',
      text: '#1e293b',
      textOutline: '#ffffff',
      edge: '#94a3b8',
      quietEdge: '#cbd5e1',
      selection: '#f59e0b',
    },
    nodes: [
      {
        x: 0,
        y: 0,
        width: 26,
        height: 26,
        color: '#3b82f6',
        shape: 'ellipse',
        captionLines: ['Kim &', '<Jong-un> "Führer"', "'ß' ]]> \u0001 \ud800"],
        selected: false,
      },
      {
        x: 200,
        y: 50,
        width: 26,
        height: 26,
        color: '"/><script>alert(1)</script>',
        shape: 'round-diamond',
        captionLines: ['Russland'],
        selected: true,
      },
    ],
    edges: [
      {
        start: { x: 13, y: 3 },
        end: { x: 187, y: 47 },
        controls: [{ x: 100, y: 0 }],
        mid: { x: 100, y: 25 },
        caption: 'SUPPORTS <&>',
        quiet: false,
      },
    ],
    ...overrides,
  };
}

const READ_SVG = `import json, sys
import xml.etree.ElementTree as ET
root = ET.fromstring(open(sys.argv[1], encoding="utf-8").read())
ns = {"s": "http://www.w3.org/2000/svg"}
captions = [" / ".join(t.text for t in text) for text in root.iter("{http://www.w3.org/2000/svg}text") if text.get("class") == "node-caption"]
edges = [t.text for t in root.iter("{http://www.w3.org/2000/svg}text") if t.get("class") == "edge-caption"]
fills = [e.get("fill") for e in root.find("s:g[@class='nodes']", ns)]
scripts = len(list(root.iter("{http://www.w3.org/2000/svg}script")))
print(json.dumps({"title": root.find("s:title", ns).text, "captions": captions, "edges": edges, "fills": fills, "scripts": scripts}))`;

describe('the SVG picture of the canvas', () => {
  it('is XML that a standard parser reads back with every caption as the same text', async () => {
    const { mkdtemp, writeFile, rm } = await import('node:fs/promises');
    const os = await import('node:os');
    const path = await import('node:path');
    const dir = await mkdtemp(path.join(os.tmpdir(), 'lagebild-svg-'));
    try {
      const file = path.join(dir, 'picture.svg');
      await writeFile(file, svgPicture(picture()), 'utf8');
      const read = await python(READ_SVG, [file]);
      expect(read.title).toBe('Bild von Kim & <Jong-un> "Führer" \'ß\' ]]> \ufffd \ufffd');
      expect(read.captions).toEqual(['Kim & / <Jong-un> "Führer" / \'ß\' ]]> \ufffd \ufffd', 'Russland']);
      expect(read.edges).toEqual(['SUPPORTS <&>']);
      expect(read.fills).toEqual(['#3b82f6', '#888888']);
      expect(read.scripts).toBe(0);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('draws a curved relationship through its control point and each shape as its own outline', () => {
    const svg = svgPicture(picture());
    expect(svg).toContain('d="M 13 3 Q 100 0 187 47"');
    expect(svg).toMatch(/<ellipse cx="0" cy="0" rx="13" ry="13"/);
    expect(svg).toMatch(/<polygon points="200,37 213,50 200,63 187,50"/);
  });

  it('escapes all five XML specials and replaces characters XML cannot carry', () => {
    expect(escapeXml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&apos;&amp;&apos;&lt;/a&gt;');
    expect(escapeXml('a\u0000b\u001fc\ud83d\ude00')).toBe('a\ufffdb\ufffdc\ud83d\ude00');
  });
});

describe('the export menu and drop import texts', () => {
  it('sizes downloads in bytes, KB and MB', () => {
    expect(formatBytes(512)).toBe('512 bytes');
    expect(formatBytes(32_400)).toBe('32 KB');
    expect(formatBytes(3_250_000)).toBe('3.3 MB');
  });

  it('reads relationship types separated by commas, semicolons or spaces', () => {
    expect(parseTypeList(' SUPPORTS, SUPPLIES;ALLIED_WITH  ')).toEqual([
      'SUPPORTS',
      'SUPPLIES',
      'ALLIED_WITH',
    ]);
    expect(parseTypeList('  ')).toEqual([]);
  });

  it('offers each known name after the names already typed, leaving those out', () => {
    const names = ['Country', 'Person', 'Program'];
    expect(suggestionsFor('', names)).toEqual(names);
    expect(suggestionsFor('Co', names)).toEqual(names);
    expect(suggestionsFor('Country, P', names)).toEqual(['Country, Person', 'Country, Program']);
    expect(suggestionsFor('Country Person ', names)).toEqual(['Country Person Program']);
  });

  it('says what an import changed, by nodes and relationships or by statements', () => {
    expect(describeImport({ format: 'graphml', nodes: 31, edges: 90, statements: 4, elapsedMs: 120.4 })).toBe(
      '31 nodes and 90 relationships in 120 ms',
    );
    expect(
      describeImport({ format: 'cypher', nodes: null, edges: null, statements: 12, elapsedMs: 80 }),
    ).toBe('12 statements in 80 ms');
  });

  it('recognises a Lagebild JSON file by its content, not by its name', () => {
    const document = asLagebildJson(
      '{"format": "lagebild-graph", "version": 1, "nodes": [{"key": "a", "labels": ["X"], "properties": {"name": "Ä"}}], "edges": []}',
    );
    expect(document?.nodes[0]?.properties.name).toBe('Ä');
    expect(asLagebildJson('<?xml version="1.0"?><graphml/>')).toBeUndefined();
    expect(asLagebildJson('{"format": "something-else", "nodes": [], "edges": []}')).toBeUndefined();
    expect(asLagebildJson('{"format": "lagebild-graph", broken')).toBeUndefined();
  });
});
