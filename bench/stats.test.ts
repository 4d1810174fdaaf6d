import { describe, expect, it } from "vitest";
import { hodgesLehmannRatio, median } from "./stats";

describe("hodgesLehmannRatio", () => {
  it("reads a constant ratio as itself", () => {
    expect(hodgesLehmannRatio([1.03, 1.03, 1.03, 1.03])).toBeCloseTo(1.03, 10);
  });

  it("is symmetric in logarithms: a ratio and its inverse in equal numbers read 1", () => {
    expect(hodgesLehmannRatio([1.2, 1 / 1.2, 1.1, 1 / 1.1])).toBeCloseTo(1, 10);
  });

  it("barely moves when a few rounds are wild, where the mean moves with them", () => {
    const steady = [1.01, 1.02, 1.03, 1.02, 1.01, 1.03, 1.02, 1.02, 1.01, 1.03, 1.02, 1.02];
    const wild = [...steady.slice(0, 9), 2.4, 2.1, 1.9];
    const meanOfWild = wild.reduce((a, b) => a + b) / wild.length;
    expect(hodgesLehmannRatio(wild)).toBeLessThan(1.06);
    expect(meanOfWild).toBeGreaterThan(1.2);
  });

  it("uses every pair of rounds, so it lies between the median and the mean of a skewed set", () => {
    const skewed = [1.0, 1.0, 1.0, 1.0, 1.1, 1.2, 1.3];
    const logMean = Math.exp(skewed.map(Math.log).reduce((a, b) => a + b) / skewed.length);
    const estimate = hodgesLehmannRatio(skewed);
    expect(estimate).toBeGreaterThan(median(skewed));
    expect(estimate).toBeLessThan(logMean);
  });
});
