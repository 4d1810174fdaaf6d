import { beforeEach, describe, expect, it } from "vitest";
import { metrics } from "@/lib/observability/metrics";
import { budgetedFetch } from "./budgeted-fetch";
import { withFinchPriority } from "./finch-priority";
import { resetFinchBudget } from "./reset-finch-budget";

const answered = () => Promise.resolve(new Response("{}", { status: 200 }));

async function sample(name: "finchPermits" | "finchPermitWait", labels: Record<string, string>) {
  const metric = await metrics()[name].get();
  const match = metric.values.find((v) => {
    const actual: Record<string, unknown> = v.labels;
    return Object.entries(labels).every(([k, x]) => actual[k] === x);
  });
  return match?.value ?? 0;
}

describe("budgetedFetch's permit metrics", () => {
  beforeEach(() => resetFinchBudget());

  it("counts each permit by priority and outcome, and adds up the time waited for it", async () => {
    const granted = { priority: "background", outcome: "granted" };
    const before = await sample("finchPermits", granted);
    const waitedBefore = await sample("finchPermitWait", { priority: "background" });
    const fetchThroughBudget = budgetedFetch(answered);
    const response = await withFinchPriority("background", () =>
      fetchThroughBudget("http://finch.test/introspect"),
    );
    expect(response.status).toBe(200);
    expect((await sample("finchPermits", granted)) - before).toBe(1);
    // A quiet budget grants at once: some time was measured, well under a second.
    const waited = (await sample("finchPermitWait", { priority: "background" })) - waitedBefore;
    expect(waited).toBeGreaterThan(0);
    expect(waited).toBeLessThan(1);
    // Interactive is the default priority and has its own series.
    const interactive = await sample("finchPermits", { priority: "interactive", outcome: "granted" });
    await fetchThroughBudget("http://finch.test/introspect");
    expect(await sample("finchPermits", { priority: "interactive", outcome: "granted" })).toBe(
      interactive + 1,
    );
  });
});
