// Every saved query runs and returns what its title promises.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SavedQuery } from '../../server/savedQueries.ts';
import { ROOT, postJson, startLagebild, type RunningLagebild } from '../_helpers/lagebild.ts';

let lb: RunningLagebild;
beforeAll(async () => {
  lb = await startLagebild();
});
afterAll(async () => {
  await lb.dispose();
});

async function run(id: string) {
  const saved = lb.savedQueries.find((q: SavedQuery) => q.id === id);
  if (!saved) throw new Error(`no saved query ${id}`);
  const { status, body } = await postJson(`${lb.url}/api/query`, {
    cypher: saved.cypher,
    params: saved.params,
  });
  expect(status, JSON.stringify(body.error)).toBe(200);
  const column = (name: string) => body.rows.map((row: unknown[]) => row[body.columns.indexOf(name)]);
  /** The rows whose column `name` holds `value`, each as an object by column name. */
  const rows = (name: string, value: unknown): Record<string, unknown>[] =>
    body.rows
      .map((row: unknown[]) => Object.fromEntries(body.columns.map((c: string, i: number) => [c, row[i]])))
      .filter((row: Record<string, unknown>) => row[name] === value);
  return { body, column, rows };
}

describe('saved queries', () => {
  it('the whole article graph has every node that has a relationship', async () => {
    const { body } = await run('00-der-ganze-artikel');
    expect(body.graph.nodes).toHaveLength(31);
    expect(body.graph.edges.length).toBe(body.rows.length);
  });

  it('who supplies Russia names Iran with drones and North Korea with ammunition and troops', async () => {
    const { column } = await run('01-wer-beliefert-russland');
    expect(column('lieferant')).toEqual(['Iran', 'Nordkorea', 'Nordkorea']);
    expect(column('gut')).toEqual(['Drohnen', 'Munition', 'Truppen']);
    expect(column('einordnung')).toEqual(['reported', 'alleged', 'reported']);
  });

  it('what Lawrow claims lists both claims and whom they are about', async () => {
    const { column } = await run('02-was-behauptet-lawrow');
    expect(new Set(column('behauptung'))).toEqual(
      new Set([
        'Die Allianz sei von geringer Bedeutung',
        'Ein Sicherheitsabkommen zwischen Russland und Nordkorea besteht',
        'Westliche Militärberater sind heimlich in der Ukraine tätig',
      ]),
    );
    expect(column('ueber')).toContain('Westliche Militärberater');
  });

  it('every path from Iran to NATO starts at Iran, ends at NATO and repeats no relationship', async () => {
    const { body } = await run('03-pfade-iran-nato');
    expect(body.rows.length).toBeGreaterThan(3);
    for (const [path] of body.rows) {
      expect(path.nodes[0].properties.name).toBe('Iran');
      expect(path.nodes.at(-1).properties.name).toBe('NATO');
      const ids = path.edges.map((e: { id: string }) => e.id);
      expect(new Set(ids).size).toBe(ids.length);
      for (const edge of path.edges) expect(edge.type).not.toBe('MENTIONS');
    }
  });

  it('why North Korea supports Russia gives the three motives', async () => {
    const { column } = await run('04-warum-unterstuetzt-nordkorea');
    expect(column('motiv')).toEqual([
      'Diplomatische Beziehungen stärken',
      'Gegen den Westen',
      'Militärische Erfahrung nutzen',
    ]);
  });

  it('what this means for NATO includes the challenge and the possible measures, each read the way it points', async () => {
    const { column, rows } = await run('05-was-bedeutet-das-fuer-die-nato');
    expect(column('beziehung')).toEqual(expect.arrayContaining(['CHALLENGES', 'MAY_TAKE_MEASURES_AGAINST']));
    // NATO may take measures against the two countries, not they against NATO.
    const measures = rows('beziehung', 'MAY_TAKE_MEASURES_AGAINST');
    expect(new Set(measures.map((row) => row.zu))).toEqual(new Set(['Russland', 'Nordkorea']));
    expect(new Set(measures.map((row) => row.von))).toEqual(new Set(['NATO', 'Verbündete der NATO']));
    expect(rows('beziehung', 'CHALLENGES').map((row) => row.zu)).toEqual(
      expect.arrayContaining(['NATO', 'Verbündete der NATO']),
    );
  });

  it('what is only reported, alleged or claimed holds no stated fact', async () => {
    const { column } = await run('06-unbestaetigte-aussagen');
    expect(column('einordnung').length).toBeGreaterThan(10);
    expect(column('einordnung')).not.toContain('stated');
    expect(column('einordnung')).toEqual(
      expect.arrayContaining(['reported', 'alleged', 'claimed', 'possible']),
    );
  });

  it('the partnership query shows both parties, and that the partnership challenges NATO', async () => {
    const { column, rows } = await run('07-partnerschaft-russland-nordkorea');
    expect(column('von')).toEqual(expect.arrayContaining(['Russland', 'Nordkorea', 'Lawrow']));
    for (const row of rows('beziehung', 'CHALLENGES')) expect(row.von).toMatch(/Partnerschaft/);
  });

  it('the sources about North Korea quote a German sentence for every fact', async () => {
    const { column } = await run('08-quellen-zu-nordkorea');
    expect(column('quelle').length).toBeGreaterThan(10);
    const article = await readFile(path.join(ROOT, '..', 'shared', 'seed', 'article-de.txt'), 'utf8');
    for (const sentence of column('quelle')) expect(article).toContain(sentence);
  });

  it('the linked articles name Kim Jong Un, Taurus and air defence', async () => {
    const { column } = await run('09-verlinkte-artikel');
    expect(column('nennt')).toEqual(expect.arrayContaining(['Kim Jong Un', 'Taurus', 'Flugabwehr']));
  });

  it('what Iran and North Korea have in common: supplying Russia', async () => {
    const { column } = await run('10-iran-und-nordkorea');
    expect(column('beziehung')).toContain('SUPPLIES');
  });

  it('covers every saved query file with a test above', () => {
    const tested = new Set([
      '00-der-ganze-artikel',
      '01-wer-beliefert-russland',
      '02-was-behauptet-lawrow',
      '03-pfade-iran-nato',
      '04-warum-unterstuetzt-nordkorea',
      '05-was-bedeutet-das-fuer-die-nato',
      '06-unbestaetigte-aussagen',
      '07-partnerschaft-russland-nordkorea',
      '08-quellen-zu-nordkorea',
      '09-verlinkte-artikel',
      '10-iran-und-nordkorea',
    ]);
    expect(lb.savedQueries.map((q) => q.id).filter((id) => !tested.has(id))).toEqual([]);
  });
});
