// Big results of nodes and relationships read as flat columns. The binding builds one JavaScript
// object per node or relationship (its id, label and every property) at about half the speed at
// which it reads the same values as plain columns (100,000 Claim nodes of the 1M graph: 280-300 ms
// as nodes, 140-165 ms as columns). So a result of many rows whose columns are nodes,
// relationships and scalars is asked for once more, with each element column spread into its id,
// its label, its ends and its properties, and the elements are put together again here.

import { reprojectFinalReturn, unusedPrefix } from '../../cypher/rewriteReturn.ts';
import type { Value } from '../types.ts';
import { quoteName } from './schema.ts';
import {
  columnConverter,
  columnKind,
  elementColumnKinds,
  formatId,
  type ColumnKind,
  type PropertyTypes,
  type RawId,
} from './values.ts';

/** The catalog as the rewriting needs it: each label's and each relationship type's property types. */
export interface ElementCatalog {
  labels: readonly string[];
  relationshipTypes: readonly string[];
  propertyTypes: PropertyTypes;
}

type ElementKind = Exclude<ColumnKind, 'scalar'>;

/** Every table of this kind: the labels, or the relationship types. */
const tablesOfKind = (catalog: ElementCatalog, kind: ElementKind) =>
  kind === 'node' ? catalog.labels : catalog.relationshipTypes;

/** One result column in the flat statement: a scalar's column, or an element's columns. */
type FlatColumn =
  | { kind: 'scalar'; at: number }
  | {
      kind: ElementKind;
      isNull: number;
      id: number;
      /** The column of its label, or the label itself when the variable has one table. */
      label: number | string;
      ends?: [number, number];
      properties: [string, number][];
    };

export interface FlatPlan {
  /** The statement that returns the flat columns. */
  cypher: string;
  columns: FlatColumn[];
}

/**
 * Plans the flat statement for a result of these engine column types; undefined when a column holds
 * elements inside a list, a map or a path, when no column is an element, or when the final RETURN
 * cannot be taken apart. `left` names, per column, the properties to leave out: the engine refuses
 * a property that none of the variable's tables has ("Cannot find property text for n").
 */
export function planFlatElements(
  cypher: string,
  engineTypes: readonly string[],
  catalog: ElementCatalog,
  options: {
    /** The tables each column's elements come from (tablesFromProbe), where known; else all of their kind. */
    tables?: readonly (readonly string[] | undefined)[];
    left?: ReadonlyMap<number, ReadonlySet<string>>;
  } = {},
): (FlatPlan & { names: string[] }) | undefined {
  const kinds = elementColumnKinds(engineTypes);
  if (!kinds) return undefined;
  const left = options.left ?? new Map<number, ReadonlySet<string>>();
  const prefix = `${unusedPrefix(cypher)}f`;
  const columns: FlatColumn[] = [];
  let names: string[] = [];
  let at = 0;
  const rewritten = reprojectFinalReturn(cypher, (itemNames) => {
    names = itemNames;
    if (itemNames.length !== kinds.length) return [];
    return itemNames.flatMap((name, i) => {
      const kind = kinds[i]!;
      const item = (expression: string) => `${expression} AS \`${prefix}${at++}\``;
      if (kind === 'scalar') {
        columns.push({ kind, at });
        return [item(name)];
      }
      const tables = options.tables?.[i] ?? tablesOfKind(catalog, kind);
      const keys = [...unionOf(tables, catalog)].filter((key) => !left.get(i)?.has(key));
      // Where a null element was made by an expression (CASE ... ELSE NULL END), id() gives 0:0 and
      // a property "", not null: only IS NULL tells.
      const isNull = at;
      const id = at + 1;
      const out = [item(`${name} IS NULL`), item(`id(${name})`)];
      // A variable of one table needs no label column (label() costs a tenth of the read).
      const label = tables.length === 1 ? tables[0]! : at;
      if (typeof label === 'number') out.push(item(`label(${name})`));
      let ends: [number, number] | undefined;
      if (kind === 'relationship') {
        // struct_extract, not start_node(): in an undirected pattern start_node(r) is where the
        // pattern starts, not the relationship's source.
        ends = [at, at + 1];
        out.push(item(`struct_extract(${name}, '_src')`), item(`struct_extract(${name}, '_dst')`));
      }
      const keyed: [string, number][] = keys.map((key, k) => [key, at + k]);
      out.push(...keys.map((key) => item(`${name}.${quoteName(key)}`)));
      columns.push({ kind, isNull, id, label, ends, properties: keyed });
      return out;
    });
  });
  if (!rewritten || columns.length !== kinds.length) return undefined;
  return { cypher: rewritten, columns, names };
}

/**
 * A statement that answers no rows but names the tables each element column's variable may come
 * from: the engine names an unaliased label(n) by them, "LABEL(n._ID,[Country,,Claim])", or by
 * the one label itself. Undefined where planFlatElements would say no.
 */
export function tableProbe(cypher: string, engineTypes: readonly string[]): string | undefined {
  const kinds = elementColumnKinds(engineTypes);
  if (!kinds) return undefined;
  const probe = reprojectFinalReturn(cypher, (names) =>
    names.length === kinds.length
      ? names.flatMap((name, i) => (kinds[i] === 'scalar' ? [] : [`label(${name})`]))
      : [],
  );
  return probe && !probe.endsWith('RETURN ') ? `${probe} LIMIT 0` : undefined;
}

/**
 * The tables named by the probe's column names, per column of the query (undefined for scalars
 * and for a name that is not understood, whose column then takes every table of its kind).
 */
export function tablesFromProbe(
  probeColumns: readonly string[],
  engineTypes: readonly string[],
  catalog: ElementCatalog,
): (string[] | undefined)[] {
  let next = 0;
  return engineTypes.map((type) => {
    const kind = columnKind(type);
    if (kind !== 'node' && kind !== 'relationship') return undefined;
    const name = probeColumns[next++] ?? '';
    const known = tablesOfKind(catalog, kind);
    if (known.includes(name)) return [name];
    const list = /^LABEL\(.*,\[(.*)\]\)$/s.exec(name)?.[1];
    // A relationship table of several FROM-TO pairs is named once per pair.
    const tables = list && [...new Set(list.split(',').filter((table) => table !== ''))];
    return tables && tables.length > 0 && tables.every((table) => known.includes(table)) ? tables : undefined;
  });
}

/** Every property name of these tables. */
function unionOf(tables: readonly string[], catalog: ElementCatalog): Set<string> {
  const keys = new Set<string>();
  for (const table of tables) for (const key of catalog.propertyTypes(table)?.keys() ?? []) keys.add(key);
  return keys;
}

const MISSING_PROPERTY = /Cannot find property (.+) for (.+)\.\s*$/;

/**
 * The column and property an engine error says are missing ("Cannot find property text for n."),
 * or undefined for any other error.
 */
export function missingProperty(
  error: unknown,
  names: readonly string[],
): { column: number; key: string } | undefined {
  const message = (error instanceof Error ? error.message : String(error)).split('\n')[0]!;
  const match = MISSING_PROPERTY.exec(message);
  if (!match) return undefined;
  const unquoted = names.map((name) => name.replace(/^`(.*)`$/s, '$1').replaceAll('``', '`'));
  const column = unquoted.indexOf(match[2]!);
  return column < 0 ? undefined : { column, key: match[1]! };
}

/**
 * Turns a row of the flat statement back into the row of the query's own columns; undefined when
 * a property the engine gives in one column has another type in some table, which the element's
 * own conversion would have treated differently (a DATE beside a TIMESTAMP of the same name).
 */
export function flatRowReader(
  plan: FlatPlan,
  engineColumns: readonly string[],
  flatTypes: readonly string[],
  catalog: ElementCatalog,
): ((record: Record<string, unknown>) => Value[]) | undefined {
  for (const column of plan.columns) {
    if (column.kind === 'scalar') continue;
    const tables = tablesOfKind(catalog, column.kind);
    for (const [key, at] of column.properties) {
      const declared = tables
        .map((table) => catalog.propertyTypes(table)?.get(key))
        .filter((t) => t !== undefined);
      if (declared.some((type) => type !== flatTypes[at])) return undefined;
    }
  }
  const convert = flatTypes.map((type) => columnConverter(type, catalog.propertyTypes));
  const readers = plan.columns.map((column): ((record: Record<string, unknown>) => Value) => {
    if (column.kind === 'scalar') {
      const key = engineColumns[column.at]!;
      const to = convert[column.at]!;
      return (record) => to(record[key]);
    }
    const isNullKey = engineColumns[column.isNull]!;
    const idKey = engineColumns[column.id]!;
    const labelKey = typeof column.label === 'number' ? engineColumns[column.label]! : undefined;
    const labelOf = (record: Record<string, unknown>) =>
      labelKey === undefined ? (column.label as string) : String(record[labelKey] ?? '');
    const properties = column.properties.map(([key, at]) => [key, engineColumns[at]!, convert[at]!] as const);
    const readProperties = (record: Record<string, unknown>) => {
      const out: Record<string, Value> = {};
      for (const [key, column, to] of properties) {
        const raw = record[column];
        if (raw !== null && raw !== undefined) out[key] = to(raw);
      }
      return out;
    };
    if (column.kind === 'node') {
      return (record) => {
        if (record[isNullKey] !== false) return null;
        const id = record[idKey] as RawId;
        const label = labelOf(record);
        return {
          $type: 'node',
          id: formatId(id),
          labels: label ? [label] : [],
          properties: readProperties(record),
        };
      };
    }
    const [sourceKey, targetKey] = column.ends!.map((at) => engineColumns[at]!) as [string, string];
    return (record) => {
      if (record[isNullKey] !== false) return null;
      const id = record[idKey] as RawId;
      return {
        $type: 'relationship',
        id: formatId(id),
        type: labelOf(record),
        source: formatId(record[sourceKey] as RawId),
        target: formatId(record[targetKey] as RawId),
        properties: readProperties(record),
      };
    };
  });
  return (record) => {
    const row: Value[] = new Array(readers.length);
    for (let i = 0; i < readers.length; i++) row[i] = readers[i]!(record);
    return row;
  };
}
