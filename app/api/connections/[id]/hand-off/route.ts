// POST /api/connections/:id/hand-off – "Not the right person?": invite a colleague with the reconnect link
import { NextResponse } from "next/server";
import { z } from "zod";
import { handOffRepair } from "@/lib/notifications/hand-off-repair";
import { parseRecordId } from "@/lib/http/record-id";
import { jsonRoute, memberForRoute } from "@/lib/auth/route-handler";
import { readJsonBody } from "@/lib/http/read-json-body";

const bodySchema = z.object({ email: z.string().max(320) });

export const POST = jsonRoute(async (request: Request, { params }: { params: Promise<{ id: string }> }) => {
  // Checked before anything else runs, so a malformed id spends no allowance and reaches no query.
  const id = parseRecordId((await params).id, "connection");
  const member = await memberForRoute();
  const { email } = await readJsonBody(request, bodySchema, 'Send { "email": "colleague@company.com" }.');
  return NextResponse.json(await handOffRepair({ member, connectionId: id, email }));
});
