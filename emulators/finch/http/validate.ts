import type { z } from "zod";
import { errors } from "./finch-error";

/** Validates a request body or query against a schema; failures become Finch's 400 bad_request. */
export function validate<T extends z.ZodType>(schema: T, value: unknown): z.infer<T> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const details = result.error.issues
    .map((issue) => `${issue.path.length ? issue.path.join(".") : "body"}: ${issue.message}`)
    .join("; ");
  throw errors.badRequest(`Invalid request: ${details}`);
}
