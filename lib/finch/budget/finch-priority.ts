// Which share of the budget a Finch call draws from. Interactive is the default, because a person is
// waiting on most calls; background work (the sweep, scheduled syncs) runs inside
// withFinchPriority("background", …), so it can never spend the interactive reserve.
import { AsyncLocalStorage } from "node:async_hooks";

export type FinchPriority = "interactive" | "background";

const storage = new AsyncLocalStorage<FinchPriority>();

export function withFinchPriority<T>(priority: FinchPriority, run: () => Promise<T>): Promise<T> {
  return storage.run(priority, run);
}

export function currentFinchPriority(): FinchPriority {
  return storage.getStore() ?? "interactive";
}
