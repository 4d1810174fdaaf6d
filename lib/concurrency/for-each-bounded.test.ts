import { describe, expect, it } from "vitest";
import { forEachBounded } from "./for-each-bounded";

const tick = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("forEachBounded", () => {
  it("never has more than `concurrency` items in flight, and runs every item once", async () => {
    let inFlight = 0;
    let maxInFlight = 0;
    const seen: number[] = [];
    const items = Array.from({ length: 25 }, (_, i) => i);
    const left = await forEachBounded(
      items,
      async (item) => {
        inFlight++;
        maxInFlight = Math.max(maxInFlight, inFlight);
        await tick(item % 3);
        seen.push(item);
        inFlight--;
      },
      { concurrency: 4 },
    );
    expect(maxInFlight).toBe(4);
    expect(left).toEqual([]);
    expect(seen.sort((a, b) => a - b)).toEqual(items);
  });

  it("stops starting items once asked to, lets the running ones finish, and returns the rest", async () => {
    let stop = false;
    const finished: number[] = [];
    const left = await forEachBounded(
      [0, 1, 2, 3, 4, 5, 6, 7],
      async (item) => {
        if (item === 2) stop = true;
        await tick(5);
        finished.push(item);
      },
      { concurrency: 3, shouldStop: () => stop },
    );
    expect(finished.sort()).toEqual([0, 1, 2]);
    expect(left).toEqual([3, 4, 5, 6, 7]);
  });

  it("handles an empty list and a concurrency above the item count", async () => {
    expect(await forEachBounded([], async () => undefined, { concurrency: 4 })).toEqual([]);
    const seen: string[] = [];
    await forEachBounded(["a"], async (item) => void seen.push(item), { concurrency: 10 });
    expect(seen).toEqual(["a"]);
  });

  it("rethrows the first failure after the lanes settle, without starting more items", async () => {
    const started: number[] = [];
    await expect(
      forEachBounded(
        [0, 1, 2, 3, 4],
        async (item) => {
          started.push(item);
          if (item === 0) throw new Error("boom");
          await tick(5);
        },
        { concurrency: 2 },
      ),
    ).rejects.toThrow("boom");
    expect(started).toEqual([0, 1]);
  });
});
