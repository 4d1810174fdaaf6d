import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { AcceptInvitationButton } from "@/components/orgs/accept-invitation-button";
import { CreateOrganizationForm } from "@/components/orgs/create-organization-form";
import { CenteredPage } from "@/components/ui/centered-page";
import { getMembership, requireUser } from "@/lib/auth/session";
import { listPendingInvitations } from "@/lib/orgs/invitations";

export const metadata: Metadata = { title: "Set up your organization" };

export default async function OnboardingPage() {
  const user = await requireUser("/onboarding");
  if (await getMembership(user.id)) redirect("/");
  const invitations = await listPendingInvitations(user.email);
  return (
    <CenteredPage>
      <h1 className="text-2xl font-semibold">Welcome</h1>
      <p className="mt-2 text-slate-600">Signed in as {user.email}.</p>
      {invitations.length > 0 && (
        <section aria-labelledby="invitations" className="mt-6 space-y-3">
          <h2 id="invitations" className="font-semibold">
            You have been invited
          </h2>
          {invitations.map((invitation) => (
            <AcceptInvitationButton
              key={invitation.id}
              invitationId={invitation.id}
              organizationName={invitation.organization.name}
            />
          ))}
          <p className="text-sm text-slate-500">Or create a new organization:</p>
        </section>
      )}
      <section className="mt-6">
        <h2 className="mb-3 font-semibold">Name your organization</h2>
        <CreateOrganizationForm />
      </section>
    </CenteredPage>
  );
}
