// npm run generate -- --nodes 1000000 --seed 1 [--relationships N] [--out dir]
// Writes a synthetic graph in the article's shape as nodes.csv, relationships.csv and
// summary.json (counts, hubs), ready for `npm run import`.

import { closeSync, mkdirSync, openSync, writeFileSync, writeSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { readArticleModel } from './generator/articleModel.ts';
import { generateGraph, type TextSink } from './generator/syntheticGraph.ts';

const ROOT = path.resolve(import.meta.dirname, '..');

const optionsSchema = z
  .object({
    nodes: z.coerce.number().int().min(100, 'use at least 100 nodes').max(50_000_000),
    relationships: z.coerce.number().int().min(0).max(500_000_000).optional(),
    seed: z.coerce
      .number()
      .int()
      .min(0)
      .max(2 ** 32 - 1)
      .default(1),
    out: z.string().min(1).optional(),
  })
  .strict();

/** Parses `--name value` pairs into the options object, with one readable line on an error. */
export function parseGenerateArgs(argv: string[]) {
  const raw: Record<string, string> = {};
  for (let i = 0; i < argv.length; i += 2) {
    const flag = argv[i]!;
    if (!flag.startsWith('--') || argv[i + 1] === undefined)
      throw new Error(`Expected "--option value" pairs, got "${flag}". Example: --nodes 1000000 --seed 1`);
    raw[flag.slice(2)] = argv[i + 1]!;
  }
  const parsed = optionsSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new Error(`Invalid option --${issue.path.join('.') || '?'}: ${issue.message}`);
  }
  const { nodes, seed } = parsed.data;
  return {
    nodes,
    seed,
    relationships: parsed.data.relationships ?? nodes * 5,
    out: path.resolve(parsed.data.out ?? path.join(ROOT, 'data', `generated-${nodes}-seed${seed}`)),
  };
}

/** Buffers text and writes it to a file in large chunks. */
class FileSink implements TextSink {
  private readonly fd: number;
  private pending: string[] = [];
  private pendingLength = 0;
  constructor(file: string) {
    this.fd = openSync(file, 'w');
  }
  write(text: string): void {
    this.pending.push(text);
    this.pendingLength += text.length;
    if (this.pendingLength > 4_000_000) this.flush();
  }
  flush(): void {
    if (this.pending.length) writeSync(this.fd, this.pending.join(''));
    this.pending = [];
    this.pendingLength = 0;
  }
  close(): void {
    this.flush();
    closeSync(this.fd);
  }
}

function main(): void {
  const options = parseGenerateArgs(process.argv.slice(2));
  mkdirSync(options.out, { recursive: true });
  const started = performance.now();
  const nodes = new FileSink(path.join(options.out, 'nodes.csv'));
  const relationships = new FileSink(path.join(options.out, 'relationships.csv'));
  const summary = generateGraph(readArticleModel(path.join(ROOT, 'cypher')), options, {
    nodes,
    relationships,
  });
  nodes.close();
  relationships.close();
  writeFileSync(path.join(options.out, 'summary.json'), JSON.stringify(summary, null, 2) + '\n');
  const seconds = (performance.now() - started) / 1000;
  console.log(
    `Wrote ${summary.nodes.toLocaleString('en')} nodes and ${summary.relationships.toLocaleString('en')} relationships to ${options.out} in ${seconds.toFixed(1)} s.`,
  );
  console.log(`Largest hubs: ${summary.hubs.map((h) => `${h.uid} (${h.degree})`).join(', ')}`);
  console.log(
    `Import: npm run import -- ${path.join(options.out, 'nodes.csv')} ${path.join(options.out, 'relationships.csv')} --data-dir <dir>`,
  );
}

if (process.argv[1] && path.resolve(process.argv[1]) === import.meta.filename) {
  try {
    main();
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  }
}
