// The small encoders every format relies on, and the command line's option parsing.

import { describe, expect, it } from 'vitest';
import { cacheBytesFromEnv, requestFromArgs } from '../../server/cli/export.ts';
import { cypherLiteral, cypherName, cypherString } from '../../server/export/cypherLiterals.ts';
import { adminType, csvField } from '../../server/export/formats/csvZip.ts';
import { inferType, mergeTypes } from '../../server/export/propertyTypes.ts';
import { exportFileName } from '../../server/export/fileName.ts';
import { xmlAttr, xmlText } from '../../server/export/xml.ts';
import { parseJsonText } from '../../server/import/jsonText.ts';

describe('XML escaping', () => {
  it('escapes markup in text and keeps line breaks and carriage returns', () => {
    expect(xmlText('a < b & c > d\r\n')).toBe('a &lt; b &amp; c &gt; d&#13;\n');
  });
  it('escapes quotes and whitespace in attributes so that parsers do not fold them', () => {
    expect(xmlAttr('"x"\n\ty')).toBe('&quot;x&quot;&#10;&#9;y');
  });
  it('replaces characters XML 1.0 cannot carry', () => {
    expect(xmlText('a\u0001b\uD800c')).toBe('a\uFFFDb\uFFFDc');
  });
});

describe('CSV fields', () => {
  it('quotes fields with delimiters, quotes or line breaks and doubles inner quotes', () => {
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField('plain; semicolon')).toBe('plain; semicolon');
  });
  it('writes an empty string as "" and a missing value as an empty field', () => {
    expect(csvField('')).toBe('""');
    expect(csvField(undefined)).toBe('');
  });
  it('maps engine types to neo4j-admin column types', () => {
    expect(
      ['STRING', 'INT64', 'INT32', 'DOUBLE', 'BOOL', 'DATE', 'STRING[]', 'MAP(STRING, STRING)'].map(
        adminType,
      ),
    ).toEqual(['string', 'long', 'int', 'double', 'boolean', 'date', 'string[]', 'string']);
  });
});

describe('Cypher literals', () => {
  it('writes strings on one line with every quote and control character escaped', () => {
    expect(cypherString('it\'s \\ "x"\n\u0001')).toBe("'it\\'s \\\\ \"x\"\\n\\u0001'");
  });
  it('quotes names with backticks, doubling backticks inside', () => {
    expect(cypherName('a`b')).toBe('`a``b`');
  });
  it('keeps a whole DOUBLE a double and a big integer exact', () => {
    expect(cypherLiteral(2, 'DOUBLE')).toBe('2.0');
    expect(cypherLiteral(9007199254740993n, 'INT64')).toBe('9007199254740993');
    expect(cypherLiteral({ $type: 'date', value: '2024-11-18' }, 'DATE')).toBe("date('2024-11-18')");
    expect(cypherLiteral(['a', "b'"], 'STRING[]')).toBe("['a', 'b\\'']");
  });
});

describe('type inference for elements without a schema', () => {
  it('infers and merges types', () => {
    expect(inferType(1)).toBe('INT64');
    expect(inferType(1.5)).toBe('DOUBLE');
    expect(inferType(['a'])).toBe('STRING[]');
    expect(inferType([])).toBe('STRING[]');
    expect(mergeTypes('INT64', 'DOUBLE')).toBe('DOUBLE');
    expect(mergeTypes('INT64', 'STRING')).toBe('STRING');
  });
});

describe('JSON with exact integers', () => {
  it('parses integers beyond 2^53 as bigint and keeps the rest as JSON.parse does', () => {
    expect(parseJsonText('{"a": 9007199254740993, "b": [1.5, -2, "x\\u00e4"], "c": null}', 'test')).toEqual({
      a: 9007199254740993n,
      b: [1.5, -2, 'xä'],
      c: null,
    });
  });
  it('names line and column of an error', () => {
    expect(() => parseJsonText('{\n  "a": 1,\n  "b": tru\n}', 'test')).toThrow(/line 3, column 8/);
  });
  it('does not let a "__proto__" key change the prototype', () => {
    const parsed = parseJsonText('{"__proto__": {"polluted": true}}', 'test') as Record<string, unknown>;
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.keys(parsed)).toEqual(['__proto__']);
  });
});

describe('file names', () => {
  it('say what and when in safe ASCII', () => {
    expect(exportFileName('Nachbarschaft von Köln/Straße', new Date('2026-11-25T04:05:00Z'), 'graphml')).toBe(
      'lagebild-nachbarschaft-von-koln-strasse-2026-11-25-0405.graphml',
    );
  });
});

describe('npm run export options', () => {
  it('turn --node, --depth and --types into a neighbourhood request', () => {
    const { request } = requestFromArgs([
      '--format',
      'gexf',
      '--node',
      'iran',
      '--node',
      '3:1',
      '--depth',
      '2',
      '--types',
      'A, B',
    ]);
    expect(request).toEqual({
      format: 'gexf',
      scope: { kind: 'neighbourhood', nodes: ['iran', '3:1'], depth: 2, types: ['A', 'B'] },
    });
  });
  it('refuse a query and nodes together, naming what to do', () => {
    expect(() => requestFromArgs(['--format', 'csv', '--query', 'RETURN 1', '--node', 'x'])).toThrow(
      /exactly one scope: --query, --node/,
    );
    expect(() => requestFromArgs(['--format', 'csv'])).toThrow(/exactly one scope/);
  });
  it('turn --labels and --types into a labels request, and --all into the whole graph', () => {
    expect(
      requestFromArgs(['--format', 'graphml', '--labels', 'Country, Person', '--types', 'SUPPLIES']).request,
    ).toEqual({
      format: 'graphml',
      scope: { kind: 'labels', labels: ['Country', 'Person'], types: ['SUPPLIES'] },
    });
    expect(requestFromArgs(['--format', 'gexf', '--all']).request).toEqual({
      format: 'gexf',
      scope: { kind: 'labels' },
    });
  });
  it('take the page cache from CACHE_MB as the server does, and name a bad value', () => {
    expect(cacheBytesFromEnv({})).toBeUndefined();
    expect(cacheBytesFromEnv({ CACHE_MB: '' })).toBeUndefined();
    expect(cacheBytesFromEnv({ CACHE_MB: '256' })).toBe(256 * 2 ** 20);
    expect(() => cacheBytesFromEnv({ CACHE_MB: '12' })).toThrow(/CACHE_MB="12" must be at least 64/);
    expect(() => cacheBytesFromEnv({ CACHE_MB: 'viel' })).toThrow(/CACHE_MB="viel"/);
  });
});
