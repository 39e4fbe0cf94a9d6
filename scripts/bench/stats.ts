/** The value at fraction `at` (0 to 1) of the sorted values: the median at 0.5. */
export function percentile(values: readonly number[], at: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * at))]!;
}

export const median = (values: readonly number[]): number => percentile(values, 0.5);
