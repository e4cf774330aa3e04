// Reads GraphML into an ImportGraph: the files Lagebild writes (typed keys, "lagebild-type" in
// each key's desc, labels and relationship type as data) and plain GraphML from other tools
// (nodes without labels become :Node, edges without a type :RELATED_TO). Errors name the line.

import { SaxesParser, type SaxesTagPlain } from 'saxes';
import { LagebildError } from '../errors.ts';
import { schemaFromElements } from '../export/exportSchema.ts';
import { kindOf } from '../export/propertyTypes.ts';
import type { ExportEdge, ExportNode, ExportSchema } from '../export/types.ts';
import type { Value } from '../store/types.ts';
import type { ImportGraph } from './importGraph.ts';
import { parseJsonText } from './jsonText.ts';

interface Key {
  scope: string;
  name: string;
  /** The engine type to restore (from the key's desc, else from attr.type). */
  type: string;
}

const ATTR_TYPE_TO_ENGINE: Record<string, string> = {
  int: 'INT64',
  long: 'INT64',
  float: 'DOUBLE',
  double: 'DOUBLE',
  boolean: 'BOOLEAN',
  string: 'STRING',
};

interface Element {
  kind: 'node' | 'edge';
  line: number;
  id: string;
  source?: string;
  target?: string;
  data: Map<string, string>;
}

function fail(line: number, message: string): never {
  throw new LagebildError('InvalidRequest', `Invalid GraphML: line ${line}: ${message}.`, {
    details: [{ path: [`line ${line}`], message }],
  });
}

export function parseGraphml(text: string): ImportGraph {
  const parser = new SaxesParser({ xmlns: false, position: true });
  const keys = new Map<string, Key>();
  const elements: Element[] = [];
  let currentKey: { id: string; key: Key; inDesc: boolean; desc: string } | undefined;
  let current: Element | undefined;
  let dataKey: string | undefined;
  let dataText = '';
  let graphDepth = 0;
  let sawGraphml = false;

  parser.on('error', (error) => {
    const match = /^(?:[^:]*:)?(\d+):(\d+): (.*)$/s.exec(error.message);
    fail(match ? Number(match[1]) : parser.line, match ? `column ${match[2]}: ${match[3]}` : error.message);
  });
  parser.on('opentag', (tag: SaxesTagPlain) => {
    const name = tag.name.replace(/^.*:/, '');
    const attr = (key: string) => tag.attributes[key];
    switch (name) {
      case 'graphml':
        sawGraphml = true;
        break;
      case 'key': {
        const id = attr('id');
        if (!id) fail(parser.line, '<key> needs an id');
        const attrType = attr('attr.type') ?? 'string';
        currentKey = {
          id,
          key: {
            scope: attr('for') ?? 'all',
            name: attr('attr.name') ?? id,
            type: ATTR_TYPE_TO_ENGINE[attrType] ?? 'STRING',
          },
          inDesc: false,
          desc: '',
        };
        break;
      }
      case 'desc':
        if (currentKey) currentKey.inDesc = true;
        break;
      case 'graph':
        if (++graphDepth > 1) fail(parser.line, 'nested graphs are not supported; flatten the graph first');
        if (attr('edgedefault') === 'undirected')
          fail(
            parser.line,
            'undirected graphs are not supported: Lagebild relationships have a direction (use edgedefault="directed")',
          );
        break;
      case 'node': {
        if (current)
          fail(parser.line, 'a <node> inside another node or edge (nested graphs) is not supported');
        const id = attr('id');
        if (!id) fail(parser.line, '<node> needs an id');
        current = { kind: 'node', line: parser.line, id, data: new Map() };
        break;
      }
      case 'edge': {
        const source = attr('source');
        const target = attr('target');
        if (!source || !target) fail(parser.line, '<edge> needs a source and a target');
        current = {
          kind: 'edge',
          line: parser.line,
          id: attr('id') ?? `line-${parser.line}`,
          source,
          target,
          data: new Map(),
        };
        const label = attr('label');
        if (label) current.data.set('\u0000label', label);
        break;
      }
      case 'hyperedge':
        fail(parser.line, 'hyperedges are not supported');
        break;
      case 'data':
        if (!current) break;
        dataKey = attr('key');
        if (!dataKey) fail(parser.line, '<data> needs a key');
        if (!keys.has(dataKey))
          fail(parser.line, `<data key="${dataKey}"> refers to a key that no <key> declares`);
        dataText = '';
        break;
      default:
        break;
    }
  });
  parser.on('text', (text) => {
    if (dataKey) dataText += text;
    else if (currentKey?.inDesc) currentKey.desc += text;
  });
  parser.on('cdata', (text) => {
    if (dataKey) dataText += text;
  });
  parser.on('closetag', (tag) => {
    const name = tag.name.replace(/^.*:/, '');
    if (name === 'desc' && currentKey) currentKey.inDesc = false;
    else if (name === 'key' && currentKey) {
      const declared = /lagebild-type:\s*([A-Z][A-Z0-9_]*(?:\[\])?)/.exec(currentKey.desc);
      if (declared) currentKey.key.type = declared[1]!;
      keys.set(currentKey.id, currentKey.key);
      currentKey = undefined;
    } else if (name === 'data' && dataKey && current) {
      current.data.set(dataKey, dataText);
      dataKey = undefined;
    } else if ((name === 'node' || name === 'edge') && current) {
      elements.push(current);
      current = undefined;
    } else if (name === 'graph') graphDepth--;
  });

  parser.write(text).close();
  if (!sawGraphml) fail(1, 'this is not GraphML: there is no <graphml> element');

  const nodes: ExportNode[] = [];
  const edges: ExportEdge[] = [];
  const labelOf = new Map<string, string>();
  for (const element of elements.filter((e) => e.kind === 'node')) {
    if (labelOf.has(element.id)) fail(element.line, `a second node with the id "${element.id}"`);
    const properties: Record<string, Value> = {};
    let labels = ['Node'];
    for (const [keyId, raw] of element.data) {
      const key = keys.get(keyId)!;
      if (keyId === 'labels') {
        labels = raw.split(':').filter(Boolean);
        if (labels.length === 0) labels = ['Node'];
        continue;
      }
      properties[key.name] = convert(raw, key, element.line);
    }
    if (properties.uid === undefined) properties.uid = element.id;
    labelOf.set(element.id, labels[0]!);
    nodes.push({ key: element.id, labels, properties });
  }
  for (const element of elements.filter((e) => e.kind === 'edge')) {
    let type = element.data.get('\u0000label') ?? 'RELATED_TO';
    const properties: Record<string, Value> = {};
    for (const [keyId, raw] of element.data) {
      if (keyId === '\u0000label') continue;
      const key = keys.get(keyId)!;
      if (keyId === 'label') {
        type = raw;
        continue;
      }
      properties[key.name] = convert(raw, key, element.line);
    }
    for (const end of [element.source!, element.target!])
      if (!labelOf.has(end))
        fail(element.line, `the edge refers to the node "${end}", which the file does not declare`);
    edges.push({
      key: element.id,
      type,
      source: element.source!,
      target: element.target!,
      sourceLabel: labelOf.get(element.source!)!,
      targetLabel: labelOf.get(element.target!)!,
      properties,
    });
  }
  // The keys' declared types hold for every label and relationship type that uses them.
  const typesFor = (scope: 'node' | 'edge') =>
    new Map(
      [...keys.values()].filter((k) => k.scope === scope || k.scope === 'all').map((k) => [k.name, k.type]),
    );
  const nodeTypes = typesFor('node');
  const edgeTypes = typesFor('edge');
  const declared: ExportSchema = {
    nodes: new Map(nodes.map((n) => [n.labels[0]!, nodeTypes])),
    edges: new Map(edges.map((e) => [e.type, { properties: edgeTypes, connections: [] }])),
  };
  return { schema: schemaFromElements(nodes, edges, declared), nodes, edges };
}

function convert(raw: string, key: Key, line: number): Value {
  const bad = (what: string): never => fail(line, `"${raw.slice(0, 40)}" is not ${what} (key "${key.name}")`);
  if (key.type.endsWith('[]')) {
    const value = parseJsonText(raw, `GraphML list value at line ${line}`);
    if (!Array.isArray(value)) bad('a JSON list');
    return value as Value;
  }
  switch (kindOf(key.type)) {
    case 'int':
    case 'long': {
      if (!/^\s*-?\d+\s*$/.test(raw)) bad('an integer');
      const value = BigInt(raw.trim());
      return value >= BigInt(Number.MIN_SAFE_INTEGER) && value <= BigInt(Number.MAX_SAFE_INTEGER)
        ? Number(value)
        : value;
    }
    case 'double': {
      const value = Number(raw);
      if (raw.trim() === '' || Number.isNaN(value)) bad('a number');
      return value;
    }
    case 'boolean':
      if (/^\s*(true|1)\s*$/i.test(raw)) return true;
      if (/^\s*(false|0)\s*$/i.test(raw)) return false;
      return bad('true or false');
    case 'date':
      return { $type: 'date', value: raw };
    case 'datetime':
      return { $type: 'datetime', value: raw };
    default:
      return raw;
  }
}
