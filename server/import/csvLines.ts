// Reads a CSV file as raw byte lines and fields, fast enough for millions of rows: lines
// are found with indexOf, quotes are only looked at where a line has any. Fields stay
// bytes (Buffer slices), so they can be copied to per-table files without decoding.

import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';

const NEWLINE = 10;
const QUOTE = 34;
const COMMA = 44;
const CR = 13;

/** One line of a CSV file: `buffer[start, end)` without the line break. */
export interface CsvLine {
  buffer: Buffer;
  start: number;
  end: number;
  /** 1-based line number in the file, for error messages. */
  lineNumber: number;
}

/** Calls `onLine` for every line (quoted line breaks stay inside their line); reports bytes read. */
export async function forEachCsvLine(
  file: string,
  onLine: (line: CsvLine) => void,
  onProgress?: (bytesRead: number, totalBytes: number) => void,
): Promise<void> {
  const totalBytes = (await stat(file)).size;
  let carry: Buffer | undefined;
  let bytesRead = 0;
  let lineNumber = 0;
  for await (const chunk of createReadStream(file, { highWaterMark: 4 << 20 }) as AsyncIterable<Buffer>) {
    bytesRead += chunk.length;
    const buffer = carry ? Buffer.concat([carry, chunk]) : chunk;
    let start = 0;
    let searchFrom = 0;
    let quotes = 0;
    for (;;) {
      const newline = buffer.indexOf(NEWLINE, searchFrom);
      if (newline < 0) break;
      quotes += countQuotes(buffer, searchFrom, newline);
      searchFrom = newline + 1;
      if (quotes % 2 === 1) continue; // the line break is inside a quoted field
      lineNumber++;
      const end = newline > start && buffer[newline - 1] === CR ? newline - 1 : newline;
      onLine({ buffer, start, end, lineNumber });
      start = newline + 1;
      quotes = 0;
    }
    carry = start < buffer.length ? buffer.subarray(start) : undefined;
    onProgress?.(bytesRead, totalBytes);
  }
  if (carry && carry.length > 0) {
    lineNumber++;
    const end = carry[carry.length - 1] === CR ? carry.length - 1 : carry.length;
    onLine({ buffer: carry, start: 0, end, lineNumber });
  }
}

function countQuotes(buffer: Buffer, from: number, to: number): number {
  let count = 0;
  for (let i = buffer.indexOf(QUOTE, from); i >= 0 && i < to; i = buffer.indexOf(QUOTE, i + 1)) count++;
  return count;
}

/**
 * Field boundaries of a line: [start0, end0, start1, end1, ...], quotes included in the slice.
 * Stops after `maxFields` fields; the last one then runs to the end of the line.
 */
export function splitFields(line: CsvLine, maxFields = Infinity): number[] {
  const { buffer, end } = line;
  const bounds: number[] = [];
  let i = line.start;
  while (bounds.length / 2 < maxFields - 1) {
    const fieldStart = i;
    if (buffer[i] === QUOTE) {
      // Quoted field: a doubled quote is an escaped quote; the field ends at a lone quote.
      i++;
      while (i < end) {
        if (buffer[i] === QUOTE) {
          if (buffer[i + 1] === QUOTE) i += 2;
          else break;
        } else i++;
      }
      i++;
    }
    const comma = buffer.indexOf(COMMA, i);
    if (comma < 0 || comma >= end) {
      bounds.push(fieldStart, end);
      return bounds;
    }
    bounds.push(fieldStart, comma);
    i = comma + 1;
  }
  bounds.push(i, end);
  return bounds;
}

/** The text of an unquoted field, or of a quoted one with its quotes removed. */
export function fieldText(buffer: Buffer, start: number, end: number): string {
  if (buffer[start] === QUOTE && end - start >= 2 && buffer[end - 1] === QUOTE)
    return buffer.toString('utf8', start + 1, end - 1).replaceAll('""', '"');
  return buffer.toString('utf8', start, end);
}
