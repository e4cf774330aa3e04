// Scratch: per-COPY timings for the generated graph's relationships, and variants.
import lbug from '@ladybugdb/core';
import { mkdirSync, rmSync, readFileSync, writeFileSync } from 'node:fs';
import { splitNodes, splitRelationships } from './server/import/splitForCopy.ts';
const src = process.argv[2]!; const work = '/tmp/scratch-import'; const variant = process.argv[3] ?? 'all';
rmSync(work, { recursive: true, force: true }); mkdirSync(work + '/split', { recursive: true });
const schema = readFileSync('cypher/schema.ladybug.cypher', 'utf8').split(';').map((s) => s.replace(/\/\/.*$/gm, '').trim()).filter(Boolean);
const db = new lbug.Database(work + '/db.lbug'); await db.init();
const c = new lbug.Connection(db); await c.init();
for (const s of schema) await c.query(s);
// catalog
const catalog: any = { nodeTables: new Map(), relationshipTables: new Map() };
const q = async (s: string) => { const r: any = await c.query(s); const out: any[] = []; while (r.hasNext()) out.push(Object.values(r.getNextSync())); return out; };
for (const [name, type] of await q('CALL show_tables() RETURN name, type')) {
  const cols = (await q(`CALL table_info('${name}') RETURN name`)).map((r) => String(r[0]));
  if (type === 'NODE') catalog.nodeTables.set(name, cols);
  else catalog.relationshipTables.set(name, { columns: cols, pairs: (await q(`CALL show_connection('${name}') RETURN *`)).map((r) => ({ from: r[0], to: r[1] })) });
}
let t = performance.now();
const labelOfUid = new Map<string, string>();
const nodes = await splitNodes(src + '/nodes.csv', catalog, work + '/split', labelOfUid, () => {});
const n1 = performance.now() - t; t = performance.now();
const rels = await splitRelationships(src + '/relationships.csv', catalog, work + '/split', labelOfUid, () => {});
const r1 = performance.now() - t;
console.log(`split nodes ${n1.toFixed(0)} ms, rels ${r1.toFixed(0)} ms; node files ${nodes.copies.length}, rel files ${rels.copies.length}; new tables`, nodes.newTables.length, rels.newTables.length);
if (variant !== 'all') {
  const { execFileSync } = await import('node:child_process');
  execFileSync('python3', ['-c', `
import csv, sys
keep = set(int(x) for x in sys.argv[1].split(',') if x)
for f in sys.argv[2:]:
    rows = list(csv.reader(open(f, newline='')))
    with open(f, 'w', newline='') as out:
        w = csv.writer(out)
        for r in rows: w.writerow([v if (i < 2 or i in keep) else '' for i, v in enumerate(r)])
`, variant === 'none' ? '' : variant, ...rels.copies.map((c) => c.file)]);
  console.log('variant', variant, 'prepared');
}
t = performance.now();
for (const copy of nodes.copies) await c.query(`COPY \`${copy.label}\` FROM '${copy.file}' (header=false)`);
console.log(`copy nodes ${(performance.now() - t).toFixed(0)} ms`);
t = performance.now();
let total = 0; const times: number[] = [];
for (const copy of rels.copies) {
  const t0 = performance.now();
  await c.query(`COPY \`${copy.type}\` FROM '${copy.file}' (from='${copy.from}', to='${copy.to}', header=false)`);
  times.push(performance.now() - t0); total += copy.rows;
}
const ms = performance.now() - t;
times.sort((a, b) => a - b);
console.log(`copy rels ${total} in ${ms.toFixed(0)} ms = ${(total / ms * 1000).toFixed(0)}/s; per COPY min ${times[0]!.toFixed(0)} median ${times[times.length >> 1]!.toFixed(0)} max ${times.at(-1)!.toFixed(0)} ms; copies ${times.length}`);
