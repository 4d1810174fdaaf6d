// A cheap version stamp for GET /api/connections: one aggregate over the organization's connections
// instead of the list itself. Every field of a ConnectionSummary lives on the Connection row (whose
// updatedAt moves on every write) or the FinchCompany row (whose fetchedAt moves on every sync), and
// the ids catch a connection that was added or removed, so the stamp changes whenever the answer does.
import "server-only";
import crypto from "node:crypto";
import { db } from "@/lib/db";

// Bump when the answer's shape changes, so a browser never keeps an answer of an older shape.
const SHAPE_VERSION = "1";

export async function connectionsEtag(organizationId: string): Promise<string> {
  const [row] = await db().$queryRaw<{ stamp: string | null }[]>`
    SELECT count(*)::text || '|' || coalesce(max(c."updatedAt")::text, '') || '|' ||
      coalesce(max(f."fetchedAt")::text, '') || '|' || coalesce(md5(string_agg(c.id, ',' ORDER BY c.id)), '') AS stamp
    FROM "Connection" c LEFT JOIN "FinchCompany" f ON f."connectionId" = c.id
    WHERE c."organizationId" = ${organizationId}`;
  const hash = crypto
    .createHash("sha256")
    .update(`${SHAPE_VERSION}|${organizationId}|${row?.stamp ?? ""}`)
    .digest("base64url")
    .slice(0, 27);
  return `"${hash}"`;
}

/** True when an If-None-Match header names this ETag (a list, weak forms and * included). */
export function etagMatches(ifNoneMatch: string | null, etag: string): boolean {
  if (!ifNoneMatch) return false;
  return ifNoneMatch
    .split(",")
    .map((tag) => tag.trim().replace(/^W\//, ""))
    .some((tag) => tag === etag || tag === "*");
}
