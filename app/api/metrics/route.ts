// GET /api/metrics – Prometheus text format (prom-client), behind METRICS_TOKEN as a bearer token
import { NextResponse } from "next/server";
import { env } from "@/lib/env";
import { logError } from "@/lib/log";
import { registerFleetGauges } from "@/lib/ops/fleet-metrics";
import { metrics } from "@/lib/observability/metrics";
import { metricsAccess } from "@/lib/ops/metrics-access";

export const dynamic = "force-dynamic";

export async function GET(request: Request) {
  const config = env();
  const access = metricsAccess({
    authorization: request.headers.get("authorization"),
    token: config.METRICS_TOKEN,
    production: config.NODE_ENV === "production",
  });
  if (!access.allowed) return NextResponse.json({ error: access.error }, { status: access.status });
  registerFleetGauges();
  const { registry } = metrics();
  try {
    return new Response(await registry.metrics(), {
      headers: { "Content-Type": registry.contentType, "Cache-Control": "no-store" },
    });
  } catch (error) {
    logError("metrics: could not collect", error);
    return NextResponse.json({ error: "Metrics are unavailable right now." }, { status: 503 });
  }
}
