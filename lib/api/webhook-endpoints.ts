// The host's webhook endpoints as the API shows them (snake_case, ISO times; the secret only on creation).
import "server-only";
import {
  createWebhookEndpoint,
  deleteWebhookEndpoint,
  listWebhookEndpoints,
  type WebhookEndpointView,
} from "@/lib/host-events/manage-webhook-endpoints";
import { ApiError } from "./api-errors";

const toApi = (endpoint: WebhookEndpointView) => ({
  id: endpoint.id,
  url_hint: endpoint.urlHint,
  created_at: endpoint.createdAt.toISOString(),
});

export async function addApiWebhookEndpoint(url: string, keyId: string) {
  const { secret, ...endpoint } = await createWebhookEndpoint({ url, createdByKeyId: keyId });
  return { ...toApi(endpoint), secret };
}

export async function listApiWebhookEndpoints() {
  return { data: (await listWebhookEndpoints()).map(toApi) };
}

export async function removeApiWebhookEndpoint(id: string): Promise<void> {
  if (!(await deleteWebhookEndpoint(id))) throw new ApiError("not_found", "No webhook endpoint has this id.");
}
