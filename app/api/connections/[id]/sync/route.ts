// POST /api/connections/:id/sync – refresh company data from Finch through the gateway
import { NextResponse } from "next/server";
import { syncCompanyData } from "@/lib/finch/sync-company-data";
import { parseRecordId } from "@/lib/http/record-id";
import { jsonRoute, memberForRoute } from "@/lib/auth/route-handler";

export const POST = jsonRoute(async (_request: Request, { params }: { params: Promise<{ id: string }> }) => {
  const id = parseRecordId((await params).id, "connection");
  const member = await memberForRoute();
  const snapshot = await syncCompanyData({ connectionId: id, organizationId: member.organization.id });
  return NextResponse.json({ ...snapshot, fetchedAt: snapshot.fetchedAt.toISOString() });
});
