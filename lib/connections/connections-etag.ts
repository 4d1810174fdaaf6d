// A cheap version stamp for GET /api/connections: one aggregate over the organization's connections
// instead of the list itself. Every field of a ConnectionSummary lives on the Connection row (whose
// updatedAt moves on every write), the FinchCompany row (whose fetchedAt moves on every sync) or the
// newest RepairReceipt (receipts are only ever added), and the ids catch a connection that was added
// or removed, so the stamp changes whenever the answer does.
import "server-only";
import crypto from "node:crypto";
import { liveSessionSql } from "@/lib/auth/live-session-sql";
import { db, queryRows } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";

// Bump when the answer's shape changes, so a browser never keeps an answer of an older shape.
const SHAPE_VERSION = "2";

// The stamp of the organization named by scope."organizationId" (a constant, no input in it).
const STAMP = Prisma.raw(`(
  SELECT count(*)::text || '|' || coalesce(max(c."updatedAt")::text, '') || '|' ||
    coalesce(max(f."fetchedAt")::text, '') || '|' || coalesce(md5(string_agg(c.id, ',' ORDER BY c.id)), '')
  FROM "Connection" c LEFT JOIN "FinchCompany" f ON f."connectionId" = c.id
  WHERE c."organizationId" = scope."organizationId") || '|' || coalesce((
  SELECT max(r."createdAt")::text FROM "RepairReceipt" r JOIN "Connection" rc ON rc.id = r."connectionId"
  WHERE rc."organizationId" = scope."organizationId"), '')`);

function toEtag(organizationId: string, stamp: string | null): string {
  const hash = crypto
    .createHash("sha256")
    .update(`${SHAPE_VERSION}|${organizationId}|${stamp ?? ""}`)
    .digest("base64url")
    .slice(0, 27);
  return `"${hash}"`;
}

export function connectionsStampSql(organizationId: string): Prisma.Sql {
  return Prisma.sql`SELECT ${STAMP} AS stamp FROM (SELECT ${organizationId}::text AS "organizationId") scope`;
}

/** The poll's whole check: the live session, its organization and that organization's stamp. */
export function sessionConnectionsStampSql(sessionToken: string): Prisma.Sql {
  return Prisma.sql`
      SELECT s.expires, scope."organizationId", ${STAMP} AS stamp
      FROM ${liveSessionSql(sessionToken)} s LEFT JOIN "Membership" scope ON scope."userId" = s."userId"`;
}

export async function connectionsEtag(organizationId: string): Promise<string> {
  const [row] = await db().$queryRaw<{ stamp: string | null }[]>(connectionsStampSql(organizationId));
  return toEtag(organizationId, row?.stamp ?? null);
}

export interface SessionEtag {
  expires: Date;
  /** null when the session's user belongs to no organization. */
  organizationId: string | null;
  etag: string | null;
}

/**
 * A poll's whole check in one query: the live session behind the cookie, its organization and that
 * organization's ETag. Null for an unknown or expired session (next-auth then has the last word).
 */
export async function sessionConnectionsEtag(sessionToken: string): Promise<SessionEtag | null> {
  // Straight from the pool (queryRows): every open tab asks this every 15 s.
  const [row] = await queryRows<{ expires: Date; organizationId: string | null; stamp: string | null }>(
    sessionConnectionsStampSql(sessionToken),
  );
  if (!row) return null;
  const { organizationId } = row;
  return {
    expires: row.expires,
    organizationId,
    etag: organizationId ? toEtag(organizationId, row.stamp) : null,
  };
}

/** True when an If-None-Match header names this ETag (a list, weak forms and * included). */
export function etagMatches(ifNoneMatch: string | null, etag: string): boolean {
  if (!ifNoneMatch) return false;
  return ifNoneMatch
    .split(",")
    .map((tag) => tag.trim().replace(/^W\//, ""))
    .some((tag) => tag === etag || tag === "*");
}
