"use client";

import { useActionState } from "react";
import { saveEmailPreferencesAction } from "@/lib/notifications/save-email-preferences-action";
import { Button } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";

export interface EmailPreferencesFormProps {
  preferences: { broken: boolean; reminders: boolean; restored: boolean };
}

const kinds = [
  { name: "broken", label: "Connection broken", hint: "One email when a connection needs reconnecting." },
  { name: "reminders", label: "Reminders", hint: "Follow-ups while a connection stays broken." },
  { name: "restored", label: "Connection restored", hint: "A confirmation once it works again." },
] as const;

export function EmailPreferencesForm({ preferences }: EmailPreferencesFormProps) {
  const [state, action, pending] = useActionState(saveEmailPreferencesAction, null);
  return (
    <form action={action} className="space-y-4">
      <fieldset>
        <legend className="sr-only">Emails you get</legend>
        <ul className="divide-y divide-slate-100">
          {kinds.map((kind) => (
            <li key={kind.name} className="flex items-start gap-3 py-3">
              <input
                id={`email-${kind.name}`}
                type="checkbox"
                name={kind.name}
                defaultChecked={preferences[kind.name]}
                aria-describedby={`email-${kind.name}-hint`}
                className="mt-1 h-4 w-4 rounded border-slate-300 text-brand-600"
              />
              <div className="text-sm">
                <label htmlFor={`email-${kind.name}`} className="font-medium text-slate-900">
                  {kind.label}
                </label>
                <p id={`email-${kind.name}-hint`} className="text-slate-600">
                  {kind.hint}
                </p>
              </div>
            </li>
          ))}
        </ul>
      </fieldset>
      <Button type="submit" pending={pending}>
        Save email settings
      </Button>
      {state &&
        (state.kind === "success" ? (
          <Notice tone="success">{state.message}</Notice>
        ) : (
          <Notice tone="error">{state.error}</Notice>
        ))}
    </form>
  );
}
