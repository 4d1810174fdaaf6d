// The operator console's one gate: anyone not in OPERATOR_EMAILS (signed out included) gets the
// ordinary not-found answer, so the console's existence does not leak. Pages, actions and route
// handlers all call it; a layout alone would not guard them. Who is asking is read the way the
// dashboard reads it (one query from the session cookie), with next-auth taking over whenever it has
// work to do.
import "server-only";
import { notFound } from "next/navigation";
import { jsonRowSql, queryRows, rowAsJsonSql } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { getCurrentUser, isOperator, type CurrentUser } from "@/lib/auth/session";
import {
  ASK_NEXT_AUTH,
  readSessionMember,
  readSessionToken,
  sessionMemberSql,
  toSessionMember,
  type SessionMember,
  type SessionMemberRow,
} from "@/lib/auth/session-member";

/** The operator behind a session lookup (next-auth asked when it has work to do), or null for anyone else. */
async function operatorOf(found: SessionMember | typeof ASK_NEXT_AUTH): Promise<CurrentUser | null> {
  const user = found === ASK_NEXT_AUTH ? await getCurrentUser() : found.user;
  return user && isOperator(user.email) ? user : null;
}

/** The operator making this request, or null for anyone else (route handlers answer notFoundResponse()). */
export async function findOperator(): Promise<CurrentUser | null> {
  return operatorOf(await readSessionMember());
}

/** For pages and actions: the not-found page for anyone but an operator. */
export async function requireOperator(): Promise<CurrentUser> {
  const operator = await findOperator();
  if (!operator) notFound();
  return operator;
}

/**
 * The session's member (if any) and a page's one-row read (as JSON, `data`) in one statement. The read
 * runs whoever asks, as the pages' reads ran beside the gate before; only an operator ever sees it.
 */
export function operatorReadSql(token: string, read: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`
    SELECT me.*, ${rowAsJsonSql(read)} AS data
      FROM (SELECT 1) one LEFT JOIN (${sessionMemberSql(token)}) me ON true
     LIMIT 1`;
}

type MemberAndData<Data> = { [K in keyof SessionMemberRow]: SessionMemberRow[K] | null } & { data: Data };

/**
 * For pages: the gate and the page's reads in one round trip, as the dashboard reads its frame and
 * content. The operator and the read's row, or the not-found page for anyone else.
 */
export async function requireOperatorWith<Data>(
  read: Prisma.Sql,
): Promise<{ operator: CurrentUser; data: Data }> {
  const token = await readSessionToken();
  const [row] = token ? await queryRows<MemberAndData<Data>>(operatorReadSql(token, read)) : [];
  const operator = await operatorOf(
    toSessionMember(row?.userId ? (row as SessionMemberRow & { data: Data }) : undefined),
  );
  if (!operator) notFound();
  if (row) return { operator, data: row.data };
  // next-auth knew a session this request's cookie did not carry: read the page alone.
  const [alone] = await queryRows<{ data: Data }>(jsonRowSql(read));
  return { operator, data: alone.data };
}
