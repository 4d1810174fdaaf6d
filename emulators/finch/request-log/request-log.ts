// The stand-in's own record of the API calls that reached it, so a benchmark is judged by what Finch
// would have seen rather than by the app's bookkeeping: when each connection was checked
// (/introspect), the rate-limit refusals of each kind, and the most calls in any rolling window
// (per IP, and per product for the per-application limits), counted from the log itself.
import {
  RATE_LIMITED_PRODUCTS,
  rateLimitedProductForPath,
  type RateLimitedProduct,
} from "../../../lib/finch/spec/rate-limits";
import type { RateLimitCode } from "../rate-limits/finch-rate-limiter";

export interface LoggedCall {
  at: number;
  ip: string;
  path: string;
  /** The connection whose bearer token the call carried, if it was a live token. */
  connectionId: string | null;
  /** Set when the call was answered with Finch's 429. */
  refused: RateLimitCode | null;
}

export interface RollingWindows {
  ipMs: number;
  productMs: number;
}

export interface RequestLogSummary {
  since: string;
  calls: number;
  byPath: Record<string, number>;
  refused: Record<RateLimitCode, number>;
  peaks: {
    ip: { windowMs: number; peak: number };
    products: { product: RateLimitedProduct; windowMs: number; peak: number }[];
  };
  /** Per Finch connection id, when each of its /introspect calls was answered (ms since the epoch). */
  introspections?: Record<string, number[]>;
}

/** The most of these (ascending) times that fall inside any one window of `windowMs`. */
export function rollingPeak(times: readonly number[], windowMs: number): number {
  let peak = 0;
  let from = 0;
  for (let i = 0; i < times.length; i++) {
    while ((times[from] ?? 0) <= (times[i] ?? 0) - windowMs) from++;
    peak = Math.max(peak, i - from + 1);
  }
  return peak;
}

function pushTo<K>(map: Map<K, number[]>, key: K, at: number): void {
  const list = map.get(key);
  if (list) list.push(at);
  else map.set(key, [at]);
}

export class RequestLog {
  private calls: LoggedCall[] = [];
  private since: number;

  constructor(private readonly now: () => number = Date.now) {
    this.since = now();
  }

  record(call: Omit<LoggedCall, "at">): void {
    this.calls.push({ ...call, at: this.now() });
  }

  /** Starts a new log (a benchmark's measured window). */
  clear(): void {
    this.calls = [];
    this.since = this.now();
  }

  summary(windows: RollingWindows, options: { connections?: boolean } = {}): RequestLogSummary {
    const byPath: Record<string, number> = {};
    const refused: Record<RateLimitCode, number> = { finch_api_ip_rl: 0, finch_application_rl: 0 };
    const byIp = new Map<string, number[]>();
    const byProduct = new Map<RateLimitedProduct, number[]>();
    const introspections: Record<string, number[]> = {};
    for (const call of this.calls) {
      byPath[call.path] = (byPath[call.path] ?? 0) + 1;
      if (call.refused) refused[call.refused]++;
      pushTo(byIp, call.ip, call.at);
      const product = rateLimitedProductForPath(call.path);
      if (product) pushTo(byProduct, product, call.at);
      if (call.path === "/introspect" && call.connectionId && !call.refused)
        (introspections[call.connectionId] ??= []).push(call.at);
    }
    return {
      since: new Date(this.since).toISOString(),
      calls: this.calls.length,
      byPath,
      refused,
      peaks: {
        ip: {
          windowMs: windows.ipMs,
          peak: Math.max(0, ...[...byIp.values()].map((times) => rollingPeak(times, windows.ipMs))),
        },
        products: RATE_LIMITED_PRODUCTS.map((product) => ({
          product,
          windowMs: windows.productMs,
          peak: rollingPeak(byProduct.get(product) ?? [], windows.productMs),
        })),
      },
      ...(options.connections ? { introspections } : {}),
    };
  }
}
