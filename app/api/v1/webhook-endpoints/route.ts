// POST /api/v1/webhook-endpoints – add an endpoint for events (its secret answered once); GET – list them
import { apiRoute } from "@/lib/api/api-route";
import { createWebhookEndpoint, listWebhookEndpoints } from "@/lib/api/contract/webhooks";
import { addApiWebhookEndpoint, listApiWebhookEndpoints } from "@/lib/api/webhook-endpoints";

export const dynamic = "force-dynamic";

export const POST = apiRoute(createWebhookEndpoint, async ({ body, caller }) => ({
  status: 201,
  body: await addApiWebhookEndpoint(body.url, caller.keyId),
}));

export const GET = apiRoute(listWebhookEndpoints, async () => ({
  status: 200,
  body: await listApiWebhookEndpoints(),
}));
