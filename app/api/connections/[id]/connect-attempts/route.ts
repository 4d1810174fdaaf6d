// POST /api/connections/:id/connect-attempts – Finch Connect ended without success (react-connect's
// onError or onClose); counted per problem so the pages can offer help after two failures.
import { NextResponse } from "next/server";
import { z } from "zod";
import { recordFailedAttempt } from "@/lib/connections/failed-attempts";
import { parseRecordId } from "@/lib/http/record-id";
import { jsonRoute, memberForRoute } from "@/lib/auth/route-handler";
import { readJsonBody } from "@/lib/http/read-json-body";

const bodySchema = z.object({
  outcome: z.enum(["error", "closed"]),
  message: z.string().max(500).optional(),
});

export const POST = jsonRoute(async (request: Request, { params }: { params: Promise<{ id: string }> }) => {
  // Checked before anything else runs, so a malformed id spends no allowance and reaches no query.
  const id = parseRecordId((await params).id, "connection");
  const member = await memberForRoute();
  const body = await readJsonBody(request, bodySchema, 'Send { "outcome": "error" | "closed", "message"? }.');
  const result = await recordFailedAttempt({
    connectionId: id,
    organizationId: member.organization.id,
    userId: member.id,
    ...body,
  });
  return NextResponse.json(result);
});
