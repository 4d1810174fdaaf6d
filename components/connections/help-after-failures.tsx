"use client";

// The repair help shown only after failures (repair-help.tsx loads it then, not with every dashboard):
// why a multi-entity reconnect was refused, and what to do before a third try.
import { Button } from "@/components/ui/button";
import { providerHelp } from "@/lib/connections/provider-help";
import { formatList } from "@/lib/format-list";

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
export function HelpAfterFailures({
  providerId,
  providerName,
  failedAttempts,
  supportEmail,
  accessBlockedBy,
  onHandOff,
}: {
  providerId: string;
  providerName: string;
  failedAttempts: number;
  supportEmail: string;
  accessBlockedBy?: string[] | null;
  onHandOff(): void;
}) {
  if (accessBlockedBy) return <AccessAdvice providerName={providerName} companies={accessBlockedBy} />;
  const resetUrl = providerHelp(providerId).passwordResetUrl;
  return (
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
          <Button variant="secondary" onClick={onHandOff}>
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
  );
}
