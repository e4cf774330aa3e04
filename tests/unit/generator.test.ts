// The synthetic graph generator: deterministic per seed, in the article's shape, power-law degrees.

import { createHash } from 'node:crypto';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readArticleModel } from '../../scripts/generator/articleModel.ts';
import { generateGraph, type GenerateOptions } from '../../scripts/generator/syntheticGraph.ts';
import { parseGenerateArgs } from '../../scripts/generate.ts';

const model = readArticleModel(path.resolve(import.meta.dirname, '../../cypher'));

function generateText(options: GenerateOptions) {
  const nodes: string[] = [];
  const relationships: string[] = [];
  const summary = generateGraph(model, options, {
    nodes: { write: (text) => nodes.push(text) },
    relationships: { write: (text) => relationships.push(text) },
  });
  return { nodes: nodes.join(''), relationships: relationships.join(''), summary };
}

const sha = (text: string) => createHash('sha256').update(text).digest('hex');

describe('generator', () => {
  it('writes the same bytes for the same seed', () => {
    const first = generateText({ nodes: 2000, relationships: 10_000, seed: 7 });
    const second = generateText({ nodes: 2000, relationships: 10_000, seed: 7 });
    expect(first.nodes.length).toBeGreaterThan(2000 * 20);
    expect(sha(second.nodes)).toBe(sha(first.nodes));
    expect(sha(second.relationships)).toBe(sha(first.relationships));
  });

  it('writes different graphs for different seeds', () => {
    const first = generateText({ nodes: 2000, relationships: 10_000, seed: 1 });
    const other = generateText({ nodes: 2000, relationships: 10_000, seed: 2 });
    expect(sha(other.nodes)).not.toBe(sha(first.nodes));
    expect(sha(other.relationships)).not.toBe(sha(first.relationships));
  });

  it('uses only label pairs that the article schema allows, with provenance on every relationship', () => {
    const { nodes, relationships } = generateText({ nodes: 2000, relationships: 10_000, seed: 3 });
    const labelOf = new Map(
      nodes
        .trim()
        .split('\n')
        .slice(1)
        .map((line) => line.split(',', 2) as [string, string]),
    );
    const allowed = new Set(
      model.relationships.flatMap((r) => r.pairs.map((p) => `${r.type}:${p.from}:${p.to}`)),
    );
    const lines = relationships.trim().split('\n');
    expect(lines[0]).toBe('source,target,type,sentence,qualification,claimed_by,article');
    expect(lines).toHaveLength(10_001);
    for (const line of lines.slice(1)) {
      const [source, target, type] = line.split(',', 3) as [string, string, string];
      expect(allowed.has(`${type}:${labelOf.get(source)}:${labelOf.get(target)}`)).toBe(true);
      expect(line).toMatch(/,(stated|reported|claimed|alleged|possible),[^,]*,article-\d+$/);
    }
    expect(new Set(labelOf.values())).toEqual(new Set(model.labels));
  });

  it('has a power-law degree distribution with hubs of more than 10,000 neighbours', () => {
    const degrees = new Map<string, number>();
    const summary = generateGraph(
      model,
      { nodes: 100_000, relationships: 500_000, seed: 1 },
      {
        nodes: { write: () => undefined },
        relationships: {
          write: (text) => {
            for (const line of text.split('\n')) {
              const [source, target] = line.split(',', 2);
              if (!target || source === 'source') continue;
              degrees.set(source!, (degrees.get(source!) ?? 0) + 1);
              degrees.set(target, (degrees.get(target) ?? 0) + 1);
            }
          },
        },
      },
    );
    const sorted = [...degrees.entries()].sort((a, b) => b[1] - a[1]);
    expect(sorted[0]![1]).toBeGreaterThan(10_000);
    expect(summary.hubs[0]).toMatchObject({ uid: sorted[0]![0], degree: sorted[0]![1] });
    // Each tenfold step of degree holds far fewer nodes than the one before.
    const buckets = [0, 0, 0, 0, 0];
    for (const [, degree] of sorted) buckets[Math.min(4, Math.floor(Math.log10(degree)))]!++;
    expect(buckets.every((count) => count > 0)).toBe(true);
    for (let i = 1; i < buckets.length; i++) expect(buckets[i]!).toBeLessThan(buckets[i - 1]!);
  });

  it('explains a bad command line in one sentence', () => {
    expect(() => parseGenerateArgs(['--nodes', '10'])).toThrow(/--nodes: use at least 100 nodes/);
    expect(() => parseGenerateArgs(['--nodes', '1000', '--colour', 'red'])).toThrow(/Invalid option/);
    expect(parseGenerateArgs(['--nodes', '1000', '--seed', '4'])).toMatchObject({
      nodes: 1000,
      seed: 4,
      relationships: 5000,
    });
  });
});
