// The few statistics the benchmarks print: medians of rounds, sums and means, a robust centre of
// paired ratios, and a range as text.

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

/**
 * The Hodges-Lehmann estimate of a set of paired ratios: the median of the means of every two of their
 * logarithms (each with itself included), back as a ratio. Nearly as precise as the mean when the rounds
 * are alike, and barely moved by the few a machine's hiccup or a major collection inflates (a quarter of
 * them may be wild), where the mean moves with each of them and the plain median wastes most rounds.
 */
export function hodgesLehmannRatio(ratios: number[]): number {
  const logs = ratios.map(Math.log);
  const walsh: number[] = [];
  for (let i = 0; i < logs.length; i++)
    for (let j = i; j < logs.length; j++) walsh.push((logs[i] + logs[j]) / 2);
  return Math.exp(median(walsh));
}
