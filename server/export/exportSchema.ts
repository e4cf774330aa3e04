// The property types of an export, known before its first element: from the store's catalog
// for server-side scopes, inferred from the values (and completed from the catalog) for
// elements the explorer sends.

import type { GraphSchema, Value } from '../store/types.ts';
import { inferType, mergeTypes } from './propertyTypes.ts';
import type { ExportEdge, ExportNode, ExportSchema } from './types.ts';

/** Every label's and relationship type's properties and connections, from the catalog. */
export function schemaFromCatalog(catalog: GraphSchema): ExportSchema {
  return {
    nodes: new Map(catalog.labels.map((l) => [l.label, new Map(l.properties.map((p) => [p.key, p.type]))])),
    edges: new Map(
      catalog.relationshipTypes.map((t) => [
        t.type,
        {
          properties: new Map(t.properties.map((p) => [p.key, p.type])),
          connections: t.connections.map((c) => [c.from, c.to] as [string, string]),
        },
      ]),
    ),
  };
}

/** Types inferred from the elements themselves; the catalog's type wins where it knows the property. */
export function schemaFromElements(
  nodes: ExportNode[],
  edges: ExportEdge[],
  catalog?: ExportSchema,
): ExportSchema {
  const schema: ExportSchema = { nodes: new Map(), edges: new Map() };
  const absorb = (
    table: Map<string, string>,
    known: Map<string, string> | undefined,
    properties: Record<string, Value>,
  ) => {
    for (const [key, value] of Object.entries(properties)) {
      const type = known?.get(key) ?? mergeTypes(table.get(key), inferType(value));
      if (type) table.set(key, type);
    }
  };
  for (const node of nodes) {
    const label = node.labels[0] ?? 'Node';
    let table = schema.nodes.get(label);
    if (!table) schema.nodes.set(label, (table = new Map()));
    absorb(table, catalog?.nodes.get(label), node.properties);
  }
  for (const edge of edges) {
    let entry = schema.edges.get(edge.type);
    if (!entry) schema.edges.set(edge.type, (entry = { properties: new Map(), connections: [] }));
    absorb(entry.properties, catalog?.edges.get(edge.type)?.properties, edge.properties);
    if (!entry.connections.some(([a, b]) => a === edge.sourceLabel && b === edge.targetLabel))
      entry.connections.push([edge.sourceLabel, edge.targetLabel]);
  }
  return schema;
}
