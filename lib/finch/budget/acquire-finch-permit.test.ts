import { describe, expect, it } from "vitest";
import { acquireFinchPermit } from "./acquire-finch-permit";
import type { LaneLimit } from "./budget-classes";
import type { LanePermit } from "./take-lane-permit";

const SETTINGS = { headroom: 0.8, interactiveShare: 0.25, ipLimit: 1000, windowScale: 1 };

/** Lanes that are empty now; each grants on credit only when its refill (seconds away) fits the wait allowed. */
function lanes(secondsUntilPermit: Record<string, number>) {
  const asked: string[] = [];
  const take = async (key: string, _limit: LaneLimit, maxWaitSeconds: number): Promise<LanePermit> => {
    asked.push(`${key}@${maxWaitSeconds}`);
    const lane = key.endsWith(":shared") ? "shared" : "interactive";
    const wait = secondsUntilPermit[lane] ?? 0;
    return wait <= maxWaitSeconds
      ? { granted: true, waitSeconds: 0 }
      : { granted: false, retryInSeconds: wait - maxWaitSeconds, paused: false };
  };
  return { take, asked };
}

describe("acquireFinchPermit for an interactive call whose reserve is empty", () => {
  it("takes the shared lane's permit when it comes within a second, instead of waiting seconds on the reserve", async () => {
    const { take, asked } = lanes({ interactive: 6, shared: 0.5 });
    const permit = await acquireFinchPermit({
      path: "/employer/company",
      priority: "interactive",
      take,
      settings: SETTINGS,
    });
    expect(permit.kind).toBe("granted");
    expect(asked.slice(0, 2)).toEqual(["product:company:interactive@0", "product:company:shared@1"]);
  });

  it("waits on its reserve when the sweep keeps the shared lane busy", async () => {
    const { take, asked } = lanes({ interactive: 2, shared: 30 });
    const permit = await acquireFinchPermit({
      path: "/introspect",
      priority: "interactive",
      take,
      settings: SETTINGS,
    });
    expect(permit.kind).toBe("granted");
    expect(asked).toEqual(["ip:interactive@0", "ip:shared@1", "ip:interactive@5"]);
  });
});
