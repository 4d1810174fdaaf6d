// Finch's published rate limits (https://developer.tryfinch.com/api-reference/development-guides/Rate-Limits):
// per application and product over a rolling minute, and per IP over five minutes with an hour's
// penalty. One module for the app's call budget (lib/finch/budget) and the Finch stand-in that
// enforces them, so the two cannot drift.
export const RATE_LIMITED_PRODUCTS = [
  "company",
  "directory",
  "individual",
  "employment",
  "payment",
  "pay_statement",
] as const;
export type RateLimitedProduct = (typeof RATE_LIMITED_PRODUCTS)[number];

export const FINCH_RATE_LIMITS = {
  /** Calls per product per application in one window. */
  productLimits: {
    company: 20,
    directory: 20,
    individual: 20,
    employment: 20,
    payment: 12,
    pay_statement: 12,
  } satisfies Record<RateLimitedProduct, number>,
  productWindowSeconds: 60,
  ipLimit: 1000,
  ipWindowSeconds: 5 * 60,
  ipPenaltySeconds: 60 * 60,
} as const;

const PRODUCT_PATHS: Record<string, RateLimitedProduct> = {
  "/employer/company": "company",
  "/employer/directory": "directory",
  "/employer/individual": "individual",
  "/employer/employment": "employment",
  "/employer/payment": "payment",
  "/employer/pay-statement": "pay_statement",
};

/** The product whose per-application window an API path draws from; null for the rest (per-IP only). */
export function rateLimitedProductForPath(path: string): RateLimitedProduct | null {
  return PRODUCT_PATHS[path.length > 1 ? path.replace(/\/+$/, "") : path] ?? null;
}
