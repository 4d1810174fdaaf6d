// POST /api/connections/:id/reconnect – a reauthentication Connect session for this connection
import { NextResponse } from "next/server";
import { startReconnect } from "@/lib/finch/connect/start-reconnect";
import { parseRecordId } from "@/lib/http/record-id";
import { jsonRoute, memberForRoute } from "@/lib/auth/route-handler";

export const POST = jsonRoute(async (_request: Request, { params }: { params: Promise<{ id: string }> }) => {
  const id = parseRecordId((await params).id, "connection");
  const member = await memberForRoute();
  const launch = await startReconnect({
    userId: member.id,
    organizationId: member.organization.id,
    connectionId: id,
  });
  return NextResponse.json(launch);
});
