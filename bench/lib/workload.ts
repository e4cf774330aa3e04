// Picks what the benchmark asks for from the database itself: hub nodes (most relationships),
// ordinary nodes, search terms taken from real names, so it works on any imported graph.

import type { RawEngine } from './rawEngine.ts';

export interface BenchNode {
  id: string;
  uid: string;
  degree: number;
}

export interface Workload {
  hubs: BenchNode[];
  typical: BenchNode[];
  searchTerms: string[];
  /** A label with many nodes, for the large-result query. */
  bigLabel: string;
  bigLabelCount: number;
}

const formatId = (raw: unknown) => {
  const { table, offset } = raw as { table: number | bigint; offset: number | bigint };
  return `${table}:${offset}`;
};

/** Reads hubs, ordinary nodes and search terms from the database behind `raw`. */
export async function chooseWorkload(raw: RawEngine): Promise<Workload> {
  const hubs = (
    await raw.rows(
      'MATCH (n)-[r]-() WITH n, count(r) AS degree ORDER BY degree DESC LIMIT 3 RETURN id(n) AS id, n.uid AS uid, degree',
    )
  ).map((row) => ({ id: formatId(row.id), uid: String(row.uid), degree: Number(row.degree) }));
  const labels = await raw.rows("CALL show_tables() WITH name, type WHERE type = 'NODE' RETURN name");
  let bigLabel = '';
  let bigLabelCount = 0;
  for (const { name } of labels) {
    const [row] = await raw.rows(`MATCH (n:\`${String(name)}\`) RETURN count(n) AS c`);
    if (Number(row!.c) > bigLabelCount) {
      bigLabel = String(name);
      bigLabelCount = Number(row!.c);
    }
  }
  const typical = (
    await raw.rows(
      `MATCH (n:\`${bigLabel}\`) WITH n SKIP ${Math.floor(bigLabelCount / 3)} LIMIT 5000
       MATCH (n)-[r]-() WITH n, count(r) AS degree WHERE degree >= 2 AND degree <= 60
       RETURN id(n) AS id, n.uid AS uid, degree LIMIT 10`,
    )
  ).map((row) => ({ id: formatId(row.id), uid: String(row.uid), degree: Number(row.degree) }));
  const names = (
    await raw.rows(
      `MATCH (n:\`${bigLabel}\`) WHERE n.name IS NOT NULL RETURN n.name AS name SKIP ${Math.floor(bigLabelCount / 2)} LIMIT 10`,
    )
  ).map((row) => String(row.name));
  // What a person types: the first letters of a name, growing keystroke by keystroke.
  const searchTerms = names.flatMap((name) => [2, 3, 5, name.length].map((n) => name.slice(0, n)));
  return { hubs, typical, searchTerms: [...new Set(searchTerms)], bigLabel, bigLabelCount };
}
