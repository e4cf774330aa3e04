// npm run import -- nodes.csv relationships.csv [--data-dir dir]
// Bulk-loads two CSV files into the embedded database (stop the server first), with a
// progress bar on a terminal. Nodes: header "uid,label,<properties>"; relationships:
// header "source,target,type,<properties>" where source and target are uids.

import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { auditLocalWrite, stderrLog } from '../audit/localWrites.ts';
import type { LogSink } from '../audit/writeAudit.ts';
import { splitStatements } from '../cypher/scan.ts';
import { bulkImport, type BulkImportReport, type ImportProgress } from '../store/ladybug/bulkImport.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');

export interface ImportCommand {
  nodesFile: string;
  relationshipsFile: string;
  dataDir: string;
}

const USAGE = 'Usage: npm run import -- nodes.csv relationships.csv [--data-dir ./data]';

/** Reads the command line: two files and an optional --data-dir (default DATA_DIR or ./data). */
export function parseImportArgs(argv: string[], env: NodeJS.ProcessEnv = process.env): ImportCommand {
  const files: string[] = [];
  let dataDir = env.DATA_DIR || './data';
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--data-dir' || arg.startsWith('--data-dir=')) {
      const value = arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : argv[++i];
      if (!value) throw new Error(`--data-dir needs a directory. ${USAGE}`);
      dataDir = value;
    } else if (arg.startsWith('--')) throw new Error(`Unknown option ${arg}. ${USAGE}`);
    else files.push(arg);
  }
  if (files.length !== 2) throw new Error(`Give exactly two CSV files, nodes first. ${USAGE}`);
  return { nodesFile: path.resolve(files[0]!), relationshipsFile: path.resolve(files[1]!), dataDir };
}

/**
 * Runs the import into DATA_DIR/lagebild.lbug (the database the server opens). The import (or a
 * failed attempt) is written to `options.log` as one audit line (server/audit/writeAudit.ts).
 */
export async function runImport(
  command: ImportCommand,
  onProgress?: (progress: ImportProgress) => void,
  options: { log?: LogSink } = {},
): Promise<BulkImportReport> {
  const started = performance.now();
  const dbPath = path.resolve(command.dataDir, 'lagebild.lbug');
  const description = `npm run import: ${command.nodesFile} and ${command.relationshipsFile} into ${dbPath}`;
  const audit = (outcome: 'committed' | 'failed', extra: Record<string, unknown>) =>
    auditLocalWrite(options.log ?? (() => undefined), {
      via: 'cli',
      outcome,
      description,
      elapsedMs: performance.now() - started,
      extra,
    });
  try {
    mkdirSync(command.dataDir, { recursive: true });
    const schema = readFileSync(path.join(ROOT, 'cypher', 'schema.ladybug.cypher'), 'utf8');
    const report = await bulkImport({
      dbPath,
      nodesFile: command.nodesFile,
      relationshipsFile: command.relationshipsFile,
      schemaStatements: splitStatements(schema),
      ...(onProgress ? { onProgress } : {}),
    });
    audit('committed', { nodes: report.nodes, edges: report.relationships });
    return report;
  } catch (error) {
    audit('failed', { error: error instanceof Error ? error.message.slice(0, 300) : String(error) });
    throw error;
  }
}

/** Draws one line that is redrawn in place: "copy relationships [#####.....] 52% SUPPORTS". */
function progressBar(stream: NodeJS.WriteStream): (progress: ImportProgress) => void {
  let lastPhase = '';
  let lastDraw = 0;
  return (progress) => {
    const now = performance.now();
    if (progress.phase === lastPhase && now - lastDraw < 100 && progress.done < progress.total) return;
    if (lastPhase && progress.phase !== lastPhase) stream.write('\n');
    lastPhase = progress.phase;
    lastDraw = now;
    const share = progress.total > 0 ? Math.min(1, progress.done / progress.total) : 1;
    const width = 30;
    const filled = Math.round(share * width);
    const bar = `${'#'.repeat(filled)}${'.'.repeat(width - filled)}`;
    const line = `${progress.phase.padEnd(19)} [${bar}] ${String(Math.round(share * 100)).padStart(3)}% ${progress.detail ?? ''}`;
    stream.write(`\r${line.padEnd((stream.columns ?? 80) - 1).slice(0, (stream.columns ?? 80) - 1)}`);
  };
}

/** Without a terminal: one line per phase. */
function phaseLog(): (progress: ImportProgress) => void {
  let lastPhase = '';
  return (progress) => {
    if (progress.phase !== lastPhase) console.error(`${progress.phase} ...`);
    lastPhase = progress.phase;
  };
}

async function main(): Promise<void> {
  const command = parseImportArgs(process.argv.slice(2));
  const report = await runImport(command, process.stderr.isTTY ? progressBar(process.stderr) : phaseLog(), {
    log: (entry) => {
      // The audit line starts on its own line, after the progress bar.
      if (process.stderr.isTTY) process.stderr.write('\n');
      stderrLog(entry);
    },
  });
  const seconds = (ms: number) => (ms / 1000).toFixed(1);
  const perSecond = (count: number, ms: number) => Math.round(count / (ms / 1000)).toLocaleString('en');
  console.log(
    `Imported ${report.nodes.toLocaleString('en')} nodes and ${report.relationships.toLocaleString('en')} relationships into ${path.resolve(command.dataDir, 'lagebild.lbug')} in ${seconds(report.totalMs)} s ` +
      `(${perSecond(report.relationships, report.totalMs)} relationships/s overall; check ${seconds(report.checkMs)} s, ` +
      `copy nodes ${seconds(report.copyNodesMs)} s, copy relationships ${seconds(report.copyRelationshipsMs)} s = ${perSecond(report.relationships, report.copyRelationshipsMs)}/s).`,
  );
  if (report.createdTables.length) console.log(`Created tables: ${report.createdTables.join(', ')}`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === import.meta.filename) {
  main().catch((error: unknown) => {
    console.error(`Import failed: ${error instanceof Error ? error.message : String(error)}`);
    console.error('Nothing was copied unless a "copy" phase had started; see the message above.');
    process.exit(1);
  });
}
