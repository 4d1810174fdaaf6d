// GET /api/connections – the organization's connections (polled by the dashboard and the banner).
//   Answers carry an ETag; a poll that sends it back in If-None-Match gets an empty 304 when nothing
//   changed, which costs one small aggregate query instead of the list.
// POST /api/connections – start "Connect payroll": a Finch Connect session for a new connection
import { NextResponse } from "next/server";
import { startConnect } from "@/lib/finch-connect/start-connect";
import { connectionsEtag, etagMatches } from "@/lib/connections/connections-etag";
import { listConnections } from "@/lib/connections/list-connections";
import { jsonRoute, memberForRoute } from "@/lib/http/route-handler";

// Per organization: browsers revalidate every time, shared caches never keep it.
const CACHE_CONTROL = "private, no-cache";

export const GET = jsonRoute(async (request: Request) => {
  const member = await memberForRoute();
  // Stamped before reading: a change in between makes the next poll fetch again, never miss it.
  const etag = await connectionsEtag(member.organization.id);
  const headers = { ETag: etag, "Cache-Control": CACHE_CONTROL, Vary: "Cookie" };
  if (etagMatches(request.headers.get("if-none-match"), etag))
    return new Response(null, { status: 304, headers });
  return NextResponse.json({ connections: await listConnections(member.organization.id) }, { headers });
});

export const POST = jsonRoute(async () => {
  const member = await memberForRoute();
  return NextResponse.json(await startConnect({ member }));
});
