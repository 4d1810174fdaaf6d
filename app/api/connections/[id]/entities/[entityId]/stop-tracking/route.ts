// POST /api/connections/:id/entities/:entityId/stop-tracking – disconnect one company of a multi-entity connection
import { NextResponse } from "next/server";
import { stopTrackingEntity } from "@/lib/finch/stop-tracking-entity";
import { parseRecordId } from "@/lib/http/record-id";
import { jsonRoute, memberForRoute } from "@/lib/auth/route-handler";

export const POST = jsonRoute(
  async (_request: Request, { params }: { params: Promise<{ id: string; entityId: string }> }) => {
    const { id, entityId } = await params;
    const member = await memberForRoute();
    await stopTrackingEntity({
      connectionId: parseRecordId(id, "connection"),
      organizationId: member.organization.id,
      finchEntityId: parseRecordId(entityId, "company"),
      userId: member.id,
    });
    return NextResponse.json({ ok: true });
  },
);
