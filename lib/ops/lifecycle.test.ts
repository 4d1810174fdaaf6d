import { afterEach, describe, expect, it } from "vitest";
import { beginShutdown, isShuttingDown, onShutdown, runShutdownHooks } from "./lifecycle";

afterEach(() => {
  (globalThis as { payrollLifecycle?: unknown }).payrollLifecycle = undefined;
});

describe("the process lifecycle", () => {
  it("turns to shutting down once begun", () => {
    expect(isShuttingDown()).toBe(false);
    beginShutdown();
    expect(isShuttingDown()).toBe(true);
  });

  it("runs the hooks in order with one deadline, and names those that fail or run late", async () => {
    const ran: string[] = [];
    onShutdown("workers", async () => void ran.push("workers"));
    onShutdown("stuck", () => new Promise<void>(() => undefined));
    onShutdown("broken", async () => {
      throw new Error("no");
    });
    onShutdown("pool", async () => void ran.push("pool"));
    const started = Date.now();
    const failed = await runShutdownHooks(Date.now() + 100);
    expect(ran).toEqual(["workers", "pool"]);
    expect(failed).toEqual(["stuck (late)", "broken (failed)"]);
    expect(Date.now() - started).toBeLessThan(3000);
  });
});
