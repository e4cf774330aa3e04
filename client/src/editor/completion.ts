// Autocompletion for the Cypher editor: labels and relationship types after ":", property keys
// after ".", keywords and functions elsewhere; the names come from /api/schema.

import type { Completion, CompletionContext, CompletionResult } from '@codemirror/autocomplete';
import type { SchemaResponse } from '../api/types.ts';

const KEYWORDS = [
  'MATCH',
  'OPTIONAL MATCH',
  'WHERE',
  'RETURN',
  'WITH',
  'ORDER BY',
  'SKIP',
  'LIMIT',
  'DISTINCT',
  'UNWIND',
  'CREATE',
  'MERGE',
  'SET',
  'DELETE',
  'DETACH DELETE',
  'REMOVE',
  'CALL',
  'AS',
  'AND',
  'OR',
  'NOT',
  'IN',
  'IS NULL',
  'IS NOT NULL',
  'CONTAINS',
  'STARTS WITH',
  'ENDS WITH',
  'CASE',
  'WHEN',
  'THEN',
  'ELSE',
  'END',
  'UNION',
  'ASC',
  'DESC',
  'TRAIL',
];
const FUNCTIONS = [
  'count',
  'collect',
  'label',
  'labels',
  'id',
  'coalesce',
  'size',
  'length',
  'nodes',
  'rels',
  'lower',
  'upper',
  'toLower',
  'toUpper',
  'min',
  'max',
  'avg',
  'sum',
  'list_contains',
  'starts_with',
  'properties',
];

/** Names the editor offers, taken from the schema. */
export interface SchemaNames {
  labels: string[];
  types: string[];
  properties: string[];
}

/** The label, type and property names of a schema, each once and sorted. */
export function schemaNames(schema: SchemaResponse): SchemaNames {
  const properties = new Set<string>();
  for (const entry of [...schema.labels, ...schema.relationshipTypes])
    for (const property of entry.properties) properties.add(property.key);
  return {
    labels: schema.labels.map((l) => l.label).sort(),
    types: schema.relationshipTypes.map((t) => t.type).sort(),
    properties: [...properties].sort(),
  };
}

/** Whether the cursor sits inside a relationship pattern `[...]` rather than a node pattern `(...)`. */
function insideRelationship(textBefore: string): boolean {
  const open = Math.max(textBefore.lastIndexOf('['), textBefore.lastIndexOf('('));
  return open >= 0 && textBefore[open] === '[' && !textBefore.slice(open).includes(']');
}

/** A CodeMirror completion source reading the current names from `names()`. */
export function cypherCompletions(names: () => SchemaNames) {
  return (context: CompletionContext): CompletionResult | null => {
    const afterColon = context.matchBefore(/:\s*`?[\w\u00c0-\u024f]*$/);
    if (afterColon) {
      const textBefore = context.state.doc.sliceString(Math.max(0, afterColon.from - 400), afterColon.from);
      const { labels, types } = names();
      const relationship = insideRelationship(textBefore);
      const options: Completion[] = [
        ...labels.map((label) => ({ label, type: 'class', detail: 'label', boost: relationship ? -1 : 1 })),
        ...types.map((type) => ({
          label: type,
          type: 'type',
          detail: 'relationship',
          boost: relationship ? 1 : -1,
        })),
      ];
      return {
        from: afterColon.from + afterColon.text.search(/[`\w\u00c0-\u024f]|$/),
        options,
        validFor: /^[\w`]*$/,
      };
    }
    const afterDot = context.matchBefore(/\.[\w]*$/);
    if (afterDot) {
      return {
        from: afterDot.from + 1,
        options: names().properties.map((key) => ({ label: key, type: 'property' })),
        validFor: /^\w*$/,
      };
    }
    // Keywords only from the second letter on, so one-letter variables do not open a list.
    const word = context.matchBefore(/[A-Za-z_]\w*$/);
    if (!word || (word.to - word.from < 2 && !context.explicit)) return null;
    return {
      from: word.from,
      options: [
        ...KEYWORDS.map((keyword) => ({ label: keyword, type: 'keyword' })),
        ...FUNCTIONS.map((fn) => ({ label: fn, type: 'function', apply: `${fn}(` })),
      ],
      validFor: /^\w*$/,
    };
  };
}
