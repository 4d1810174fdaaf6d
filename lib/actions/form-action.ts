// One way to mutate from a form: every server action is built here, so validation of the FormData (zod),
// the guard (a member, a signed-in user or an operator), error mapping (AppError → the form's message)
// and revalidation live in one place and the action holds only its own work. Cross-site posts never get
// this far: proxy.ts refuses a server action with a foreign Origin, and Next.js checks it again.
import "server-only";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import type { z } from "zod";
import { requireMember, requireUser, type CurrentMember, type CurrentUser } from "@/lib/auth/session";
import { formError, type FormFailure, type FormState, type FormSuccess } from "@/lib/form-state";
import { requireOperator } from "@/lib/auth/require-operator";

/** A path to revalidate after a success; `layout` revalidates every page under it. */
export type RevalidateTarget = string | { path: string; type: "layout" | "page" };

export interface FormActionOptions {
  revalidate?: RevalidateTarget[];
  /** Where the guard sends a signed-out visitor back to after signing in. */
  returnTo?: string;
  /** Where to go after a success (the action's state is then never shown). */
  redirectTo?: string;
}

export type FormAction<Extra extends object = object> = (
  previous: FormState<Extra>,
  form: FormData,
) => Promise<FormState<Extra>>;

type Work<Input, Who, Extra extends object> = (
  input: Input,
  who: Who,
) => Promise<FormSuccess<Extra> | FormFailure>;

function formAction<Who, Schema extends z.ZodType, Extra extends object>(
  guard: (options: FormActionOptions) => Promise<Who>,
  schema: Schema,
  work: Work<z.output<Schema>, Who, Extra>,
  options: FormActionOptions,
): FormAction<Extra> {
  return async (_previous, form) => {
    // The guard redirects or answers not-found itself; it runs before the input is even read.
    const who = await guard(options);
    const input = schema.safeParse(Object.fromEntries(form));
    if (!input.success)
      return { kind: "error", error: input.error.issues[0]?.message ?? "Check the form and try again." };
    let state: FormSuccess<Extra> | FormFailure;
    try {
      state = await work(input.data, who);
    } catch (error) {
      return formError(error);
    }
    if (state.kind === "success") {
      for (const target of options.revalidate ?? [])
        if (typeof target === "string") revalidatePath(target);
        else revalidatePath(target.path, target.type);
      if (options.redirectTo) redirect(options.redirectTo);
    }
    return state;
  };
}

/** The action builder for one guard: `(schema, work, options)` → a server action. */
function guardedBy<Who>(guard: (options: FormActionOptions) => Promise<Who>) {
  return <Schema extends z.ZodType, Extra extends object = object>(
    schema: Schema,
    work: Work<z.output<Schema>, Who, Extra>,
    options: FormActionOptions = {},
  ): FormAction<Extra> => formAction(guard, schema, work, options);
}

/** An action for members of an organization (first-timers are sent to name theirs). */
export const memberAction = guardedBy<CurrentMember>((options) => requireMember(options.returnTo));

/** An action for any signed-in user, member or not yet (onboarding). */
export const userAction = guardedBy<CurrentUser>((options) => requireUser(options.returnTo));

/** An action of the operator console: anyone else gets the not-found page, as at every operator URL. */
export const operatorAction = guardedBy<CurrentUser>(() => requireOperator());
