// The signed-in dashboard's data in one SQL statement per request: who is asking (session, user,
// membership, organization), the organization's connections and its health summary, read once however
// many server components ask (the layout and the page). next-auth keeps its own path whenever it has
// work to do on the session (see session-member.ts); then the parts are read the usual way.
import "server-only";
import { cache } from "react";
import { redirect } from "next/navigation";
import { requireMember } from "@/lib/auth/session";
import { ASK_NEXT_AUTH, readSessionToken } from "@/lib/auth/session-member";
import { listConnections } from "@/lib/connections/list-connections";
import { organizationHealth } from "@/lib/health/organization-health";
import { NO_MEMBERSHIP, readDashboardByToken, type Dashboard } from "./read-dashboard";

const readFolded = cache(async (): Promise<Dashboard | typeof ASK_NEXT_AUTH | typeof NO_MEMBERSHIP> => {
  const token = await readSessionToken();
  return token ? readDashboardByToken(token) : ASK_NEXT_AUTH;
});

const readParts = cache(async (organizationId: string) => {
  const [connections, health] = await Promise.all([
    listConnections(organizationId),
    organizationHealth({ organizationId }),
  ]);
  return { connections, health };
});

/** For the dashboard's layout and pages: like requireMember, with the organization's connections and health. */
export async function requireDashboard(returnTo = "/"): Promise<Dashboard> {
  const folded = await readFolded();
  if (folded === NO_MEMBERSHIP) redirect("/onboarding");
  if (folded !== ASK_NEXT_AUTH) return folded;
  const member = await requireMember(returnTo);
  return { member, ...(await readParts(member.organization.id)) };
}
