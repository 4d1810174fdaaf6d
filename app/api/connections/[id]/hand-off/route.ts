// POST /api/connections/:id/hand-off – "Not the right person?": invite a colleague with the reconnect link
import { NextResponse } from "next/server";
import { z } from "zod";
import { handOffRepair } from "@/lib/notifications/hand-off-repair";
import { jsonRoute, memberForRoute } from "@/lib/auth/route-handler";
import { readJsonBody } from "@/lib/http/read-json-body";

const bodySchema = z.object({ email: z.string().max(320) });

export const POST = jsonRoute(async (request: Request, { params }: { params: Promise<{ id: string }> }) => {
  const member = await memberForRoute();
  const { id } = await params;
  const { email } = await readJsonBody(request, bodySchema, 'Send { "email": "colleague@company.com" }.');
  return NextResponse.json(await handOffRepair({ member, connectionId: id, email }));
});
