// The export formats by name; every one implements the same GraphWriter interface.

import { cypherScriptFormat } from './cypherScript.ts';
import { csvZipFormat } from './csvZip.ts';
import { cytoscapeJsonFormat } from './cytoscapeJson.ts';
import { gexfFormat } from './gexf.ts';
import { graphmlFormat } from './graphml.ts';
import { lagebildJsonFormat } from './lagebildJson.ts';
import type { ExportFormat } from '../types.ts';

export const FORMAT_NAMES = ['lagebild-json', 'cytoscape-json', 'graphml', 'gexf', 'csv', 'cypher'] as const;
export type FormatName = (typeof FORMAT_NAMES)[number];

export const EXPORT_FORMATS: Record<FormatName, ExportFormat> = {
  'lagebild-json': lagebildJsonFormat,
  'cytoscape-json': cytoscapeJsonFormat,
  graphml: graphmlFormat,
  gexf: gexfFormat,
  csv: csvZipFormat,
  cypher: cypherScriptFormat,
};
