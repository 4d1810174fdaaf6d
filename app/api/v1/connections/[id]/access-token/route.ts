// POST /api/v1/connections/{id}/access-token – the connection's current Finch token, recorded on its history
import { apiRouteCheckingKeyItself } from "@/lib/api/api-route";
import { readAccessToken } from "@/lib/api/contract/connection-actions";
import { readAccessTokenForHost } from "@/lib/api/read-access-token";

export const dynamic = "force-dynamic";

export const POST = apiRouteCheckingKeyItself(readAccessToken, async ({ params, key }) => ({
  status: 200,
  body: await readAccessTokenForHost(params.id, key, readAccessToken),
}));
