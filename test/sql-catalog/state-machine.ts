// The state machine's and the outbox's statements: the transition's lock, the unchanged fast path, the
// next-check schedule, each outbox's claim and bookkeeping, and releasing an outage's held notices.
import { POSTPONE_SQL, pushNextCheckSql, SCHEDULE_SQL } from "@/lib/connections/sweep-schedule";
import { releaseHeldSql } from "@/lib/outages/release-held-emails";
import { OUTBOX_NAMES, OUTBOXES } from "@/lib/outbox/outboxes";
import {
  claimRowSql,
  listDueRowsSql,
  recordEndedSql,
  recordRetrySql,
  recordSentSql,
  rowStateSql,
} from "@/lib/outbox/outbox-store";
import { lockForTransitionSql } from "@/lib/signals/apply-connection-signal";
import { recordUnchangedStatusSql } from "@/lib/signals/record-unchanged-status";
import type { FileStatements } from "./index";

const now = new Date();
const references = { email: "msg_1", alert: 200, host: 200 } as const;

export const STATE_MACHINE_SQL: Record<string, FileStatements> = {
  "lib/signals/apply-connection-signal.ts": { lockForTransitionSql: () => [lockForTransitionSql("conn")] },
  // Uses lockForTransitionSql (above) and Prisma's own queries.
  "lib/signals/apply-entity-statuses.ts": {},
  "lib/signals/record-unchanged-status.ts": {
    recordUnchangedStatusSql: () => [
      recordUnchangedStatusSql({ eventId: "e", finchConnectionId: "f", finchStatus: "connected" }, now),
      recordUnchangedStatusSql(
        { eventId: "e", finchConnectionId: "f", finchStatus: "reauth", authenticationType: "oauth" },
        now,
      ),
    ],
  },
  "lib/connections/sweep-schedule.ts": {
    SCHEDULE_SQL: () => [{ text: SCHEDULE_SQL, values: [["conn"], 3600] }],
    POSTPONE_SQL: () => [{ text: POSTPONE_SQL, values: [["conn"], 60] }],
    pushNextCheckSql: () => [pushNextCheckSql("conn", now)],
  },
  "lib/outbox/outbox-store.ts": {
    claimRowSql: () => OUTBOX_NAMES.map((name) => claimRowSql(name, "row", now)),
    rowStateSql: () => OUTBOX_NAMES.map((name) => rowStateSql(name, "row")),
    recordSentSql: () =>
      OUTBOX_NAMES.map((name) => recordSentSql(name, "row", { now, reference: references[name] })),
    recordEndedSql: () =>
      OUTBOX_NAMES.map((name) => recordEndedSql(name, "row", { status: "failed", lastError: "x", now })),
    recordRetrySql: () =>
      OUTBOX_NAMES.map((name) => recordRetrySql(name, "row", { retryAt: now, lastError: "x", now })),
    listDueRowsSql: () =>
      OUTBOX_NAMES.flatMap((name) => [
        listDueRowsSql(name, { now }),
        listDueRowsSql(name, { now, incidentId: "inc", limit: 10 }),
      ]),
  },
  "lib/outages/release-held-emails.ts": {
    releaseHeldSql: () => Object.values(OUTBOXES).map((outbox) => releaseHeldSql(outbox, "pi", now)),
  },
};
