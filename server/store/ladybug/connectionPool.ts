// A fixed set of engine connections handed out one query at a time; a connection
// carries per-query settings (timeout), so two queries never share one.

export class Pool<T> {
  private readonly idle: T[];
  private readonly waiting: ((item: T) => void)[] = [];

  constructor(items: T[]) {
    this.idle = [...items];
  }

  /**
   * The next free item. With `waitMs`, gives up after that long with the error `onTimeout`
   * makes: a query's time limit covers its wait for a connection too, or queries queued behind
   * slow ones would each wait for all of those first.
   */
  acquire(waitMs = Infinity, onTimeout?: () => Error): Promise<T> {
    const item = this.idle.pop();
    if (item !== undefined) return Promise.resolve(item);
    return new Promise((resolve, reject) => {
      let timer: NodeJS.Timeout | undefined;
      const take = (next: T) => {
        clearTimeout(timer);
        resolve(next);
      };
      this.waiting.push(take);
      if (Number.isFinite(waitMs)) {
        timer = setTimeout(() => {
          this.waiting.splice(this.waiting.indexOf(take), 1);
          reject(onTimeout?.() ?? new Error(`No connection became free within ${waitMs} ms.`));
        }, waitMs);
      }
    });
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
