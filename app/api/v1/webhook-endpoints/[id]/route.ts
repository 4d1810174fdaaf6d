// DELETE /api/v1/webhook-endpoints/{id} – remove an endpoint and its undelivered events
import { apiRoute } from "@/lib/api/api-route";
import { deleteWebhookEndpoint } from "@/lib/api/contract/webhooks";
import { removeApiWebhookEndpoint } from "@/lib/api/webhook-endpoints";

export const dynamic = "force-dynamic";

export const DELETE = apiRoute(deleteWebhookEndpoint, async ({ params }) => {
  await removeApiWebhookEndpoint(params.id);
  return { status: 204 };
});
