// The engine's text of collected ids ("0:5,12:17,3:0", table and offset) or offsets ("5,17,0"),
// read one at a time: a million ids held as arrays of numbers would be tens of MB of garbage.

import type { Value } from '../store/types.ts';

const COMMA = 44;
const COLON = 58;
const ZERO = 48;
const NINE = 57;

export class IdReader {
  /** The current id's table, -1 for an offset alone. */
  table = -1;
  offset = -1;
  /** Set when the text turned out not to be a list of ids (then next() is false from there on). */
  broken = false;
  private at = 0;
  private readonly text: string;

  constructor(value: Value | undefined) {
    // collect() over no rows gives null or ''.
    if (value === null || value === undefined) this.text = '';
    else if (typeof value === 'string') this.text = value;
    else {
      this.text = '';
      this.broken = true;
    }
  }

  /** Moves to the next id; false at the end of the text (or where it breaks). */
  next(): boolean {
    const { text } = this;
    if (this.broken) return false;
    // A comma promised one more id.
    if (this.at >= text.length)
      return this.at > 0 && text.charCodeAt(text.length - 1) === COMMA ? this.breakOff() : false;
    let number = 0;
    let digits = 0;
    this.table = -1;
    for (; this.at < text.length; this.at++) {
      const code = text.charCodeAt(this.at);
      if (code >= ZERO && code <= NINE) {
        number = number * 10 + code - ZERO;
        digits++;
      } else if (code === COLON && this.table < 0 && digits > 0) {
        this.table = number;
        number = 0;
        digits = 0;
      } else if (code === COMMA) break;
      else return this.breakOff();
    }
    if (digits === 0) return this.breakOff();
    this.at++; // past the comma
    this.offset = number;
    return true;
  }

  private breakOff(): false {
    this.broken = true;
    return false;
  }
}
