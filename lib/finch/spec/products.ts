// The product names Finch accepts on Connect sessions (SessionNewParams in @tryfinch/finch-api 10.7.0).
// One list for the app (lib/env.ts validates FINCH_PRODUCTS against it) and the Finch stand-in.
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

export function isFinchProduct(value: string): value is FinchProduct {
  return (FINCH_PRODUCTS as readonly string[]).includes(value);
}
