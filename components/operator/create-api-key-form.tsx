"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Notice } from "@/components/ui/notice";
import { API_SCOPES } from "@/lib/api-keys/api-scopes";
import { createApiKeyAction } from "@/lib/operator/api-key-actions";
import { NewKeyOnce } from "./new-key-once";

const SCOPE_HINTS: Record<(typeof API_SCOPES)[number], string> = {
  "connections:read": "list and read connections",
  "connections:write": "import connections, report signals",
  "tokens:read": "read access tokens",
  "links:write": "create login links",
  "webhooks:write": "manage webhook endpoints",
};

/** Name and scopes (all ticked by default); the new key is shown once below the form. */
export function CreateApiKeyForm() {
  const [state, action, pending] = useActionState(createApiKeyAction, null);
  return (
    <div className="space-y-4">
      <form action={action} className="space-y-4" aria-busy={pending || undefined}>
        <Input
          label="Key name"
          id="api-key-name"
          name="name"
          required
          maxLength={100}
          hint="e.g. Nightly sync"
        />
        <fieldset>
          <legend className="text-sm font-medium text-slate-700">Scopes</legend>
          <div className="mt-2 grid grid-cols-1 gap-2 sm:grid-cols-2">
            {API_SCOPES.map((scope) => (
              <label key={scope} className="flex items-start gap-2 text-sm text-slate-800">
                <input type="checkbox" name={scope} defaultChecked className="mt-0.5 h-4 w-4 rounded" />
                <span>
                  <code className="font-mono">{scope}</code>
                  <span className="block text-slate-600">{SCOPE_HINTS[scope]}</span>
                </span>
              </label>
            ))}
          </div>
        </fieldset>
        <Button type="submit" pending={pending}>
          Create key
        </Button>
      </form>
      {state?.kind === "error" && <Notice tone="error">{state.error}</Notice>}
      {state?.kind === "success" && state.key && <NewKeyOnce name={state.name ?? ""} apiKey={state.key} />}
    </div>
  );
}
