// The planning side of flatElements.ts: the probe, reading the tables from the engine's column
// names, the flat statement, and the engine's "Cannot find property" answer.

import { describe, expect, it } from 'vitest';
import {
  missingProperty,
  planFlatElements,
  tableProbe,
  tablesFromProbe,
  type ElementCatalog,
} from '../../server/store/ladybug/flatElements.ts';

const types: Record<string, Map<string, string>> = {
  Country: new Map([
    ['uid', 'STRING'],
    ['name', 'STRING'],
  ]),
  Claim: new Map([
    ['uid', 'STRING'],
    ['text', 'STRING'],
  ]),
  SUPPLIES: new Map([['weight', 'INT64']]),
  CLAIMS: new Map(),
};
const catalog: ElementCatalog = {
  labels: ['Country', 'Claim'],
  relationshipTypes: ['SUPPLIES', 'CLAIMS'],
  propertyTypes: (label) => types[label],
};

describe('flat element columns', () => {
  it('probes the tables of the element columns only, without rows', () => {
    expect(tableProbe('MATCH (n)-[r]->(m) RETURN n.uid AS uid, r, m', ['STRING', 'REL', 'NODE'])).toBe(
      'MATCH (n)-[r]->(m) WITH n.uid AS uid, r, m RETURN label(r), label(m) LIMIT 0',
    );
    expect(tableProbe('MATCH (n) RETURN n.uid', ['STRING'])).toBeUndefined();
    expect(tableProbe('MATCH p = ()-[]->() RETURN p', ['RECURSIVE_REL'])).toBeUndefined();
    expect(tableProbe('MATCH (n) RETURN collect(n) AS ns', ['NODE[]'])).toBeUndefined();
  });

  it('reads the tables from the names the engine gives label()', () => {
    expect(
      tablesFromProbe(
        ['Country', 'LABEL(r._ID,[,,SUPPLIES,SUPPLIES,,CLAIMS])', 'LABEL(m._ID,[Country,,Claim])'],
        ['NODE', 'INT64', 'REL', 'NODE'],
        catalog,
      ),
    ).toEqual([['Country'], undefined, ['SUPPLIES', 'CLAIMS'], ['Country', 'Claim']]);
    // A name it does not understand, or one that names an unknown table, leaves the column to every table.
    expect(
      tablesFromProbe(['STRUCT_EXTRACT(m,_LABEL)', 'LABEL(n._ID,[Nope])'], ['NODE', 'NODE'], catalog),
    ).toEqual([undefined, undefined]);
  });

  it('spreads each element into its null test, id, label where needed, ends and properties', () => {
    const plan = planFlatElements(
      'MATCH (a:Country)-[r]->(b) RETURN a, r, b.uid AS uid ORDER BY uid',
      ['NODE', 'REL', 'STRING'],
      catalog,
      {
        tables: [['Country'], undefined, undefined],
      },
    );
    expect(plan?.cypher).toBe(
      'MATCH (a:Country)-[r]->(b) WITH a, r, b.uid AS uid ORDER BY uid SKIP 0 RETURN ' +
        [
          'a IS NULL AS `cf0`, id(a) AS `cf1`, a.`uid` AS `cf2`, a.`name` AS `cf3`',
          "r IS NULL AS `cf4`, id(r) AS `cf5`, label(r) AS `cf6`, struct_extract(r, '_src') AS `cf7`, struct_extract(r, '_dst') AS `cf8`, r.`weight` AS `cf9`",
          'uid AS `cf10`',
        ].join(', '),
    );
    expect(plan?.columns.map((c) => c.kind)).toEqual(['node', 'relationship', 'scalar']);
    const left = planFlatElements('MATCH (n) RETURN n', ['NODE'], catalog, {
      left: new Map([[0, new Set(['text'])]]),
    });
    expect(left?.cypher).toContain('n.`name`');
    expect(left?.cypher).not.toContain('text');
  });

  it('finds the column and property of "Cannot find property", and nothing in other errors', () => {
    const names = ['n', '`odd ``name`'];
    expect(missingProperty(new Error('Binder exception: Cannot find property text for n.'), names)).toEqual({
      column: 0,
      key: 'text',
    });
    expect(
      missingProperty(new Error('Binder exception: Cannot find property x for odd `name.'), names),
    ).toEqual({
      column: 1,
      key: 'x',
    });
    expect(missingProperty(new Error('Binder exception: Table NOPE does not exist.'), names)).toBeUndefined();
    expect(
      missingProperty(new Error('Binder exception: Cannot find property x for m.'), names),
    ).toBeUndefined();
  });
});
