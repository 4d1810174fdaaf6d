// A JSON request body checked against a schema: anything else is a clear 400, never a 500.
import "server-only";
import type { z } from "zod";
import { AppError } from "@/lib/errors";

export async function readJsonBody<S extends z.ZodType>(
  request: Request,
  schema: S,
  hint: string,
): Promise<z.infer<S>> {
  let json: unknown;
  try {
    json = JSON.parse(await request.text());
  } catch {
    throw new AppError("bad_request", "The request body is not valid JSON.");
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) throw new AppError("bad_request", hint);
  return parsed.data;
}
