// Web Worker entry: runs the force layout off the page's main thread, so a large graph is laid out
// while the canvas stays responsive.

import { forceLayout, type ForceLayoutInput, type ForceLayoutOptions } from './forceLayout.ts';

export interface LayoutRequest {
  ticket: number;
  input: ForceLayoutInput;
  options: ForceLayoutOptions;
}

export type LayoutReply = { ticket: number; positions: Float64Array } | { ticket: number; error: string };

const scope = self as unknown as {
  onmessage: ((event: MessageEvent<LayoutRequest>) => void) | null;
  postMessage(message: LayoutReply, transfer?: Transferable[]): void;
};

scope.onmessage = (event) => {
  const { ticket, input, options } = event.data;
  try {
    const positions = forceLayout(input, options);
    scope.postMessage({ ticket, positions }, [positions.buffer]);
  } catch (error) {
    scope.postMessage({ ticket, error: error instanceof Error ? error.message : String(error) });
  }
};
