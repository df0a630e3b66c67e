/** Small helpers so every figure is a distribution (median, p95), never one lucky run. */
export function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i]!;
}

export interface Summary {
  median: number;
  p95: number;
  n: number;
}

export function summarize(samples: number[]): Summary {
  const sorted = [...samples].sort((a, b) => a - b);
  return { median: percentile(sorted, 50), p95: percentile(sorted, 95), n: sorted.length };
}

export function time(fn: () => void): number {
  const t = process.hrtime.bigint();
  fn();
  return Number(process.hrtime.bigint() - t) / 1e6;
}

export function ms(x: number): string {
  return x < 1 ? `${x.toFixed(3)} ms` : `${x.toFixed(2)} ms`;
}

/** A table row: the subject, its baseline, and the ratios of medians and of 95th percentiles. */
export function row(name: string, subject: Summary, baseline: Summary, baselineName: string): string {
  const median = subject.median / baseline.median;
  const p95 = subject.p95 / baseline.p95;
  return `| ${name} | ${ms(subject.median)} | ${ms(subject.p95)} | ${baselineName}: ${ms(baseline.median)} / ${ms(baseline.p95)} | **${median.toFixed(2)}×** / ${p95.toFixed(2)}× |`;
}
