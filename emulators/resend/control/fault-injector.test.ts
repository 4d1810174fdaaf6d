import { describe, expect, it } from "vitest";
import { FaultInjector } from "./fault-injector";

describe("FaultInjector", () => {
  it("fails once by default", () => {
    const faults = new FaultInjector();
    faults.set({ status: 500 });
    expect(faults.next()?.error.statusCode).toBe(500);
    expect(faults.next()).toBeNull();
  });

  it("with a fraction, fails only the sends the dice pick, counting only real failures", () => {
    const rolls = [0.9, 0.1, 0.6, 0.2];
    const faults = new FaultInjector(() => rolls.shift() ?? 0);
    faults.set({ status: 429, fraction: 0.5, count: 2 });

    expect(
      [faults.next(), faults.next(), faults.next(), faults.next()].map(
        (fault) => fault?.error.statusCode ?? 200,
      ),
    ).toEqual([200, 429, 200, 429]);
    expect(faults.current()).toBeNull();
  });
});
