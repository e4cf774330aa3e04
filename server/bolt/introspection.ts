// Answers the procedure calls that Neo4j tools send right after connecting (db.labels(),
// dbms.components(), db.schema.visualization()...) from GraphStore.schema(), since the
// embedded engine has no such procedures. Only a bare CALL, optionally with YIELD, is answered.

import { engineTypeToNeo4j } from '../store/propertyTypes.ts';
import type { GraphSchema, Value } from '../store/types.ts';

export interface ProcedureResult {
  columns: string[];
  rows: Value[][];
}

interface Procedure {
  columns: string[];
  rows(schema: GraphSchema, context: IntrospectionContext): Value[][];
}

export interface IntrospectionContext {
  /** Lagebild's version, reported by dbms.components(). */
  version: string;
  /** The Neo4j version we present ourselves as (drivers and tools gate features on it). */
  neo4jVersion: string;
}

const escapeName = (name: string) =>
  /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) ? name : `\`${name.replaceAll('`', '``')}\``;

const PROCEDURES: Record<string, Procedure> = {
  'db.labels': {
    columns: ['label'],
    rows: (schema) => schema.labels.map((l) => [l.label]),
  },
  'db.relationshiptypes': {
    columns: ['relationshipType'],
    rows: (schema) => schema.relationshipTypes.map((t) => [t.type]),
  },
  'db.propertykeys': {
    columns: ['propertyKey'],
    rows: (schema) =>
      [
        ...new Set(
          [...schema.labels, ...schema.relationshipTypes].flatMap((entry) =>
            entry.properties.map((p) => p.key),
          ),
        ),
      ]
        .sort()
        .map((key) => [key]),
  },
  'dbms.components': {
    columns: ['name', 'versions', 'edition'],
    rows: (_schema, context) => [
      ['Neo4j Kernel', [context.neo4jVersion], 'community'],
      ['Lagebild', [context.version], 'embedded LadybugDB over Bolt'],
    ],
  },
  'db.ping': {
    columns: ['success'],
    rows: () => [[true]],
  },
  'db.schema.visualization': {
    columns: ['nodes', 'relationships'],
    rows: (schema) => {
      const nodeId = (label: string) => `schema:${label}`;
      const nodes: Value[] = schema.labels.map((l) => ({
        $type: 'node',
        id: nodeId(l.label),
        labels: [l.label],
        properties: { name: l.label, indexes: [], constraints: [] },
      }));
      const relationships: Value[] = schema.relationshipTypes.flatMap((t) =>
        t.connections.map((c, i) => ({
          $type: 'relationship' as const,
          id: `schema:${t.type}:${i}`,
          type: t.type,
          source: nodeId(c.from),
          target: nodeId(c.to),
          properties: { name: t.type },
        })),
      );
      return [[nodes, relationships]];
    },
  },
  'db.schema.nodetypeproperties': {
    columns: ['nodeType', 'nodeLabels', 'propertyName', 'propertyTypes', 'mandatory'],
    rows: (schema) =>
      schema.labels.flatMap((l) =>
        l.properties.map((p) => [
          `:${escapeName(l.label)}`,
          [l.label],
          p.key,
          [engineTypeToNeo4j(p.type)],
          false,
        ]),
      ),
  },
  'db.schema.reltypeproperties': {
    columns: ['relType', 'propertyName', 'propertyTypes', 'mandatory'],
    rows: (schema) =>
      schema.relationshipTypes.flatMap((t) =>
        t.properties.map((p) => [`:${escapeName(t.type)}`, p.key, [engineTypeToNeo4j(p.type)], false]),
      ),
  },
};

const CALL =
  /^\s*CALL\s+([A-Za-z_][A-Za-z0-9_.]*)\s*\(\s*\)\s*(?:YIELD\s+([\s\S]+?))?(?:\s+RETURN\s+([\s\S]+?))?\s*;?\s*$/i;
const YIELD_ITEM = /^([A-Za-z_][A-Za-z0-9_]*)(?:\s+AS\s+([A-Za-z_][A-Za-z0-9_]*))?$/i;

/** Recognises a call to one of the answered procedures; undefined for anything else. */
export function matchProcedure(
  cypher: string,
): { procedure: Procedure; yields: { column: string; as: string }[] | '*' } | undefined {
  const match = CALL.exec(cypher);
  if (!match) return undefined;
  const procedure = PROCEDURES[match[1]!.toLowerCase()];
  if (!procedure) return undefined;
  const yields = parseItems(match[2], procedure.columns);
  if (!yields) return undefined;
  if (match[3] === undefined) return { procedure, yields };
  // CALL ... YIELD a RETURN a AS b: a projection of the yielded names, nothing more.
  if (yields === '*') return undefined;
  const visible = yields.map((y) => y.as);
  const returned = parseItems(match[3], visible);
  if (!returned || returned === '*') return undefined;
  return {
    procedure,
    yields: returned.map((r) => ({ column: yields.find((y) => y.as === r.column)!.column, as: r.as })),
  };
}

/** `a, b AS c` over the allowed names; '*' for all; undefined when anything else is written. */
function parseItems(
  text: string | undefined,
  allowed: string[],
): { column: string; as: string }[] | '*' | undefined {
  const trimmed = text?.trim();
  if (!trimmed || trimmed === '*') return '*';
  const items: { column: string; as: string }[] = [];
  for (const item of trimmed.split(',')) {
    const parts = YIELD_ITEM.exec(item.trim());
    // Anything richer (WHERE, expressions, unknown columns) goes on to the engine, which reports it.
    if (!parts || !allowed.includes(parts[1]!)) return undefined;
    items.push({ column: parts[1]!, as: parts[2] ?? parts[1]! });
  }
  return items;
}

/** Runs an introspection call; undefined when the text is not one. */
export async function answerIntrospection(
  cypher: string,
  schema: () => Promise<GraphSchema>,
  context: IntrospectionContext,
): Promise<ProcedureResult | undefined> {
  const matched = matchProcedure(cypher);
  if (!matched) return undefined;
  const rows = matched.procedure.rows(await schema(), context);
  if (matched.yields === '*') return { columns: matched.procedure.columns, rows };
  const positions = matched.yields.map((y) => matched.procedure.columns.indexOf(y.column));
  return {
    columns: matched.yields.map((y) => y.as),
    rows: rows.map((row) => positions.map((p) => row[p]!)),
  };
}
