// A neighbourhood is read in one of two ways: whole, for a node with few relationships, or counted
// by the engine and read group by group, for a bigger one (server/store/ladybug/neighbors.ts).
// Both must give the engine's counts, every relationship once over the pages, and each page's
// nodes at the far ends of its relationships, in the same order of groups.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getJson, postJson, startLagebild, type RunningLagebild } from '../_helpers/lagebild.ts';

interface Count {
  type: string;
  direction: 'in' | 'out';
  count: number;
}
interface Page {
  node: { id: string };
  nodes: { id: string; labels: string[]; properties: Record<string, unknown> }[];
  edges: { id: string; type: string; source: string; target: string }[];
  counts: Count[];
  total: number;
}

let lb: RunningLagebild;
let pagerId: string;

async function query(cypher: string): Promise<unknown[][]> {
  const { status, body } = await postJson(`${lb.url}/api/query`, { cypher });
  expect(status, JSON.stringify(body)).toBe(200);
  return body.rows;
}

async function page(search: string): Promise<Page> {
  const { status, body } = await getJson(`${lb.url}/api/nodes/${pagerId}/neighbors?${search}`);
  expect(status, JSON.stringify(body)).toBe(200);
  return body as Page;
}

/** The engine's own counts by type and direction, biggest first as the API orders them. */
async function engineCounts(): Promise<Count[]> {
  const counted = async (pattern: string, direction: Count['direction']) =>
    (await query(`MATCH (n:Country {uid: 'pager'})${pattern}() RETURN label(r) AS type, count(*) AS c`)).map(
      ([type, count]) => ({ type: String(type), direction, count: Number(count) }),
    );
  return [...(await counted('-[r]->', 'out')), ...(await counted('<-[r]-', 'in'))].sort(
    (a, b) => b.count - a.count || a.type.localeCompare(b.type) || a.direction.localeCompare(b.direction),
  );
}

/** Every page of `limit` until an empty one; checks each page's nodes against its relationships. */
async function allPages(limit: number, types?: string): Promise<Page[]> {
  const pages: Page[] = [];
  for (let offset = 0; offset < 1000; offset += limit) {
    const next = await page(`limit=${limit}&offset=${offset}${types ? `&types=${types}` : ''}`);
    if (next.edges.length === 0) break;
    for (const edge of next.edges) expect([edge.source, edge.target]).toContain(pagerId);
    const farEnds = new Set(next.edges.map((e) => (e.source === pagerId ? e.target : e.source)));
    farEnds.delete(pagerId);
    expect(next.nodes.map((n) => n.id).sort()).toEqual([...farEnds].sort());
    for (const node of next.nodes) expect(typeof node.properties.uid).toBe('string');
    pages.push(next);
  }
  return pages;
}

beforeAll(async () => {
  lb = await startLagebild();
  await lb.store.runScript([
    "CREATE (:Country {uid: 'pager', name: 'Pager'})",
    "MATCH (p:Country {uid: 'pager'}) UNWIND range(1, 60) AS i CREATE (p)-[:SUPPORTS {sentence: 'out ' + string(i)}]->(:Country {uid: 'pager-out-' + string(i)})",
    "MATCH (p:Country {uid: 'pager'}) UNWIND range(1, 50) AS i CREATE (:Country {uid: 'pager-in-' + string(i)})-[:SUPPORTS {sentence: 'in ' + string(i)}]->(p)",
    "MATCH (p:Country {uid: 'pager'}) UNWIND range(1, 30) AS i CREATE (p)-[:MEMBER_OF {sentence: 'member ' + string(i)}]->(:`Group` {uid: 'pager-group-' + string(i)})",
    "MATCH (p:Country {uid: 'pager'}) CREATE (p)-[:SUPPORTS {sentence: 'itself'}]->(p)",
  ]);
  pagerId = String((await query("MATCH (n:Country {uid: 'pager'}) RETURN id(n)"))[0]![0]);
});
afterAll(() => lb.dispose());

function expectEveryRelationshipOnce(pages: Page[], distinct: number) {
  const ids = pages.flatMap((p) => p.edges.map((e) => e.id));
  expect(new Set(ids).size).toBe(distinct);
  // The loop is in both directions' groups, so it may come on two pages; nothing else does.
  expect(ids.length - distinct).toBeLessThanOrEqual(1);
}

describe('pages of a neighbourhood', () => {
  it('of a node counted by the engine: its counts, every relationship once, far ends per page', async () => {
    const [[distinct]] = await query("MATCH (n:Country {uid: 'pager'})-[r]-() RETURN count(DISTINCT r)");
    expect(Number(distinct)).toBe(141);
    const pages = await allPages(7);
    expect(pages[0]!.counts).toEqual(await engineCounts());
    expect(pages[0]!.total).toBe(142);
    expectEveryRelationshipOnce(pages, 141);

    const members = await allPages(8, 'MEMBER_OF');
    expect(members[0]!.total).toBe(30);
    expect(members.flatMap((p) => p.edges).every((e) => e.type === 'MEMBER_OF')).toBe(true);
    expect(members.flatMap((p) => p.nodes).every((n) => n.labels.includes('Group'))).toBe(true);
    expectEveryRelationshipOnce(members, 30);
  });

  it('of a node read whole: the same counts and order of groups, every relationship once', async () => {
    await query("MATCH (n:Country) WHERE n.uid STARTS WITH 'pager-in-' DETACH DELETE n");
    const pages = await allPages(6);
    const counts = await engineCounts();
    expect(counts).toEqual([
      { type: 'SUPPORTS', direction: 'out', count: 61 },
      { type: 'MEMBER_OF', direction: 'out', count: 30 },
      { type: 'SUPPORTS', direction: 'in', count: 1 },
    ]);
    expect(pages[0]!.counts).toEqual(counts);
    expect(pages[0]!.total).toBe(92);
    expectEveryRelationshipOnce(pages, 91);
    // Groups in the order of the counts: the first page is all SUPPORTS out.
    expect(pages[0]!.edges.every((e) => e.type === 'SUPPORTS' && e.source === pagerId)).toBe(true);

    const whole = await page('limit=200');
    expect(whole.edges).toHaveLength(91);
    expect(whole.nodes).toHaveLength(90);
    expect(whole.nodes.map((n) => n.id)).not.toContain(pagerId);
  });
});
