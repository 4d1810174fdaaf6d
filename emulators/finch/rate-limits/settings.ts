// Finch's documented rate limits (finch-reference §4d) and how the stand-in is told to enforce them.
// Off by default, so nothing else changes; window lengths scale down for tests and benchmarks.

export const RATE_LIMITED_PRODUCTS = [
  "company",
  "directory",
  "individual",
  "employment",
  "payment",
  "pay_statement",
] as const;
export type RateLimitedProduct = (typeof RATE_LIMITED_PRODUCTS)[number];

export interface RateLimitSettings {
  enabled: boolean;
  /** Multiplies every window and the penalty: 0.01 turns 5 minutes into 3 seconds. */
  windowScale: number;
  ipLimit: number;
  ipWindowMs: number;
  ipPenaltyMs: number;
  productWindowMs: number;
  productLimits: Record<RateLimitedProduct, number>;
}

export const FINCH_RATE_LIMITS: RateLimitSettings = {
  enabled: false,
  windowScale: 1,
  ipLimit: 1000,
  ipWindowMs: 5 * 60_000,
  ipPenaltyMs: 60 * 60_000,
  productWindowMs: 60_000,
  productLimits: {
    company: 20,
    directory: 20,
    individual: 20,
    employment: 20,
    payment: 12,
    pay_statement: 12,
  },
};

const PRODUCT_PATHS: Record<string, RateLimitedProduct> = {
  "/employer/company": "company",
  "/employer/directory": "directory",
  "/employer/individual": "individual",
  "/employer/employment": "employment",
  "/employer/payment": "payment",
  "/employer/pay-statement": "pay_statement",
};

/** The product whose per-application window an API path draws from; null for the rest (per-IP only). */
export function productForPath(path: string): RateLimitedProduct | null {
  return PRODUCT_PATHS[path] ?? null;
}

/**
 * `FINCH_EMULATOR_RATE_LIMITS=on` switches enforcement on; `FINCH_EMULATOR_RATE_LIMIT_SCALE` (a
 * positive number, default 1) scales the windows.
 */
export function rateLimitSettingsFromEnv(env: NodeJS.ProcessEnv): RateLimitSettings {
  const enabled = ["on", "true", "1"].includes((env.FINCH_EMULATOR_RATE_LIMITS ?? "").toLowerCase());
  const scale = Number(env.FINCH_EMULATOR_RATE_LIMIT_SCALE ?? 1);
  if (!Number.isFinite(scale) || scale <= 0)
    throw new Error(`Invalid FINCH_EMULATOR_RATE_LIMIT_SCALE: ${env.FINCH_EMULATOR_RATE_LIMIT_SCALE}`);
  return { ...FINCH_RATE_LIMITS, enabled, windowScale: scale };
}
