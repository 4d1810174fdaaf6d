"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import type { ConnectLaunch } from "@/lib/connect/connect-launch";
import { postJson } from "@/lib/fetch-json";
import { useFinchConnectLauncher } from "./finch-connect-provider";

export function ConnectPayrollButton({ variant = "primary" }: { variant?: "primary" | "secondary" }) {
  const { launch } = useFinchConnectLauncher();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function onClick() {
    setPending(true);
    setError(null);
    try {
      launch(await postJson<ConnectLaunch>("/api/connections"));
    } catch (cause) {
      setError(cause instanceof Error ? cause.message : "Could not open Finch Connect.");
    } finally {
      setPending(false);
    }
  }

  return (
    <span className="inline-flex flex-col items-start gap-1">
      <Button variant={variant} onClick={onClick} pending={pending}>
        {pending ? "Opening Finch Connect…" : "Connect payroll"}
      </Button>
      {error && <span role="alert" className="text-sm text-red-700">{error}</span>}
    </span>
  );
}
