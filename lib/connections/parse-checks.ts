// Reads a stored repair receipt's checks (JSON in the database) with zod; kept out of receipt-line.ts so
// the browser's copy of the receipt wording does not carry a schema library.
import { z } from "zod";
import type { ProductCheck } from "./receipt-line";

const productChecksSchema = z.array(
  z.object({
    product: z.string(),
    ok: z.boolean(),
    problem: z.string().nullable(),
    entity: z.string().nullish(),
  }),
) satisfies z.ZodType<ProductCheck[]>;

/** Reads a stored receipt; anything malformed counts as no receipt. */
export function parseChecks(value: unknown): ProductCheck[] | null {
  const parsed = productChecksSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}
