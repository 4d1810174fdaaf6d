// Every file of lib/ that hands SQL to the database, with sample calls of the builders and texts it
// exports (lib/sql-statements.int.test.ts plans each against the migrated schema). A builder with
// branches is called once per branch.
import { jsonRowSql, rowAsJsonSql, type TextStatement } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { DASHBOARD_SQL } from "./dashboard";
import { HOST_API_SQL } from "./host-api";
import { MACHINERY_SQL } from "./machinery";
import { OPERATOR_SQL } from "./operator";
import { STATE_MACHINE_SQL } from "./state-machine";

const ONE_ROW = Prisma.sql`SELECT 1 AS one, now() AS at`;

export type SqlStatement = Prisma.Sql | TextStatement;
/** Export name → sample statements built from it. */
export type FileStatements = Record<string, () => SqlStatement[]>;

export const SQL_CATALOG: Record<string, FileStatements> = {
  ...DASHBOARD_SQL,
  ...OPERATOR_SQL,
  ...MACHINERY_SQL,
  ...STATE_MACHINE_SQL,
  ...HOST_API_SQL,
  // Runs the others' statements (queryRows); its own only wrap a one-row statement as JSON.
  "lib/db.ts": {
    rowAsJsonSql: () => [Prisma.sql`SELECT ${rowAsJsonSql(ONE_ROW)} AS data`],
    jsonRowSql: () => [jsonRowSql(ONE_ROW)],
  },
};

/** Files whose statements are not yet planned here, and why. */
export const SQL_PENDING: Record<string, string> = {};
