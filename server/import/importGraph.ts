// A parsed import file: the graph in export shape (nodes keyed by uid, edges naming their
// endpoints' keys and labels) plus its property types. GraphML and Lagebild JSON parse into it.

import type { ExportEdge, ExportNode, ExportSchema } from '../export/types.ts';

export interface ImportGraph {
  schema: ExportSchema;
  nodes: ExportNode[];
  edges: ExportEdge[];
}
