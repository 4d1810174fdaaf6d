// The signed-in dashboard's data in one SQL statement per request: who is asking (session, user,
// membership, organization), the organization's connections and its health summary, read once however
// many server components ask (the layout and the page). next-auth keeps its own path whenever it has
// work to do on the session (see session-member.ts); then the parts are read the usual way.
import "server-only";
import { cache } from "react";
import { redirect } from "next/navigation";
import { requireMember, type CurrentMember } from "@/lib/auth/session";
import {
  ASK_NEXT_AUTH,
  readSessionToken,
  sessionMemberSql,
  toSessionMember,
  type SessionMemberRow,
} from "@/lib/auth/session-member";
import type { ConnectionSummary } from "@/lib/connections/connection-summary";
import {
  connectionRowsSql,
  listConnections,
  toSummaries,
  type SummaryRow,
} from "@/lib/connections/list-connections";
import { queryRows } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import {
  organizationHealth,
  organizationHealthSql,
  toOrganizationHealth,
  type OrganizationHealth,
  type OrganizationHealthRow,
} from "@/lib/health/organization-health";

export interface Dashboard {
  member: CurrentMember;
  connections: ConnectionSummary[];
  health: OrganizationHealth;
}

/** One row per connection (or one with empty connection columns when there is none). */
type Row = SessionMemberRow & OrganizationHealthRow & { [K in keyof SummaryRow]: SummaryRow[K] | null };
type ConnectionRow = SessionMemberRow & OrganizationHealthRow & SummaryRow;

export const NO_MEMBERSHIP = "no-membership";

/** The dashboard of a next-auth session token, in one statement (or what stands in its way). */
export async function readDashboardByToken(
  token: string,
): Promise<Dashboard | typeof ASK_NEXT_AUTH | typeof NO_MEMBERSHIP> {
  const organizationId = Prisma.sql`(SELECT "organizationId" FROM me)`;
  // Straight from the pool (queryRows): the hottest read of the product, once per dashboard request.
  const rows = await queryRows<Row>(Prisma.sql`
    WITH me AS (${sessionMemberSql(token)})
    SELECT me.*, h.*, l.*
    FROM me
    CROSS JOIN (${organizationHealthSql(organizationId, new Date())}) h
    LEFT JOIN (${connectionRowsSql(organizationId)}) l ON true
    ORDER BY l."sortAt" ASC, l.id ASC`);
  const found = toSessionMember(rows[0]);
  if (found === ASK_NEXT_AUTH) return ASK_NEXT_AUTH;
  if (!found.membership) return NO_MEMBERSHIP;
  return {
    member: { ...found.user, role: found.membership.role, organization: found.membership.organization },
    connections: toSummaries(rows.filter((row): row is ConnectionRow => row.id !== null)),
    health: toOrganizationHealth(rows[0]),
  };
}

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
