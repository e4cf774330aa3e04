// A first-come, first-served lock: the embedded engine allows one writer at a time.

export class Mutex {
  private tail: Promise<void> = Promise.resolve();
  private held = 0;

  /** Resolves with a release function once every earlier holder has released. */
  async acquire(): Promise<() => void> {
    let release!: () => void;
    const mine = new Promise<void>((resolve) => (release = resolve));
    const before = this.tail;
    this.tail = before.then(() => mine);
    await before;
    this.held++;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.held--;
      release();
    };
  }

  get locked(): boolean {
    return this.held > 0;
  }
}

/** Yields to the event loop so that a long synchronous read does not starve other requests. */
export const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));
