// Runs the force layout in one Web Worker, kept for the page's life. A newer request makes an older
// one's answer stale, so a layout the user has already replaced never moves the canvas.

import {
  forceLayout,
  type ForceLayoutInput,
  type ForceLayoutOptions,
  type Positions,
} from './forceLayout.ts';
import type { LayoutReply, LayoutRequest } from './layoutWorker.ts';

/** Thrown (as a rejection) when a newer layout request replaced this one. */
export class LayoutSuperseded extends Error {
  constructor() {
    super('A newer layout replaced this one.');
    this.name = 'LayoutSuperseded';
  }
}

export class OffThreadLayout {
  private worker: Worker | undefined;
  private ticket = 0;
  /** Layouts finished in the worker and on the page (when no worker could run), for diagnostics. */
  readonly finished = { worker: 0, page: 0 };
  private pending:
    { ticket: number; resolve: (p: Positions) => void; reject: (e: Error) => void } | undefined;

  private start(): Worker | undefined {
    if (this.worker) return this.worker;
    try {
      this.worker = new Worker(new URL('./layoutWorker.ts', import.meta.url), { type: 'module' });
    } catch {
      return undefined;
    }
    this.worker.onmessage = (event: MessageEvent<LayoutReply>) => {
      const pending = this.pending;
      if (!pending || pending.ticket !== event.data.ticket) return;
      this.pending = undefined;
      if ('error' in event.data) pending.reject(new Error(event.data.error));
      else {
        this.finished.worker++;
        pending.resolve(event.data.positions);
      }
    };
    this.worker.onerror = (event) => {
      // A worker that cannot load (an old browser, a policy) is dropped; layouts then run inline.
      event.preventDefault();
      this.worker = undefined;
      const pending = this.pending;
      this.pending = undefined;
      if (pending) pending.reject(new Error(`The layout worker failed: ${event.message || 'no detail'}`));
    };
    return this.worker;
  }

  /** Lays out off the main thread (inline when no worker can be started). */
  run(input: ForceLayoutInput, options: ForceLayoutOptions): Promise<Positions> {
    this.cancel();
    const ticket = ++this.ticket;
    const worker = this.start();
    if (!worker) {
      this.finished.page++;
      return Promise.resolve(forceLayout(input, options));
    }
    return new Promise<Positions>((resolve, reject) => {
      this.pending = { ticket, resolve, reject };
      const request: LayoutRequest = { ticket, input, options };
      worker.postMessage(request, [input.edges.buffer, input.positions.buffer, input.fixed.buffer]);
    });
  }

  /** True while a request's answer is awaited. */
  get running(): boolean {
    return this.pending !== undefined;
  }

  /** Makes a running request's answer stale. */
  cancel(): void {
    const pending = this.pending;
    this.pending = undefined;
    pending?.reject(new LayoutSuperseded());
  }
}
