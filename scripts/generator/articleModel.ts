// Reads the article graph's model from cypher/: node labels, relationship types with the
// label pairs they may connect, and the verbatim sentences used as provenance.

import { readFileSync } from 'node:fs';
import path from 'node:path';

/** One relationship type and the (from, to) label pairs its table allows. */
export interface RelationshipModel {
  type: string;
  pairs: { from: string; to: string }[];
}

/** What the generator imitates: the article's labels, relationship types and sentences. */
export interface ArticleModel {
  labels: string[];
  relationships: RelationshipModel[];
  sentences: string[];
  claimants: string[];
}

const unquote = (name: string) => name.replace(/^`|`$/g, '');

/** Parses cypher/schema.ladybug.cypher and cypher/data/*.cypher under `cypherDir`. */
export function readArticleModel(cypherDir: string): ArticleModel {
  const schema = readFileSync(path.join(cypherDir, 'schema.ladybug.cypher'), 'utf8');
  const labels = [...schema.matchAll(/CREATE NODE TABLE IF NOT EXISTS (`?\w+`?)\(/g)].map((m) =>
    unquote(m[1]!),
  );
  const relationships: RelationshipModel[] = [];
  for (const m of schema.matchAll(/CREATE REL TABLE IF NOT EXISTS (\w+)\((.*)\);/g)) {
    const pairs = [...m[2]!.matchAll(/FROM (`?\w+`?) TO (`?\w+`?)/g)].map((p) => ({
      from: unquote(p[1]!),
      to: unquote(p[2]!),
    }));
    relationships.push({ type: m[1]!, pairs });
  }
  const data = readFileSync(path.join(cypherDir, 'data', 'article.cypher'), 'utf8');
  const sentences = uniqueStrings(data, /r\.sentence = '((?:[^'\\]|\\.)*)'/g);
  const claimants = uniqueStrings(data, /r\.claimed_by = '((?:[^'\\]|\\.)*)'/g);
  if (labels.length === 0 || relationships.length === 0 || sentences.length === 0)
    throw new Error(`Cannot read the article model from ${cypherDir}: no labels, types or sentences found.`);
  return { labels, relationships, sentences, claimants: claimants.length ? claimants : ['Sergej Lawrow'] };
}

function uniqueStrings(text: string, pattern: RegExp): string[] {
  const found = new Set<string>();
  for (const m of text.matchAll(pattern)) found.add(m[1]!.replace(/\\(.)/g, '$1'));
  return [...found].sort();
}
