// Parses JSON text like JSON.parse, but keeps integers beyond 2^53 exact (as bigint) and says
// where the text is wrong by line and column, so an import can point at the broken spot.

import { LagebildError } from '../errors.ts';

export type ParsedJson =
  null | boolean | number | bigint | string | ParsedJson[] | { [key: string]: ParsedJson };

/** Parses `text`; throws an InvalidRequest naming line and column of the first error. */
export function parseJsonText(text: string, what: string): ParsedJson {
  const parser = new JsonParser(text, what);
  parser.skipSpace();
  const value = parser.value();
  parser.skipSpace();
  if (!parser.atEnd()) parser.fail('unexpected text after the JSON value');
  return value;
}

class JsonParser {
  private i = 0;
  constructor(
    private readonly text: string,
    private readonly what: string,
  ) {}

  atEnd(): boolean {
    return this.i >= this.text.length;
  }

  fail(message: string): never {
    const before = this.text.slice(0, this.i);
    const line = before.split('\n').length;
    const column = this.i - before.lastIndexOf('\n');
    throw new LagebildError(
      'InvalidRequest',
      `Invalid ${this.what}: line ${line}, column ${column}: ${message}.`,
      {
        details: [{ path: [`line ${line}`, `column ${column}`], message }],
      },
    );
  }

  skipSpace(): void {
    while (this.i < this.text.length && ' \t\n\r'.includes(this.text[this.i]!)) this.i++;
  }

  value(): ParsedJson {
    const c = this.text[this.i];
    if (c === '{') return this.object();
    if (c === '[') return this.array();
    if (c === '"') return this.string();
    if (c === '-' || (c !== undefined && c >= '0' && c <= '9')) return this.number();
    for (const [word, value] of [
      ['true', true],
      ['false', false],
      ['null', null],
    ] as const) {
      if (this.text.startsWith(word, this.i)) {
        this.i += word.length;
        return value;
      }
    }
    return this.fail(
      c === undefined ? 'the text ends where a value should be' : `unexpected character ${JSON.stringify(c)}`,
    );
  }

  private object(): { [key: string]: ParsedJson } {
    const out: { [key: string]: ParsedJson } = {};
    this.i++;
    this.skipSpace();
    if (this.text[this.i] === '}') {
      this.i++;
      return out;
    }
    for (;;) {
      this.skipSpace();
      if (this.text[this.i] !== '"') this.fail('expected a quoted property name');
      const key = this.string();
      this.skipSpace();
      if (this.text[this.i] !== ':') this.fail('expected ":" after a property name');
      this.i++;
      this.skipSpace();
      Object.defineProperty(out, key, {
        value: this.value(),
        enumerable: true,
        writable: true,
        configurable: true,
      });
      this.skipSpace();
      const c = this.text[this.i++];
      if (c === '}') return out;
      if (c !== ',') {
        this.i--;
        this.fail('expected "," or "}" in an object');
      }
    }
  }

  private array(): ParsedJson[] {
    const out: ParsedJson[] = [];
    this.i++;
    this.skipSpace();
    if (this.text[this.i] === ']') {
      this.i++;
      return out;
    }
    for (;;) {
      this.skipSpace();
      out.push(this.value());
      this.skipSpace();
      const c = this.text[this.i++];
      if (c === ']') return out;
      if (c !== ',') {
        this.i--;
        this.fail('expected "," or "]" in a list');
      }
    }
  }

  private string(): string {
    const start = this.i;
    let end = start + 1;
    // Find the closing quote; JSON.parse then decodes the escapes exactly.
    for (; end < this.text.length; end++) {
      const c = this.text[end];
      if (c === '\\') end++;
      else if (c === '"') break;
      else if (c === '\n') {
        this.i = end;
        this.fail('a line break inside a string must be written \\n');
      }
    }
    if (end >= this.text.length) this.fail('a string is not closed');
    try {
      const value = JSON.parse(this.text.slice(start, end + 1)) as string;
      this.i = end + 1;
      return value;
    } catch {
      return this.fail('invalid escape in a string');
    }
  }

  private number(): number | bigint {
    const match = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(this.text.slice(this.i, this.i + 400));
    if (!match) this.fail('invalid number');
    this.i += match[0].length;
    const value = Number(match[0]);
    if (!match[2] && !match[3] && !Number.isSafeInteger(value)) return BigInt(match[0]);
    return value;
  }
}
