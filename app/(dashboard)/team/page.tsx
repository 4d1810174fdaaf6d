import type { Metadata } from "next";
import { InviteMemberForm } from "@/components/orgs/invite-member-form";
import { Card, CardTitle } from "@/components/ui/card";
import { requireMember } from "@/lib/auth/session";
import { listMembers, listOpenInvitations } from "@/lib/orgs/invitations";

export const metadata: Metadata = { title: "Team" };

export default async function TeamPage() {
  const member = await requireMember("/team");
  const [members, invitations] = await Promise.all([
    listMembers(member.organization.id),
    listOpenInvitations(member.organization.id),
  ]);
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold">Team</h1>
      <Card>
        <CardTitle>Members</CardTitle>
        <ul className="mt-4 divide-y divide-slate-100">
          {members.map((m) => (
            <li key={m.id} className="flex items-center justify-between py-3 text-sm">
              <span>{m.user.email}</span>
              <span className="rounded-full bg-slate-100 px-2 py-0.5 text-xs font-medium capitalize text-slate-700">
                {m.role}
              </span>
            </li>
          ))}
          {invitations.map((invitation) => (
            <li key={invitation.id} className="flex items-center justify-between py-3 text-sm text-slate-500">
              <span>{invitation.email}</span>
              <span className="rounded-full bg-amber-50 px-2 py-0.5 text-xs font-medium text-amber-800">
                Invited
              </span>
            </li>
          ))}
        </ul>
      </Card>
      {member.role === "owner" && (
        <Card>
          <CardTitle>Invite a colleague</CardTitle>
          <p className="mt-1 mb-4 text-sm text-slate-600">
            They will get an email and join when they sign in.
          </p>
          <InviteMemberForm />
        </Card>
      )}
    </div>
  );
}
