// The embedded engine builds a range(a, b) list whole while it prepares a statement, on the thread
// that serves every request and outside its buffer pool: range(1, 10^8) grew the server past 14 GB
// within a minute and cannot be interrupted (neither the engine's timeout nor ours reaches it).
// repeat(s, n), lpad and rpad build strings the same way (repeat('x', 10^9): 3.3 GB and 16 s past
// a 3 s timeout). So such a call whose size is known from the text (literals, simple arithmetic,
// parameters) is refused above a limit before the engine sees it; a size the text cannot tell is
// left alone.

import { LagebildError } from '../../errors.ts';
import type { Value } from '../types.ts';
import { blankLiterals } from './statementPolicy.ts';

/** Most values one range() may produce: range(1, 10^6) alone took 4 s and about 700 MB here. */
export const MAX_RANGE_VALUES = 100_000;

/** Most characters one repeat(), lpad() or rpad() may produce. */
export const MAX_STRING_LENGTH = 10_000_000;

/** A call of one of the functions above, with its argument text (one level of parentheses inside). */
const SIZED_CALL = /(?<![\w.$`])(range|repeat|lpad|rpad)\s*\(([^()]*(?:\([^()]*\)[^()]*)*)\)/gi;

/** The number an argument stands for: an integer, a parameter, or + - * / ^ and parentheses over them. */
function evaluate(expression: string, params: Record<string, Value>): number | undefined {
  const tokens = expression.match(/\$\w+|\d+(?:\.\d+)?(?:[eE][+-]?\d+)?|[-+*/^()]|\S/g) ?? [];
  let position = 0;
  const peek = () => tokens[position];
  const primary = (): number | undefined => {
    const token = tokens[position++];
    if (token === undefined) return undefined;
    if (token === '(') {
      const value = sum();
      return tokens[position++] === ')' ? value : undefined;
    }
    if (token === '-') {
      const value = power();
      return value === undefined ? undefined : -value;
    }
    if (token.startsWith('$')) {
      const value = params[token.slice(1)];
      return typeof value === 'number' || typeof value === 'bigint' ? Number(value) : undefined;
    }
    return /^\d/.test(token) ? Number(token) : undefined;
  };
  const power = (): number | undefined => {
    const base = primary();
    if (peek() !== '^') return base;
    position++;
    const exponent = power();
    return base === undefined || exponent === undefined ? undefined : base ** exponent;
  };
  const product = (): number | undefined => {
    let value = power();
    while (value !== undefined && (peek() === '*' || peek() === '/')) {
      const operator = tokens[position++];
      const right = power();
      value = right === undefined ? undefined : operator === '*' ? value * right : value / right;
    }
    return value;
  };
  const sum = (): number | undefined => {
    let value = product();
    while (value !== undefined && (peek() === '+' || peek() === '-')) {
      const operator = tokens[position++];
      const right = product();
      value = right === undefined ? undefined : operator === '+' ? value + right : value - right;
    }
    return value;
  };
  const value = sum();
  return position === tokens.length && value !== undefined && Number.isFinite(value) ? value : undefined;
}

/** Splits a call's arguments at top-level commas. */
function splitArguments(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '(') depth++;
    else if (text[i] === ')') depth--;
    else if (text[i] === ',' && depth === 0) {
      parts.push(text.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(text.slice(start));
  return parts;
}

/** How many values or characters a call would build, when its arguments tell. */
function sizeOf(name: string, args: (number | undefined)[]): number | undefined {
  if (name === 'range') {
    if (args.length < 2 || args.length > 3) return undefined;
    const [start, end, step = 1] = args;
    if (start === undefined || end === undefined || step === undefined || step === 0) return undefined;
    return Math.floor((end - start) / step) + 1;
  }
  // repeat(text, count), lpad(text, length, fill), rpad(text, length, fill): the second argument.
  return args.length >= 2 ? args[1] : undefined;
}

/**
 * Throws InvalidQuery when a range() in `cypher` would produce more than MAX_RANGE_VALUES values,
 * or a repeat(), lpad() or rpad() more than MAX_STRING_LENGTH characters.
 */
export function assertRangesBounded(cypher: string, params: Record<string, Value>): void {
  for (const match of blankLiterals(cypher).matchAll(SIZED_CALL)) {
    const name = match[1]!.toLowerCase();
    const size = sizeOf(
      name,
      splitArguments(match[2]!).map((arg) => evaluate(arg, params)),
    );
    const limit = name === 'range' ? MAX_RANGE_VALUES : MAX_STRING_LENGTH;
    if (size === undefined || size <= limit) continue;
    const call = cypher.slice(match.index, match.index + match[0].length).replace(/\s+/g, ' ');
    throw new LagebildError(
      'InvalidQuery',
      name === 'range'
        ? `${call} would build a list of ${size.toLocaleString('en')} values in memory, which the embedded engine cannot interrupt; at most ${limit.toLocaleString('en')} are allowed. Use a smaller range, or UNWIND several smaller ones.`
        : `${call} would build a string of ${size.toLocaleString('en')} characters in memory, which the embedded engine cannot interrupt; at most ${limit.toLocaleString('en')} are allowed.`,
    );
  }
}
