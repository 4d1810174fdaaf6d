"use client";

import { useActionState } from "react";
import { createOrganizationAction } from "@/lib/orgs/create-organization-action";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";

export function CreateOrganizationForm() {
  const [state, action, pending] = useActionState(createOrganizationAction, null);
  return (
    <form action={action} className="space-y-4">
      <Input
        label="Organization name"
        name="name"
        required
        minLength={2}
        maxLength={100}
        placeholder="Acme Inc."
        hint="The employer whose payroll you connect."
        error={state && state.kind === "error" ? state.error : undefined}
      />
      <Button type="submit" className="w-full" pending={pending}>
        Create organization
      </Button>
    </form>
  );
}
