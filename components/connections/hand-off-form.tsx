"use client";

import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Notice } from "@/components/ui/notice";
import { usePendingAction } from "@/components/ui/use-pending-action";
import { fetchJson } from "@/lib/fetch-json";

export interface HandOffFormProps {
  connectionId: string;
  providerName: string;
  /** The id the button that opened it points at (aria-controls). */
  formId: string;
}

/** "Not the right person?": sends a colleague an invitation that carries the reconnect link. Loaded
 *  only when opened (repair-help.tsx), so the dashboard's first load does not carry it. */
export function HandOffForm({ connectionId, providerName, formId }: HandOffFormProps) {
  const { pending, error, run } = usePendingAction("Could not send it to your colleague.");
  const [sentTo, setSentTo] = useState<string | null>(null);

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const email = String(new FormData(event.currentTarget).get("email") ?? "");
    void run(async () => {
      const result = await fetchJson<{ sentTo: string }>(
        `/api/connections/${encodeURIComponent(connectionId)}/hand-off`,
        { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ email }) },
      );
      setSentTo(result.sentTo);
    });
  };

  return (
    <form id={formId} onSubmit={onSubmit} aria-label="Hand off to a colleague" className="space-y-2">
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
      {error && <Notice tone="error">{error}</Notice>}
      {sentTo && (
        <Notice tone="success">Sent to {sentTo}. We will tell you when the connection works again.</Notice>
      )}
    </form>
  );
}
