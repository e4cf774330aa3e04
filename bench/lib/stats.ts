// Small statistics for benchmark samples: median and p99 by nearest rank.

/** The value at quantile `q` (0..1) of the samples, nearest rank. */
export function quantile(samples: number[], q: number): number {
  if (samples.length === 0) return NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[rank]!;
}

export const median = (samples: number[]) => quantile(samples, 0.5);
export const p99 = (samples: number[]) => quantile(samples, 0.99);

/** Runs `fn` `warmup` times unmeasured, then `runs` times; returns milliseconds per run. */
export async function sample(
  runs: number,
  fn: (run: number) => Promise<unknown> | unknown,
  warmup = Math.min(5, runs),
): Promise<number[]> {
  for (let i = 0; i < warmup; i++) await fn(i);
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await fn(i);
    times.push(performance.now() - started);
  }
  return times;
}

/** Median and p99 rounded to 0.01 ms, as stored in the results file. */
export function latency(samples: number[]) {
  const round = (v: number) => Math.round(v * 100) / 100;
  return { p50: round(median(samples)), p99: round(p99(samples)), runs: samples.length };
}
