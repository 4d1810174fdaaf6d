import { Button } from "@/components/ui/button";
import { CenteredPage } from "@/components/ui/centered-page";
import { Notice } from "@/components/ui/notice";
import { LinkMessage } from "./link-message";

export interface EmailPreferencePageProps {
  kind: "unsubscribe" | "snooze";
  token: string;
  /** null: the link is invalid, expired, or its user or incident is gone. */
  status: { applied: boolean; providerName: string | null } | null;
  /** The server action behind the button. */
  confirm: (formData: FormData) => Promise<void>;
}

const copy = {
  unsubscribe: {
    question: "Stop reminder emails?",
    explain: "You will still get one email when a payroll connection breaks, and one when it works again.",
    button: "Unsubscribe from reminders",
    done: "You are unsubscribed from reminders",
  },
  snooze: {
    question: "Snooze reminders for this problem?",
    explain:
      "No more reminders about this connection problem. If the connection breaks again later, we will tell you again.",
    button: "Snooze reminders",
    done: "Reminders snoozed",
  },
};

/** GET shows a question and a button; only the button (a POST) changes anything, so link scanners do not. */
export function EmailPreferencePage({ kind, token, status, confirm }: EmailPreferencePageProps) {
  const text = copy[kind];
  if (!status) {
    return (
      <LinkMessage title="This link is not valid">
        <p>It may have been copied incompletely or be too old. Nothing was changed.</p>
      </LinkMessage>
    );
  }
  return (
    <CenteredPage>
      <h1 className="text-2xl font-semibold">{status.applied ? text.done : text.question}</h1>
      {status.providerName && (
        <p className="mt-2 font-medium text-slate-800">{status.providerName} connection</p>
      )}
      <p className="mt-2 text-slate-600">{text.explain}</p>
      {status.applied ? (
        <div className="mt-6">
          <Notice tone="success">Done. Nothing else is needed.</Notice>
        </div>
      ) : (
        <form action={confirm} className="mt-6">
          <input type="hidden" name="kind" value={kind} />
          <input type="hidden" name="token" value={token} />
          <Button type="submit">{text.button}</Button>
        </form>
      )}
    </CenteredPage>
  );
}
