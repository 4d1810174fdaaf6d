// GET /api/v1/connections – connections, filtered by status and the host's organization id, by cursor
import { apiRoute } from "@/lib/api/api-route";
import { listConnections } from "@/lib/api/contract/connections";
import { listApiConnections } from "@/lib/api/read-connections";

export const dynamic = "force-dynamic";

export const GET = apiRoute(listConnections, async ({ query }) => ({
  status: 200,
  body: await listApiConnections(query),
}));
