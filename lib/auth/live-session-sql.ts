// next-auth's database-session rule in SQL, written once: a session is live while its token matches
// and it has not expired. The fast paths that read the session cookie themselves (the dashboard's one
// statement, the poll's ETag, the operator's gate) compose it instead of repeating it.
import { Prisma } from "@/lib/generated/prisma/client";

/** The live session behind a token as a derived table (`"userId"`, `expires`); alias it in a FROM. */
export function liveSessionSql(sessionToken: string): Prisma.Sql {
  return Prisma.sql`(SELECT "userId", expires FROM "Session"
    WHERE "sessionToken" = ${sessionToken} AND expires > now())`;
}
