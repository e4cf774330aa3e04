// The Bolt handshake: the magic preamble, four version proposals, our answer. Clients that
// propose the manifest handshake (0x000001FF, neo4j-driver 5.26+/6) get our list of versions
// and then tell us which one they chose.

/** The first four bytes every Bolt client sends. */
export const MAGIC = 0x6060b017;
/** Preamble and four proposals. */
export const HANDSHAKE_BYTES = 20;

/** The Bolt versions this server speaks: 5.0 up to 5.8. */
export const SUPPORTED_MAJOR = 5;
export const MIN_MINOR = 0;
export const MAX_MINOR = 8;

export interface BoltVersion {
  major: number;
  minor: number;
}

export type HandshakeAnswer =
  /** A version was agreed at once; `reply` names it. */
  | { kind: 'agreed'; version: BoltVersion; reply: Buffer }
  /** The client asked for the manifest: send `reply`, then read its choice with readManifestChoice. */
  | { kind: 'manifest'; reply: Buffer }
  /** Nothing in common, or not Bolt at all: send `reply` (if any) and close. */
  | { kind: 'refused'; reply?: Buffer; reason: string };

/** Answers the 20 bytes of a client's handshake. */
export function answerHandshake(bytes: Buffer): HandshakeAnswer {
  if (bytes.length < HANDSHAKE_BYTES || bytes.readUInt32BE(0) !== MAGIC)
    return { kind: 'refused', reason: 'the client did not start with the Bolt preamble' };
  let best: BoltVersion | undefined;
  // Proposals come in the client's order of preference: the first that overlaps ours wins.
  for (let i = 0; i < 4 && !best; i++) {
    const proposal = bytes.subarray(4 + i * 4, 8 + i * 4);
    const range = proposal[1]!;
    const minor = proposal[2]!;
    const major = proposal[3]!;
    if (major === 0xff && minor === 1) return { kind: 'manifest', reply: manifestReply() };
    if (major !== SUPPORTED_MAJOR) continue;
    const high = Math.min(minor, MAX_MINOR);
    if (high >= Math.max(minor - range, MIN_MINOR)) best = { major, minor: high };
  }
  if (!best)
    return {
      kind: 'refused',
      reply: Buffer.alloc(4),
      reason: `the client offers no Bolt version between ${SUPPORTED_MAJOR}.${MIN_MINOR} and ${SUPPORTED_MAJOR}.${MAX_MINOR}`,
    };
  return { kind: 'agreed', version: best, reply: versionBytes(best) };
}

function versionBytes(version: BoltVersion, range = 0): Buffer {
  return Buffer.from([0, range, version.minor, version.major]);
}

/** Manifest v1: its marker, how many version ranges, the ranges, then our capabilities (none). */
function manifestReply(): Buffer {
  return Buffer.concat([
    Buffer.from([0, 0, 1, 0xff]),
    varint(1),
    versionBytes({ major: SUPPORTED_MAJOR, minor: MAX_MINOR }, MAX_MINOR - MIN_MINOR),
    varint(0),
  ]);
}

/** LEB128: seven bits per byte, low bits first, the high bit says more follow. */
export function varint(value: number): Buffer {
  const bytes: number[] = [];
  let rest = value;
  do {
    let byte = rest & 0x7f;
    rest = Math.floor(rest / 128);
    if (rest > 0) byte |= 0x80;
    bytes.push(byte);
  } while (rest > 0);
  return Buffer.from(bytes);
}

export type ManifestChoice =
  | { kind: 'incomplete' }
  | { kind: 'chosen'; version: BoltVersion; consumed: number }
  | { kind: 'refused'; reason: string };

/** Reads the client's answer to the manifest: the chosen version and its capabilities varint. */
export function readManifestChoice(bytes: Buffer): ManifestChoice {
  if (bytes.length < 5) return { kind: 'incomplete' };
  let end = 4;
  while (end < bytes.length && bytes[end]! & 0x80) end++;
  if (end >= bytes.length) return end - 4 > 8 ? refuse('capabilities too long') : { kind: 'incomplete' };
  const version = { major: bytes[3]!, minor: bytes[2]! };
  if (version.major === 0 && version.minor === 0)
    return refuse('the client found no version it shares with us');
  if (version.major !== SUPPORTED_MAJOR || version.minor < MIN_MINOR || version.minor > MAX_MINOR)
    return refuse(`the client chose Bolt ${version.major}.${version.minor}, which we did not offer`);
  return { kind: 'chosen', version, consumed: end + 1 };
}

const refuse = (reason: string): ManifestChoice => ({ kind: 'refused', reason });
