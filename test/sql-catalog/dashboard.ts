// The signed-in customer's statements: the session, the dashboard, the poll, connections and health.
import { liveSessionSql } from "@/lib/auth/live-session-sql";
import { consumeVerificationTokenSql } from "@/lib/auth/prisma-adapter";
import { operatorReadSql } from "@/lib/auth/require-operator";
import { sessionMemberSql } from "@/lib/auth/session-member";
import { connectionsStampSql, sessionConnectionsStampSql } from "@/lib/connections/connections-etag";
import { recordWebhookEventSql } from "@/lib/signals/handle-account-updated";
import { connectionRowsSql, listConnectionsSql } from "@/lib/connections/list-connections";
import { lockConnectionSql } from "@/lib/connections/lock-connection-sql";
import { dashboardSql } from "@/lib/dashboard/read-dashboard";
import { Prisma } from "@/lib/generated/prisma/client";
import { connectionHealthSql } from "@/lib/health/connection-health";
import { organizationHealthSql } from "@/lib/health/organization-health";
import { countAttemptSql, pruneExpiredWindowsSql } from "@/lib/rate-limit/consume-rate-limit";
import { takePacedAttemptSql } from "@/lib/rate-limit/take-paced-allowance";
import type { FileStatements } from "./index";

const now = new Date();

export const DASHBOARD_SQL: Record<string, FileStatements> = {
  "lib/auth/live-session-sql.ts": {
    liveSessionSql: () => [Prisma.sql`SELECT s."userId", s.expires FROM ${liveSessionSql("token")} s`],
  },
  "lib/auth/prisma-adapter.ts": {
    consumeVerificationTokenSql: () => [consumeVerificationTokenSql("a@b.c", "t")],
  },
  "lib/auth/session-member.ts": { sessionMemberSql: () => [sessionMemberSql("token")] },
  "lib/auth/require-operator.ts": {
    operatorReadSql: () => [operatorReadSql("token", Prisma.sql`SELECT 1 AS one`)],
  },
  "lib/connections/connections-etag.ts": {
    connectionsStampSql: () => [connectionsStampSql("org")],
    sessionConnectionsStampSql: () => [sessionConnectionsStampSql("token")],
  },
  "lib/signals/handle-account-updated.ts": {
    recordWebhookEventSql: () => [
      recordWebhookEventSql("event", null),
      recordWebhookEventSql("event", "conn"),
    ],
  },
  "lib/connections/list-connections.ts": {
    connectionRowsSql: () => [connectionRowsSql(Prisma.sql`${"org"}`)],
    listConnectionsSql: () => [listConnectionsSql("org")],
  },
  "lib/connections/lock-connection-sql.ts": { lockConnectionSql: () => [lockConnectionSql("conn", "org")] },
  // Both use lockConnectionSql (above) and Prisma's own queries.
  "lib/connections/failed-attempts.ts": {},
  "lib/notifications/hand-off-repair.ts": {},
  "lib/dashboard/read-dashboard.ts": { dashboardSql: () => [dashboardSql("token", now)] },
  "lib/health/connection-health.ts": { connectionHealthSql: () => [connectionHealthSql("conn", "org", now)] },
  "lib/health/organization-health.ts": {
    organizationHealthSql: () => [organizationHealthSql(Prisma.sql`${"org"}`, now)],
  },
  "lib/rate-limit/consume-rate-limit.ts": {
    countAttemptSql: () => [countAttemptSql("hash", now, now)],
    pruneExpiredWindowsSql: () => [pruneExpiredWindowsSql(now)],
  },
  "lib/rate-limit/take-paced-allowance.ts": {
    takePacedAttemptSql: () => [takePacedAttemptSql("hash", 60, now, 5)],
  },
};
