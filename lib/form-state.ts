// The value a form's server action returns: expected failures are values, not exceptions.
import { z } from "zod";
import { isAppError } from "@/lib/errors";

export type FormState = { kind: "success"; message?: string } | { kind: "error"; error: string } | null;

/** Turns a thrown AppError or zod error into a message the form shows; anything else is rethrown. */
export function formError(error: unknown): FormState {
  if (isAppError(error)) return { kind: "error", error: error.userMessage };
  if (error instanceof z.ZodError)
    return { kind: "error", error: error.issues[0]?.message ?? "Check the form and try again." };
  throw error;
}
