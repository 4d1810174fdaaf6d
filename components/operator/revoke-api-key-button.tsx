"use client";

import { useActionState, useState } from "react";
import { Button } from "@/components/ui/button";
import { revokeApiKeyAction } from "@/lib/operator/api-key-actions";

/** Revoke, after a second click that says what it does: apps using the key get 401 at once. */
export function RevokeApiKeyButton({ id, name }: { id: string; name: string }) {
  const [confirming, setConfirming] = useState(false);
  const [state, action, pending] = useActionState(revokeApiKeyAction, null);
  if (state?.kind === "success")
    return (
      <span role="status" className="text-sm text-emerald-700">
        {state.message}
      </span>
    );
  if (!confirming)
    return (
      <Button
        type="button"
        variant="secondary"
        onClick={() => setConfirming(true)}
        aria-label={`Revoke ${name}`}
      >
        Revoke
      </Button>
    );
  return (
    <form action={action} className="flex flex-wrap items-center gap-2" aria-busy={pending || undefined}>
      <input type="hidden" name="id" value={id} />
      <span className="text-sm text-slate-800">
        Revoke &ldquo;{name}&rdquo;? Apps using it stop working at once.
      </span>
      <Button type="submit" variant="danger" pending={pending}>
        Yes, revoke
      </Button>
      <Button type="button" variant="ghost" onClick={() => setConfirming(false)} disabled={pending}>
        Cancel
      </Button>
      {state?.kind === "error" && (
        <span role="alert" className="text-sm text-red-700">
          {state.error}
        </span>
      )}
    </form>
  );
}
