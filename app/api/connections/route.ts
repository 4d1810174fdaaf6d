// GET /api/connections – the organization's connections (polled by the dashboard and the banner)
// POST /api/connections – start "Connect payroll": a Finch Connect session for a new connection
import { NextResponse } from "next/server";
import { startConnect } from "@/lib/finch-connect/start-connect";
import { listConnections } from "@/lib/connections/list-connections";
import { jsonRoute, memberForRoute } from "@/lib/http/route-handler";

export const GET = jsonRoute(async () => {
  const member = await memberForRoute();
  return NextResponse.json(
    { connections: await listConnections(member.organization.id) },
    { headers: { "Cache-Control": "no-store" } },
  );
});

export const POST = jsonRoute(async () => {
  const member = await memberForRoute();
  return NextResponse.json(await startConnect({ member }));
});
