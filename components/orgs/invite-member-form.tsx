"use client";

import { useActionState } from "react";
import { inviteMemberAction } from "@/lib/orgs/invite-member-action";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Notice } from "@/components/ui/notice";

export function InviteMemberForm() {
  const [state, action, pending] = useActionState(inviteMemberAction, null);
  return (
    <form action={action} className="space-y-3">
      <div className="flex flex-col gap-3 sm:flex-row sm:items-end">
        <Input
          label="Colleague's email"
          name="email"
          type="email"
          required
          placeholder="colleague@company.com"
          className="flex-1"
        />
        <Button type="submit" pending={pending}>
          Send invitation
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
