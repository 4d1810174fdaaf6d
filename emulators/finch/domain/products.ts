// Product names Finch accepts on Connect sessions (SessionNewParams in @tryfinch/finch-api 10.7.0).
export const FINCH_PRODUCTS = [
  "benefits",
  "company",
  "deduction",
  "directory",
  "documents",
  "employment",
  "individual",
  "payment",
  "pay_statement",
  "plans",
  "plans_dependents",
  "plans_enrollments",
  "recordkeeping",
  "ssn",
] as const;

export type FinchProduct = (typeof FINCH_PRODUCTS)[number];

/** What the sandbox API grants when the caller names no products (Finch's documented default). */
export const DEFAULT_SANDBOX_PRODUCTS = ["company", "directory", "individual", "employment"];

export function isFinchProduct(value: string): value is FinchProduct {
  return (FINCH_PRODUCTS as readonly string[]).includes(value);
}
