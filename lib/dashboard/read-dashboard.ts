// The signed-in dashboard's data in one SQL statement: who is asking (session, user, membership,
// organization), the organization's connections and its health summary, from a next-auth session
// token. No request APIs here, so the operator benchmark runs exactly this statement too.
import "server-only";
import type { CurrentMember } from "@/lib/auth/session";
import {
  ASK_NEXT_AUTH,
  sessionMemberSql,
  toSessionMember,
  type SessionMemberRow,
} from "@/lib/auth/session-member";
import type { ConnectionSummary } from "@/lib/connections/connection-summary";
import { connectionRowsSql, toSummaries, type SummaryRow } from "@/lib/connections/list-connections";
import { queryRows } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import {
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

/** The one statement: the session's member, the organization's health and its connections. */
export function dashboardSql(token: string, now: Date): Prisma.Sql {
  const organizationId = Prisma.sql`(SELECT "organizationId" FROM me)`;
  return Prisma.sql`
    WITH me AS (${sessionMemberSql(token)})
    SELECT me.*, h.*, l.*
    FROM me
    CROSS JOIN (${organizationHealthSql(organizationId, now)}) h
    LEFT JOIN (${connectionRowsSql(organizationId)}) l ON true
    ORDER BY l."sortAt" ASC, l.id ASC`;
}

/** The dashboard of a next-auth session token, in one statement (or what stands in its way). */
export async function readDashboardByToken(
  token: string,
): Promise<Dashboard | typeof ASK_NEXT_AUTH | typeof NO_MEMBERSHIP> {
  // Straight from the pool (queryRows): the hottest read of the product, once per dashboard request.
  const rows = await queryRows<Row>(dashboardSql(token, new Date()));
  const found = toSessionMember(rows[0]);
  if (found === ASK_NEXT_AUTH) return ASK_NEXT_AUTH;
  if (!found.membership) return NO_MEMBERSHIP;
  return {
    member: { ...found.user, role: found.membership.role, organization: found.membership.organization },
    connections: toSummaries(rows.filter((row): row is ConnectionRow => row.id !== null)),
    health: toOrganizationHealth(rows[0]),
  };
}
