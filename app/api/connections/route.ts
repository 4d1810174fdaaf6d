// GET /api/connections – the organization's connections (polled by the dashboard and the banner).
//   Answers carry an ETag; a poll that sends it back in If-None-Match gets an empty 304 when nothing
//   changed, which costs one query (session, organization and stamp) instead of two and the list.
import { NextResponse } from "next/server";
import { isDueForExtension, readSessionToken } from "@/lib/auth/session-member";
import { AppError } from "@/lib/errors";
import { connectionsEtag, etagMatches, sessionConnectionsEtag } from "@/lib/connections/connections-etag";
import { listConnections } from "@/lib/connections/list-connections";
import { jsonRoute, memberForRoute, withJsonSecurityHeaders } from "@/lib/auth/route-handler";

// Per organization: browsers revalidate every time, shared caches never keep it.
const CACHE_CONTROL = "private, no-cache";

// Every open tab polls here, so the usual poll is one query: session, organization and ETag at once
// from next-auth's session cookie. Whenever next-auth has work to do (no cookie, an unknown, expired or
// due-for-extension session) the poll takes next-auth's path and a separate stamp query.
async function pollingVersion(): Promise<{ organizationId: string; etag: string }> {
  const token = await readSessionToken();
  const found = token ? await sessionConnectionsEtag(token) : null;
  if (found && !isDueForExtension(found.expires)) {
    if (!found.organizationId || !found.etag) throw new AppError("forbidden", "Join an organization first.");
    return { organizationId: found.organizationId, etag: found.etag };
  }
  const { organization } = await memberForRoute();
  return { organizationId: organization.id, etag: await connectionsEtag(organization.id) };
}

export const GET = withJsonSecurityHeaders(
  jsonRoute(async (request: Request) => {
    // Stamped before reading: a change in between makes the next poll fetch again, never miss it.
    const { organizationId, etag } = await pollingVersion();
    const headers = { ETag: etag, "Cache-Control": CACHE_CONTROL, Vary: "Cookie" };
    if (etagMatches(request.headers.get("if-none-match"), etag))
      return new Response(null, { status: 304, headers });
    return NextResponse.json({ connections: await listConnections(organizationId) }, { headers });
  }),
);
