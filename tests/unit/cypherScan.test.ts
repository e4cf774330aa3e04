import { describe, expect, it } from 'vitest';
import { columnNamesAsWritten, rewriteFinalReturn } from '../../server/cypher/rewriteReturn.ts';
import { splitStatements, stripComments } from '../../server/cypher/scan.ts';

describe('splitStatements', () => {
  it('splits at top-level semicolons only', () => {
    const script = `CREATE (a {t: 'x; y'});\n// a comment; with a semicolon\nMATCH (n) RETURN "a;b" AS \`c;d\`;\n/* block; */`;
    expect(splitStatements(script)).toEqual([
      "CREATE (a {t: 'x; y'})",
      '// a comment; with a semicolon\nMATCH (n) RETURN "a;b" AS `c;d`',
    ]);
  });

  it('keeps escaped quotes inside strings', () => {
    expect(splitStatements("RETURN 'it\\'s; fine'; RETURN 2")).toEqual(["RETURN 'it\\'s; fine'", 'RETURN 2']);
  });
});

describe('stripComments', () => {
  it('removes line and block comments but not comment-like text in strings', () => {
    expect(stripComments("// title: x\nRETURN '//not' /* c */ AS a").trim()).toBe("RETURN '//not'  AS a");
  });
});

describe('rewriteFinalReturn', () => {
  it('casts the chosen columns of the final RETURN to text and keeps ORDER BY and LIMIT', () => {
    expect(
      rewriteFinalReturn('MATCH (n) RETURN n.v, n.name AS name ORDER BY name LIMIT 3', new Set([0])),
    ).toBe(
      'MATCH (n) WITH n.v AS `c0`, n.name AS name ORDER BY name LIMIT 3 RETURN to_string(`c0`) AS `c0`, name',
    );
  });

  it('keeps DISTINCT and ignores RETURN inside strings', () => {
    expect(rewriteFinalReturn("MATCH (n) WHERE n.t = 'RETURN' RETURN DISTINCT n.v", new Set([0]))).toBe(
      "MATCH (n) WHERE n.t = 'RETURN' WITH DISTINCT n.v AS `c0` RETURN to_string(`c0`) AS `c0`",
    );
  });

  it('gives up on shapes it does not handle', () => {
    expect(rewriteFinalReturn('MATCH (n) RETURN *', new Set([0]))).toBeUndefined();
    expect(rewriteFinalReturn('RETURN 1 AS a UNION RETURN 2 AS a', new Set([0]))).toBeUndefined();
  });
});

describe('columnNamesAsWritten', () => {
  it('names items without an alias by their text and keeps aliased ones', () => {
    expect(
      columnNamesAsWritten('MATCH (a)-[r]->(b) RETURN type(r), a.name AS who, count(*)', [
        'LABEL(r._ID,[,,SUPPORTS])',
        'who',
        'COUNT_STAR()',
      ]),
    ).toEqual(['type(r)', 'who', 'count(*)']);
    expect(
      columnNamesAsWritten('MATCH (n) RETURN DISTINCT  labels( n )\n ORDER BY 1 LIMIT 3', ['x']),
    ).toEqual(['labels( n )']);
  });

  it("keeps the engine's names where items and columns do not match one to one", () => {
    expect(columnNamesAsWritten('MATCH (n) RETURN *', ['n'])).toEqual(['n']);
    expect(columnNamesAsWritten('RETURN 1 UNION RETURN 2', ['1'])).toEqual(['1']);
    expect(columnNamesAsWritten('MATCH (n) RETURN n.a, n.a', ['n.a', 'n.a_1'])).toEqual(['n.a', 'n.a_1']);
    expect(columnNamesAsWritten("CREATE (n:X {uid: 'RETURN'})", [])).toEqual([]);
  });
});
