// Summary statistics for benchmark samples (milliseconds unless said otherwise).
export function percentile(samples: number[], p: number): number {
  if (samples.length === 0) return NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank]!;
}

export const median = (samples: number[]) => percentile(samples, 50);
export const p95 = (samples: number[]) => percentile(samples, 95);

/** Runs `fn` `warmup` times unmeasured, then `runs` times, and returns the durations. */
export async function sample(fn: () => unknown | Promise<unknown>, runs = 15, warmup = 3): Promise<number[]> {
  for (let i = 0; i < warmup; i++) await fn();
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn();
    out.push(performance.now() - t0);
  }
  return out;
}
