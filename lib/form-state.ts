// The value a form's server action returns: expected failures are values, not exceptions.
import { z } from "zod";
import { isAppError } from "@/lib/errors";

/** What went right, plus whatever else the form shows (`Extra`, e.g. a secret shown once). */
export type FormSuccess<Extra extends object = object> = { kind: "success"; message?: string } & Extra;
export type FormFailure = { kind: "error"; error: string };
export type FormState<Extra extends object = object> = FormSuccess<Extra> | FormFailure | null;

/** Turns a thrown AppError or zod error into a message the form shows; anything else is rethrown. */
export function formError(error: unknown): FormFailure {
  if (isAppError(error)) return { kind: "error", error: error.userMessage };
  if (error instanceof z.ZodError)
    return { kind: "error", error: error.issues[0]?.message ?? "Check the form and try again." };
  throw error;
}
