"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Notice } from "@/components/ui/notice";
import { handOffAction } from "@/lib/notifications/repair-actions";

export interface HandOffFormProps {
  connectionId: string;
  providerName: string;
  /** The id the button that opened it points at (aria-controls). */
  formId: string;
}

/** "Not the right person?": sends a colleague an invitation that carries the reconnect link. Loaded
 *  only when opened (repair-help.tsx), so the dashboard's first load does not carry it. The same
 *  mechanism as the team page's invitation form: a server action through useActionState. */
export function HandOffForm({ connectionId, providerName, formId }: HandOffFormProps) {
  const [state, action, pending] = useActionState(handOffAction, null);
  return (
    <form id={formId} action={action} aria-label="Hand off to a colleague" className="space-y-2">
      <input type="hidden" name="connectionId" value={connectionId} />
      <p className="text-sm">
        Send a colleague who has the {providerName} login an invitation with the reconnect link. They join
        your organization when they accept.
      </p>
      <div className="flex flex-col gap-2 sm:flex-row sm:items-end">
        <Input
          label="Colleague's email"
          id={`${formId}-email`}
          name="email"
          type="email"
          required
          placeholder="colleague@company.com"
          className="flex-1"
        />
        <Button type="submit" pending={pending}>
          Send to colleague
        </Button>
      </div>
      {state &&
        (state.kind === "success" ? (
          <Notice tone="success">{state.message}</Notice>
        ) : (
          <Notice tone="error">{state.error}</Notice>
        ))}
    </form>
  );
}
