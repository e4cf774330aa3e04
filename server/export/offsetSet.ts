// Which offsets of one table an export wants: a bit per offset, grown as offsets arrive. A
// million offsets take 125 kB, where a Set of numbers takes tens of megabytes.

import type { OffsetRange } from './elementColumns.ts';

const BITS = 32;

export class OffsetSet {
  private words = new Uint32Array(64);
  /** Distinct offsets in the set. */
  count = 0;
  /** The largest offset in the set, -1 when it is empty. */
  max = -1;

  add(offset: number): void {
    const word = Math.floor(offset / BITS);
    if (word >= this.words.length) {
      const grown = new Uint32Array(Math.max(word + 1, this.words.length * 2));
      grown.set(this.words);
      this.words = grown;
    }
    const bit = 1 << (offset % BITS);
    if ((this.words[word]! & bit) !== 0) return;
    this.words[word] = this.words[word]! | bit;
    this.count++;
    if (offset > this.max) this.max = offset;
  }

  has(offset: number): boolean {
    const word = Math.floor(offset / BITS);
    return word < this.words.length && (this.words[word]! & (1 << (offset % BITS))) !== 0;
  }

  /** The offsets in ascending order. */
  toArray(): number[] {
    const offsets: number[] = [];
    for (let w = 0; w < this.words.length; w++) {
      let word = this.words[w]!;
      while (word !== 0) {
        const bit = 31 - Math.clz32(word & -word);
        offsets.push(w * BITS + bit);
        word &= word - 1;
      }
    }
    return offsets;
  }

  /**
   * Ranges that cover every offset in the set, in order: windows of `window` offsets (a multiple
   * of 32) that hold none are left out, and neighbouring windows are joined up to `span` offsets.
   */
  ranges(window: number, span: number): OffsetRange[] {
    const wordsPerWindow = Math.max(1, Math.floor(window / BITS));
    const step = wordsPerWindow * BITS;
    const ranges: OffsetRange[] = [];
    let current: OffsetRange | undefined;
    for (let lo = 0; lo <= this.max; lo += step) {
      if (!this.anyInWords(lo / BITS, lo / BITS + wordsPerWindow)) {
        current = undefined;
        continue;
      }
      if (current && lo + step - current.lo <= span) current.hi = lo + step;
      else {
        current = { lo, hi: lo + step };
        ranges.push(current);
      }
    }
    return ranges;
  }

  private anyInWords(from: number, to: number): boolean {
    const end = Math.min(to, this.words.length);
    for (let w = from; w < end; w++) if (this.words[w] !== 0) return true;
    return false;
  }
}

/** Offset sets by table number, made on first use. */
export class OffsetSets extends Map<number, OffsetSet> {
  of(table: number): OffsetSet {
    let set = this.get(table);
    if (!set) this.set(table, (set = new OffsetSet()));
    return set;
  }
}
