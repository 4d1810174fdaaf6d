// Calls a server action from a button (not a form): the fields go as FormData, as a form would send
// them, and a failure state becomes an Error carrying the action's user-safe message.
import type { FormState, FormSuccess } from "@/lib/form-state";

type ActionFn<Extra extends object> = (
  previous: FormState<Extra>,
  form: FormData,
) => Promise<FormState<Extra>>;

export async function callAction<Extra extends object>(
  action: ActionFn<Extra>,
  fields: Record<string, string | undefined> = {},
): Promise<FormSuccess<Extra>> {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) if (value !== undefined) form.set(name, value);
  const state = await action(null, form);
  if (!state || state.kind === "error") throw new Error(state?.error ?? "Something went wrong.");
  return state;
}
