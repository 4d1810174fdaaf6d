"use client";

import { lazy, Suspense, useState } from "react";
import { Button } from "@/components/ui/button";
import { providerHelp } from "@/lib/connections/provider-help";
import { HELP_AFTER_FAILED_ATTEMPTS } from "@/lib/connections/help-after-failed-attempts";
import { formatList } from "@/lib/format-list";

// The hand-off form is fetched on the first open, not with every dashboard (React's lazy: next/dynamic
// would ship its own loader for it).
const HandOffForm = lazy(() => import("./hand-off-form").then((m) => ({ default: m.HandOffForm })));

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

function AccessAdvice({ providerName, companies }: { providerName: string; companies: string[] }) {
  return (
    <section
      aria-label="Reconnecting needs access to every company"
      className="rounded-lg border border-amber-300 bg-white/70 p-3 text-sm"
    >
      <p className="font-semibold">
        The last reconnect failed: the {providerName} login used cannot see every company on this connection.
      </p>
      <p className="mt-1">
        Finch only accepts a reconnect from someone who can see all of them: {formatList(companies)}. Ask a
        colleague with that access to reconnect, or ask your {providerName} administrator to give you access
        to every company first.
      </p>
    </section>
  );
}

/** Before a third try (providers lock accounts after three wrong passwords): reset, hand off, or ask us. */
export function RepairHelp(props: RepairHelpProps) {
  const { connectionId, providerId, providerName, failedAttempts, supportEmail, accessBlockedBy } = props;
  const [opened, setHandOffOpen] = useState(false);
  const handOffOpen = opened || Boolean(accessBlockedBy);
  const formId = `hand-off-${connectionId}`;
  const resetUrl = providerHelp(providerId).passwordResetUrl;
  const needsHelp = failedAttempts >= HELP_AFTER_FAILED_ATTEMPTS;
  return (
    <div className="space-y-3">
      {accessBlockedBy && <AccessAdvice providerName={providerName} companies={accessBlockedBy} />}
      {needsHelp && !accessBlockedBy && (
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
