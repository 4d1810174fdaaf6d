// How a repair receipt reads, for the page, the card and the "Reconnected" email alike:
// "Reconnected · Company ✓ · Directory ✓ · Employment ✗ (permission missing)".
// Plain text functions only: dashboard cards render them in the browser, so the schema that reads a
// stored receipt lives apart (parse-checks.ts) and zod never ships to the client.

// A type alias, not an interface: it is stored as Prisma JSON, which needs an index signature.
export type ProductCheck = {
  product: string;
  ok: boolean;
  /** In the customer's words: "permission missing", "not granted", "Finch unavailable", … */
  problem: string | null;
  /** Multi-entity connections: the company (entity name) this product was read for. */
  entity?: string | null;
};

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
  const name = check.entity ? `${check.entity}: ${productName(check.product)}` : productName(check.product);
  return check.ok ? `${name} ✓` : `${name} ✗${check.problem ? ` (${check.problem})` : ""}`;
}

export function receiptLine(checks: ProductCheck[]): string {
  return ["Reconnected", ...checks.map(checkText)].join(" · ");
}
