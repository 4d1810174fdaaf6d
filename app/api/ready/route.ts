// GET /api/ready – readiness: 200 when the database answers, every migration is applied and the process is not stopping
import { NextResponse } from "next/server";
import { checkReadiness } from "@/lib/ops/check-readiness";

export const dynamic = "force-dynamic";

export async function GET() {
  const readiness = await checkReadiness();
  const headers = { "Cache-Control": "no-store" };
  return readiness.ready
    ? NextResponse.json({ status: "ready" }, { headers })
    : NextResponse.json({ status: "unavailable", reason: readiness.reason }, { status: 503, headers });
}
