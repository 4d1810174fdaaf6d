import { beforeEach, describe, expect, it, vi } from "vitest";
import { currentFinchPriority } from "@/lib/finch/budget/finch-priority";

// Records the budget priority each sweep runs at, in place of the real sweep (which calls Finch).
const seen = vi.hoisted(() => [] as string[]);
vi.mock("./sweep-connections", () => ({
  sweepConnections: async () => {
    seen.push(currentFinchPriority());
    return { checked: 0, changed: 0, failed: 0, deferred: 0 };
  },
}));

const { runSweepJob } = await import("./run-sweep-job");

describe("runSweepJob", () => {
  beforeEach(() => {
    seen.length = 0;
  });

  it("checks one organization at interactive priority: someone is waiting", async () => {
    await runSweepJob({ organizationId: "org_1" });
    await runSweepJob({ organizationId: "org_1", connectionIds: ["con_1"] });
    expect(seen).toEqual(["interactive", "interactive"]);
  });

  it("checks the whole fleet, and what a fleet-wide sweep deferred, at background priority", async () => {
    await runSweepJob({});
    await runSweepJob({ connectionIds: ["con_1", "con_2"] });
    expect(seen).toEqual(["background", "background"]);
    expect(currentFinchPriority()).toBe("interactive");
  });
});
