// The limit classes of the Finch call budget, derived from Finch's published limits
// (lib/finch/spec/rate-limits.ts) and the settings in lib/env.ts. Each class is split into two token buckets ("lanes"): one
// reserved for interactive calls and one shared by everything. A lane admits at most
// capacity + rate × window calls in any rolling window, so the two lanes together stay at or under
// the class budget (headroom × Finch's limit).
import { env } from "@/lib/env";
import {
  FINCH_RATE_LIMITS,
  RATE_LIMITED_PRODUCTS,
  rateLimitedProductForPath,
  type RateLimitedProduct,
} from "@/lib/finch/spec/rate-limits";
import type { WindowLimit } from "./take-window-permit";

export type BudgetProduct = RateLimitedProduct;
export type BudgetClassKey = "ip" | `product:${BudgetProduct}`;
export type Lane = "interactive" | "shared";

export interface LaneLimit {
  /** Bucket size: calls that may go at once after a quiet spell. */
  capacity: number;
  /** Refill, calls per second. */
  ratePerSecond: number;
  /**
   * Set for every lane but the per-IP shared one: the lane is a rolling window of `calls`
   * (capacity + rate × window) instead of a bucket, so a burst may use the window's unused share;
   * `capacity` is then what a lost row lets through in its first window (a lane's first row ever
   * starts empty: take-window-permit.ts).
   */
  window?: WindowLimit;
}

export interface BudgetClass {
  key: BudgetClassKey;
  finchLimit: number;
  windowSeconds: number;
  /** What the app allows itself per window, interactive and shared lanes together. */
  budget: number;
  /** How long to pause after Finch's 429 when it sends no Retry-After. */
  defaultPauseSeconds: number;
  lanes: Record<Lane, LaneLimit>;
}

export interface BudgetSettings {
  headroom: number;
  interactiveShare: number;
  ipLimit: number;
  windowScale: number;
}

export function budgetSettings(): BudgetSettings {
  const e = env();
  return {
    headroom: e.FINCH_BUDGET_HEADROOM,
    interactiveShare: e.FINCH_BUDGET_INTERACTIVE_SHARE,
    ipLimit: e.FINCH_BUDGET_IP_LIMIT,
    windowScale: e.FINCH_BUDGET_WINDOW_SCALE,
  };
}

/** A lane's budget per window (≥ 2): `capacity` of it may come at once, the rest refills over the window. */
function lane(perWindow: number, windowSeconds: number, capacity: number, rolling: boolean): LaneLimit {
  const limit = { capacity, ratePerSecond: (perWindow - capacity) / windowSeconds };
  return rolling ? { ...limit, window: { calls: perWindow, seconds: windowSeconds } } : limit;
}

export function budgetClass(key: BudgetClassKey, settings: BudgetSettings = budgetSettings()): BudgetClass {
  const isIp = key === "ip";
  const finchLimit = isIp
    ? settings.ipLimit
    : FINCH_RATE_LIMITS.productLimits[key.slice("product:".length) as BudgetProduct];
  const windowSeconds =
    (isIp ? FINCH_RATE_LIMITS.ipWindowSeconds : FINCH_RATE_LIMITS.productWindowSeconds) *
    settings.windowScale;
  const budget = Math.max(4, Math.min(Math.floor(finchLimit * settings.headroom), finchLimit - 2));
  const interactive = Math.min(budget - 2, Math.max(2, Math.round(budget * settings.interactiveShare)));
  const shared = budget - interactive;
  // The bursts together fit in the headroom: a lost row is recreated full (take-lane-permit.ts), and
  // even then no rolling window can pass Finch's limit.
  const room = finchLimit - budget;
  const interactiveBurst = Math.max(1, Math.floor(Math.min(interactive / 2, room * 0.7)));
  // The shared lane bursts little: the sweep should flow evenly, not in waves.
  const sharedBurst = Math.max(1, Math.floor(Math.min(shared / 10, room - interactiveBurst)));
  return {
    key,
    finchLimit,
    windowSeconds,
    budget,
    defaultPauseSeconds: isIp ? FINCH_RATE_LIMITS.ipPenaltySeconds * settings.windowScale : windowSeconds,
    lanes: {
      // Customers come in bursts (a receipt, a sync) and may use their whole share of every window:
      // a bucket would hold them to (share - burst) a window. Only the per-IP shared lane, the sweep's,
      // stays a bucket, so the sweep flows evenly.
      interactive: lane(interactive, windowSeconds, interactiveBurst, true),
      shared: lane(shared, windowSeconds, sharedBurst, !isIp),
    },
  };
}

/** The classes one request to this Finch path draws from: its product's (if any), then the IP's. */
export function classesForPath(pathname: string): BudgetClassKey[] {
  const product = rateLimitedProductForPath(pathname);
  return product ? [`product:${product}`, "ip"] : ["ip"];
}

export const ALL_BUDGET_CLASSES: BudgetClassKey[] = [
  "ip",
  ...RATE_LIMITED_PRODUCTS.map((p) => `product:${p}` as const),
];
