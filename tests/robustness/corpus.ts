// The bad-request corpus: every request here is wrong in one way, and each says the answer it must
// get. Data only; tests/robustness/corpus.test.ts sends them to a real Lagebild and checks each.

/** One bad request and the error it must get. */
export interface BadRequest {
  name: string;
  method: string;
  /** Sent byte for byte (already percent-encoded where needed). */
  path: string;
  headers?: Record<string, string>;
  /** A string is sent as UTF-8; a Buffer as it is (for bytes that are not UTF-8); a function builds a large body lazily. */
  body?: string | Buffer | (() => string | Buffer);
  expect: {
    status: number;
    code: string;
    /** Text the error message must contain (case-insensitive), so that it says what is wrong. */
    message: string;
  };
}

/** A request that tries to inject Cypher through a value; it must be treated as a plain value. */
export interface InjectionAttempt {
  name: string;
  path: string;
  /** What the answer must look like: a search with no hits, or an error (a 4xx). */
  expect: { status: 200; hits: 0 } | { status: number; code: string; message: string };
}

const JSON_TYPE = { 'content-type': 'application/json' };

/** POST /api/query with a raw body and a JSON content type. */
const query = (name: string, body: BadRequest['body'], expect: BadRequest['expect']): BadRequest => ({
  name,
  method: 'POST',
  path: '/api/query',
  headers: JSON_TYPE,
  body,
  expect,
});

/** POST /api/query with a JSON value as body. */
const queryJson = (name: string, value: unknown, expect: BadRequest['expect']): BadRequest =>
  query(name, JSON.stringify(value), expect);

const get = (name: string, path: string, expect: BadRequest['expect']): BadRequest => ({
  name,
  method: 'GET',
  path,
  expect,
});

const invalid = (message: string) => ({ status: 400, code: 'InvalidRequest', message });
const badQuery = (message: string) => ({ status: 400, code: 'InvalidQuery', message });
const forbidden = (message: string) => ({ status: 403, code: 'Forbidden', message });
const notFound = (message: string) => ({ status: 404, code: 'NotFound', message });

/** `depth` maps nested in one another: {"a":{"a":...}}. Built as text, since JSON.stringify would recurse. */
function nestedParams(depth: number): string {
  return `{"cypher":"RETURN $p AS p","params":{"p":${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}}}`;
}

/** The same node id that exists in the article graph is never needed: ids below are wrong on purpose. */
export const BAD_REQUESTS: BadRequest[] = [
  // --- malformed and truncated JSON -------------------------------------------------------------
  query('a body cut off after the opening brace', '{', invalid('Malformed JSON')),
  query('a body cut off before the closing brace', '{"cypher": "RETURN 1"', invalid('Malformed JSON')),
  query('a body cut off inside a string', '{"cypher": "RETURN 1', invalid('Malformed JSON')),
  query('a trailing comma', '{"cypher": "RETURN 1",}', invalid('Malformed JSON')),
  query('single-quoted JSON', "{'cypher': 'RETURN 1'}", invalid('Malformed JSON')),
  query('garbage after the JSON value', '{"cypher": "RETURN 1"} trailing', invalid('Malformed JSON')),
  query(
    'a number with a leading zero',
    '{"cypher": "RETURN $a", "params": {"a": 01}}',
    invalid('Malformed JSON'),
  ),
  query('a broken escape in a string', '{"cypher": "RETURN \\u00zz"}', invalid('Malformed JSON')),
  query('NaN is not JSON', 'NaN', invalid('Malformed JSON')),
  query('an empty body', '', invalid('cypher is required')),
  query('only whitespace', '   \n  ', invalid('Malformed JSON')),
  {
    name: 'JSON sent as text/plain',
    method: 'POST',
    path: '/api/query',
    headers: { 'content-type': 'text/plain' },
    body: '{"cypher": "RETURN 1"}',
    expect: invalid('Content-Type: application/json'),
  },
  {
    name: 'no body and no content type',
    method: 'POST',
    path: '/api/query',
    expect: invalid('needs a JSON body'),
  },
  {
    name: 'JSON in a charset other than UTF-8',
    method: 'POST',
    path: '/api/query',
    headers: { 'content-type': 'application/json; charset=utf-16' },
    body: Buffer.from('{"cypher": "RETURN 1"}', 'utf16le'),
    expect: invalid('UTF-8'),
  },
  {
    name: 'a gzip content encoding with bytes that are not gzip',
    method: 'POST',
    path: '/api/query',
    headers: { 'content-type': 'application/json', 'content-encoding': 'gzip' },
    body: '{"cypher": "RETURN 1"}',
    expect: { status: 400, code: 'InvalidRequest', message: '' },
  },
  {
    name: 'a content encoding the server does not know',
    method: 'POST',
    path: '/api/query',
    headers: { 'content-type': 'application/json', 'content-encoding': 'lzma' },
    body: '{"cypher": "RETURN 1"}',
    expect: invalid('encoding'),
  },

  // --- invalid UTF-8 and NUL bytes ----------------------------------------------------------------
  query(
    'a body with a byte that is never UTF-8 (0xFF)',
    Buffer.concat([Buffer.from('{"cypher": "RETURN \''), Buffer.from([0xff]), Buffer.from('\'"}')]),
    invalid('not valid UTF-8'),
  ),
  query(
    'a body with an overlong UTF-8 encoding of "/"',
    Buffer.concat([Buffer.from('{"cypher": "RETURN \''), Buffer.from([0xc0, 0xaf]), Buffer.from('\'"}')]),
    invalid('not valid UTF-8'),
  ),
  query(
    'a body with a UTF-8 sequence cut in the middle',
    Buffer.concat([Buffer.from('{"cypher": "RETURN \''), Buffer.from([0xe2, 0x82]), Buffer.from('\'"}')]),
    invalid('not valid UTF-8'),
  ),
  query(
    'a body with an encoded UTF-16 surrogate (CESU-8)',
    Buffer.concat([
      Buffer.from('{"cypher": "RETURN \''),
      Buffer.from([0xed, 0xa0, 0x80]),
      Buffer.from('\'"}'),
    ]),
    invalid('not valid UTF-8'),
  ),
  queryJson(
    'a NUL character in the Cypher text',
    { cypher: 'RETURN 1\u0000; MATCH (n) DETACH DELETE n' },
    invalid('NUL'),
  ),
  get('a search with a NUL character', '/api/search?q=ir%00an', invalid('NUL')),
  get('a search with a byte that is not UTF-8', '/api/search?q=%FF', invalid('not valid UTF-8')),
  get('a search with a cut percent-encoding', '/api/search?q=%E2%82', invalid('not valid UTF-8')),
  get('a node id with a byte that is not UTF-8', '/api/nodes/%FF/neighbors', invalid('not valid UTF-8')),
  get('a node id with a NUL character', '/api/nodes/0%003/neighbors', notFound('is not a node id')),

  // --- statements the embedded engine would build in memory without end --------------------------
  queryJson(
    'a range of 10^8 values (the engine builds it whole and cannot be interrupted)',
    { cypher: 'UNWIND range(1, 100000000) AS x RETURN count(x)' },
    badQuery('at most 100,000'),
  ),
  queryJson(
    'a range written as a power of ten',
    { cypher: 'RETURN size(range(0, 10^9)) AS n' },
    badQuery('would build a list of 1,000,000,001 values'),
  ),
  queryJson(
    'a range whose bound is a parameter',
    { cypher: 'UNWIND range(1, $n) AS x RETURN count(x)', params: { n: 50_000_000 } },
    badQuery('range(1, $n)'),
  ),
  queryJson(
    'a string of 10^10 characters from repeat()',
    { cypher: "RETURN size(repeat('x', 10^10)) AS n" },
    badQuery('would build a string of 10,000,000,000 characters'),
  ),
  queryJson(
    'a padded string whose length is a parameter',
    { cypher: "RETURN lpad('x', $length, 'y') AS s", params: { length: 5_000_000_000 } },
    badQuery('at most 10,000,000'),
  ),
  queryJson(
    'a huge range with a step, in lower case inside a list comprehension',
    { cypher: 'RETURN [x IN RANGE(1, 2*10^8, 2) | x][0] AS first' },
    badQuery('100,000,000 values'),
  ),
  // --- wrong types ----------------------------------------------------------------------------------
  queryJson('a JSON array instead of an object', [], invalid('expected object')),
  queryJson('a bare JSON string', 'RETURN 1', invalid('expected object')),
  queryJson('JSON null', null, invalid('expected object')),
  queryJson('a bare JSON number', 42, invalid('expected object')),
  queryJson('cypher as a number', { cypher: 1 }, invalid('cypher')),
  queryJson('cypher as a list of statements', { cypher: ['RETURN 1'] }, invalid('cypher')),
  queryJson('cypher as an object', { cypher: { text: 'RETURN 1' } }, invalid('cypher')),
  queryJson('cypher as null', { cypher: null }, invalid('cypher')),
  queryJson('cypher as a boolean', { cypher: true }, invalid('cypher')),
  queryJson('params as a list', { cypher: 'RETURN $0', params: [1] }, invalid('params')),
  queryJson('params as a string', { cypher: 'RETURN $a', params: 'a=1' }, invalid('params')),
  queryJson('params as null', { cypher: 'RETURN 1', params: null }, invalid('params')),
  queryJson(
    'cypher as a list of statements says it must be one string',
    { cypher: ['RETURN 1'] },
    invalid('one Cypher statement'),
  ),
  query(
    'a number too large for a database (JSON reads 1e400 as Infinity)',
    '{"cypher": "RETURN $x", "params": {"x": [1, 1e400]}}',
    invalid('x.1'),
  ),

  // --- missing and unknown fields -----------------------------------------------------------------
  queryJson('an empty object', {}, invalid('cypher is required')),
  queryJson('params without cypher', { params: { a: 1 } }, invalid('cypher is required')),
  queryJson('a Neo4j HTTP-style "statement" field', { statement: 'RETURN 1' }, invalid('unknown field')),
  queryJson('an unknown field next to cypher', { cypher: 'RETURN 1', timeout: 5 }, invalid('unknown field')),
  queryJson('an empty cypher string', { cypher: '' }, invalid('must not be empty')),
  queryJson('whitespace only as cypher', { cypher: ' \n\t ' }, invalid('must not be empty')),
  queryJson(
    'cypher longer than 100,000 characters',
    { cypher: `RETURN '${'x'.repeat(100_001)}'` },
    invalid('100,000'),
  ),

  // --- size and depth ---------------------------------------------------------------------------------
  query(
    'a 20 MB body',
    () => JSON.stringify({ cypher: 'RETURN $big', params: { big: 'x'.repeat(20 * 1024 * 1024) } }),
    { status: 413, code: 'PayloadTooLarge', message: 'larger than the limit' },
  ),
  query('params nested 10,000 levels deep', () => nestedParams(10_000), invalid('levels deep')),
  query('params nested 33 levels deep (one past the limit)', () => nestedParams(33), invalid('levels deep')),
  query(
    'a list nested 10,000 levels deep',
    () => `{"cypher":"RETURN $p","params":{"p":${'['.repeat(10_000)}${']'.repeat(10_000)}}}`,
    invalid('levels deep'),
  ),

  // --- Cypher the engine refuses: nothing may change ---------------------------------------------
  queryJson('a comment only', { cypher: '// nothing here' }, badQuery('')),
  queryJson('a syntax error', { cypher: 'MATCH (n RETURN n' }, badQuery('Parser exception')),
  queryJson(
    'a label that does not exist',
    { cypher: 'MATCH (n:NoSuchLabel) RETURN n' },
    badQuery('NoSuchLabel'),
  ),
  queryJson(
    'creating a node of an undeclared label',
    { cypher: 'CREATE (n:NoSuchLabel {x: 1})' },
    badQuery('NoSuchLabel'),
  ),
  queryJson(
    'setting a property the table does not have',
    { cypher: 'MATCH (n:Country) SET n.no_such_property = 1' },
    badQuery('no_such_property'),
  ),
  queryJson(
    'a duplicate primary key',
    { cypher: "CREATE (n:Country {uid: 'iran', name: 'Duplicate'})" },
    badQuery('duplicate'),
  ),
  queryJson(
    'a second statement smuggled after a semicolon',
    { cypher: 'MATCH (n:Country) RETURN n.uid; MATCH (n) DETACH DELETE n' },
    badQuery('one statement per request'),
  ),
  queryJson(
    'a parameter that was not given',
    { cypher: 'MATCH (n:Country {uid: $uid}) RETURN n' },
    badQuery('uid'),
  ),
  queryJson(
    'a parameter of the wrong type for its property',
    { cypher: 'MATCH (n:Country) WHERE n.uid = $u RETURN n', params: { u: { nested: 1 } } },
    badQuery(''),
  ),
  queryJson(
    'BEGIN TRANSACTION through the query endpoint',
    { cypher: 'BEGIN TRANSACTION' },
    badQuery('own transaction'),
  ),
  queryJson('COMMIT through the query endpoint', { cypher: 'COMMIT' }, badQuery('own transaction')),
  queryJson('ROLLBACK through the query endpoint', { cypher: 'ROLLBACK' }, badQuery('own transaction')),
  queryJson('CHECKPOINT through the query endpoint', { cypher: 'CHECKPOINT' }, badQuery('own transaction')),

  // --- statements that reach outside the graph ---------------------------------------------------
  queryJson(
    'reading a server file with LOAD FROM',
    { cypher: "LOAD FROM '/etc/passwd' (file_format='csv', header=false, delim=':') RETURN *" },
    forbidden('read or write files'),
  ),
  queryJson(
    'LOAD FROM hidden after another clause',
    { cypher: "UNWIND [1] AS x LOAD FROM '/etc/passwd' (file_format='csv', header=false) RETURN *" },
    forbidden('read or write files'),
  ),
  queryJson(
    'writing a server file with COPY TO',
    { cypher: "COPY (MATCH (n:Country) RETURN n.uid) TO '/tmp/lagebild-corpus-leak.csv'" },
    forbidden('read or write files'),
  ),
  queryJson(
    'loading rows into a table with COPY FROM',
    { cypher: "COPY Country FROM '/etc/hosts'" },
    forbidden('read or write files'),
  ),
  queryJson(
    'EXPORT DATABASE to a server path',
    { cypher: "EXPORT DATABASE '/tmp/lagebild-corpus-export'" },
    forbidden('read or write files'),
  ),
  queryJson(
    'IMPORT DATABASE from a server path',
    { cypher: "IMPORT DATABASE '/tmp/lagebild-corpus-export'" },
    forbidden('read or write files'),
  ),
  queryJson('INSTALL an extension', { cypher: 'INSTALL httpfs' }, forbidden('extensions')),
  queryJson('LOAD EXTENSION', { cypher: 'LOAD EXTENSION httpfs' }, forbidden('extensions')),
  queryJson(
    'ATTACH another database',
    { cypher: "ATTACH '/tmp/other.lbug' AS other (dbtype lbug)" },
    forbidden('attach'),
  ),
  queryJson('changing an engine setting', { cypher: 'CALL timeout=1' }, forbidden('settings')),
  queryJson(
    'a file statement behind PROFILE',
    { cypher: "PROFILE COPY Country FROM '/etc/hosts'" },
    forbidden('read or write files'),
  ),

  // --- search parameters --------------------------------------------------------------------------
  get('a search without q', '/api/search', invalid('q is required')),
  get('a search with an empty q', '/api/search?q=', invalid('must not be empty')),
  get('a search with only spaces', '/api/search?q=%20%20%20', invalid('must not be empty')),
  get('a search longer than 200 characters', `/api/search?q=${'a'.repeat(201)}`, invalid('200')),
  get('a search limit of zero', '/api/search?q=iran&limit=0', invalid('limit')),
  get('a search limit above 100', '/api/search?q=iran&limit=101', invalid('limit')),
  get('a search limit that is not a number', '/api/search?q=iran&limit=ten', invalid('limit')),
  get('a search limit with a fraction', '/api/search?q=iran&limit=1.5', invalid('limit')),
  get('a search with an unknown parameter', '/api/search?q=iran&label=Country', invalid('unknown field')),
  get('a search with q given twice', '/api/search?q=iran&q=russland', invalid('q')),
  get('a URL longer than the 16 KB Node accepts', `/api/search?q=${'a'.repeat(20_000)}`, {
    status: 431,
    code: 'InvalidRequest',
    message: 'POST body',
  }),

  // --- node ids and neighbour parameters -------------------------------------------------------------
  get('neighbours of a word instead of an id', '/api/nodes/iran/neighbors', notFound('is not a node id')),
  get('neighbours of an id with three parts', '/api/nodes/0:1:2/neighbors', notFound('is not a node id')),
  get('neighbours of a negative id', '/api/nodes/-1:0/neighbors', notFound('is not a node id')),
  get(
    'neighbours of an id that does not exist',
    '/api/nodes/0:99999999/neighbors',
    notFound('No node has the id'),
  ),
  get(
    'neighbours of an id in a table that does not exist',
    '/api/nodes/999:0/neighbors',
    notFound('No node has the id'),
  ),
  get(
    'neighbours of the largest id the format allows',
    '/api/nodes/999999999:999999999999999/neighbors',
    notFound('No node has the id'),
  ),
  get(
    'neighbours of an id longer than 200 characters',
    `/api/nodes/${'1'.repeat(201)}/neighbors`,
    invalid('node id'),
  ),
  get(
    'Cypher injected through the node id',
    `/api/nodes/${encodeURIComponent('0:1) DETACH DELETE n //')}/neighbors`,
    notFound('is not a node id'),
  ),
  get('a node that does not exist', '/api/nodes/0:99999999', notFound('No node has the id')),
  get('a node id that is not an id', '/api/nodes/not-an-id', notFound('No node has the id')),
  get('a neighbour limit of zero', '/api/nodes/0:0/neighbors?limit=0', invalid('limit')),
  get('a neighbour limit above 10,000', '/api/nodes/0:0/neighbors?limit=10001', invalid('limit')),
  get('a negative neighbour offset', '/api/nodes/0:0/neighbors?offset=-1', invalid('offset')),
  get('a neighbour offset that is not a number', '/api/nodes/0:0/neighbors?offset=abc', invalid('offset')),
  get('a neighbour limit given twice', '/api/nodes/0:0/neighbors?limit=1&limit=2', invalid('limit')),
  get('an unknown neighbour parameter', '/api/nodes/0:0/neighbors?depth=3', invalid('unknown field')),
  get(
    'a relationship type with a backtick',
    `/api/nodes/0:0/neighbors?types=${encodeURIComponent('SUPPLIES`]-() DETACH DELETE n //')}`,
    invalid('backticks'),
  ),
  get(
    'a relationship type that does not exist',
    '/api/nodes/0:0/neighbors?types=NO_SUCH_TYPE',
    invalid('NO_SUCH_TYPE'),
  ),
  get(
    'Cypher injected through the relationship types',
    `/api/nodes/0:0/neighbors?types=${encodeURIComponent("SUPPLIES') OR true WITH n MATCH (m) DETACH DELETE m //")}`,
    invalid('does not have'),
  ),

  // --- unknown endpoints and methods ----------------------------------------------------------------
  get('an endpoint that does not exist', '/api/nope', notFound('No API endpoint GET /api/nope')),
  get('GET on the query endpoint', '/api/query', notFound('No API endpoint GET /api/query')),
  {
    name: 'PUT on the query endpoint',
    method: 'PUT',
    path: '/api/query',
    headers: JSON_TYPE,
    body: '{"cypher":"RETURN 1"}',
    expect: notFound('No API endpoint PUT'),
  },
  {
    name: 'DELETE on a node',
    method: 'DELETE',
    path: '/api/nodes/0:0',
    expect: notFound('No API endpoint DELETE'),
  },
  {
    name: 'PATCH on the schema',
    method: 'PATCH',
    path: '/api/schema',
    headers: JSON_TYPE,
    body: '{}',
    expect: notFound('No API endpoint PATCH'),
  },
  {
    name: 'POST on search',
    method: 'POST',
    path: '/api/search',
    headers: JSON_TYPE,
    body: '{"q":"iran"}',
    expect: notFound('No API endpoint POST'),
  },
  get(
    'a path that climbs out of /api with encoded dots',
    '/api/%2e%2e/%2e%2e/etc/passwd',
    notFound('No API endpoint'),
  ),

  // --- cross-site requests ----------------------------------------------------------------------------
  {
    name: 'a query posted from a foreign web page',
    method: 'POST',
    path: '/api/query',
    headers: { ...JSON_TYPE, origin: 'https://evil.example' },
    body: '{"cypher":"MATCH (n) DETACH DELETE n"}',
    expect: forbidden('cross-origin access is off'),
  },
  {
    name: 'a CORS preflight from a foreign web page',
    method: 'OPTIONS',
    path: '/api/query',
    headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' },
    expect: forbidden('cross-origin access is off'),
  },
  {
    name: 'a form post from a foreign web page (text/plain, no preflight)',
    method: 'POST',
    path: '/api/query',
    headers: { 'content-type': 'text/plain', origin: 'null' },
    body: '{"cypher":"MATCH (n) DETACH DELETE n"}',
    expect: forbidden('cross-origin access is off'),
  },
  {
    name: 'a request whose Host names another site (DNS rebinding)',
    method: 'POST',
    path: '/api/query',
    headers: { ...JSON_TYPE, host: 'evil.example:3500' },
    body: '{"cypher":"MATCH (n) DETACH DELETE n"}',
    expect: forbidden('only answers to localhost'),
  },

  // ---- export and import ---------------------------------------------------------------
  {
    name: 'an export format that does not exist',
    method: 'POST',
    path: '/api/export',
    headers: JSON_TYPE,
    body: '{"format":"docx","scope":{"kind":"query","cypher":"MATCH (n) RETURN n"}}',
    expect: invalid('must be one of lagebild-json'),
  },
  {
    name: 'an export that asks for its own file name with ../',
    method: 'POST',
    path: '/api/export',
    headers: JSON_TYPE,
    body: '{"format":"graphml","filename":"../../etc/x","scope":{"kind":"query","cypher":"MATCH (n) RETURN n"}}',
    expect: invalid('unknown field(s) "filename"'),
  },
  {
    name: 'an export of a query that writes',
    method: 'POST',
    path: '/api/export',
    headers: JSON_TYPE,
    body: '{"format":"graphml","scope":{"kind":"query","cypher":"MATCH (n) DETACH DELETE n"}}',
    expect: { status: 403, code: 'ReadOnly', message: 'only read' },
  },
  {
    name: 'a truncated GraphML import',
    method: 'POST',
    path: '/api/import',
    body: '<?xml version="1.0"?><graphml xmlns="http://graphml.graphdrawing.org/xmlns"><graph edgedefault="directed"><node id="a"><data key',
    expect: invalid('unclosed tag'),
  },
  {
    name: 'a PNG sent as a GraphML import',
    method: 'POST',
    path: '/api/import?format=graphml',
    body: Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64, 7)]),
    expect: invalid('Invalid GraphML'),
  },
  {
    name: 'an import that asks for a file name with ../',
    method: 'POST',
    path: '/api/import?filename=../../x',
    body: '{}',
    expect: invalid('unknown field(s) "filename"'),
  },
  {
    name: 'an import file over the 50 MB limit',
    method: 'POST',
    path: '/api/import',
    body: () => 'a'.repeat(55_000_000),
    expect: { status: 413, code: 'PayloadTooLarge', message: 'larger than 50mb' },
  },
  {
    name: 'an import script that does more than declare tables and MERGE',
    method: 'POST',
    path: '/api/import?format=cypher',
    body: 'MATCH (n) DETACH DELETE n;',
    expect: invalid('DETACH is not allowed in an import'),
  },
];

/** Injection attempts through values: they must reach the engine as parameters and match nothing. */
export const INJECTION_ATTEMPTS: InjectionAttempt[] = [
  ['a quote and DETACH DELETE', "') DETACH DELETE n //"],
  ['a double quote and OR true', '" OR true RETURN n //'],
  ['a backtick and a MATCH', '` MATCH (m) DETACH DELETE m //'],
  ['a closing brace and a CREATE', "'}) CREATE (x:Country {uid: 'injected', name: 'x'}) //"],
  ['a parameter name', '$q'],
  ['a map literal', "{uid: 'iran'}"],
  ['a comment opener', '/* iran */'],
  ['a semicolon and a second statement', "iran'; MATCH (n) DETACH DELETE n; //"],
  ['a UNION', "' UNION MATCH (n) RETURN n //"],
].map(([name, text]) => ({
  name: `search: ${name}`,
  path: `/api/search?q=${encodeURIComponent(text!)}`,
  expect: { status: 200, hits: 0 } as const,
}));

// Covered outside this corpus, because they need a socket or a second process:
// a client that disconnects mid-export (tests/integration/export*.test.ts), Bolt without the
// password, a truncated Bolt chunk and garbage bytes (tests/integration/boltWire.test.ts), and a
// Neo4j that goes away under a running server (tests/integration/neo4jStartup.test.ts).
