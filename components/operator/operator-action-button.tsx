"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import type { FormState } from "@/lib/form-state";

export interface OperatorActionButtonProps<Extra extends object> {
  action: (state: FormState<Extra>, form: FormData) => Promise<FormState<Extra>>;
  /** Hidden fields the action reads (ids). */
  fields: Record<string, string>;
  label: string;
  variant?: "primary" | "secondary" | "danger";
}

/** One console action: a button that shows progress and then what happened. */
export function OperatorActionButton<Extra extends object>({
  action,
  fields,
  label,
  variant = "secondary",
}: OperatorActionButtonProps<Extra>) {
  const [state, formAction, pending] = useActionState(action, null);
  return (
    <form action={formAction} className="inline-flex flex-wrap items-center gap-2">
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <Button type="submit" variant={variant} pending={pending}>
        {label}
      </Button>
      {state && (
        <span
          role={state.kind === "success" ? "status" : "alert"}
          className={`text-sm ${state.kind === "success" ? "text-emerald-700" : "text-red-700"}`}
        >
          {state.kind === "success" ? state.message : state.error}
        </span>
      )}
    </form>
  );
}
