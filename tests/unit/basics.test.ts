import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../server/config.ts';
import { compareHits, fold, rankMatch } from '../../server/search/rank.ts';
import { jsonText } from '../../server/export/propertyTypes.ts';
import { stringifyJson } from '../../server/util/json.ts';

describe('stringifyJson', () => {
  it('writes bigints as exact JSON numbers and leaves look-alike strings alone', () => {
    expect(stringifyJson({ a: 9007199254740993n, b: [-123456789012345678901n], c: '9007199254740993' })).toBe(
      '{"a":9007199254740993,"b":[-123456789012345678901],"c":"9007199254740993"}',
    );
  });

  it('leaves a string of a NUL and digits alone beside a bigint, as the export writers do', () => {
    const value = { big: 9007199254740993n, text: '\u0000123' };
    expect(jsonText(value)).toBe('{"big":9007199254740993,"text":"\\u0000123"}');
    expect(JSON.parse(jsonText(value)).text).toBe('\u0000123');
  });
});

describe('search ranking', () => {
  it('folds case, umlauts and ß', () => {
    expect(fold('Außenminister ÄRGER')).toBe('aussenminister arger');
  });

  it('ranks exact over prefix over word start over anywhere', () => {
    const score = (needle: string, name: string) => rankMatch(needle, [name])?.score ?? 0;
    expect(score('iran', 'Iran')).toBeGreaterThan(score('iran', 'Iranische Drohnen'));
    expect(score('nato', 'NATO-Gipfel')).toBeGreaterThan(score('nato', 'Verbündete der NATO'));
    expect(score('nato', 'Verbündete der NATO')).toBeGreaterThan(score('ato', 'Verbündete der NATO'));
    expect(rankMatch('xyz', ['Iran'])).toBeUndefined();
  });
});

describe('search hits in order', () => {
  it('puts the better match first, and among equal ones the shorter name', () => {
    const hit = (name: string, matched: string, score: number) => ({
      node: { properties: { name } },
      matched,
      score,
    });
    const hits = [
      hit('Rislin 19984', 'RISLIN', 100),
      hit('Rislin 36', 'RISLIN', 100),
      hit('Rislin', 'Rislin', 100),
      hit('Rislin 0', 'Rislin 0', 79.5),
      hit('Rislin 37', 'RISLIN', 100),
    ];
    expect(hits.sort(compareHits).map((h) => h.node.properties.name)).toEqual([
      'Rislin',
      'Rislin 36',
      'Rislin 37',
      'Rislin 19984',
      'Rislin 0',
    ]);
  });
});

describe('configuration', () => {
  it('has the documented defaults', () => {
    expect(loadConfig({})).toMatchObject({
      PORT: 3000,
      HOST: '127.0.0.1',
      DATA_DIR: './data',
      READ_ONLY: false,
      QUERY_TIMEOUT_MS: 30000,
      MAX_ROWS: 10000,
    });
  });

  it('takes flags over environment variables', () => {
    expect(loadConfig({ PORT: '4000' }, ['--port', '5000', '--read-only']).PORT).toBe(5000);
    expect(loadConfig({}, ['--read-only']).READ_ONLY).toBe(true);
    expect(loadConfig({}, ['--max-rows=7']).MAX_ROWS).toBe(7);
  });

  it.each([
    [{ PORT: 'abc' }, [], /PORT="abc" must be a whole number/],
    [{ PORT: '70000' }, [], /PORT="70000" must be at most 65535/],
    [{ READ_ONLY: 'maybe' }, [], /READ_ONLY="maybe" use true or false/],
    [{ QUERY_TIMEOUT_MS: '0' }, [], /QUERY_TIMEOUT_MS="0" must be at least 1/],
    [{}, ['--colour', 'red'], /unknown option --colour/],
  ])('stops on %j %j with one clear line', (env, argv, message) => {
    expect(() => loadConfig(env, argv as string[])).toThrow(ConfigError);
    expect(() => loadConfig(env, argv as string[])).toThrow(message);
  });
});
