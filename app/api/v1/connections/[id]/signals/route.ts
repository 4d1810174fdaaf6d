// POST /api/v1/connections/{id}/signals – the host reports what Finch answered it (the "Host API" detection path)
import { apiRoute } from "@/lib/api/api-route";
import { reportSignal } from "@/lib/api/contract/connection-actions";
import { reportHostSignal } from "@/lib/api/report-host-signal";

export const dynamic = "force-dynamic";

export const POST = apiRoute(reportSignal, async ({ params, body }) => ({
  status: 202,
  body: await reportHostSignal(params.id, body),
}));
