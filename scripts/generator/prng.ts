// A small deterministic pseudo-random generator (mulberry32), so that one seed always
// produces the same synthetic graph, byte for byte, on every machine.

/** Returns a function that yields numbers in [0, 1), fully determined by `seed`. */
export function createPrng(seed: number): () => number {
  // splitmix32 spreads small seeds (1, 2, 3, ...) over the whole state space.
  let state = Math.imul(seed ^ 0x9e3779b9, 0x85ebca6b) >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
