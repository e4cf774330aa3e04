// Property type names in two dialects: the engine's (STRING, INT64, STRING[]) that GraphSchema
// uses, and Neo4j's (String, Long, StringArray) that db.schema.*TypeProperties() report.

const ENGINE_TO_NEO4J: Record<string, string> = {
  STRING: 'String',
  INT64: 'Long',
  INT32: 'Long',
  INT16: 'Long',
  INT8: 'Long',
  INT128: 'Long',
  SERIAL: 'Long',
  UINT64: 'Long',
  UINT32: 'Long',
  UINT16: 'Long',
  UINT8: 'Long',
  DOUBLE: 'Double',
  FLOAT: 'Double',
  BOOL: 'Boolean',
  DATE: 'Date',
  TIMESTAMP: 'DateTime',
  INTERVAL: 'Duration',
};

const NEO4J_TO_ENGINE: Record<string, string> = {
  String: 'STRING',
  Long: 'INT64',
  Integer: 'INT64',
  Double: 'DOUBLE',
  Float: 'DOUBLE',
  Boolean: 'BOOL',
  Date: 'DATE',
  DateTime: 'TIMESTAMP',
  LocalDateTime: 'TIMESTAMP',
  Duration: 'INTERVAL',
};

/** STRING -> String, INT64[] -> LongArray; unknown names pass through. */
export function engineTypeToNeo4j(type: string): string {
  if (type.endsWith('[]')) {
    const inner = ENGINE_TO_NEO4J[type.slice(0, -2)];
    return inner ? `${inner}Array` : type;
  }
  return ENGINE_TO_NEO4J[type] ?? type;
}

/** String -> STRING, LongArray -> INT64[]; unknown names pass through. */
export function neo4jTypeToEngine(type: string): string {
  if (type.endsWith('Array')) {
    const inner = NEO4J_TO_ENGINE[type.slice(0, -'Array'.length)];
    return inner ? `${inner}[]` : type;
  }
  return NEO4J_TO_ENGINE[type] ?? type;
}
