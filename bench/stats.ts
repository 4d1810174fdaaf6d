// The few statistics the benchmarks print: medians of rounds, sums and means, and a range as text.

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

export const sum = (values: number[]) => values.reduce((total, value) => total + value, 0);

export const mean = (values: number[]) => sum(values) / values.length;

/** "0.93-1.52": the smallest and largest value, two decimals. */
export const rangeText = (values: number[]) =>
  `${Math.min(...values).toFixed(2)}-${Math.max(...values).toFixed(2)}`;
