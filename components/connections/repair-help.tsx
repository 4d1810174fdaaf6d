"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { providerHelp } from "@/lib/connections/provider-help";
import { HELP_AFTER_FAILED_ATTEMPTS } from "@/lib/connections/repair-advice";
import { HandOffForm } from "./hand-off-form";

export interface RepairHelpProps {
  connectionId: string;
  providerId: string;
  providerName: string;
  failedAttempts: number;
  supportEmail: string;
}

/** Before a third try (providers lock accounts after three wrong passwords): reset, hand off, or ask us. */
export function RepairHelp(props: RepairHelpProps) {
  const { connectionId, providerId, providerName, failedAttempts, supportEmail } = props;
  const [handOffOpen, setHandOffOpen] = useState(false);
  const resetUrl = providerHelp(providerId).passwordResetUrl;
  const needsHelp = failedAttempts >= HELP_AFTER_FAILED_ATTEMPTS;
  return (
    <div className="space-y-3">
      {needsHelp && (
        <section
          aria-label="Help before another try"
          className="rounded-lg border border-amber-300 bg-white/70 p-3 text-sm"
        >
          <p className="font-semibold">
            {failedAttempts} attempts did not work. {providerName} may lock the account after one more wrong
            password, so before trying again:
          </p>
          <ul className="mt-2 space-y-2">
            <li>
              {resetUrl ? (
                <a
                  href={resetUrl}
                  target="_blank"
                  rel="noopener noreferrer"
                  className="font-medium text-brand-600 underline"
                >
                  Reset your {providerName} password
                </a>
              ) : (
                <span>
                  Reset your {providerName} password with the &quot;Forgot password&quot; link on your
                  company&apos;s {providerName} sign-in page.
                </span>
              )}
            </li>
            <li>
              <Button variant="secondary" onClick={() => setHandOffOpen(true)}>
                Ask a colleague to reconnect
              </Button>
            </li>
            <li>
              Still stuck? Write to{" "}
              <a href={`mailto:${supportEmail}`} className="underline">
                {supportEmail}
              </a>{" "}
              and we will help.
            </li>
          </ul>
        </section>
      )}
      <HandOffForm
        connectionId={connectionId}
        providerName={providerName}
        open={handOffOpen}
        onOpenChange={setHandOffOpen}
      />
    </div>
  );
}
