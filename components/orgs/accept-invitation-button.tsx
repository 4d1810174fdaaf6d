"use client";

import { useActionState } from "react";
import { acceptInvitationAction } from "@/lib/orgs/accept-invitation-action";
import { Button } from "@/components/ui/button";

export function AcceptInvitationButton({
  invitationId,
  organizationName,
}: {
  invitationId: string;
  organizationName: string;
}) {
  const [state, action, pending] = useActionState(acceptInvitationAction, null);
  return (
    <form action={action}>
      <input type="hidden" name="invitationId" value={invitationId} />
      <Button type="submit" pending={pending}>
        Join {organizationName}
      </Button>
      {state && state.kind === "error" && (
        <p className="mt-2 text-sm text-red-600" role="alert">
          {state.error}
        </p>
      )}
    </form>
  );
}
