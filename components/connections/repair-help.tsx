"use client";

import { lazy, Suspense, useState } from "react";
import { HELP_AFTER_FAILED_ATTEMPTS } from "@/lib/connections/help-after-failed-attempts";

// The hand-off form is fetched on the first open, not with every dashboard (React's lazy: next/dynamic
// would ship its own loader for it).
const HandOffForm = lazy(() => import("./hand-off-form").then((m) => ({ default: m.HandOffForm })));
// So is the help shown only after failures.
const HelpAfterFailures = lazy(() =>
  import("./help-after-failures").then((m) => ({ default: m.HelpAfterFailures })),
);

export interface RepairHelpProps {
  connectionId: string;
  providerId: string;
  providerName: string;
  failedAttempts: number;
  supportEmail: string;
  /**
   * Multi-entity mode: the last reconnect failed because the person cannot see every company; these are
   * the companies someone must be able to see. The colleague hand-off is then offered at once.
   */
  accessBlockedBy?: string[] | null;
}

/** Under a broken connection: who else can reconnect, and, after failures, what to do before a third try. */
export function RepairHelp(props: RepairHelpProps) {
  const { connectionId, providerId, providerName, failedAttempts, supportEmail, accessBlockedBy } = props;
  const [opened, setHandOffOpen] = useState(false);
  const handOffOpen = opened || Boolean(accessBlockedBy);
  const formId = `hand-off-${connectionId}`;
  const needsHelp = failedAttempts >= HELP_AFTER_FAILED_ATTEMPTS;
  return (
    <div className="space-y-3">
      {(accessBlockedBy || needsHelp) && (
        <Suspense fallback={null}>
          <HelpAfterFailures
            providerId={providerId}
            providerName={providerName}
            failedAttempts={failedAttempts}
            supportEmail={supportEmail}
            accessBlockedBy={accessBlockedBy}
            onHandOff={() => setHandOffOpen(true)}
          />
        </Suspense>
      )}
      {handOffOpen ? (
        <Suspense fallback={null}>
          <HandOffForm connectionId={connectionId} providerName={providerName} formId={formId} />
        </Suspense>
      ) : (
        <button
          type="button"
          className="text-sm font-medium text-brand-600 underline-offset-2 hover:underline"
          aria-expanded={false}
          aria-controls={formId}
          onClick={() => setHandOffOpen(true)}
        >
          Not the right person?
        </button>
      )}
    </div>
  );
}
