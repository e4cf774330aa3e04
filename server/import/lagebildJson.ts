// Reads a Lagebild JSON file (../export/lagebildJson.schema.ts) into an ImportGraph; every
// problem is reported with its line and column or its path in the document (nodes.12.labels).

import { invalidRequest } from '../errors.ts';
import { schemaFromElements } from '../export/exportSchema.ts';
import { lagebildJsonSchema } from '../export/lagebildJson.schema.ts';
import type { ExportEdge, ExportNode, ExportSchema } from '../export/types.ts';
import { parseOrThrow } from '../http/errorHandler.ts';
import type { Value } from '../store/types.ts';
import type { ImportGraph } from './importGraph.ts';
import { parseJsonText } from './jsonText.ts';

export function parseLagebildJson(text: string): ImportGraph {
  const document = parseOrThrow(
    lagebildJsonSchema,
    parseJsonText(text, 'Lagebild JSON'),
    'Lagebild JSON file',
  );
  const labels = new Map<string, string>();
  const nodes: ExportNode[] = document.nodes.map((node) => {
    labels.set(node.key, node.labels[0]!);
    return {
      key: node.key,
      labels: node.labels,
      properties: node.properties as Record<string, Value>,
      position: node.position,
      style: node.style,
    };
  });
  const edges: ExportEdge[] = document.edges.map((edge, i) => {
    for (const end of ['source', 'target'] as const)
      if (!labels.has(edge[end]))
        throw invalidRequest(
          `Invalid Lagebild JSON file: edges.${i}.${end}: no node has the key "${edge[end]}"; every edge must join two nodes of the file.`,
          [{ path: ['edges', i, end], message: `no node has the key "${edge[end]}"` }],
        );
    return {
      key: edge.key,
      type: edge.type,
      source: edge.source,
      target: edge.target,
      sourceLabel: labels.get(edge.source)!,
      targetLabel: labels.get(edge.target)!,
      properties: edge.properties as Record<string, Value>,
    };
  });
  const declared: ExportSchema | undefined = document.schema && {
    nodes: new Map(
      Object.entries(document.schema.nodes).map(([label, props]) => [label, new Map(Object.entries(props))]),
    ),
    edges: new Map(
      Object.entries(document.schema.edges).map(([type, info]) => [
        type,
        { properties: new Map(Object.entries(info.properties)), connections: info.connections },
      ]),
    ),
  };
  return { schema: schemaFromElements(nodes, edges, declared), nodes, edges };
}
