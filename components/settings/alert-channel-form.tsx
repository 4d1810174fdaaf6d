"use client";

import { useActionState } from "react";
import { alertChannelAction } from "@/app/(dashboard)/settings/notifications/actions";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Notice } from "@/components/ui/notice";

export interface AlertChannelFormProps {
  kind: "slack" | "webhook";
  /** The saved destination, shortened (the full URL is a credential and never sent back). */
  savedHint: string | null;
  placeholder: string;
}

const LABELS = { slack: "Slack webhook URL", webhook: "Webhook endpoint URL" };

export function AlertChannelForm({ kind, savedHint, placeholder }: AlertChannelFormProps) {
  const [state, action, pending] = useActionState(alertChannelAction, null);
  return (
    <form action={action} className="space-y-3" aria-busy={pending || undefined}>
      <input type="hidden" name="kind" value={kind} />
      <Input
        label={LABELS[kind]}
        id={`${kind}-url`}
        name="url"
        type="url"
        placeholder={placeholder}
        hint={savedHint ? `Now sending to ${savedHint}. Enter a new URL to replace it.` : "Not set."}
      />
      <div className="flex flex-wrap gap-2">
        <Button type="submit" name="intent" value="save" pending={pending}>
          Save
        </Button>
        {savedHint && (
          <>
            <Button type="submit" name="intent" value="test" variant="secondary" disabled={pending}>
              Send test
            </Button>
            {kind === "webhook" && (
              <Button type="submit" name="intent" value="rotate" variant="secondary" disabled={pending}>
                Rotate secret
              </Button>
            )}
            <Button type="submit" name="intent" value="remove" variant="ghost" disabled={pending}>
              Remove
            </Button>
          </>
        )}
      </div>
      {pending && (
        <p role="status" className="text-sm text-slate-600">
          Working…
        </p>
      )}
      {state &&
        (state.ok ? (
          <Notice tone="success" title={state.message}>
            {state.secret && (
              <p>
                Signing secret: <code className="break-all font-mono select-all">{state.secret}</code>
              </p>
            )}
          </Notice>
        ) : (
          <Notice tone="error">{state.error}</Notice>
        ))}
    </form>
  );
}
