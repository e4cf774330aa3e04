// Generates a synthetic knowledge graph in the article's shape: the same labels, relationship
// types and provenance properties, with a power-law degree distribution and a few large hubs.
// Output is CSV text handed to two sinks (nodes, relationships); same options, same bytes.

import type { ArticleModel, RelationshipModel } from './articleModel.ts';
import { createPrng } from './prng.ts';

/** Where generated CSV text goes (a file writer, or a counter in tests). */
export interface TextSink {
  write(text: string): void;
}

export interface GenerateOptions {
  nodes: number;
  relationships: number;
  seed: number;
}

/** What was generated, for the summary file and the benchmark (which picks hubs from it). */
export interface GenerateSummary {
  nodes: number;
  relationships: number;
  seed: number;
  labels: Record<string, number>;
  types: Record<string, number>;
  /** The nodes with the most relationships, most first. */
  hubs: { uid: string; label: string; degree: number }[];
  /** Ordinary nodes (median-ish degree), for benchmarks of a normal expand. */
  typical: { uid: string; label: string; degree: number }[];
}

export const NODE_HEADER = 'uid,label,name,name_en,aliases,description\n';
export const RELATIONSHIP_HEADER = 'source,target,type,sentence,qualification,claimed_by,article\n';

/** Share of all nodes per label; Claim takes what is left. Small labels make natural hubs. */
const LABEL_SHARE: Record<string, number> = {
  Country: 0.0003,
  Alliance: 0.0002,
  Conflict: 0.0005,
  Agreement: 0.001,
  Motive: 0.001,
  Debate: 0.002,
  Program: 0.002,
  Weapon: 0.02,
  Group: 0.05,
  Organization: 0.08,
  Person: 0.25,
  Article: 0.2,
};

/** Relationship types that are more common than the rest (default weight 1). */
const TYPE_WEIGHT: Record<string, number> = { MENTIONS: 8, CLAIMS: 3, ABOUT: 3, LINKS_TO: 2 };

/** Exponent of the within-label skew: index = floor(count * u^SKEW); 3 gives degree ~ d^-2.5. */
const SKEW = 3;

const QUALIFICATIONS: [string, number][] = [
  ['stated', 0.5],
  ['reported', 0.25],
  ['claimed', 0.1],
  ['alleged', 0.1],
  ['possible', 0.05],
];

const SYLLABLES = (
  'ber lin mos kau pjöng jang te her an ki ew wa schau lon don pa ris ro ma ta lin gra do ' +
  'sa ma ra no vo kar ko vin ste fan mar kus el len ja na ol ga ru di ha kim sun li mei'
).split(' ');

interface LabelRange {
  label: string;
  first: number;
  count: number;
  prefix: string;
}

/** Writes `options.nodes` nodes and `options.relationships` relationships as CSV; returns a summary. */
export function generateGraph(
  model: ArticleModel,
  options: GenerateOptions,
  sinks: { nodes: TextSink; relationships: TextSink },
): GenerateSummary {
  const random = createPrng(options.seed);
  const ranges = labelRanges(model.labels, options.nodes);
  const byLabel = new Map(ranges.map((r) => [r.label, r]));
  const degree = new Int32Array(options.nodes);

  sinks.nodes.write(NODE_HEADER);
  let buffer: string[] = [];
  const flush = (sink: TextSink) => {
    if (buffer.length) sink.write(buffer.join(''));
    buffer = [];
  };
  for (const range of ranges) {
    for (let i = 0; i < range.count; i++) {
      buffer.push(nodeLine(range, i, random));
      if (buffer.length === 10_000) flush(sinks.nodes);
    }
  }
  flush(sinks.nodes);

  const types = weightedTypes(model.relationships, byLabel);
  const typeCounts: Record<string, number> = {};
  const persons = byLabel.get('Person')!;
  const articles = byLabel.get('Article')!;
  sinks.relationships.write(RELATIONSHIP_HEADER);
  for (let n = 0; n < options.relationships; n++) {
    const type = pick(types, random());
    const pair = type.pairs[Math.floor(random() * type.pairs.length)]!;
    const source = skewedIndex(pair.from, random());
    const target = skewedIndex(pair.to, random());
    degree[pair.from.first + source]!++;
    degree[pair.to.first + target]!++;
    const qualification = pick(QUALIFICATIONS, random());
    const claimedBy =
      qualification === 'claimed' || qualification === 'alleged'
        ? `${persons.prefix}${skewedIndex(persons, random())}`
        : '';
    const article = `${articles.prefix}${skewedIndex(articles, random())}`;
    const sentence = model.sentences[Math.floor(random() * model.sentences.length)]!;
    buffer.push(
      `${pair.from.prefix}${source},${pair.to.prefix}${target},${type.type},${csvField(sentence)},${qualification},${claimedBy},${article}\n`,
    );
    typeCounts[type.type] = (typeCounts[type.type] ?? 0) + 1;
    if (buffer.length === 10_000) flush(sinks.relationships);
  }
  flush(sinks.relationships);

  return {
    nodes: options.nodes,
    relationships: options.relationships,
    seed: options.seed,
    labels: Object.fromEntries(ranges.map((r) => [r.label, r.count])),
    types: typeCounts,
    ...notableNodes(degree, ranges),
  };
}

/** Node counts per label that add up to `total`, each label at least one node. */
function labelRanges(labels: string[], total: number): LabelRange[] {
  if (total < labels.length) throw new Error(`Generate at least ${labels.length} nodes (one per label).`);
  const counts = labels.map((label) => Math.max(1, Math.round(total * (LABEL_SHARE[label] ?? 0))));
  const rest = labels.indexOf('Claim');
  counts[rest] = 0;
  counts[rest] = total - counts.reduce((a, b) => a + b, 0);
  if (counts[rest]! < 1) throw new Error(`Too few nodes (${total}) for every label; use at least 100.`);
  let first = 0;
  return labels.map((label, i) => {
    const range = { label, first, count: counts[i]!, prefix: `${label.toLowerCase()}-` };
    first += counts[i]!;
    return range;
  });
}

interface WeightedType {
  type: string;
  pairs: { from: LabelRange; to: LabelRange }[];
}

function weightedTypes(relationships: RelationshipModel[], byLabel: Map<string, LabelRange>) {
  const total = relationships.reduce((sum, r) => sum + (TYPE_WEIGHT[r.type] ?? 1), 0);
  return relationships.map((r): [WeightedType, number] => [
    {
      type: r.type,
      pairs: r.pairs.map((p) => ({ from: byLabel.get(p.from)!, to: byLabel.get(p.to)! })),
    },
    (TYPE_WEIGHT[r.type] ?? 1) / total,
  ]);
}

/** Picks from [item, probability] pairs whose probabilities add up to 1. */
function pick<T>(items: [T, number][], u: number): T {
  for (const [item, p] of items) {
    if (u < p) return item;
    u -= p;
  }
  return items[items.length - 1]![0];
}

/** Low indexes are chosen far more often: the first nodes of each label become hubs. */
function skewedIndex(range: LabelRange, u: number): number {
  return Math.min(range.count - 1, Math.floor(range.count * u ** SKEW));
}

function nodeLine(range: LabelRange, index: number, random: () => number): string {
  const name = syllableWord(random);
  const fullName = range.label === 'Person' ? `${name} ${syllableWord(random)}` : `${name} ${index}`;
  const aliases = random() < 0.1 ? csvField(`[${name.toUpperCase()},${range.label} ${index}]`) : '';
  return `${range.prefix}${index},${range.label},${fullName},${range.label} ${fullName},${aliases},Synthetischer Knoten ${range.label} Nr. ${index}\n`;
}

/** A capitalised made-up word of two or three syllables, e.g. "Moskarin". */
function syllableWord(random: () => number): string {
  const syllables = 2 + Math.floor(random() * 2);
  let word = '';
  for (let s = 0; s < syllables; s++) word += SYLLABLES[Math.floor(random() * SYLLABLES.length)];
  return word[0]!.toUpperCase() + word.slice(1);
}

/** A CSV field: quoted when it holds a comma, quote or line break; quotes doubled. */
export function csvField(text: string): string {
  return /[",\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

function notableNodes(degree: Int32Array, ranges: LabelRange[]) {
  const describe = (index: number) => {
    const range = ranges.find((r) => index >= r.first && index < r.first + r.count)!;
    return { uid: `${range.prefix}${index - range.first}`, label: range.label, degree: degree[index]! };
  };
  const order = Array.from(degree.keys()).sort((a, b) => degree[b]! - degree[a]!);
  const hubs = order.slice(0, 5).map(describe);
  // Typical nodes: from the middle of the degree order, with at least one neighbour.
  const withEdges = order.filter((i) => degree[i]! > 0);
  const middle = Math.floor(withEdges.length / 2);
  const typical = withEdges.slice(middle, middle + 5).map(describe);
  return { hubs, typical };
}
