// The embedded engine builds a range(a, b) list whole while it prepares a statement, on the thread
// that serves every request and outside its buffer pool: range(1, 10^8) grew the server past 14 GB
// within a minute and cannot be interrupted (neither the engine's timeout nor ours reaches it).
// So a range whose size is known from the text (literals, simple arithmetic, parameters) is
// refused above a limit before the engine sees it. A bound the text cannot tell is left alone.

import { LagebildError } from '../../errors.ts';
import type { Value } from '../types.ts';
import { blankLiterals } from './statementPolicy.ts';

/** Most values one range() may produce: range(1, 10^6) alone took 4 s and about 700 MB here. */
export const MAX_RANGE_VALUES = 100_000;

const RANGE_CALL = /(?<![\w.$`])range\s*\(([^()]*(?:\([^()]*\)[^()]*)*)\)/gi;

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

/** Throws InvalidQuery when a range() in `cypher` would produce more than MAX_RANGE_VALUES values. */
export function assertRangesBounded(cypher: string, params: Record<string, Value>): void {
  for (const match of blankLiterals(cypher).matchAll(RANGE_CALL)) {
    const args = splitArguments(match[1]!).map((arg) => evaluate(arg, params));
    if (args.length < 2 || args.length > 3 || args.some((arg) => arg === undefined)) continue;
    const [start, end, step = 1] = args as number[];
    if (step === 0) continue;
    const values = Math.floor((end! - start!) / step) + 1;
    if (values > MAX_RANGE_VALUES)
      throw new LagebildError(
        'InvalidQuery',
        `${match[0].replace(/\s+/g, ' ')} would build a list of ${values.toLocaleString('en')} values in memory, which the embedded engine cannot interrupt; at most ${MAX_RANGE_VALUES.toLocaleString('en')} are allowed. Use a smaller range, or UNWIND several smaller ones.`,
      );
  }
}
