// How a repair receipt reads, for the page, the card and the "Reconnected" email alike:
// "Reconnected · Company ✓ · Directory ✓ · Employment ✗ (permission missing)".
import { z } from "zod";

export const productCheckSchema = z.object({
  product: z.string(),
  ok: z.boolean(),
  /** In the customer's words: "permission missing", "not granted", "Finch unavailable", … */
  problem: z.string().nullable(),
});
export type ProductCheck = z.infer<typeof productCheckSchema>;
export const productChecksSchema = z.array(productCheckSchema);

const PRODUCT_NAMES: Record<string, string> = {
  company: "Company",
  directory: "Directory",
  individual: "Individual",
  employment: "Employment",
  payment: "Payments",
  pay_statement: "Pay statements",
  benefits: "Benefits",
};

export function productName(product: string): string {
  return PRODUCT_NAMES[product] ?? product.charAt(0).toUpperCase() + product.slice(1).replace(/_/g, " ");
}

export function checkText(check: ProductCheck): string {
  return check.ok
    ? `${productName(check.product)} ✓`
    : `${productName(check.product)} ✗${check.problem ? ` (${check.problem})` : ""}`;
}

export function receiptLine(checks: ProductCheck[]): string {
  return ["Reconnected", ...checks.map(checkText)].join(" · ");
}

/** Reads a stored receipt; anything malformed counts as no receipt. */
export function parseChecks(value: unknown): ProductCheck[] | null {
  const parsed = productChecksSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}
