// A Cypher script that re-creates the subgraph: nodes are MERGEd on their uid, relationships
// MERGEd between their endpoints on all their properties, so running it twice changes nothing.
// Statements take one line each and come in UNWIND batches of up to 500 rows.
//
// It runs on the embedded engine as it is. The embedded engine needs node and relationship
// tables declared before data, so before a label's or type's first batch the script declares
// them ("CREATE NODE TABLE IF NOT EXISTS", "CREATE REL TABLE IF NOT EXISTS", "ALTER TABLE ...
// ADD IF NOT EXISTS"); Neo4j has no such statements and skips them: every such line starts with
// one of those words, so `grep -vE '^(CREATE (NODE|REL) TABLE|ALTER TABLE) '` removes them.
// Lines starting "// neo4j: " hold Neo4j's uniqueness constraints, for `sed 's#^// neo4j: ##'`.

import type { Writable } from 'node:stream';
import type { Value } from '../../store/types.ts';
import { columnType, cypherLiteral, cypherName, cypherString } from '../cypherLiterals.ts';
import { inferType } from '../propertyTypes.ts';
import { TextOut } from '../textOut.ts';
import type {
  ExportEdge,
  ExportFormat,
  ExportHeader,
  ExportNode,
  ExportSchema,
  GraphWriter,
} from '../types.ts';

/** Rows per UNWIND statement. */
const BATCH_ROWS = 500;
/** Rows buffered over all open batches before every batch is flushed. */
const MAX_BUFFERED_ROWS = 5000;

/** Lines that only the embedded engine runs (Neo4j users filter them out). */
export const EMBEDDED_ONLY_LINE = /^(CREATE (NODE|REL) TABLE|ALTER TABLE) /;
/** Prefix of lines that only Neo4j runs. */
export const NEO4J_ONLY_PREFIX = '// neo4j: ';

interface Batch {
  statementHead: string;
  rows: string[];
}

/** What elements with the same properties set share: their batch and how their row is written. */
interface Shape {
  batch: Batch;
  /** The row's property fields (", p0: ..., p1: ..."). */
  fields(properties: Record<string, Value>): string;
}

type Emit = (text: string) => Promise<void> | undefined;

/** Turns nodes and edges into script lines; shared by the export writer and the importer. */
export class CypherScriptBuilder {
  private schema: ExportSchema = { nodes: new Map(), edges: new Map() };
  private readonly declaredLabels = new Set<string>();
  private readonly declaredConnections = new Map<string, Set<string>>();
  private readonly seenLabels = new Set<string>();
  private readonly batches = new Map<string, Batch>();
  /** Shapes by signature (see shapeSignature): most elements of a table share one. */
  private readonly shapes = new Map<string, Shape>();
  private readonly declaredColumns = new Map<string, Set<string>>();
  private buffered = 0;
  private inEdges = false;

  constructor(private readonly emit: Emit) {}

  async begin(header: ExportHeader): Promise<void> {
    this.schema = header.schema;
    const lines = [
      `// Lagebild Cypher export: ${oneLine(header.title)}`,
      `// Exported ${header.exportedAt.toISOString()}. Re-creates the subgraph with MERGE on each node's uid; running it twice changes nothing.`,
      '// Embedded engine (LadybugDB/Kuzu): run as it is, e.g. through Lagebild (POST /api/import or the explorer).',
      "// Neo4j: grep -vE '^(CREATE (NODE|REL) TABLE|ALTER TABLE) ' this.cypher | sed 's#^// neo4j: ##' | cypher-shell",
      '',
    ];
    await this.emit(`${lines.join('\n')}\n`);
  }

  async node(node: ExportNode): Promise<void> {
    const label = node.labels[0] ?? 'Node';
    this.seenLabels.add(label);
    const known = this.schema.nodes.get(label);
    const signature = `n\u0000${label}\u0000${shapeSignature(known, node.properties)}`;
    const shape =
      this.shapes.get(signature) ?? (await this.nodeShape(signature, label, known, node.properties));
    await this.add(shape.batch, `{k: ${cypherString(node.key)}${shape.fields(node.properties)}}`);
  }

  /** The batch, property order and types for nodes of this label with these properties set. */
  private async nodeShape(
    signature: string,
    label: string,
    known: Map<string, string> | undefined,
    properties: Record<string, Value>,
  ): Promise<Shape> {
    const types = this.typesFor(known, properties);
    const { filled, empty } = filledAndEmpty(properties, 'uid');
    const group = `n\u0000${label}\u0000${filled.join('\u0000')}\u0001${empty.join('\u0000')}`;
    let batch = this.batches.get(group);
    if (!batch) {
      await this.declareNodeTable(label, types);
      const sets = [
        ...filled.map((key, i) => `n.${cypherName(key)} = row.p${i}`),
        ...empty.map((key) => `n.${cypherName(key)} = []`),
      ];
      batch = {
        statementHead: `MERGE (n:${cypherName(label)} {uid: row.k})${sets.length ? ` SET ${sets.join(', ')}` : ''}`,
        rows: [],
      };
      this.batches.set(group, batch);
    }
    return this.remember(signature, batch, filled, types);
  }

  async edge(edge: ExportEdge): Promise<void> {
    if (!this.inEdges) {
      this.inEdges = true;
      await this.flushAll();
    }
    const known = this.schema.edges.get(edge.type)?.properties;
    const signature = `e\u0000${edge.type}\u0000${edge.sourceLabel}\u0000${edge.targetLabel}\u0000${shapeSignature(known, edge.properties)}`;
    const shape = this.shapes.get(signature) ?? (await this.edgeShape(signature, edge, known));
    await this.add(
      shape.batch,
      `{s: ${cypherString(edge.source)}, t: ${cypherString(edge.target)}${shape.fields(edge.properties)}}`,
    );
  }

  /** The batch, property order and types for edges of this type, endpoints and properties set. */
  private async edgeShape(
    signature: string,
    edge: ExportEdge,
    known: Map<string, string> | undefined,
  ): Promise<Shape> {
    const types = this.typesFor(known, edge.properties);
    const { filled, empty } = filledAndEmpty(edge.properties);
    const group = `e\u0000${edge.type}\u0000${edge.sourceLabel}\u0000${edge.targetLabel}\u0000${filled.join('\u0000')}\u0001${empty.join('\u0000')}`;
    let batch = this.batches.get(group);
    if (!batch) {
      await this.declareRelTable(edge.type, [edge.sourceLabel, edge.targetLabel], types);
      const pattern = filled.map((key, i) => `${cypherName(key)}: row.p${i}`).join(', ');
      const sets = empty.map((key) => `r.${cypherName(key)} = []`);
      batch = {
        // Two MATCH clauses, not one with a comma: the engine seeks each end by its primary key
        // then, where the pair made it scan both tables for every batch (18 s and 3 GB of memory
        // for four Person-Claim rows on the 1M graph, 0.3 s and 60 MB as two clauses).
        statementHead:
          `MATCH (a:${cypherName(edge.sourceLabel)} {uid: row.s}) MATCH (b:${cypherName(edge.targetLabel)} {uid: row.t}) ` +
          `MERGE (a)-[r:${cypherName(edge.type)}${pattern ? ` {${pattern}}` : ''}]->(b)${sets.length ? ` SET ${sets.join(', ')}` : ''}`,
        rows: [],
      };
      this.batches.set(group, batch);
    }
    return this.remember(signature, batch, filled, types);
  }

  private remember(signature: string, batch: Batch, filled: string[], types: Map<string, string>): Shape {
    const columnTypes = filled.map((key) => types.get(key)!);
    const shape: Shape = {
      batch,
      fields: (properties) => {
        let out = '';
        for (let i = 0; i < filled.length; i++)
          out += `, p${i}: ${cypherLiteral(properties[filled[i]!]!, columnTypes[i]!)}`;
        return out;
      },
    };
    this.shapes.set(signature, shape);
    return shape;
  }

  async end(): Promise<void> {
    await this.flushAll();
  }

  /** Column types for these properties: the schema's, else inferred from the values. */
  private typesFor(
    known: Map<string, string> | undefined,
    properties: Record<string, Value>,
  ): Map<string, string> {
    const types = new Map<string, string>();
    for (const [key, value] of Object.entries(properties)) {
      const type = known?.get(key) ?? inferType(value);
      if (type) types.set(key, columnType(type));
    }
    return types;
  }

  private async declareNodeTable(label: string, types: Map<string, string>): Promise<void> {
    const all = new Map(types);
    for (const [key, type] of this.schema.nodes.get(label) ?? []) all.set(key, columnType(type));
    all.delete('uid');
    const columns = [...all].map(([key, type]) => `${cypherName(key)} ${type}`);
    const lines: string[] = [];
    if (!this.declaredLabels.has(label)) {
      this.declaredLabels.add(label);
      lines.push(
        `// neo4j: CREATE CONSTRAINT IF NOT EXISTS FOR (n:${cypherName(label)}) REQUIRE n.uid IS UNIQUE;`,
        `CREATE NODE TABLE IF NOT EXISTS ${cypherName(label)}(uid STRING PRIMARY KEY${columns.map((c) => `, ${c}`).join('')});`,
      );
    }
    lines.push(...this.addMissingColumns(label, all));
    if (lines.length) await this.emit(`${lines.join('\n')}\n`);
  }

  private async declareRelTable(
    type: string,
    pair: [string, string],
    types: Map<string, string>,
  ): Promise<void> {
    const all = new Map(types);
    for (const [key, t] of this.schema.edges.get(type)?.properties ?? []) all.set(key, columnType(t));
    const columns = [...all].map(([key, t]) => `${cypherName(key)} ${t}`);
    const lines: string[] = [];
    let declared = this.declaredConnections.get(type);
    const pairKey = (p: [string, string]) => `${p[0]}\u0000${p[1]}`;
    if (!declared) {
      declared = new Set();
      this.declaredConnections.set(type, declared);
      const connections = (this.schema.edges.get(type)?.connections ?? []).filter(
        ([from, to]) => this.seenLabels.has(from) && this.seenLabels.has(to),
      );
      if (!connections.some((c) => pairKey(c) === pairKey(pair))) connections.push(pair);
      for (const c of connections) declared.add(pairKey(c));
      const from = connections.map(([a, b]) => `FROM ${cypherName(a)} TO ${cypherName(b)}`);
      lines.push(`CREATE REL TABLE IF NOT EXISTS ${cypherName(type)}(${[...from, ...columns].join(', ')});`);
      for (const [a, b] of connections)
        lines.push(
          `ALTER TABLE ${cypherName(type)} ADD IF NOT EXISTS FROM ${cypherName(a)} TO ${cypherName(b)};`,
        );
    } else if (!declared.has(pairKey(pair))) {
      declared.add(pairKey(pair));
      lines.push(
        `ALTER TABLE ${cypherName(type)} ADD IF NOT EXISTS FROM ${cypherName(pair[0])} TO ${cypherName(pair[1])};`,
      );
    }
    lines.push(...this.addMissingColumns(type, all));
    if (lines.length) await this.emit(`${lines.join('\n')}\n`);
  }

  /** ALTER TABLE lines for the columns this script has not yet made sure of (a table may exist with fewer). */
  private addMissingColumns(table: string, columns: Map<string, string>): string[] {
    let declared = this.declaredColumns.get(table);
    if (!declared) this.declaredColumns.set(table, (declared = new Set()));
    const lines: string[] = [];
    for (const [key, type] of columns) {
      if (declared.has(key)) continue;
      declared.add(key);
      lines.push(`ALTER TABLE ${cypherName(table)} ADD IF NOT EXISTS ${cypherName(key)} ${type};`);
    }
    return lines;
  }

  private async add(batch: Batch, row: string): Promise<void> {
    batch.rows.push(row);
    this.buffered++;
    if (batch.rows.length >= BATCH_ROWS) await this.flush(batch);
    else if (this.buffered >= MAX_BUFFERED_ROWS) await this.flushAll();
  }

  private async flush(batch: Batch): Promise<void> {
    if (batch.rows.length === 0) return;
    const statement = `UNWIND [${batch.rows.join(', ')}] AS row ${batch.statementHead};\n`;
    this.buffered -= batch.rows.length;
    batch.rows = [];
    await this.emit(statement);
  }

  private async flushAll(): Promise<void> {
    for (const batch of this.batches.values()) await this.flush(batch);
  }
}

const isEmptyList = (value: Value) => Array.isArray(value) && value.length === 0;

/**
 * What decides an element's batch and column types: which properties are set, which of them are
 * empty lists, and the inferred type of those the schema does not know.
 */
function shapeSignature(known: Map<string, string> | undefined, properties: Record<string, Value>): string {
  let signature = '';
  for (const key in properties) {
    const value = properties[key];
    if (value === null || value === undefined) continue;
    signature += `${key}${isEmptyList(value) ? '\u0001' : '\u0000'}${known?.has(key) ? '' : (inferType(value) ?? '')}\u0002`;
  }
  return signature;
}

/** The set properties in a fixed order, apart from `skip`: those with values and the empty lists. */
function filledAndEmpty(properties: Record<string, Value>, skip?: string) {
  const keys = Object.keys(properties)
    .filter((key) => key !== skip && properties[key] !== null && properties[key] !== undefined)
    .sort();
  return {
    filled: keys.filter((key) => !isEmptyList(properties[key]!)),
    empty: keys.filter((key) => isEmptyList(properties[key]!)),
  };
}
const oneLine = (text: string) => text.replace(/[\r\n]+/g, ' ');

class CypherScriptWriter implements GraphWriter {
  private readonly text: TextOut;
  private readonly builder: CypherScriptBuilder;

  constructor(out: Writable) {
    this.text = new TextOut(out);
    this.builder = new CypherScriptBuilder((chunk) => this.text.write(chunk));
  }

  begin(header: ExportHeader): Promise<void> {
    return this.builder.begin(header);
  }
  node(node: ExportNode): Promise<void> {
    return this.builder.node(node);
  }
  edge(edge: ExportEdge): Promise<void> {
    return this.builder.edge(edge);
  }
  async end(): Promise<void> {
    await this.builder.end();
    await this.text.end();
  }
}

export const cypherScriptFormat: ExportFormat = {
  name: 'cypher',
  contentType: 'application/x-cypher-query; charset=utf-8',
  extension: 'cypher',
  create: (out) => new CypherScriptWriter(out),
};
