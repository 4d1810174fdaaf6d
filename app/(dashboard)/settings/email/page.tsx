import type { Metadata } from "next";
import { EmailPreferencesForm } from "@/components/settings/email-preferences-form";
import { Card, CardTitle } from "@/components/ui/card";
import { requireMember } from "@/lib/auth/session";
import { getEmailPreferences } from "@/lib/notifications/member-email-preferences";

export const metadata: Metadata = { title: "Email settings" };

export default async function EmailSettingsPage() {
  const member = await requireMember("/settings/email");
  const preferences = await getEmailPreferences(member.id);
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold">Email settings</h1>
      <Card>
        <CardTitle>Emails about payroll connections</CardTitle>
        <p className="mt-1 mb-4 text-sm text-slate-600">
          Sent to {member.email}. Turn any of them back on at any time, including after unsubscribing from an
          email.
        </p>
        <EmailPreferencesForm preferences={preferences} />
      </Card>
    </div>
  );
}
