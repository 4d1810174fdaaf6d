"use client";

import { ActionError } from "@/components/ui/action-error";
import { Button } from "@/components/ui/button";
import { usePendingAction } from "@/components/ui/use-pending-action";
import { callAction } from "@/lib/actions/call-action";
import { connectPayrollAction } from "@/lib/finch/connect/connect-actions";
import { useFinchConnectLauncher } from "./finch-connect-provider";

export function ConnectPayrollButton({
  variant = "primary",
  label = "Connect payroll",
}: {
  variant?: "primary" | "secondary";
  /** "Connect again" when it replaces a disconnected connection. */
  label?: string;
}) {
  const { launch } = useFinchConnectLauncher();
  const { pending, error, run } = usePendingAction("Could not open Finch Connect.");
  const onClick = () => run(async () => launch((await callAction(connectPayrollAction)).launch));

  return (
    <span className="inline-flex flex-col items-start gap-1">
      <Button variant={variant} onClick={onClick} pending={pending}>
        {pending ? "Opening Finch Connect…" : label}
      </Button>
      <ActionError message={error} />
    </span>
  );
}
