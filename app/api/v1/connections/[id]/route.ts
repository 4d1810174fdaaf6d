// GET /api/v1/connections/{id} – one connection
import { apiRoute } from "@/lib/api/api-route";
import { getConnection } from "@/lib/api/contract/connections";
import { getApiConnection } from "@/lib/api/read-connections";

export const dynamic = "force-dynamic";

export const GET = apiRoute(getConnection, async ({ params }) => ({
  status: 200,
  body: { connection: await getApiConnection(params.id) },
}));
