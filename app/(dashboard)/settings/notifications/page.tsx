import type { Metadata } from "next";
import { AlertChannelForm } from "@/components/settings/alert-channel-form";
import { Card, CardTitle } from "@/components/ui/card";
import { Notice } from "@/components/ui/notice";
import { listAlertChannels } from "@/lib/alerts/manage-alert-channels";
import { requireMember } from "@/lib/auth/session";
import { env } from "@/lib/env";

export const metadata: Metadata = { title: "Alert channels" };

export default async function NotificationSettingsPage() {
  const member = await requireMember("/settings/notifications");
  if (member.role !== "owner")
    return (
      <Notice tone="warning">Only an owner of {member.organization.name} can change alert channels.</Notice>
    );
  const channels = await listAlertChannels(member.organization.id);
  const hint = (kind: "slack" | "webhook") =>
    channels.find((channel) => channel.kind === kind)?.urlHint ?? null;
  // Locally, the hooks inbox stand-in is the place to send them and see what arrives.
  const inbox = env().HOOKS_INBOX_URL;
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold">Alert channels</h1>
        <p className="mt-1 text-slate-600">
          Besides email, tell Slack and your own systems when a payroll connection breaks, while it stays
          broken, and when it works again.
        </p>
        {inbox && (
          <p className="mt-1 text-sm text-slate-500">
            Trying it locally? Use <code>{inbox}/slack/…</code> and <code>{inbox}/hooks/…</code>, and watch{" "}
            <a className="text-brand-600 underline" href={inbox}>
              the hooks inbox
            </a>
            .
          </p>
        )}
      </div>
      <Card>
        <CardTitle>Slack</CardTitle>
        <p className="mt-1 mb-4 text-sm text-slate-600">
          An incoming-webhook URL from your Slack workspace: a short message with the provider, the cause,
          since when, and the link to reconnect.
        </p>
        <AlertChannelForm
          kind="slack"
          savedHint={hint("slack")}
          placeholder="https://hooks.slack.com/services/…"
        />
      </Card>
      <Card>
        <CardTitle>Webhook endpoint</CardTitle>
        <p className="mt-1 mb-4 text-sm text-slate-600">
          Your own HTTPS endpoint receives <code>connection.broken</code>, <code>connection.reminder</code>{" "}
          and <code>connection.restored</code> events as JSON, signed with the Standard Webhooks scheme (
          <code>webhook-id</code>, <code>webhook-timestamp</code>, <code>webhook-signature</code>).
        </p>
        <AlertChannelForm
          kind="webhook"
          savedHint={hint("webhook")}
          placeholder="https://example.com/webhooks/payroll"
        />
      </Card>
    </div>
  );
}
