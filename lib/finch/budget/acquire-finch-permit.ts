// A permit for one HTTP request to Finch, from every class the request counts against (its
// product's, then the IP's). Interactive calls take from their reserved lane, or from the shared
// lane when it has a permit to spare; background calls take from the shared lane only.
import "server-only";
import { logError } from "@/lib/log";
import { budgetClass, classesForPath, type BudgetClass, type BudgetSettings } from "./budget-classes";
import type { FinchPriority } from "./finch-priority";
import { takeLocalPermit } from "./local-fallback-bucket";
import { takeLanePermit, type LanePermit } from "./take-lane-permit";

export interface AcquireFinchPermitOptions {
  path: string;
  priority: FinchPriority;
  /** Longest this call may wait in all. */
  maxWaitSeconds?: number;
  /** How long the database may take to answer before it counts as unreachable. */
  dbTimeoutMs?: number;
  take?: typeof takeLanePermit;
  /** Defaults to lib/env.ts. */
  settings?: BudgetSettings;
}

export type FinchPermit =
  | { kind: "granted"; waitSeconds: number; source: "database" | "local" }
  | { kind: "refused"; retryAfterSeconds: number; reason: "paused" | "busy" | "budget_unavailable" };

const DEFAULT_MAX_WAIT: Record<FinchPriority, number> = { interactive: 10, background: 120 };
// One credit never reaches further ahead than this, so a pause after a 429 stops callers quickly.
const CREDIT_SECONDS = 5;
// How long an interactive call may wait for the shared lane before it waits for its own reserve.
const SPARE_CREDIT_SECONDS = 1;

const sleep = (seconds: number) => new Promise((resolve) => setTimeout(resolve, seconds * 1000));

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`finch budget: no answer from the database in ${ms} ms`)),
      ms,
    );
    promise.then(
      (value) => (clearTimeout(timer), resolve(value)),
      (error: unknown) => (clearTimeout(timer), reject(error)),
    );
  });
}

async function takeFromClass(
  cls: BudgetClass,
  priority: FinchPriority,
  take: typeof takeLanePermit,
  maxWaitSeconds: number,
): Promise<LanePermit> {
  const credit = Math.min(CREDIT_SECONDS, maxWaitSeconds);
  if (priority === "background") return take(`${cls.key}:shared`, cls.lanes.shared, credit);
  const reserved = await take(`${cls.key}:interactive`, cls.lanes.interactive, 0);
  if (reserved.granted || reserved.paused) return reserved;
  // The shared lane holds most of the class (a product class's shared window is 12 of its 16, mostly
  // unused: the sweep never reads products), so a permit it has within a second beats waiting on the
  // reserve. When the sweep keeps the shared lane busy (the per-IP class), the reserve serves.
  const spare = await take(`${cls.key}:shared`, cls.lanes.shared, Math.min(SPARE_CREDIT_SECONDS, credit));
  if (spare.granted) return spare;
  return take(`${cls.key}:interactive`, cls.lanes.interactive, credit);
}

export async function acquireFinchPermit(options: AcquireFinchPermitOptions): Promise<FinchPermit> {
  const { path, priority, dbTimeoutMs = 3_000, take = takeLanePermit } = options;
  const deadline = Date.now() + (options.maxWaitSeconds ?? DEFAULT_MAX_WAIT[priority]) * 1000;
  const classes = classesForPath(path).map((key) => budgetClass(key, options.settings));
  let waitSeconds = 0;
  for (const cls of classes) {
    for (;;) {
      const left = (deadline - Date.now()) / 1000;
      let permit: LanePermit;
      try {
        permit = await withTimeout(takeFromClass(cls, priority, take, Math.max(0, left)), dbTimeoutMs);
      } catch (error) {
        // The time left is measured before the wait for the database: never below zero after it.
        return unreachable(cls, priority, error, Math.max(0, left));
      }
      if (permit.granted) {
        waitSeconds = Math.max(waitSeconds, permit.waitSeconds);
        break;
      }
      if (permit.paused || permit.retryInSeconds > left)
        return {
          kind: "refused",
          retryAfterSeconds: permit.retryInSeconds,
          reason: permit.paused ? "paused" : "busy",
        };
      // Jitter spreads the instances that were refused at the same moment.
      await sleep(permit.retryInSeconds * (1 + Math.random() * 0.5));
    }
  }
  if (waitSeconds > 0) await sleep(waitSeconds);
  return { kind: "granted", waitSeconds, source: "database" };
}

/**
 * The database did not answer. Background work waits (its checks stay due and run later); an
 * interactive call goes ahead on this instance's small local allowance, so a customer who is
 * reconnecting right now is not turned away by a blip.
 */
async function unreachable(
  cls: BudgetClass,
  priority: FinchPriority,
  error: unknown,
  maxWaitSeconds: number,
): Promise<FinchPermit> {
  logError(`finch budget: the limiter could not be reached (${priority} call)`, error);
  if (priority === "background")
    return { kind: "refused", retryAfterSeconds: 30, reason: "budget_unavailable" };
  const wait = takeLocalPermit(cls.key, maxWaitSeconds);
  if (wait === null) return { kind: "refused", retryAfterSeconds: 10, reason: "budget_unavailable" };
  if (wait > 0) await sleep(wait);
  return { kind: "granted", waitSeconds: wait, source: "local" };
}
