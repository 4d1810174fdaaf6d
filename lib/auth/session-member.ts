// The dashboard's "who is asking": the signed-in user, their role and organization in one query from
// next-auth's own session cookie, once per request. next-auth stays in charge whenever it has work to
// do (no cookie under the name it uses, an unknown or expired session, one due for its daily
// extension): then this answers "ask next-auth" and the caller takes the usual path.
import "server-only";
import { cache } from "react";
import { cookies } from "next/headers";
import { queryRows } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Role } from "@/lib/generated/prisma/enums";
import { liveSessionSql } from "./live-session-sql";
import { sessionCookieName } from "./session-cookie";
import { SESSION_MAX_AGE_SECONDS, SESSION_UPDATE_AGE_SECONDS } from "./options";

export interface SessionMember {
  user: { id: string; email: string };
  membership: { role: Role; organization: { id: string; name: string } } | null;
}

export const ASK_NEXT_AUTH = "ask-next-auth";

/** The request's next-auth session token, if it carries one under the name next-auth uses here. */
export async function readSessionToken(): Promise<string | undefined> {
  return (await cookies()).get(sessionCookieName())?.value;
}

/** next-auth moves a session's expiry forward once it is updateAge old; such a session is left to it. */
export function isDueForExtension(expires: Date): boolean {
  return expires.getTime() - (SESSION_MAX_AGE_SECONDS - SESSION_UPDATE_AGE_SECONDS) * 1000 <= Date.now();
}

export interface SessionMemberRow {
  userId: string;
  email: string;
  expires: Date;
  role: Role | null;
  organizationId: string | null;
  organizationName: string | null;
}

/** The SELECT for a session token; also folded into the dashboard's one query (read-dashboard.ts). */
export function sessionMemberSql(token: string): Prisma.Sql {
  return Prisma.sql`
    SELECT u.id AS "userId", u.email, s.expires, m.role, o.id AS "organizationId", o.name AS "organizationName"
    FROM ${liveSessionSql(token)} s
    JOIN "User" u ON u.id = s."userId"
    LEFT JOIN "Membership" m ON m."userId" = u.id
    LEFT JOIN "Organization" o ON o.id = m."organizationId"`;
}

/** The row (if any) as a member, or "ask next-auth" when next-auth has work to do on this session. */
export function toSessionMember(row: SessionMemberRow | undefined): SessionMember | typeof ASK_NEXT_AUTH {
  if (!row) return ASK_NEXT_AUTH;
  if (isDueForExtension(row.expires)) return ASK_NEXT_AUTH;
  return {
    user: { id: row.userId, email: row.email },
    membership:
      row.role && row.organizationId && row.organizationName !== null
        ? { role: row.role, organization: { id: row.organizationId, name: row.organizationName } }
        : null,
  };
}

/** The member behind a next-auth session token, in one query; "ask next-auth" when it has work to do. */
export async function sessionMemberByToken(token: string): Promise<SessionMember | typeof ASK_NEXT_AUTH> {
  // Straight from the pool (queryRows): every signed-in page and the operator console ask it first.
  const [row] = await queryRows<SessionMemberRow>(sessionMemberSql(token));
  return toSessionMember(row);
}

export const readSessionMember = cache(async (): Promise<SessionMember | typeof ASK_NEXT_AUTH> => {
  const token = await readSessionToken();
  return token ? sessionMemberByToken(token) : ASK_NEXT_AUTH;
});
