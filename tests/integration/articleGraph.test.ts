// The article's knowledge graph as a reader of the article would check it.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, startLagebild, type RunningLagebild } from '../_helpers/lagebild.ts';

const ARTICLE_UID = 'article-2024-11-18-nordkorea-russland';
const QUALIFICATIONS = ['stated', 'reported', 'alleged', 'claimed', 'possible'];

let lb: RunningLagebild;
let articleText: string;
beforeAll(async () => {
  lb = await startLagebild();
  articleText = await readFile(path.join(ROOT, '..', 'shared', 'seed', 'article-de.txt'), 'utf8');
});
afterAll(async () => {
  await lb.dispose();
});

const rows = async (cypher: string, params: Record<string, unknown> = {}) =>
  (await lb.store.query(cypher, params as never)).rows;

describe('the article graph', () => {
  it('has the five named actors under the names the article uses', async () => {
    const found = await rows(
      "MATCH (n) WHERE n.name IN ['Nordkorea', 'Russland', 'Iran', 'NATO', 'Lawrow'] RETURN n.name, label(n) ORDER BY n.name",
    );
    expect(found).toEqual([
      ['Iran', 'Country'],
      ['Lawrow', 'Person'],
      ['NATO', 'Organization'],
      ['Nordkorea', 'Country'],
      ['Russland', 'Country'],
    ]);
  });

  it('gives every node a unique uid, a name and an English name', async () => {
    const all = await rows('MATCH (n) RETURN n.uid, n.name, n.name_en');
    const uids = all.map(([uid]) => uid);
    expect(new Set(uids).size).toBe(uids.length);
    for (const [uid, name, nameEn] of all) {
      expect(typeof uid).toBe('string');
      expect(String(name).length).toBeGreaterThan(1);
      expect(String(nameEn).length).toBeGreaterThan(1);
    }
  });

  it('keeps English names and aliases such as "Sergei Lavrov", "North Korea" and "DPRK"', async () => {
    const [[lawrow]] = await rows("MATCH (n:Person {uid: 'lawrow'}) RETURN n.aliases");
    expect(lawrow).toContain('Sergei Lavrov');
    const [[aliases, nameEn]] = await rows(
      "MATCH (n:Country {uid: 'nordkorea'}) RETURN n.aliases, n.name_en",
    );
    expect(aliases).toEqual(expect.arrayContaining(['North Korea', 'DPRK']));
    expect(nameEn).toBe('North Korea');
  });

  it('gives every relationship its verbatim German sentence, a qualification and its article', async () => {
    const all = await rows(
      'MATCH (a)-[r]->(b) RETURN label(r), r.sentence, r.qualification, r.claimed_by, r.article',
    );
    expect(all.length).toBeGreaterThan(60);
    const articles = new Set((await rows('MATCH (a:Article) RETURN a.uid')).map(([uid]) => uid));
    for (const [type, sentence, qualification, claimedBy, article] of all) {
      expect(articleText, `${type}: ${sentence}`).toContain(sentence);
      expect(QUALIFICATIONS).toContain(qualification);
      expect(articles.has(article), `${type} names article ${article}`).toBe(true);
      if (qualification === 'claimed') expect(claimedBy, `${type} is claimed by someone`).toBeTruthy();
    }
  });

  it('marks what the article only reports or alleges as such', async () => {
    const supplies = await rows(
      "MATCH (s:Country)-[r:SUPPLIES]->(:Country {uid: 'russland'}) RETURN s.name, r.item, r.qualification ORDER BY s.name",
    );
    expect(supplies).toEqual([
      ['Iran', 'Drohnen', 'reported'],
      ['Nordkorea', 'Munition', 'alleged'],
    ]);
    const [[troops]] = await rows(
      "MATCH (:Country {uid: 'nordkorea'})-[r:SENDS_TROOPS_TO]->(:Country {uid: 'russland'}) RETURN r.qualification",
    );
    expect(troops).toBe('reported');
  });

  it('models the article as a node with title, date, place and language that mentions the actors', async () => {
    const [[title, date, place, language, mentions]] = await rows(
      `MATCH (a:Article {uid: $uid})-[:MENTIONS]->(x)
       RETURN a.title, a.date, a.place, a.language, collect(x.name)`,
      { uid: ARTICLE_UID },
    );
    expect(title).toBe('Nordkoreanische Unterstützung verstärkt russischen Militäreinsatz in der Ukraine');
    expect(date).toEqual({ $type: 'date', value: '2024-11-18' });
    expect(place).toBe('Berlin');
    expect(language).toBe('de');
    expect(mentions).toEqual(
      expect.arrayContaining(['Nordkorea', 'Russland', 'Iran', 'NATO', 'Lawrow', 'Ukraine']),
    );
  });

  it('answers "who claims what, about whom" with one query', async () => {
    const claims = await rows(
      `MATCH (p:Person)-[:CLAIMS]->(c:Claim)-[:ABOUT]->(x)
       RETURN p.name, c.name, collect(x.name) ORDER BY c.name`,
    );
    const byClaim = new Map(claims.map(([who, claim, about]) => [claim, { who, about }]));
    expect(byClaim.get('Westliche Militärberater sind heimlich in der Ukraine tätig')).toEqual({
      who: 'Lawrow',
      about: expect.arrayContaining(['Westliche Militärberater', 'Ukraine']),
    });
    expect(byClaim.get('Die Allianz sei von geringer Bedeutung')?.about).toEqual([
      'Partnerschaft zwischen Russland und Nordkorea',
    ]);
  });

  it('has the two linked headlines as articles with what their titles state', async () => {
    const linked = await rows(
      `MATCH (:Article {uid: $uid})-[:LINKS_TO]->(l:Article) RETURN l.title, l.time ORDER BY l.time`,
      { uid: ARTICLE_UID },
    );
    expect(linked).toEqual([
      ["Deutschland und die Ukraine: Debatte um 'Taurus' und Flugabwehr eskaliert", '16:39'],
      ['Kim Jong Un treibt Nordkoreas atomare Expansion unbegrenzt voran', '18:56'],
    ]);
    const [[kim]] = await rows(
      "MATCH (:Person {uid: 'kim-jong-un'})-[r:DRIVES]->(p:Program) RETURN r.article",
    );
    expect(kim).toBe('article-2024-11-18-kim-atomare-expansion');
    const taurus = await rows('MATCH (d:Debate)-[:CONCERNS]->(w:Weapon) RETURN w.name ORDER BY w.name');
    expect(taurus).toEqual([['Flugabwehr'], ['Taurus']]);
  });

  it('says what the partnership means for NATO: challenges and possible measures', async () => {
    const measures = await rows(
      "MATCH (:Organization {uid: 'nato'})-[r:MAY_TAKE_MEASURES_AGAINST]->(c) RETURN c.name, r.qualification ORDER BY c.name",
    );
    expect(measures).toEqual([
      ['Nordkorea', 'possible'],
      ['Russland', 'possible'],
    ]);
    const [[challenger]] = await rows(
      "MATCH (a:Alliance)-[:CHALLENGES]->(:Organization {uid: 'nato'}) RETURN a.name",
    );
    expect(challenger).toBe('Partnerschaft zwischen Russland und Nordkorea');
  });
});
