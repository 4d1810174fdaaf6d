// The machinery's statements, texts with numbered parameters: the Finch call budget, the sweep and the jobs.
import { BUDGET_USAGE_SQL, budgetUsageQuery } from "@/lib/finch/budget/get-finch-budget-usage";
import { PAUSE_CLASS_SQL } from "@/lib/finch/budget/pause-budget-class";
import { RESET_BUDGET_SQL } from "@/lib/finch/budget/reset-finch-budget";
import { CREATE_BUCKET_SQL, TAKE_PERMIT_SQL } from "@/lib/finch/budget/take-lane-permit";
import { CREATE_WINDOW_SQL, TAKE_WINDOW_PERMIT_SQL } from "@/lib/finch/budget/take-window-permit";
import { findJobsSql } from "@/lib/jobs/find-jobs";
import { JOB_SCHEMA } from "@/lib/jobs/job-engine";
import {
  installedJobSchemaSql,
  jobSchemaVersionSql,
  retiredJobSchemasSql,
  unfinishedRetiredJobsSql,
} from "@/lib/jobs/retire-newer-job-schema";
import { SWEEP_COVERAGE_SQL, WORST_STALENESS_SQL } from "@/lib/sweep/get-sweep-coverage";
import { CLAIM_DUE_SQL } from "@/lib/sweep/schedule-due-sweeps";
import {
  CONNECTIONS_BY_STATUS_SQL,
  FLEET_GAUGES_SQL,
  OPEN_INCIDENTS_SQL,
  OUTBOX_BACKLOG_SQL,
} from "@/lib/ops/fleet-metrics";
import type { FileStatements } from "./index";

export const MACHINERY_SQL: Record<string, FileStatements> = {
  "lib/finch/budget/get-finch-budget-usage.ts": {
    BUDGET_USAGE_SQL: () => [
      {
        text: BUDGET_USAGE_SQL,
        values: [
          ["ip:interactive", "ip:shared"],
          [300, 0],
        ],
      },
    ],
  },
  "lib/finch/budget/pause-budget-class.ts": {
    PAUSE_CLASS_SQL: () => [{ text: PAUSE_CLASS_SQL, values: [["ip:shared"], 60] }],
  },
  "lib/finch/budget/reset-finch-budget.ts": {
    RESET_BUDGET_SQL: () => [{ text: RESET_BUDGET_SQL, values: [] }],
  },
  "lib/finch/budget/take-lane-permit.ts": {
    TAKE_PERMIT_SQL: () => [{ text: TAKE_PERMIT_SQL, values: ["ip:shared", 10, 1.5, 0.5] }],
    CREATE_BUCKET_SQL: () => [{ text: CREATE_BUCKET_SQL, values: ["ip:shared", 10] }],
  },
  "lib/finch/budget/take-window-permit.ts": {
    TAKE_WINDOW_PERMIT_SQL: () => [
      { text: TAKE_WINDOW_PERMIT_SQL, values: ["product:company:shared", 12, 60, 1] },
    ],
    CREATE_WINDOW_SQL: () => [{ text: CREATE_WINDOW_SQL, values: ["product:company:shared", 11] }],
  },
  "lib/sweep/get-sweep-coverage.ts": {
    SWEEP_COVERAGE_SQL: () => [{ text: SWEEP_COVERAGE_SQL, values: [3600] }],
    WORST_STALENESS_SQL: () => [{ text: WORST_STALENESS_SQL, values: [] }],
  },
  "lib/sweep/schedule-due-sweeps.ts": {
    CLAIM_DUE_SQL: () => [{ text: CLAIM_DUE_SQL, values: [25, 900, 3600] }],
  },
  // pg-boss's own table: lib/sql-statements.int.test.ts starts the job engine, which creates it.
  "lib/jobs/find-jobs.ts": {
    findJobsSql: () => [
      findJobsSql("email-send", { id: "00000000-0000-4000-8000-000000000000" }),
      findJobsSql("email-send", { key: "outbox-row-id" }),
    ],
  },
  // Planned against pg-boss 10's own schema, which has every column they read. The schema DDL cannot be
  // EXPLAINed; retire-newer-job-schema.int.test.ts runs it.
  "lib/jobs/retire-newer-job-schema.ts": {
    installedJobSchemaSql: () => [installedJobSchemaSql(JOB_SCHEMA)],
    jobSchemaVersionSql: () => [{ text: jobSchemaVersionSql(JOB_SCHEMA), values: [] }],
    retiredJobSchemasSql: () => [retiredJobSchemasSql(JOB_SCHEMA)],
    unfinishedRetiredJobsSql: () => [unfinishedRetiredJobsSql(JOB_SCHEMA)],
    setAsideJobSchemaSql: () => [],
    dropRetiredJobSchemaSql: () => [],
  },
  // Runs pg-boss's statements on a Prisma transaction; writes none of its own.
  "lib/jobs/prisma-job-db.ts": {},
  "lib/ops/fleet-metrics.ts": {
    CONNECTIONS_BY_STATUS_SQL: () => [{ text: CONNECTIONS_BY_STATUS_SQL, values: [] }],
    OPEN_INCIDENTS_SQL: () => [{ text: OPEN_INCIDENTS_SQL, values: [] }],
    OUTBOX_BACKLOG_SQL: () => [{ text: OUTBOX_BACKLOG_SQL, values: [] }],
    FLEET_GAUGES_SQL: () => [{ text: FLEET_GAUGES_SQL, values: budgetUsageQuery().values }],
  },
};
