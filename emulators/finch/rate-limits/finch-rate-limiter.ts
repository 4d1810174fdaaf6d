// Enforces Finch's per-IP and per-product limits on API calls when switched on. The per-IP window
// counts every call; going over it starts a penalty during which every call from that IP is refused.
// The per-product windows (one application: the stand-in accepts one client) admit up to the limit.
import {
  RATE_LIMITED_PRODUCTS,
  rateLimitedProductForPath,
  type RateLimitedProduct,
} from "../../../lib/finch/spec/rate-limits";
import { FinchError } from "../http/finch-error";
import { FINCH_RATE_LIMITS, type RateLimitSettings } from "./settings";
import { SlidingWindow } from "./sliding-window";

export type RateLimitCode = "finch_api_ip_rl" | "finch_application_rl";

export interface RateLimitUsage {
  enabled: boolean;
  windowScale: number;
  ip: {
    limit: number;
    windowMs: number;
    penaltyMs: number;
    addresses: { ip: string; used: number; peak: number; penaltyEndsAt: string | null }[];
  };
  products: { product: RateLimitedProduct; limit: number; windowMs: number; used: number; peak: number }[];
  refused: Record<RateLimitCode, number>;
}

function rateLimitError(code: RateLimitCode, retryAfterMs: number): FinchError {
  const message =
    code === "finch_api_ip_rl"
      ? "Too many requests from this IP address. Please try again later."
      : "Rate limit exceeded for this application and product. Please try again later.";
  return new FinchError(429, "rate_limit_exceeded_error", message, code, {
    "Retry-After": String(Math.max(1, Math.ceil(retryAfterMs / 1000))),
  });
}

export class FinchRateLimiter {
  private settings: RateLimitSettings;
  private ips = new Map<string, { window: SlidingWindow; penaltyEndsAt: number }>();
  private products = new Map<RateLimitedProduct, SlidingWindow>();
  private refused: Record<RateLimitCode, number> = { finch_api_ip_rl: 0, finch_application_rl: 0 };

  constructor(
    settings: Partial<RateLimitSettings> = {},
    private readonly now: () => number = Date.now,
  ) {
    this.settings = { ...FINCH_RATE_LIMITS, ...settings };
  }

  private scaled(ms: number): number {
    return Math.max(1, Math.round(ms * this.settings.windowScale));
  }

  /** Throws Finch's 429 when the call is over a limit; a no-op while switched off. */
  admit(ip: string, path: string): void {
    if (!this.settings.enabled) return;
    const now = this.now();
    let entry = this.ips.get(ip);
    if (!entry) {
      entry = {
        window: new SlidingWindow(this.settings.ipLimit, this.scaled(this.settings.ipWindowMs)),
        penaltyEndsAt: 0,
      };
      this.ips.set(ip, entry);
    }
    if (entry.penaltyEndsAt > now) throw this.refuse("finch_api_ip_rl", entry.penaltyEndsAt - now);
    if (!entry.window.record(now)) {
      entry.penaltyEndsAt = now + this.scaled(this.settings.ipPenaltyMs);
      throw this.refuse("finch_api_ip_rl", entry.penaltyEndsAt - now);
    }
    const product = rateLimitedProductForPath(path);
    if (!product) return;
    const taken = this.productWindow(product).tryTake(now);
    if (!taken.ok) throw this.refuse("finch_application_rl", taken.retryAfterMs);
  }

  private refuse(code: RateLimitCode, retryAfterMs: number): FinchError {
    this.refused[code]++;
    return rateLimitError(code, retryAfterMs);
  }

  private productWindow(product: RateLimitedProduct): SlidingWindow {
    let window = this.products.get(product);
    if (!window) {
      window = new SlidingWindow(
        this.settings.productLimits[product],
        this.scaled(this.settings.productWindowMs),
      );
      this.products.set(product, window);
    }
    return window;
  }

  /** New settings start from empty windows (their lengths may have changed). */
  configure(settings: Partial<RateLimitSettings>): void {
    this.settings = { ...this.settings, ...settings };
    this.reset();
  }

  reset(): void {
    this.ips.clear();
    this.products.clear();
    this.refused = { finch_api_ip_rl: 0, finch_application_rl: 0 };
  }

  usage(): RateLimitUsage {
    const now = this.now();
    const s = this.settings;
    return {
      enabled: s.enabled,
      windowScale: s.windowScale,
      ip: {
        limit: s.ipLimit,
        windowMs: this.scaled(s.ipWindowMs),
        penaltyMs: this.scaled(s.ipPenaltyMs),
        addresses: [...this.ips].map(([ip, entry]) => ({
          ip,
          used: entry.window.used(now),
          peak: entry.window.peak,
          penaltyEndsAt: entry.penaltyEndsAt > now ? new Date(entry.penaltyEndsAt).toISOString() : null,
        })),
      },
      products: RATE_LIMITED_PRODUCTS.map((product) => {
        const window = this.products.get(product);
        return {
          product,
          limit: s.productLimits[product],
          windowMs: this.scaled(s.productWindowMs),
          used: window?.used(now) ?? 0,
          peak: window?.peak ?? 0,
        };
      }),
      refused: { ...this.refused },
    };
  }
}
