import Link from "next/link";
import { retryFailedEmailAction } from "@/lib/operator/operator-actions";
import { timeAgo } from "@/lib/format-time";
import type { FailedEmail } from "@/lib/operator/get-machinery-status";
import { OperatorActionButton } from "./operator-action-button";
import { TableHeader } from "@/components/ui/table-header";
import { ScrollRegion } from "@/components/ui/scroll-region";
import { tableBodyClasses } from "@/components/ui/table-styles";

export function FailedEmailsTable({ emails }: { emails: FailedEmail[] }) {
  if (emails.length === 0) return <p className="text-sm text-slate-600">No failed sends.</p>;
  return (
    <ScrollRegion label="Failed sends, scrolls sideways">
      <table aria-label="Failed sends" className="min-w-full divide-y divide-slate-200">
        <TableHeader
          columns={[
            "Organization",
            "To",
            "Kind",
            "Attempts",
            "Last error",
            "Gave up",
            <span key="actions" className="sr-only">
              Actions
            </span>,
          ]}
        />
        <tbody className={tableBodyClasses()}>
          {emails.map((email) => (
            <tr key={email.id}>
              <td>
                <Link
                  href={`/operator/connections/${email.connectionId}`}
                  prefetch={false}
                  className="text-brand-700 hover:underline"
                >
                  {email.organizationName}
                </Link>
              </td>
              <td>{email.to}</td>
              <td>{email.kind.replaceAll("_", " ")}</td>
              <td>{email.attempts}</td>
              <td className="max-w-xs truncate" title={email.lastError ?? undefined}>
                {email.lastError ?? "—"}
              </td>
              <td>{timeAgo(email.updatedAt.toISOString())}</td>
              <td>
                <OperatorActionButton
                  action={retryFailedEmailAction}
                  fields={{ id: email.id }}
                  label="Retry"
                />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}
