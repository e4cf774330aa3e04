// A fixed set of engine connections handed out one query at a time; a connection
// carries per-query settings (timeout), so two queries never share one.

export class Pool<T> {
  private readonly idle: T[];
  private readonly waiting: ((item: T) => void)[] = [];

  constructor(items: T[]) {
    this.idle = [...items];
  }

  acquire(): Promise<T> {
    const item = this.idle.pop();
    if (item !== undefined) return Promise.resolve(item);
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  release(item: T): void {
    const next = this.waiting.shift();
    if (next) next(item);
    else this.idle.push(item);
  }

  /** Every item not lent out right now. */
  get available(): readonly T[] {
    return this.idle;
  }
}
